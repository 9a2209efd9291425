import { parseCompose } from "../../src/engine/parse/compose.js";

describe("Compose documents", () => {
  it("accepts a trailing document separator (an empty second document), as Compose does", () => {
    const m = parseCompose("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n---\n");
    expect(m.problems).toEqual([]);
    expect(m.services.map((s) => s.name)).toEqual(["web"]);
    expect(parseCompose("compose.yaml", "services: {}\n---\n# nothing else\n").problems).toEqual([]);
  });

  it("still reports a second document with content, which this model cannot merge", () => {
    const m = parseCompose("compose.yaml", "services: {}\n---\nname: other\n");
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0].range?.start.line).toBe(2);
  });
});
