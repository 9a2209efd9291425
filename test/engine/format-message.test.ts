import { audit } from "../../src/engine/index.js";
import { formatMessage } from "../../src/engine/rule.js";
import emptyContinuation from "../../rules/dockerfile/empty-continuation.js";

describe("formatMessage", () => {
  it("fills placeholders, leaving unknown ones as written", () => {
    expect(formatMessage("Service `{{service}}` uses {{image}} ({{missing}})", { service: "web", image: "nginx" })).toBe("Service `web` uses nginx ({{missing}})");
  });

  it("fences a code-span value that holds backticks so the span stays one span", () => {
    expect(formatMessage("Run `{{cmd}}` once.", { cmd: "echo `date`" })).toBe("Run `` echo `date` `` once.");
    expect(formatMessage("Run `{{cmd}}`.", { cmd: "a``b" })).toBe("Run ``` a``b ```.");
    // Only a placeholder that is the whole span is fenced.
    expect(formatMessage("Use `${{{name}}:?}` or {{name}}.", { name: "A`B" })).toBe("Use `${A`B:?}` or A`B.");
  });

  it("never lets a backtick escape character open a code block in a comment", () => {
    const content = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n  c:\\\n";
    const [finding] = audit([{ path: "Dockerfile", content }], [emptyContinuation]).findings;
    expect(finding.message).toContain("inside a `` ` `` continuation of `RUN`");
    expect(finding.message).not.toContain("```");
  });
});
