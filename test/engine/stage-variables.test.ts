import { StageVariables } from "../../src/engine/stage-variables.js";

const prop = (name: string, value: string, hasEquals = true) => ({ name, value, hasEquals });

describe("StageVariables", () => {
  it("expands values with the variables declared before them", () => {
    const vars = new StageVariables(new Map());
    expect(vars.declare("ARG", prop("MODE", "production"))).toBe("production");
    expect(vars.declare("ENV", prop("NODE_ENV", "$MODE"))).toBe("production");
    expect(vars.declare("ENV", prop("LABEL", "${MODE}-${NODE_ENV}"))).toBe("production-production");
  });

  it("takes a redeclared global ARG's default, and keeps what the stage already set", () => {
    const vars = new StageVariables(new Map([["MODE", "production"]]));
    expect(vars.declare("ARG", prop("MODE", "", false))).toBe("production");
    vars.declare("ENV", prop("TIER", "web"));
    expect(vars.declare("ARG", prop("TIER", "", false))).toBe("web");
  });

  it("knows nothing of an ARG without default, nor of what uses it or an operator", () => {
    const vars = new StageVariables(new Map());
    expect(vars.declare("ARG", prop("MODE", "", false))).toBeNull();
    expect(vars.declare("ENV", prop("NODE_ENV", "$MODE"))).toBeNull();
    expect(vars.expand("${UNSET:-production}")).toBeNull();
    expect(vars.expand("plain")).toBe("plain");
  });
});
