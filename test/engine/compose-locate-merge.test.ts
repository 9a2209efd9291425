import { parseCompose } from "../../src/engine/parse/compose.js";

describe("compose locate through merge keys", () => {
  const text = "x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: alpine:3.20\n  b:\n    <<: [*base]\n";
  const model = parseCompose("compose.yaml", text);

  it("finds a value merged in from an anchor", () => {
    expect(model.locate(["services", "a", "privileged"])).toEqual({ start: { line: 2, column: 15 }, end: { line: 2, column: 19 } });
    expect(model.locateKey(["services", "b", "privileged"])).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 13 } });
  });

  it("still prefers the service's own keys", () => {
    expect(model.locate(["services", "a", "image"])).toEqual({ start: { line: 6, column: 12 }, end: { line: 6, column: 23 } });
  });
});
