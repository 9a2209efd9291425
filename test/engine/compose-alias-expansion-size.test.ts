import { parseCompose } from "../../src/engine/parse/compose.js";

const isBomb = (text: string) => parseCompose("compose.yaml", text).problems.some((p) => /alias bomb/.test(p.message));
const list = (item: string, n: number) => `[${Array(n).fill(item).join(", ")}]`;

/**
 * The alias-bomb limit is `expanded > 10 × nodes + 100,000`, where `expanded` counts each alias as
 * the whole (expanded) node it stands for. These files sit one alias either side of the limit, so
 * they pin the count exactly.
 */
describe("the size of a Compose document once its aliases are expanded", () => {
  it("counts an alias as its target's nodes", () => {
    // nodes = 5 + 999 + M; expanded = 5 + 999 + 1000 M: over the limit from M = 111.
    const file = (m: number) => `a: &a ${list("x", 999)}\nb: ${list("*a", m)}\n`;
    expect(isBomb(file(110))).toBe(false);
    expect(isBomb(file(111))).toBe(true);
  });

  it("counts an alias to a node that holds aliases as that node expanded", () => {
    // nodes = 116 + M; expanded = 1106 + 1001 M: over the limit from M = 101.
    const file = (m: number) => `a: &a ${list("x", 99)}\nc: &c ${list("*a", 10)}\nb: ${list("*c", m)}\n`;
    expect(isBomb(file(100))).toBe(false);
    expect(isBomb(file(101))).toBe(true);
  });

  it("counts a redefined anchor as the node it names at the alias", () => {
    // The second &a is one scalar: 2,000 aliases to it expand to 2,000 nodes, far under the limit.
    expect(isBomb(`a: &a ${list("x", 999)}\nz: &a y\nb: ${list("*a", 2000)}\n`)).toBe(false);
    expect(isBomb(`z: &a y\na: &a ${list("x", 999)}\nb: ${list("*a", 2000)}\n`)).toBe(true);
  });
});
