import { createRequire } from "node:module";
import type sh from "mvdan-sh";
import type { LineIndex } from "../text.js";
import type { Range } from "../types.js";
import { parseShellFast } from "./shell-fast.js";

export interface ShellWord {
  /** The word with quotes removed; expansions are kept as written (`$HOME`). */
  value: string;
  raw: string;
  range: Range;
  /** True when the word contains a parameter, command or arithmetic expansion. */
  dynamic: boolean;
}

export interface ShellCommand {
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** `VAR=value` prefixes such as `DEBIAN_FRONTEND=noninteractive apt-get ...`. */
  assigns: { name: string; value: string }[];
  range: Range;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Ranges of every `|` or `|&` pipeline. */
  pipes: Range[];
  error?: { message: string; range: Range };
}

/**
 * mvdan-sh, loaded on first use: the fast parser handles most scripts, and a run that never falls
 * back is spared its load (about 45 ms and 16 MiB of a process).
 */
let loaded: { syntax: typeof sh.syntax; parser: ReturnType<typeof sh.syntax.NewParser> } | undefined;

function mvdan(): NonNullable<typeof loaded> {
  if (!loaded) {
    const { syntax } = createRequire(import.meta.url)("mvdan-sh") as typeof sh;
    loaded = { syntax, parser: syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash)) };
  }
  return loaded;
}

const OP_PIPE = 12;
const OP_PIPE_ALL = 13;

/** Children of each node type, in the order mvdan/sh's own `syntax.Walk` visits them. */
const CHILDREN: Record<string, readonly string[]> = {
  File: ["Stmts"],
  Stmt: ["Cmd", "Redirs"],
  Assign: ["Name", "Value", "Index", "Array"],
  Redirect: ["N", "Word", "Hdoc"],
  CallExpr: ["Assigns", "Args"],
  Subshell: ["Stmts"],
  Block: ["Stmts"],
  IfClause: ["Cond", "Then", "Else"],
  WhileClause: ["Cond", "Do"],
  ForClause: ["Loop", "Do"],
  WordIter: ["Name", "Items"],
  CStyleLoop: ["Init", "Cond", "Post"],
  BinaryCmd: ["X", "Y"],
  FuncDecl: ["Name", "Body"],
  Word: ["Parts"],
  DblQuoted: ["Parts"],
  CmdSubst: ["Stmts"],
  ProcSubst: ["Stmts"],
  ArithmExp: ["X"],
  ArithmCmd: ["X"],
  BinaryArithm: ["X", "Y"],
  UnaryArithm: ["X"],
  ParenArithm: ["X"],
  BinaryTest: ["X", "Y"],
  UnaryTest: ["X"],
  ParenTest: ["X"],
  TestClause: ["X"],
  CaseClause: ["Word", "Items"],
  CaseItem: ["Patterns", "Stmts"],
  DeclClause: ["Args"],
  ArrayExpr: ["Elems"],
  ArrayElem: ["Index", "Value"],
  ExtGlob: ["Pattern"],
  TimeClause: ["Stmt"],
  CoprocClause: ["Name", "Stmt"],
  LetClause: ["Exprs"],
  TestDecl: ["Description", "Body"],
  BraceExp: ["Elems"],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ShNode = any;

/**
 * How to read a syntax node. mvdan-sh hands out JavaScript wrappers whose every field read converts
 * the Go value behind it (a fresh wrapper per node, `NodeType` formats with Go's Sprintf): walking
 * a large script that way costs ten times its parse. The Go objects behind the wrappers
 * (`__internal_object__`) hold the same fields as plain properties, slices as `$array`/`$offset`/
 * `$length` and strings as UTF-8 bytes; `goAccess` reads those and `wrapperAccess` is the public-API
 * fallback. test/engine/shell-walk-matches-syntax-walk.test.ts checks both against `syntax.Walk`.
 */
export interface ShellAccess {
  root(file: ShNode): ShNode;
  type(node: ShNode): string;
  /** A field holding a node or a slice of nodes, as an array (empty for nil). */
  kids(node: ShNode, field: string): ShNode[];
  /** A field holding one node or struct, null for nil. */
  get(node: ShNode, field: string): ShNode | null;
  text(node: ShNode, field: string): string;
  raw(node: ShNode, field: string): unknown;
  /** UTF-8 byte offsets of the node's start and end. */
  pos(node: ShNode): number;
  end(node: ShNode): number;
}

const goNil = (v: ShNode): boolean =>
  v === null || v === undefined || typeof v !== "object" || typeof v.constructor?.string !== "string" || v === v.constructor.nil;
const utf8 = new TextDecoder();
// eslint-disable-next-line no-control-regex
const goString = (s: unknown): string => (typeof s !== "string" ? "" : /^[\x00-\x7f]*$/.test(s) ? s : utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)));

export const goAccess: ShellAccess = {
  root: (file) => file.__internal_object__,
  type: (node) => String(node.constructor.string).replace(/^\*syntax\./, ""),
  kids: (node, field) => {
    const v = node[field];
    if (v && typeof v === "object" && Array.isArray(v.$array)) {
      const out: ShNode[] = [];
      for (let i = 0; i < v.$length; i++) out.push(v.$array[v.$offset + i]);
      return out.filter((n) => !goNil(n));
    }
    return goNil(v) ? [] : [v];
  },
  get: (node, field) => (goNil(node[field]) ? null : node[field]),
  text: (node, field) => goString(node[field]),
  raw: (node, field) => node[field],
  pos: (node) => node.Pos().Offset(),
  end: (node) => node.End().Offset(),
};

export const wrapperAccess: ShellAccess = {
  root: (file) => file,
  type: (node) => mvdan().syntax.NodeType(node),
  kids: (node, field) => {
    const v = node[field];
    return Array.isArray(v) ? v.filter((n) => n !== null && n !== undefined) : v === null || v === undefined ? [] : [v];
  },
  get: (node, field) => node[field] ?? null,
  text: (node, field) => String(node[field] ?? ""),
  raw: (node, field) => node[field],
  pos: (node) => node.Pos().Offset(),
  end: (node) => node.End().Offset(),
};

/** The Go objects when this build of mvdan-sh exposes them, the wrappers otherwise. */
function accessFor(file: ShNode): ShellAccess {
  const inner = file?.__internal_object__;
  return inner && typeof inner.constructor?.string === "string" && inner.constructor.string === "*syntax.File" ? goAccess : wrapperAccess;
}

/**
 * Visits every node in the same pre-order as `syntax.Walk`, with an explicit stack: `syntax.Walk`
 * recurses once per node and overflows the JavaScript stack on a few hundred chained `&&`.
 */
export function walkShell(access: ShellAccess, root: ShNode, visit: (node: ShNode, type: string) => void): void {
  const stack: ShNode[] = [root];
  while (stack.length) {
    const node = stack.pop();
    const type = access.type(node);
    visit(node, type);
    let kids: ShNode[];
    if (type === "ParamExp") {
      const slice = access.get(node, "Slice");
      const repl = access.get(node, "Repl");
      const exp = access.get(node, "Exp");
      kids = [
        access.get(node, "Param"),
        access.get(node, "Index"),
        slice && access.get(slice, "Offset"),
        slice && access.get(slice, "Length"),
        repl && access.get(repl, "Orig"),
        repl && access.get(repl, "With"),
        exp && access.get(exp, "Word"),
      ].filter((k) => k !== null);
    } else {
      kids = (CHILDREN[type] ?? []).flatMap((field) => access.kids(node, field));
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

const TOO_DEEP = "the script is nested too deeply to parse";

/**
 * Parses `text` (which starts at `baseOffset` of the document behind `index`) as a shell script.
 * Never throws: a syntax error is returned in `error` with the commands parsed so far empty.
 * Scripts within the fast parser's reach skip mvdan-sh, which decides everything else (and every
 * error); `forceAccess` always takes the mvdan-sh path.
 */
export function parseShell(text: string, baseOffset: number, index: LineIndex, forceAccess?: ShellAccess): ShellScript {
  return (!forceAccess && parseShellFast(text, baseOffset, index)) || parseShellWithMvdan(text, baseOffset, index, forceAccess);
}

/** `parseShell` through mvdan-sh alone. */
export function parseShellWithMvdan(text: string, baseOffset: number, index: LineIndex, forceAccess?: ShellAccess): ShellScript {
  const toChar = byteToCharMapper(text);
  const commands: ShellCommand[] = [];
  const pipes: Range[] = [];
  const failed = (message: string, offset: number): ShellScript => ({
    commands: [],
    pipes: [],
    error: { message: /Maximum call stack/i.test(message) ? TOO_DEEP : message, range: index.range(baseOffset + offset, baseOffset + offset) },
  });
  let file;
  try {
    file = mvdan().parser.Parse(text, "");
  } catch (e) {
    const err = e as { Text?: string; Error?: () => string; Pos?: { Offset(): number } };
    let offset = 0;
    let message = String(e);
    try {
      offset = err.Pos ? toChar(err.Pos.Offset()) : 0;
      message = err.Text ?? (typeof err.Error === "function" ? err.Error() : String(e));
    } catch {
      /* keep the plain message */
    }
    return failed(message, offset);
  }
  try {
    const access = forceAccess ?? accessFor(file);
    const rangeOf = (node: ShNode): Range => index.range(baseOffset + toChar(access.pos(node)), baseOffset + toChar(access.end(node)));
    const word = (w: ShNode): ShellWord => {
      const raw = text.slice(toChar(access.pos(w)), toChar(access.end(w)));
      return { value: wordValue(access, w), raw, range: rangeOf(w), dynamic: isDynamic(access, w) };
    };
    walkShell(access, access.root(file), (node, type) => {
      if (type === "BinaryCmd") {
        const op = access.raw(node, "Op");
        if (op === OP_PIPE || op === OP_PIPE_ALL) pipes.push(rangeOf(node));
      }
      if (type !== "CallExpr") return;
      const args = access.kids(node, "Args");
      if (!args.length) return;
      const words = args.map(word);
      commands.push({
        name: words[0].value,
        nameWord: words[0],
        args: words.slice(1),
        assigns: access
          .kids(node, "Assigns")
          .filter((a) => access.get(a, "Name"))
          .map((a) => {
            const value = access.get(a, "Value");
            return { name: access.text(access.get(a, "Name"), "Value"), value: value ? wordValue(access, value) : "" };
          }),
        range: rangeOf(node),
      });
    });
  } catch (e) {
    return failed((e as Error)?.message ?? String(e), 0);
  }
  return { commands, pipes };
}

function wordValue(access: ShellAccess, word: ShNode): string {
  return access
    .kids(word, "Parts")
    .map((p) => partValue(access, p))
    .join("");
}

function partValue(access: ShellAccess, part: ShNode): string {
  switch (access.type(part)) {
    case "Lit":
      return access.text(part, "Value").replace(/\\(.)/g, "$1");
    case "SglQuoted":
      return access.text(part, "Value");
    case "DblQuoted":
      return wordValue(access, part);
    case "ParamExp": {
      const param = access.get(part, "Param");
      const name = param ? access.text(param, "Value") : "";
      return access.raw(part, "Short") ? `$${name}` : `\${${name}}`;
    }
    case "CmdSubst":
      return "$(...)";
    default:
      return "";
  }
}

function isDynamic(access: ShellAccess, word: ShNode): boolean {
  return access.kids(word, "Parts").some((p) => {
    const t = access.type(p);
    if (t === "DblQuoted") return isDynamic(access, p);
    return t !== "Lit" && t !== "SglQuoted";
  });
}

/** mvdan-sh reports UTF-8 byte offsets; JavaScript strings index UTF-16 units. */
function byteToCharMapper(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return (b) => b;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map.push(i);
    if (code >= 0x10000) i++;
  }
  return (b) => (b >= map.length ? text.length : map[b]);
}
