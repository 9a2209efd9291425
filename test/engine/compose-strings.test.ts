import { parseCompose } from "../../src/engine/parse/compose.js";
import { composeStrings } from "../../src/engine/query.js";

describe("composeStrings", () => {
  it("yields each string value with its path and range, worked out on first read and the same on every read", () => {
    const m = parseCompose("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:80\", 443]\n    environment:\n      A: \"${X:-y}\"\n      1: two\nx-a: &a {k: v}\nx-b: *a\n");
    const found = [...composeStrings(m)];
    expect(found.map((s) => [s.value, s.path, s.range?.start.line, s.range?.start.column, s.range?.end.column])).toEqual([
      ["nginx", ["services", "web", "image"], 3, 12, 17],
      ["80:80", ["services", "web", "ports", 0], 4, 13, 20],
      ["${X:-y}", ["services", "web", "environment", "A"], 6, 10, 19],
      ["two", ["services", "web", "environment", 1], 7, 10, 13],
      ["v", ["x-a", "k"], 8, 13, 14],
    ]);
    expect(found[2].path).toBe(found[2].path);
    expect(found[2].range).toBe(found[2].range);
  });

  it("with a filter, yields the strings it accepts, as the unfiltered walk does, per model", () => {
    const text = "services:\n  web:\n    image: ${IMG:-nginx}\n    ports: [\"${P}:80\", 443]\n    environment: [\"A=${X:-y}\", B=two]\nx-a: &a {k: $v}\nx-b: *a\n";
    const m = parseCompose("compose.yaml", text);
    const accept = (v: string) => v.includes("$");
    const show = (found: Iterable<{ value: string; path: readonly (string | number)[]; range: unknown }>) => [...found].map((s) => [s.value, s.path, s.range]);
    expect(show(composeStrings(m, accept))).toEqual(show([...composeStrings(m)].filter((s) => accept(s.value))));
    expect(show(composeStrings(m, accept)).map(([v]) => v)).toEqual(["${IMG:-nginx}", "${P}:80", "A=${X:-y}", "$v"]);
    // Another model of other text: its own strings only.
    expect(show(composeStrings(parseCompose("b.yaml", "services: {a: {image: $Z}}\n"), accept)).map(([v]) => v)).toEqual(["$Z"]);
  });

  it("yields a document that is one string at the empty path", () => {
    const [only] = [...composeStrings(parseCompose("compose.yaml", "just text\n"))];
    expect([only.value, only.path]).toEqual(["just text", []]);
  });
});
