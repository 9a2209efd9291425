import { copyOperands } from "../../src/engine/copy.js";
import { KNOWN_INSTRUCTIONS } from "../../src/engine/instructions.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { closest } from "../../src/engine/suggest.js";
import type { Range, ReportDescriptor } from "../../src/engine/types.js";

/** Instructions Docker rejects without an argument. */
const NEEDS_ARGUMENT = new Set(["ENV", "LABEL", "ONBUILD", "HEALTHCHECK", "EXPOSE", "VOLUME", "ARG", "WORKDIR", "USER", "STOPSIGNAL", "MAINTAINER", "SHELL"]);
const FLAGS: Record<string, string[]> = {
  FROM: ["platform"],
  RUN: ["mount", "network", "security", "device"],
  COPY: ["from", "chown", "chmod", "link", "parents", "exclude"],
  ADD: ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
  HEALTHCHECK: ["interval", "timeout", "start-period", "start-interval", "retries"],
};
/** Bracketed text that was meant as JSON: a quoted item followed by a comma, or `[word,`. */
const JSONISH = /^\[\s*(?:(["'])[^"'\n]*\1\s*,|[^\s\],"']+\s*,)/;
const JSON_FORMS = new Set(["RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "VOLUME"]);
/** Findings per file; garbage input would otherwise produce one per line. */
const MAX_FINDINGS = 25;

export default defineDockerfileRule({
  meta: {
    id: "dockerfile-syntax",
    code: "DF336",
    category: "reliability",
    severity: "error",
    description: "The Dockerfile cannot be parsed or built: unknown instructions, missing arguments, broken JSON, shell or heredoc syntax.",
    aliases: [],
    messages: {
      empty: "The Dockerfile has no instructions, so Docker refuses to build it.",
      noFrom: "The Dockerfile has no FROM instruction, so there is no stage to build.",
      unknown: "`{{keyword}}` is not a Dockerfile instruction, so Docker stops with \"unknown instruction\".{{hint}}",
      unknownFlag: "`--{{flag}}` is not an option of {{keyword}}, so Docker rejects the instruction.{{hint}}",
      missing: "`{{keyword}}` needs {{what}}; Docker rejects the instruction as written.",
      fromForm: "FROM takes an image, optionally followed by `AS <name>`; `{{text}}` does not fit that form, so Docker rejects it.",
      noValue: "`{{name}}` has no value; write `{{keyword}} {{name}}=<value>`.",
      healthcheckType: "HEALTHCHECK must be followed by `CMD <command>` or `NONE`; Docker rejects `{{word}}`.",
      shellJson: "SHELL must be written as a JSON array, for example SHELL [\"/bin/bash\", \"-c\"]; Docker rejects any other form.",
      notJson: "This looks like the JSON (exec) form but is not valid JSON (strings need double quotes, items need commas), so Docker reads it as {{fallback}}. Write it as [\"first\", \"second\"].",
      shellSyntax: "The shell script of this {{keyword}} does not parse ({{message}}), so it fails when it runs.",
      heredoc: "The heredoc `<<{{name}}` is never closed by a line reading `{{name}}`, so the rest of the file becomes part of this instruction.",
    },
  },
  check({ model, report: emit }) {
    let count = 0;
    const report = (d: ReportDescriptor) => {
      if (count++ < MAX_FINDINGS) emit(d);
    };
    if (!model.instructions.length) {
      report({ messageId: "empty", range: model.index.lineRange(1) });
      return;
    }
    if (!model.stages.length && model.instructions.every((i) => KNOWN_INSTRUCTIONS.has(i.keyword))) {
      report({ messageId: "noFrom", range: model.instructions[0].keywordRange });
    }
    for (const ins of everyInstruction(model)) {
      if (count >= MAX_FINDINGS) break;
      checkInstruction(model, ins, report);
    }
  },
});

function checkInstruction(model: DockerfileModel, ins: DfInstruction, report: (d: ReportDescriptor) => void): void {
  const { keyword } = ins;
  if (!KNOWN_INSTRUCTIONS.has(keyword)) {
    const guess = closest(keyword, KNOWN_INSTRUCTIONS);
    report({ messageId: "unknown", data: { keyword: ins.keywordText, hint: guess ? ` Did you mean \`${guess}\`?` : "" }, range: ins.keywordRange });
    return;
  }
  for (const flag of ins.flags) {
    const known = FLAGS[keyword] ?? [];
    if (known.includes(flag.name)) continue;
    const guess = closest(flag.name, known);
    report({ messageId: "unknownFlag", data: { flag: flag.name, keyword, hint: guess ? ` Did you mean \`--${guess}\`?` : "" }, range: flag.range });
  }
  const empty = !ins.args.length && !ins.heredocs.length;
  if (keyword === "FROM") checkFrom(model, ins, report);
  else if (keyword === "COPY" || keyword === "ADD") {
    const { sources, heredocSources, dest } = copyOperands(model, ins);
    if (!dest || sources.length + heredocSources.length < 1) {
      report({ messageId: "missing", data: { keyword, what: "a source and a destination" }, range: ins.argsRange ?? ins.keywordRange });
    }
  } else if (NEEDS_ARGUMENT.has(keyword) && empty) {
    report({ messageId: "missing", data: { keyword, what: "an argument" }, range: ins.keywordRange });
  }
  if (keyword === "ENV" || keyword === "LABEL") {
    for (const p of ins.properties) if (!p.hasEquals && !p.value) report({ messageId: "noValue", data: { name: p.name, keyword }, range: p.nameRange });
  }
  if (keyword === "HEALTHCHECK" && ins.args.length) {
    const type = ins.args[0].value.toUpperCase();
    if (type !== "CMD" && type !== "NONE") report({ messageId: "healthcheckType", data: { word: ins.args[0].value }, range: ins.args[0].range });
    else if (type === "CMD" && ins.args.length === 1) report({ messageId: "missing", data: { keyword: "HEALTHCHECK CMD", what: "a command" }, range: ins.args[0].range });
  }
  if (keyword === "SHELL" && ins.args.length && !ins.execForm?.length) report({ messageId: "shellJson", range: argsSpan(ins) });
  else if (JSON_FORMS.has(keyword) && !ins.execForm && JSONISH.test(argsBody(model, ins))) {
    const fallback = keyword === "COPY" || keyword === "ADD" || keyword === "VOLUME" ? "space-separated paths with brackets and quotes in their names" : "a shell command starting with `[`";
    report({ messageId: "notJson", data: { fallback }, range: argsSpan(ins) });
  }
  const script = ins.script;
  const dialect = script?.error ? shellDialect(model, ins) : null;
  // Scripts too large to parse carry an error too, but that is a limit, not a syntax problem.
  if (script?.error && dialect && dialect !== "zsh" && !/not parsed|parsing stops/.test(script.error.message)) {
    const start = script.error.range.start;
    const end = { line: start.line, column: Math.max(start.column + 1, model.index.lineLength(start.line) + 1) };
    report({ messageId: "shellSyntax", data: { keyword, message: script.error.message }, range: { start, end } });
  }
  checkHeredocs(model, ins, report);
}

/** The text from the first argument to the end of the last; cut only for the instructions that test it. */
function argsBody(model: DockerfileModel, ins: DfInstruction): string {
  return ins.args.length ? model.index.slice({ start: ins.args[0].range.start, end: ins.args[ins.args.length - 1].range.end }) : "";
}

function checkFrom(model: DockerfileModel, ins: DfInstruction, report: (d: ReportDescriptor) => void): void {
  const n = ins.args.length;
  if (!n) {
    report({ messageId: "missing", data: { keyword: "FROM", what: "an image" }, range: ins.keywordRange });
    return;
  }
  if (n === 1 || (n === 3 && ins.args[1].value.toUpperCase() === "AS")) return;
  report({ messageId: "fromForm", data: { text: ins.args.map((a) => a.value).join(" ") }, range: argsSpan(ins) });
}

function checkHeredocs(model: DockerfileModel, ins: DfInstruction, report: (d: ReportDescriptor) => void): void {
  if (!ins.heredocs.length) return;
  // Every line of the instruction after its first, as a heredoc terminator would read it.
  const lines = new Set<string>();
  for (let line = ins.range.start.line + 1; line <= ins.range.end.line; line++) lines.add(model.index.line(line).replace(/^\t+/, ""));
  for (const h of ins.heredocs.slice(0, 10)) {
    if (lines.has(h.name)) continue;
    const opener = ins.args.find((a) => new RegExp(`^<<-?["']?${escapeRegExp(h.name)}["']?$`).test(a.value));
    report({ messageId: "heredoc", data: { name: h.name }, range: opener?.range ?? ins.keywordRange });
  }
}

const argsSpan = (ins: DfInstruction): Range =>
  ins.args.length ? { start: ins.args[0].range.start, end: ins.args[ins.args.length - 1].range.end } : ins.keywordRange;

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
