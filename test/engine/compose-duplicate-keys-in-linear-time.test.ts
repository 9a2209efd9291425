import { parseCompose } from "../../src/engine/parse/compose.js";

// yaml's own uniqueKeys check compares each key with every earlier one: a Compose file with 10,000
// environment entries took seconds, a 5 MB map minutes. The parser now checks with a Set.
describe("duplicate keys", () => {
  it("are reported at the repeated key, in block and flow maps", () => {
    const model = parseCompose("compose.yaml", "services:\n  web:\n    image: a\n    image: b\n  db: {image: c, image: d}\n");
    expect(model.problems.map((p) => [p.message, p.range?.start])).toEqual([
      ["Map keys must be unique", { line: 4, column: 5 }],
      ["Map keys must be unique", { line: 5, column: 18 }],
    ]);
  });

  it("allow several merge keys and equal keys in different maps", () => {
    const model = parseCompose("compose.yaml", "x: &x {a: 1}\ny: &y {b: 2}\nservices:\n  web:\n    <<: *x\n    <<: *y\n    image: a\n  db:\n    image: a\n");
    expect(model.problems).toEqual([]);
  });

  it("are found in a map of 100,000 keys without comparing every pair", () => {
    const env = Array.from({ length: 100_000 }, (_, i) => `      K${i}: v`).join("\n");
    const model = parseCompose("compose.yaml", `services:\n  web:\n    image: a\n    environment:\n${env}\n      K5: again\n`);
    expect(model.problems.map((p) => p.range?.start.line)).toEqual([100_005]);
  }, 180_000);
});
