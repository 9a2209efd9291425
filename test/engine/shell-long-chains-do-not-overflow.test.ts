import { parseShell } from "../../src/engine/parse/shell.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { LineIndex } from "../../src/engine/text.js";

// mvdan-sh's syntax.Walk recurses once per node: a RUN chaining a few hundred commands with && or |
// overflowed the stack, the exception escaped parseShell, and the lazy `script` getter re-parsed
// (seconds each time) for every rule that asked.
describe("long and deep shell scripts", () => {
  it("keeps every command of a 3,000-command && chain", () => {
    const script = Array.from({ length: 3000 }, (_, i) => `echo ${i}`).join(" && ");
    const result = parseShell(script, 0, new LineIndex(script));
    expect(result.error).toBeUndefined();
    expect(result.commands).toHaveLength(3000);
    expect(result.commands[2999].args[0].value).toBe("2999");
  });

  it("keeps every pipe of a 2,000-stage pipeline", () => {
    const script = Array.from({ length: 2000 }, (_, i) => `cat f${i}`).join(" | ");
    expect(parseShell(script, 0, new LineIndex(script)).pipes).toHaveLength(1999);
  });

  it.each([
    ["subshells", "(".repeat(5000) + "true" + ")".repeat(5000)],
    ["command substitutions", "echo " + "$(".repeat(3000) + "x" + ")".repeat(3000)],
    ["if clauses", "if true; then ".repeat(2000) + "x" + "; fi".repeat(2000)],
  ])("reports nesting too deep to parse (%s) instead of throwing", (_name, script) => {
    const result = parseShell(script, 10, new LineIndex("x".repeat(10) + script));
    expect(result.commands).toEqual([]);
    expect(result.error?.message).toMatch(/nested too deeply|must|reached|unclosed/);
    expect(result.error?.range.start.line).toBe(1);
  });

  it("computes a RUN's script once even when it cannot be parsed", () => {
    const model = parseDockerfile("Dockerfile", `FROM alpine:3.20\nRUN ${"(".repeat(5000)}true${")".repeat(5000)}\n`);
    const run = model.instructions[1];
    const first = run.script;
    expect(first?.error?.message).toBe("the script is nested too deeply to parse");
    expect(run.script).toBe(first);
  });
});
