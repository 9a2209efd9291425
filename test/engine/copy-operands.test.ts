import { copyOperands } from "../../src/engine/copy.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";

function operandsOf(text: string) {
  const model = parseDockerfile("Dockerfile", text);
  const ins = model.instructions[1];
  const { sources, dest, heredocSources } = copyOperands(model, ins);
  const show = (w: { value: string; range: { start: { line: number; column: number }; end: { column: number } } }) =>
    `${w.value}@${w.range.start.line}:${w.range.start.column}-${w.range.end.column}`;
  return { sources: sources.map(show), dest: dest && show(dest), heredocs: heredocSources.map((w) => w.value) };
}

describe("copyOperands", () => {
  it("splits shell form into sources and the last operand as destination", () => {
    expect(operandsOf("FROM a\nCOPY --chown=app a.txt b/ /app/\n")).toEqual({ sources: ["a.txt@2:18-23", "b/@2:24-26"], dest: "/app/@2:27-32", heredocs: [] });
  });

  it("gives exec-form operands the ranges of their quoted tokens and unquoted values", () => {
    expect(operandsOf('FROM a\nADD ["my file.tgz", "/opt/"]\n')).toEqual({ sources: ["my file.tgz@2:6-19"], dest: "/opt/@2:21-28", heredocs: [] });
  });

  it("keeps files copied beside a heredoc as sources and leaves the heredoc body out", () => {
    expect(operandsOf("FROM a\nCOPY <<EOF .env /app/\nA=1 b c\nEOF\n")).toEqual({ sources: [".env@2:12-16"], dest: "/app/@2:17-22", heredocs: ["<<EOF"] });
  });

  it("has no destination when there is a single operand", () => {
    expect(operandsOf("FROM a\nCOPY only\n")).toEqual({ sources: ["only@2:6-10"], dest: null, heredocs: [] });
  });
});
