import { applyFixes, type Finding } from "../../src/engine/index.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { appendToRun } from "../../src/engine/run-append.js";

/** The file with `true` appended to its last RUN, or null when no fix is offered. */
function appended(text: string): string | null {
  const model = parseDockerfile("Dockerfile", text);
  const runs = model.instructions.map((i) => i.trigger ?? i).filter((i) => i.keyword === "RUN");
  const fix = appendToRun(model, runs[runs.length - 1], "true", "Append");
  if (!fix) return null;
  return applyFixes(text, [{ fix } as Finding]).output;
}

describe("appendToRun", () => {
  it.each([
    ["FROM debian\nRUN a && b\n", "FROM debian\nRUN a && b && true\n"],
    ["FROM debian\nRUN a || b\n", "FROM debian\nRUN a || b && true\n"],
    ["FROM debian\nRUN a | b\n", "FROM debian\nRUN a | b && true\n"],
    ["FROM debian\nRUN a;\n", "FROM debian\nRUN a && true;\n"],
    ["FROM debian\nRUN a # note\n", "FROM debian\nRUN a && true # note\n"],
    ["FROM debian\nRUN a \\\n  && b \"c d\"\n", "FROM debian\nRUN a \\\n  && b \"c d\" && true\n"],
    ["FROM debian\r\nRUN a && b\r\nCMD x\r\n", "FROM debian\r\nRUN a && b && true\r\nCMD x\r\n"],
    ["FROM debian\nRUN --mount=type=cache,target=/root/.cache a\n", "FROM debian\nRUN --mount=type=cache,target=/root/.cache a && true\n"],
  ])("appends after the last command of %j", (text, output) => {
    expect(appended(text)).toBe(output);
  });

  it.each([
    ["a compound command", "FROM debian\nRUN if a; then b; fi\n"],
    ["a subshell", "FROM debian\nRUN (a && b)\n"],
    ["a background job", "FROM debian\nRUN a &\n"],
    ["a redirection", "FROM debian\nRUN a > /tmp/log\n"],
    ["a command substitution", "FROM debian\nRUN a && v=$(b)\n"],
    ["an exit", "FROM debian\nRUN a || exit 0\n"],
    ["an exec", "FROM debian\nRUN a && exec b\n"],
    ["a dangling continuation", "FROM debian\nRUN a \\\n"],
    ["exec form", "FROM debian\nRUN [\"a\", \"b\"]\n"],
    ["a heredoc", "FROM debian\nRUN <<EOF\na\nEOF\n"],
    ["an ONBUILD trigger", "FROM debian\nONBUILD RUN a\n"],
    ["cmd", "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a\n"],
    ["PowerShell", "FROM debian\nSHELL [\"pwsh\", \"-Command\"]\nRUN a\n"],
  ])("offers nothing after %s", (_, text) => {
    expect(appended(text)).toBeNull();
  });
});
