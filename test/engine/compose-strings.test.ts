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

  it("yields a document that is one string at the empty path", () => {
    const [only] = [...composeStrings(parseCompose("compose.yaml", "just text\n"))];
    expect([only.value, only.path]).toEqual(["just text", []]);
  });
});
