import { audit } from "../../src/engine/index.js";
import { parseDockerfile, SHELL_LIMITS } from "../../src/engine/parse/dockerfile.js";

// mvdan-sh parses a few hundred kilobytes a second: a 1 MB RUN or 50,000 RUN lines held a run for
// minutes. Past SHELL_LIMITS a script is not parsed and says why, once per file.
describe("the shell-parsing budget of a Dockerfile", () => {
  it("refuses one script over the per-script limit, naming the limit and its line", () => {
    const long = "echo " + "x".repeat(SHELL_LIMITS.maxScriptChars);
    const model = parseDockerfile("Dockerfile", `FROM alpine:3.20\nRUN true\nRUN ${long}\nRUN apt-get update\n`);
    const [, short, huge, after] = model.instructions;
    expect(short.script?.commands.map((c) => c.name)).toEqual(["true"]);
    expect(huge.script?.commands).toEqual([]);
    expect(huge.script?.error?.message).toContain(`over ${SHELL_LIMITS.maxScriptChars} characters`);
    expect(huge.script?.error?.range.start).toEqual({ line: 3, column: 5 });
    expect(after.script?.commands.map((c) => c.name)).toEqual(["apt-get"]);
  });

  it("stops after the per-file number of scripts, with one error on the first script refused", () => {
    const lines = Array.from({ length: SHELL_LIMITS.maxScripts + 50 }, (_, i) => `RUN echo ${i}`);
    const model = parseDockerfile("Dockerfile", `FROM alpine:3.20\n${lines.join("\n")}\n`);
    const runs = model.instructions.filter((i) => i.keyword === "RUN");
    expect(runs[SHELL_LIMITS.maxScripts - 1].script?.commands).toHaveLength(1);
    const refused = runs.slice(SHELL_LIMITS.maxScripts).map((r) => r.script);
    expect(refused.every((s) => s?.commands.length === 0)).toBe(true);
    expect(refused.filter((s) => s?.error)).toHaveLength(1);
    expect(refused[0]?.error?.message).toContain("shell parsing stops here");
    expect(refused[0]?.error?.range.start.line).toBe(SHELL_LIMITS.maxScripts + 2);
  });

  it("does not charge exec-form instructions or other shells to the budget", () => {
    const lines = Array.from({ length: SHELL_LIMITS.maxScripts + 10 }, () => `RUN ["echo", "x"]`);
    const model = parseDockerfile("Dockerfile", `FROM alpine:3.20\n${lines.join("\n")}\nRUN echo last\n`);
    expect(model.instructions[model.instructions.length - 1].script?.commands.map((c) => c.name)).toEqual(["echo"]);
  });

  it("raises one shell-not-parsed finding where each refused script starts, whatever the rules", () => {
    const runs = Array.from({ length: 5 }, (_, i) => `RUN echo ${i} ${"y".repeat(60_000)}`).join("\n");
    const long = "x".repeat(SHELL_LIMITS.maxScriptChars);
    const report = audit([{ path: "Dockerfile", content: `FROM alpine:3.20\nCMD echo ${long}\n${runs}\n` }], []);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.range?.start.line, f.message.slice(0, 60)])).toEqual([
      ["shell-not-parsed", "info", 2, "The shell script of this CMD was not checked: this script is"],
      ["shell-not-parsed", "info", 7, "The shell script of this RUN was not checked: shell parsing "],
    ]);
    expect(report.findings[0].docsUrl).toMatch(/builtin-findings\.md#shell-not-parsed$/);
  });
});
