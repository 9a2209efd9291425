import { isScalar, isSeq, parse, Scalar, type YAMLSeq } from "yaml";
import { commandLine, splitByReceiver, type CommandLine } from "../../src/engine/exec-program.js";
import { nodeAt, type ComposeModel, type ComposeService, type YamlPath } from "../../src/engine/parse/compose.js";
import type { Project } from "../../src/engine/project.js";
import { oncePerRange, verbatimScalar } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { serviceDefines } from "../../src/engine/service-lifecycle.js";
import { setsEntrypoint } from "../../src/engine/stage-roles.js";
import type { Edit, Fix, ReportDescriptor, Severity } from "../../src/engine/types.js";
import { eolOf } from "../../src/engine/yaml-edit.js";

export default defineComposeRule({
  meta: {
    id: "compose-exec-form-command-line",
    code: "DC316",
    category: "reliability",
    severity: "error",
    description: "A list-form `entrypoint`, `command` or healthcheck `CMD` gives a whole command line (`[\"npm start\"]`) as its program, which does not exist, or a healthcheck `test: NONE` runs a command named NONE.",
    aliases: [],
    fixable: true,
    messages: {
      noneCommand: "Service `{{service}}`: `healthcheck.test` {{how}}, and no such command exists, so every check fails and the container never becomes healthy. To switch the image's healthcheck off, write `test: [\"NONE\"]` (or `disable: true`).",
      commandLine: "Service `{{service}}`: the list form of `{{key}}` runs `{{program}}` as one program name, spaces included; no such program exists (\"executable file not found in $PATH\"), so {{outcome}}. Put each word in its own item{{hint}}.",
    },
  },
  check({ model, project, report: reportAll }) {
    // A list shared through an alias or a merge key (`<<: *common`) is reported once, where it is written.
    const once = oncePerRange();
    const report = (d: ReportDescriptor) => void (once(d.range ?? null) && reportAll(d));
    for (const service of model.services) {
      for (const key of ["entrypoint", "command", "healthcheck"] as const) {
        const path = key === "healthcheck" ? [...service.path, "healthcheck", "test"] : [...service.path, key];
        const seq = nodeAt(model, path);
        // Written elsewhere, the list is shared: an edit there changes every service that uses it.
        const shared = model.doc.getIn(path, true) !== seq;
        if (key === "healthcheck" && reportNone(model, service, path, seq, shared, report)) continue;
        if (!isSeq(seq)) continue;
        const first = key === "healthcheck" ? 1 : 0;
        if (key === "healthcheck" && !(isScalar(seq.items[0]) && seq.items[0].value === "CMD")) continue;
        const item = seq.items[first];
        if (!isScalar(item) || typeof item.value !== "string") continue;
        const line = commandLine(item.value);
        if (!line) continue;
        // The entrypoint receives the command as its arguments (`entrypoint: ["sh", "-c"]` runs it);
        // one given `--smp 1` as one argument evidently splits its arguments into words itself.
        if (key === "command" && (hasEntrypoint(project, model, service) || splitByReceiver(argsOf(seq, first)))) continue;
        const shellSyntax = key === "healthcheck" && !line.plain && seq.items.length === 2;
        const severity: Severity = key === "command" ? "warning" : "error";
        report({
          messageId: "commandLine",
          severity,
          data: { service: service.name, key: key === "healthcheck" ? "healthcheck.test" : key, program: item.value, outcome: OUTCOME[key], hint: shellSyntax ? ", or make the test `CMD-SHELL` to keep its shell syntax" : "" },
          range: model.locate([...path, first]),
          service: service.name,
          fix: shared ? undefined : fixOf(model, path, seq, first, line, shellSyntax),
        });
      }
    }
  },
});

const OUTCOME = {
  entrypoint: "the container fails to start",
  command: "the container fails to start (unless the image's ENTRYPOINT reads it as arguments)",
  healthcheck: "every check fails and the container never becomes healthy",
};

const isNone = (node: unknown): node is Scalar => isScalar(node) && typeof node.value === "string" && node.value.trim().toUpperCase() === "NONE";

/**
 * `test: NONE` is `["CMD-SHELL", "NONE"]` (a string test is run with the shell), and `["CMD", "NONE"]`
 * runs a program named NONE: only a list whose first item is NONE switches the check off.
 */
function reportNone(model: ComposeModel, service: ComposeService, path: YamlPath, test: unknown, shared: boolean, report: (d: ReportDescriptor) => void): boolean {
  let how: string;
  let at: YamlPath;
  let fix: Fix | undefined;
  if (isNone(test)) {
    how = `is a string, which Compose runs with the container's shell (\`/bin/sh -c ${test.value}\`)`;
    at = path;
    const range = test.anchor ? null : verbatimScalar(model, model.locate(path), String(test.value));
    // The quotes go too: the whole scalar becomes the list.
    if (range) fix = { description: "Switch the healthcheck off with [\"NONE\"]", edits: [{ range: model.locate(path)!, text: '["NONE"]' }] };
  } else if (isSeq(test) && test.items.length === 2 && isScalar(test.items[0]) && (test.items[0].value === "CMD" || test.items[0].value === "CMD-SHELL") && isNone(test.items[1])) {
    how = test.items[0].value === "CMD" ? `runs \`${test.items[1].value}\` as its program (\`CMD\`)` : `runs \`${test.items[1].value}\` with the container's shell (\`CMD-SHELL\`)`;
    at = [...path, 1];
    const range = model.locate(path);
    const whole = !test.anchor && test.flow && test.items.every((i) => isScalar(i) && !i.anchor) && range && range.start.line === range.end.line;
    if (whole) fix = { description: "Switch the healthcheck off with [\"NONE\"]", edits: [{ range, text: '["NONE"]' }] };
  } else {
    return false;
  }
  report({ messageId: "noneCommand", data: { service: service.name, how }, range: model.locate(at), service: service.name, fix: shared ? undefined : fix });
  return true;
}

/** The items after the program, as strings. */
const argsOf = (seq: YAMLSeq, program: number): string[] => seq.items.slice(program + 1).map((i) => (isScalar(i) ? String(i.value) : ""));

/** True when the service, or the Dockerfile stage it builds, sets an entrypoint (unknown counts). */
function hasEntrypoint(project: Project, model: ComposeModel, service: ComposeService): boolean {
  if (serviceDefines(project, model, service, (d) => d.entrypoint !== undefined) !== false) return true;
  const linked = project.services.find((s) => s.composeFile === model.path && s.name === service.name);
  return !!linked?.stage && setsEntrypoint(linked.stage);
}

function fixOf(model: ComposeModel, path: YamlPath, seq: YAMLSeq, first: number, line: CommandLine, shellSyntax: boolean): Fix | undefined {
  // An anchored list or item is shared: changing it changes every alias of it.
  if (seq.anchor || seq.items.some((i) => !isScalar(i) || i.anchor)) return undefined;
  const item = seq.items[first] as Scalar;
  if (shellSyntax) {
    const type = verbatimScalar(model, model.locate([...path, 0]), "CMD");
    return type ? { description: "Run the test with the container's shell (CMD-SHELL)", edits: [{ range: type, text: "CMD-SHELL" }] } : undefined;
  }
  if (!line.plain) return undefined;
  const range = model.locate([...path, first]);
  if (!range || !verbatimScalar(model, range, String(item.value))) return undefined;
  const style = item.type === Scalar.QUOTE_DOUBLE || item.type === Scalar.QUOTE_SINGLE || item.type === Scalar.PLAIN ? item.type : null;
  if (!style) return undefined;
  const words = line.words.map((w) => render(w, style));
  const edit = seq.flow ? flowEdit(model, path, seq, first, range, words) : blockEdit(model, range, words);
  return edit ? { description: "Put each word in its own item", edits: [edit] } : undefined;
}

/** `["npm start"]` becomes `["npm", "start"]`, with the list's own separator. */
function flowEdit(model: ComposeModel, path: YamlPath, seq: YAMLSeq, first: number, range: Edit["range"], words: string[]): Edit | undefined {
  let separator = ", ";
  const next = seq.items.length > first + 1 ? model.locate([...path, first + 1]) : null;
  if (next) {
    const between = model.text.slice(model.index.offset(range.end), model.index.offset(next.start));
    if (/^[ \t]*,[ \t]*$/.test(between)) separator = between;
  }
  if (range.start.line !== range.end.line) return undefined;
  return { range, text: words.join(separator) };
}

/** `- npm start` becomes `- npm` and `- start` on lines of their own, indented alike. */
function blockEdit(model: ComposeModel, range: Edit["range"], words: string[]): Edit | undefined {
  const before = model.index.line(range.start.line).slice(0, range.start.column - 1);
  const dash = /^([ \t]*)-[ \t]+$/.exec(before);
  if (!dash || range.start.line !== range.end.line) return undefined;
  const eol = eolOf(model);
  return { range, text: words[0] + words.slice(1).map((w) => `${eol}${dash[1]}- ${w}`).join("") };
}

/** A word in the item's quoting style; a plain word YAML would read as anything but that string is double-quoted. */
function render(word: string, style: Scalar.Type): string {
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(word);
  if (style === Scalar.QUOTE_SINGLE) return `'${word}'`;
  return readsAsString(word) ? word : JSON.stringify(word);
}

/** True when `word` is the same string as a plain scalar in flow and block lists, under YAML 1.2 and 1.1 alike. */
function readsAsString(word: string): boolean {
  if (/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(word)) return false;
  try {
    const flow: unknown = parse(`[${word}]`);
    const block: unknown = parse(`- ${word}`);
    return Array.isArray(flow) && flow.length === 1 && flow[0] === word && Array.isArray(block) && block[0] === word;
  } catch {
    return false;
  }
}
