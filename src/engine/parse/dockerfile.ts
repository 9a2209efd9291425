import { DockerfileParser, type Instruction as AstInstruction, type From as AstFrom } from "dockerfile-ast";
import { LineIndex } from "../text.js";
import { withSharedArguments } from "./ast-memo.js";
import "./ast-from-search.js";
import type { Range } from "../types.js";
import { parseShell, type ShellScript } from "./shell.js";
import { heredocScriptShell, initialShell, isCmd, parseCmdScript, readsScript, shellPragma } from "./script-shell.js";

export interface DfWord {
  value: string;
  range: Range;
}

export interface DfFlag {
  name: string;
  value: string | null;
  range: Range;
  valueRange: Range | null;
}

export interface DfProperty {
  name: string;
  value: string;
  hasEquals: boolean;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

export interface DfHeredoc {
  name: string;
  content: string;
  contentRange: Range | null;
}

export interface DfImage {
  /** As written, e.g. `docker.io/library/node:20-slim@sha256:…`. */
  ref: string;
  range: Range;
  /** Repository without registry, tag and digest: `node`, `library/node`, `org/app`. */
  name: string;
  nameRange: Range;
  registry: string | null;
  tag: string | null;
  tagRange: Range | null;
  digest: string | null;
  digestRange: Range | null;
}

export interface DfInstruction {
  /** Upper-case keyword. */
  keyword: string;
  keywordText: string;
  range: Range;
  keywordRange: Range;
  argsRange: Range | null;
  /** The raw arguments text with flags, line continuations and comments as written. */
  argsText: string;
  /** Arguments after the flags, split on whitespace as Docker does for shell form. */
  args: DfWord[];
  flags: DfFlag[];
  /** JSON (exec) form for RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME. */
  execForm: string[] | null;
  heredocs: DfHeredoc[];
  properties: DfProperty[];
  /** Index of the stage it belongs to; -1 before the first FROM. */
  stageIndex: number;
  /** The instruction ONBUILD registers, parsed the same way. */
  trigger?: DfInstruction;
  /**
   * Shell in effect: a `# hadolint shell=` pragma, else the stage's SHELL, else Docker's default
   * (`/bin/sh -c`, or `cmd /S /C` in a Windows stage).
   */
  shellName: string;
  /** Parsed shell script for shell-form RUN/CMD/ENTRYPOINT with a POSIX shell or cmd, otherwise null. */
  readonly script: ShellScript | null;
}

export interface DfStage {
  index: number;
  name: string | null;
  nameRange: Range | null;
  from: DfInstruction;
  /** null when FROM is missing an image argument. */
  image: DfImage | null;
  /** The earlier stage this one builds on (`FROM builder AS x`). */
  baseStage: DfStage | null;
  instructions: DfInstruction[];
  isFinal: boolean;
}

export interface DfDirective {
  name: string;
  value: string;
  range: Range;
}

export interface DockerfileModel {
  kind: "dockerfile";
  path: string;
  text: string;
  index: LineIndex;
  escape: string;
  /** The shell a `# hadolint shell=` pragma names for every script of the file, or null. */
  shellPragma: string | null;
  directives: DfDirective[];
  /** Every top-level instruction in order. */
  instructions: DfInstruction[];
  globalArgs: DfInstruction[];
  stages: DfStage[];
  finalStage: DfStage | null;
  comments: { text: string; range: Range }[];
}

type AstRange = { start: { line: number; character: number }; end: { line: number; character: number } };

const toRange = (r: AstRange): Range => ({
  start: { line: r.start.line + 1, column: r.start.character + 1 },
  end: { line: r.end.line + 1, column: r.end.character + 1 },
});

/**
 * dockerfile-ast ends an instruction whose line continuation runs into the end of the file at the
 * start of the line after the final line break, a line the file does not have (nor Docker, nor
 * GitHub's diff): such a range ends at the end of the line before instead.
 */
function withinLines(range: Range, index: LineIndex): Range {
  const { start, end } = range;
  if (end.column !== 1 || end.line <= start.line) return range;
  const line = end.line - 1;
  return { start, end: { line, column: index.lineLength(line) + 1 } };
}

const SHELL_FORM_SCRIPTS = new Set(["RUN", "CMD", "ENTRYPOINT"]);

/**
 * How much shell one Dockerfile may hand to the shell parser. mvdan-sh parses a few hundred
 * kilobytes a second and costs a fixed fraction of a millisecond per script, so a hostile file
 * (a 1 MB RUN, 50,000 RUN lines) would otherwise hold a run for minutes. Scripts past a limit are
 * not parsed: their `script` has no commands and an `error` naming the limit (only the first
 * script over the file's budget carries it, so one file does not raise thousands of findings).
 */
export const SHELL_LIMITS = { maxScriptChars: 65_536, maxFileScriptChars: 262_144, maxScripts: 2_000 } as const;

const REFUSALS = new WeakMap<DfInstruction, { message: string; range: Range }>();

/** Why this instruction's script was not parsed (a SHELL_LIMITS limit), without parsing anything. */
export function shellRefusal(ins: DfInstruction): { message: string; range: Range } | null {
  return REFUSALS.get(ins) ?? null;
}

interface ShellBudget {
  chars: number;
  scripts: number;
  exhausted: boolean;
}

export function parseDockerfile(path: string, text: string): DockerfileModel {
  return withSharedArguments(() => buildModel(path, text));
}

function buildModel(path: string, text: string): DockerfileModel {
  const ast = DockerfileParser.parse(withoutLoneCarriageReturns(text));
  const index = new LineIndex(text);
  const escape = ast.getEscapeCharacter();
  const stages: DfStage[] = [];
  const instructions: DfInstruction[] = [];
  const globalArgs: DfInstruction[] = [];
  const shellByStage: string[] = [];
  let shellName = "/bin/sh";
  const pragmaShell = shellPragma(text);
  const budget: ShellBudget = { chars: 0, scripts: 0, exhausted: false };
  const onbuilds: DfInstruction[] = [];

  for (const ast1 of ast.getInstructions()) {
    const keyword = ast1.getKeyword().toUpperCase();
    if (keyword === "FROM") {
      const image = imageOf(ast1 as AstFrom);
      const stageName = (ast1 as AstFrom).getBuildStage();
      const baseStage = image ? findStage(stages, image.ref) : null;
      shellName = initialShell(baseStage ? shellByStage[baseStage.index] : null, image?.ref ?? null, escape);
      const from = toInstruction(ast1, stages.length, text, index, escape, pragmaShell ?? shellName, budget, onbuilds);
      const nameRange = (ast1 as AstFrom).getBuildStageRange();
      stages.push({
        index: stages.length,
        name: stageName,
        nameRange: nameRange ? toRange(nameRange) : null,
        from,
        image,
        baseStage,
        instructions: [],
        isFinal: false,
      });
      shellByStage.push(shellName);
      instructions.push(from);
      continue;
    }
    const stage = stages[stages.length - 1];
    const instruction = toInstruction(ast1, stage ? stage.index : -1, text, index, escape, pragmaShell ?? shellName, budget, onbuilds);
    if (keyword === "SHELL" && instruction.execForm?.length) {
      shellName = instruction.execForm[0];
      if (stage) shellByStage[stage.index] = shellName;
    }
    instructions.push(instruction);
    if (stage) stage.instructions.push(instruction);
    else globalArgs.push(instruction);
  }
  if (stages.length) stages[stages.length - 1].isFinal = true;
  attachTriggers(onbuilds, ast.getDirectives().map((d) => d.getRange().start.line + 1), index, escape, budget);

  return {
    kind: "dockerfile",
    path,
    text,
    index,
    escape,
    shellPragma: pragmaShell,
    directives: ast.getDirectives().map((d) => ({ name: d.getName(), value: d.getValue(), range: toRange(d.getRange()) })),
    instructions,
    globalArgs,
    stages,
    finalStage: stages[stages.length - 1] ?? null,
    comments: ast.getComments().map((c) => ({ text: c.getContent(), range: toRange(c.getRange()) })),
  };
}

/**
 * dockerfile-ast counts a lone \r as a line break; Docker, Git and GitHub's annotations count only
 * \n. Blanking lone carriage returns (same length, so offsets hold) keeps its lines the file's.
 */
function withoutLoneCarriageReturns(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, " ") : text;
}

function findStage(stages: DfStage[], ref: string): DfStage | null {
  const lower = ref.toLowerCase();
  for (let i = stages.length - 1; i >= 0; i--) if (stages[i].name?.toLowerCase() === lower) return stages[i];
  return null;
}

function imageOf(from: AstFrom): DfImage | null {
  const ref = from.getImage();
  const range = from.getImageRange();
  if (!ref || !range) return null;
  const nameRange = from.getImageNameRange();
  const tagRange = from.getImageTagRange();
  const digestRange = from.getImageDigestRange();
  return {
    ref,
    range: toRange(range),
    name: from.getImageName() ?? ref,
    nameRange: toRange(nameRange ?? range),
    registry: from.getRegistry(),
    tag: from.getImageTag(),
    tagRange: tagRange ? toRange(tagRange) : null,
    digest: from.getImageDigest(),
    digestRange: digestRange ? toRange(digestRange) : null,
  };
}

function toInstruction(
  node: AstInstruction,
  stageIndex: number,
  text: string,
  index: LineIndex,
  escape: string,
  shellName: string,
  budget: ShellBudget,
  onbuilds: DfInstruction[] | null,
): DfInstruction {
  const keyword = node.getKeyword().toUpperCase();
  const range = withinLines(toRange(node.getRange()), index);
  const argsAst = node.getArgumentsRange();
  const argsRange = argsAst ? toRange(argsAst) : null;
  const argsText = argsRange ? index.slice(argsRange) : "";
  const flags = flagsOf(node);
  const quoted = QUOTE_REMOVING.has(keyword);
  const args = node.getArguments().map((a) => ({ value: quoted ? withoutQuotes(a.getValue()) : a.getValue(), range: toRange(a.getRange()) }));
  const heredocs = heredocsOf(node, index);
  const afterFlags = flags.length ? argsText.slice(offsetAfterFlags(argsText, flags.length)) : argsText;
  const execForm = parseExecForm(afterFlags, escape);
  const instruction: DfInstruction = new Instruction(
    {
      keyword,
      keywordText: node.getInstruction(),
      range,
      keywordRange: toRange(node.getInstructionRange()),
      argsRange,
      argsText,
      args,
      flags,
      execForm,
      heredocs,
      properties: keyword === "ARG" ? argProperties(propertiesOf(node), index, escape) : propertiesOf(node),
      stageIndex,
      shellName,
    },
    (): ShellScript | null => refused ?? scriptOf(instruction, text, index, escape),
  );
  const refused = hasScript(instruction) ? admitScript(instruction, budget) : null;
  if (refused?.error) REFUSALS.set(instruction, refused.error);
  if (keyword === "ONBUILD" && onbuilds && argsRange && argsText.trim()) onbuilds.push(instruction);
  return instruction;
}

type InstructionFields = Omit<DfInstruction, "script" | "trigger">;

interface Instruction extends InstructionFields {}

/**
 * A class rather than an object literal with its own `get script()`: each literal's getter is a
 * different closure, which V8 cannot share in one hidden class, so every instruction fell back to
 * slow (dictionary) properties and every rule's read of `ins.keyword` was a hash lookup.
 */
class Instruction implements DfInstruction {
  trigger: DfInstruction | undefined = undefined;
  #script: ShellScript | null | undefined = undefined;
  readonly #parse: () => ShellScript | null;

  constructor(fields: InstructionFields, parse: () => ShellScript | null) {
    Object.assign(this, fields);
    this.#parse = parse;
  }

  get script(): ShellScript | null {
    if (this.#script === undefined) {
      this.#script = null;
      try {
        this.#script = this.#parse();
      } catch {
        /* parseShell never throws; a rule must not see a half-built model either way */
      }
    }
    return this.#script;
  }
}

function flagsOf(node: AstInstruction): DfFlag[] {
  const withFlags = node as unknown as { getFlags?: () => import("dockerfile-ast").Flag[] };
  if (typeof withFlags.getFlags !== "function") return [];
  return withFlags.getFlags().map((f) => {
    const valueRange = f.getValueRange();
    return { name: f.getName(), value: f.getValue(), range: toRange(f.getRange()), valueRange: valueRange ? toRange(valueRange) : null };
  });
}

/** Offset in `argsText` just past the `count`-th `--flag` word. */
export function offsetAfterFlags(argsText: string, count: number): number {
  const re = /\S+/g;
  let seen = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(argsText))) {
    if (!m[0].startsWith("--")) return m.index;
    if (++seen === count) return m.index + m[0].length;
  }
  return argsText.length;
}

function parseExecForm(argsText: string, escape: string): string[] | null {
  const joined = joinContinuations(argsText, escape).trim();
  if (!joined.startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(joined);
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === "string")) return parsed as string[];
  } catch {
    /* not JSON: Docker falls back to shell form */
  }
  return null;
}

/** Removes escaped line breaks and the comment lines Docker drops inside continuations. */
export function joinContinuations(argsText: string, escape: string): string {
  const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  return argsText
    .replace(new RegExp(`${esc}[ \\t]*\\r?\\n([ \\t]*(#[^\\n]*)?\\r?\\n)*`, "g"), "")
    .replace(/\r/g, "");
}

function propertiesOf(node: AstInstruction): DfProperty[] {
  const withProps = node as unknown as { getProperties?: () => import("dockerfile-ast").Property[] };
  if (typeof withProps.getProperties !== "function") return [];
  return withProps.getProperties().map((p) => {
    const valueRange = p.getValueRange();
    return {
      name: p.getName(),
      value: p.getValue() ?? "",
      hasEquals: p.getAssignmentOperator() !== null,
      range: toRange(p.getRange()),
      nameRange: toRange(p.getNameRange()),
      valueRange: valueRange ? toRange(valueRange) : null,
    };
  });
}

/**
 * BuildKit reads every word of an ARG as a declaration (`ARG TARGETOS TARGETARCH`, `ARG A B=2`),
 * while dockerfile-ast reads `ARG A B…` in ENV's legacy form: A with the value `B…`. Such a value
 * is split into the declarations it holds.
 */
function argProperties(properties: DfProperty[], index: LineIndex, escape: string): DfProperty[] {
  const first = properties[0];
  if (properties.length !== 1 || first.hasEquals || !first.valueRange) return properties;
  const declarations: DfProperty[] = [{ ...first, value: "", range: first.nameRange, valueRange: null }];
  const end = index.offset(first.valueRange.end);
  for (const word of wordSpans(index.text, index.offset(first.valueRange.start), end, escape)) {
    declarations.push(argDeclaration(index, word.start, word.end, escape));
  }
  return declarations;
}

/** `NAME` or `NAME=value` written at text[start, end). */
function argDeclaration(index: LineIndex, start: number, end: number, escape: string): DfProperty {
  const equals = index.text.indexOf("=", start);
  const range = index.range(start, end);
  if (equals < 0 || equals >= end) return { name: unquote(index.text.slice(start, end), escape), value: "", hasEquals: false, range, nameRange: range, valueRange: null };
  return {
    name: index.text.slice(start, equals),
    value: unquote(index.text.slice(equals + 1, end), escape),
    hasEquals: true,
    range,
    nameRange: index.range(start, equals),
    valueRange: index.range(equals + 1, end),
  };
}

/**
 * Offsets of the words of text[start, end), split on whitespace outside quotes; a line
 * continuation (the escape character before a line break) joins the lines, as Docker does.
 */
function* wordSpans(text: string, start: number, end: number, escape: string): Iterable<{ start: number; end: number }> {
  let wordStart = -1;
  let quote = "";
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === escape && quote === '"') i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (wordStart >= 0) yield { start: wordStart, end: i };
      wordStart = -1;
      if (c === "\n") i = afterCommentLines(text, i + 1, end) - 1;
      continue;
    }
    if (c === escape && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
      i = text[i + 1] === "\r" && text[i + 2] === "\n" ? i + 2 : i + 1;
      i = afterCommentLines(text, i + 1, end) - 1;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    if (c === '"' || c === "'") quote = c;
    else if (c === escape) i++;
  }
  if (wordStart >= 0) yield { start: wordStart, end: Math.min(end, text.length) };
}

/** The offset after the comment lines starting at `from`, which Docker drops inside a continuation. */
function afterCommentLines(text: string, from: number, end: number): number {
  for (;;) {
    let i = from;
    while (i < end && (text[i] === " " || text[i] === "\t")) i++;
    if (text[i] !== "#") return from;
    const lineEnd = text.indexOf("\n", i);
    if (lineEnd < 0 || lineEnd >= end) return end;
    from = lineEnd + 1;
  }
}

/**
 * Instructions whose words Docker reads as the shell would before using them (`USER "app"` is the
 * user app, `EXPOSE "80"` the port 80); the parser keeps their quotes.
 */
const QUOTE_REMOVING = new Set(["EXPOSE", "USER", "WORKDIR", "STOPSIGNAL"]);

/** A word wholly inside one pair of quotes, without them: `"80/tcp"` is 80/tcp. Anything else as it is. */
function withoutQuotes(word: string): string {
  const q = word[0];
  return word.length >= 2 && (q === '"' || q === "'") && word.endsWith(q) && !word.slice(1, -1).includes(q) ? word.slice(1, -1) : word;
}

/** A word's value with its quotes, escapes and line continuations removed. */
function unquote(word: string, escape: string): string {
  let out = "";
  let quote = "";
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === escape && quote !== "'" && i + 1 < word.length) {
      const next = word[++i];
      if (next === "\r" && word[i + 1] === "\n") i++;
      else if (next !== "\n") out += next;
    } else if (quote ? c === quote : c === '"' || c === "'") quote = quote ? "" : c;
    else out += c;
  }
  return out;
}

function heredocsOf(node: AstInstruction, index: LineIndex): DfHeredoc[] {
  const withHeredocs = node as unknown as { getHeredocs?: () => import("dockerfile-ast").Heredoc[] };
  if (typeof withHeredocs.getHeredocs !== "function") return [];
  return withHeredocs.getHeredocs().map((h) => {
    const r = h.getContentRange();
    const contentRange = r ? toRange(r) : null;
    return { name: h.getName(), content: contentRange ? crlfAsLf(index.slice(contentRange)) : "", contentRange };
  });
}

/**
 * `text` read as Docker reads it, where a CRLF break is a line break and nothing more, in a copy of
 * the same length (offsets into it are offsets into the file): each \r before \n becomes a second
 * \n (an empty line), and a \r after a line-continuing backslash gives its place to that backslash
 * (backslash, CR, LF reads blank, backslash, LF). Left as it was, the \r was a character of every
 * line of a heredoc: ShellCheck flagged each one (SC1017) and read a backslash before it as
 * escaping it, not as continuing the line.
 */
export function crlfAsLf(text: string): string {
  let at = text.indexOf("\r\n");
  if (at < 0) return text;
  let out = "";
  let from = 0;
  for (; at >= 0; at = text.indexOf("\r\n", at + 2)) {
    // Each backslash is counted once: the run before one \r\n ends at the previous line break.
    let slashes = 0;
    while (at - slashes - 1 >= from && text.charCodeAt(at - slashes - 1) === 92) slashes++;
    out += slashes % 2 ? `${text.slice(from, at - slashes)} ${"\\".repeat(slashes)}\n` : `${text.slice(from, at)}\n\n`;
    from = at + 2;
  }
  return out + text.slice(from);
}

function scriptOf(ins: DfInstruction, text: string, index: LineIndex, escape: string): ShellScript | null {
  if (!SHELL_FORM_SCRIPTS.has(ins.keyword) || ins.execForm || !ins.argsRange) return null;
  if (!readsScript(ins.shellName)) return null;
  const parse = isCmd(ins.shellName) ? parseCmdScript : parseShell;
  const start = index.offset(ins.argsRange.start);
  const argsText = ins.argsText;
  const skip = ins.flags.length ? offsetAfterFlags(argsText, ins.flags.length) : 0;
  const body = argsText.slice(skip);
  const heredocShell = ins.heredocs.length ? heredocScriptShell(body) : null;
  if (heredocShell !== null) {
    const merged: ShellScript = { commands: [], pipes: [] };
    for (const h of ins.heredocs) {
      if (!h.contentRange) continue;
      const part = (heredocShell ? parseShell : parse)(h.content, index.offset(h.contentRange.start), index);
      merged.commands.push(...part.commands);
      merged.pipes.push(...part.pipes);
      merged.error ??= part.error;
    }
    return merged;
  }
  return parse(shellText(body, escape), start + skip, index);
}

/**
 * Rewrites a Dockerfile shell-form body into an equally long POSIX script, so that every offset in
 * the script is the same offset in the Dockerfile: continuation escapes become `\`, and the blank or
 * comment lines Docker drops inside a continuation become spaces.
 */
export function shellText(body: string, escape: string): string {
  // One line (most RUNs): nothing continues, only a final \r becomes a space.
  if (!body.includes("\n")) return body.endsWith("\r") ? `${body.slice(0, -1)} ` : body;
  const lines = body.split("\n");
  let continued = false;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const last = i === lines.length - 1;
    const crlf = !last && lines[i].endsWith("\r");
    let line = lines[i].replace(/\r$/, " ");
    if (continued && (line.trim() === "" || line.trimStart().startsWith("#")) && !last) {
      out.push(" ".repeat(line.length) + " ");
      continue;
    }
    const trimmed = line.replace(/[ \t]+$/, "");
    continued = trimmed.endsWith(escape) && !last;
    // The shell needs `\` right before the line break; Docker also accepts blanks after the escape.
    if (continued) line = trimmed.slice(0, -1) + line.slice(trimmed.length) + "\\";
    // A line the shell reads as such (a heredoc's, in `RUN cat <<EOF`): its CRLF break is an empty
    // line, not a trailing blank, which would keep a heredoc terminator from ending its heredoc.
    else if (crlf) line = `${line.slice(0, -1)}\n`;
    out.push(line + (last ? "" : "\n"));
  }
  return joinDropped(out);
}

function joinDropped(parts: string[]): string {
  return parts.join("");
}

/**
 * Parses every ONBUILD trigger as an instruction of its own, with the file's lines and columns.
 * All triggers go into one padded copy of the file (each at its own place, every other line blank
 * but the parser directives), parsed once: padding the whole prefix per ONBUILD was quadratic.
 */
function attachTriggers(onbuilds: DfInstruction[], directiveLines: number[], index: LineIndex, escape: string, budget: ShellBudget): void {
  if (!onbuilds.length) return;
  const lines: string[] = new Array(index.lineCount).fill("");
  for (const line of directiveLines) lines[line - 1] = index.line(line);
  for (const ins of onbuilds) {
    const start = ins.argsRange!.start;
    (" ".repeat(start.column - 1) + ins.argsText).split("\n").forEach((part, k) => (lines[start.line - 1 + k] = part));
  }
  const inner = DockerfileParser.parse(withoutLoneCarriageReturns(lines.join("\n"))).getInstructions();
  let j = 0;
  for (const ins of onbuilds) {
    const { start, end } = ins.argsRange!;
    while (j < inner.length && inner[j].getRange().start.line + 1 < start.line) j++;
    if (j < inner.length && inner[j].getRange().start.line + 1 <= end.line) {
      ins.trigger = toInstruction(inner[j], ins.stageIndex, index.text, index, escape, ins.shellName, budget, null);
    }
  }
}

function hasScript(ins: DfInstruction): boolean {
  return SHELL_FORM_SCRIPTS.has(ins.keyword) && !ins.execForm && !!ins.argsRange && readsScript(ins.shellName);
}

/** Charges a script to the file's shell budget in file order; returns the refusal when over a limit. */
function admitScript(ins: DfInstruction, budget: ShellBudget): ShellScript | null {
  const size = Math.max(ins.argsText.length, ins.heredocs.reduce((n, h) => n + h.content.length, 0));
  const at = { start: ins.argsRange!.start, end: ins.argsRange!.start };
  const { maxScriptChars, maxFileScriptChars, maxScripts } = SHELL_LIMITS;
  if (size > maxScriptChars) {
    return { commands: [], pipes: [], error: { message: `this script is ${size} characters long; scripts over ${maxScriptChars} characters are not parsed, so no rule checks its commands`, range: at } };
  }
  if (budget.scripts >= maxScripts || budget.chars + size > maxFileScriptChars) {
    if (budget.exhausted) return { commands: [], pipes: [] };
    budget.exhausted = true;
    return {
      commands: [],
      pipes: [],
      error: { message: `shell parsing stops here: the file has more than ${maxScripts} scripts or ${maxFileScriptChars} characters of RUN, CMD and ENTRYPOINT, so no rule checks the commands from here on`, range: at },
    };
  }
  budget.scripts++;
  budget.chars += size;
  return null;
}
