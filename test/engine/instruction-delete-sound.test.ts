/**
 * The fixes that delete a whole instruction (pointless-command's RUN of `ps` or `free`,
 * duplicate-singleton-instruction's overridden CMD, ENTRYPOINT or HEALTHCHECK), applied one at a
 * time: the fixed file re-parses to the same instructions but the deleted one, with the same
 * comments and directives, and only the deleted instruction's lines are gone from its text.
 */
import duplicateSingleton from "../../rules/dockerfile/duplicate-singleton-instruction.js";
import pointlessCommand from "../../rules/dockerfile/pointless-command.js";
import { applyFixes, audit, DEFAULT_CONFIG, type Finding } from "../../src/engine/index.js";
import { parseDockerfile, type DfInstruction, type DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { Rule } from "../../src/engine/rule.js";

/** What an instruction says, whatever line it sits on. */
const meaning = (i: DfInstruction) => JSON.stringify([i.keyword, i.flags.map((f) => [f.name, f.value]), i.argsText, i.execForm, i.heredocs.map((h) => h.content)]);
const comments = (m: DockerfileModel) => m.comments.map((c) => c.text);
const directives = (m: DockerfileModel) => m.directives.map((d) => [d.name, d.value]);

function fixedFindings(rule: Rule, code: string): Finding[] {
  const config = { ...DEFAULT_CONFIG, rules: { [rule.meta.id]: { severity: "warning" as const } } };
  return audit([{ path: "Dockerfile", content: code }], [rule], { config }).findings.filter((f) => f.ruleId === rule.meta.id && f.fix);
}

/** Problems of the file that deleting the instruction `finding` points at makes; none when sound. */
function deletionProblems(code: string, finding: Finding): string[] {
  const before = parseDockerfile("Dockerfile", code);
  const output = applyFixes(code, [finding]).output;
  const after = parseDockerfile("Dockerfile", output);
  const line = finding.range!.start.line;
  const deleted = before.instructions.findIndex((i) => i.range.start.line <= line && line <= i.range.end.line);
  const problems: string[] = [];
  if (deleted < 0) return [`no instruction at line ${line}`];
  if (after.instructions.length !== before.instructions.length - 1) problems.push(`${before.instructions.length} -> ${after.instructions.length} instructions`);
  const expected = before.instructions.filter((_, k) => k !== deleted).map(meaning);
  if (JSON.stringify(after.instructions.map(meaning)) !== JSON.stringify(expected)) problems.push("other instructions changed");
  if (JSON.stringify(comments(after)) !== JSON.stringify(comments(before))) problems.push("comments changed");
  if (JSON.stringify(directives(after)) !== JSON.stringify(directives(before))) problems.push("directives changed");
  if (JSON.stringify(after.stages.map((s) => s.name)) !== JSON.stringify(before.stages.map((s) => s.name))) problems.push("stages changed");
  // The text is the old text without the deleted instruction's lines, line breaks included.
  const lines = code.split(/(?<=\n)/);
  const { start, end } = before.instructions[deleted].range;
  if (output !== [...lines.slice(0, start.line - 1), ...lines.slice(end.line)].join("")) problems.push("text outside the instruction's lines changed");
  return problems;
}

/** Each fixture with LF and with CRLF line breaks. */
const bothBreaks = (cases: [string, string][]): [string, string][] => cases.flatMap(([name, code]) => [[`${name} (LF)`, code], [`${name} (CRLF)`, code.replace(/\n/g, "\r\n")]]);

describe.each([
  [
    pointlessCommand.meta.id,
    pointlessCommand,
    bothBreaks([
      ["first after FROM", "FROM debian:12\nRUN ps aux\nRUN make\n"],
      ["in the middle", "# syntax=docker/dockerfile:1\nFROM debian:12\nWORKDIR /app\nRUN free -m\nCOPY . .\nRUN make\n"],
      ["at the end", "FROM debian:12\nRUN make\n# memory\nRUN free\n"],
      ["on continuation lines", "FROM debian:12\nRUN apt-get install -y procps\n  RUN ps \\\n    aux \\\n    --forest\nCMD [\"app\"]\n"],
      ["in exec form", "FROM debian:12 AS build\nRUN [\"ps\", \"-e\"]\nFROM build\nRUN make\n"],
      ["after an empty continuation line", "FROM debian:12\nRUN free \\\n\n  -h\nRUN make\n"],
    ]),
  ],
  [
    duplicateSingleton.meta.id,
    duplicateSingleton,
    bothBreaks([
      ["first after FROM", "FROM alpine:3.20\nCMD [\"a\"]\nRUN make\nCMD [\"b\"]\n"],
      ["in the middle", "FROM alpine:3.20\nRUN make\nENTRYPOINT [\"a\"]\nENV A=1\nENTRYPOINT [\"b\"]\nCMD x\n"],
      ["at the end of a stage", "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\nFROM base\nCMD x\n"],
      ["on continuation lines", "FROM alpine:3.20\n# server\n  CMD [\"./app\", \\\n    \"--port\", \\\n    \"80\"]\nCMD [\"./app\"]\n"],
    ]),
  ],
] as const)("%s deleting an instruction", (_id: string, rule: Rule, cases: [string, string][]) => {
  it.each(cases)("%s", (_name, code) => {
    const fixed = fixedFindings(rule, code);
    expect(fixed).toHaveLength(1);
    expect(deletionProblems(code, fixed[0])).toEqual([]);
  });
});
