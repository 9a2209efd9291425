import { interpolate, variableRefs } from "../../src/engine/parse/interpolation.js";

describe("Compose interpolation", () => {
  it("finds references with their operators and operands", () => {
    expect(variableRefs("postgres://${USER:-app}:${PASS-change_me}@db/${DB}?x=$HOST&y=$$LITERAL").map((r) => [r.name, r.operator, r.operand])).toEqual([
      ["USER", ":-", "app"],
      ["PASS", "-", "change_me"],
      ["DB", null, null],
      ["HOST", null, null],
    ]);
  });

  it("resolves defaults as an empty environment would", () => {
    expect(interpolate("${PORT:-8080}:80")).toBe("8080:80");
    expect(interpolate("${A}-${B:+set}-$${C}")).toBe("--${C}");
    expect(interpolate("${A:-x}", { A: "" })).toBe("x");
    expect(interpolate("${A-x}", { A: "" })).toBe("");
    expect(interpolate("${A:+alt}", { A: "1" })).toBe("alt");
    expect(interpolate("${OUTER:-${INNER:-deep}}")).toBe("deep");
  });
});
