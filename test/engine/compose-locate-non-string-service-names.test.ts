import { parseCompose } from "../../src/engine/parse/compose.js";

// toJS turns keys into strings (`1:` → "1", `null:` → ""), so rules ask for ["services", "1"];
// locate() compared the key's value (the number 1) with ===, missed, and fell back to the whole
// services map (a range of every service).
describe("locate with keys that are not strings in YAML", () => {
  const model = parseCompose("compose.yaml", "services:\n  1:\n    image: a\n  2.5:\n    image: b\n  true:\n    image: c\n  null:\n    image: d\n");

  it.each([
    ["1", 2],
    ["2.5", 4],
    ["true", 6],
    ["", 8],
  ])("finds service %j on line %i", (name, line) => {
    expect(model.services.map((s) => s.name)).toContain(name);
    expect(model.locateKey(["services", name])?.start).toEqual({ line, column: 3 });
    expect(model.locate(["services", name, "image"])?.start).toEqual({ line: line + 1, column: 12 });
  });
});
