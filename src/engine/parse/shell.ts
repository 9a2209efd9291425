import sh from "mvdan-sh";
import type { LineIndex } from "../text.js";
import type { Range } from "../types.js";

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

const { syntax } = sh;
const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
const OP_PIPE = 12;
const OP_PIPE_ALL = 13;

/**
 * Parses `text` (which starts at `baseOffset` of the document behind `index`) as a shell script.
 * Never throws: a syntax error is returned in `error` with the commands parsed so far empty.
 */
export function parseShell(text: string, baseOffset: number, index: LineIndex): ShellScript {
  const toChar = byteToCharMapper(text);
  const rangeOf = (node: { Pos(): { Offset(): number }; End(): { Offset(): number } }): Range =>
    index.range(baseOffset + toChar(node.Pos().Offset()), baseOffset + toChar(node.End().Offset()));
  const commands: ShellCommand[] = [];
  const pipes: Range[] = [];
  let file;
  try {
    file = parser.Parse(text, "");
  } catch (e) {
    const err = e as { Text?: string; Error?: () => string; Pos?: { Offset(): number } };
    const offset = err.Pos ? toChar(err.Pos.Offset()) : 0;
    const message = err.Text ?? (typeof err.Error === "function" ? err.Error() : String(e));
    return { commands, pipes, error: { message, range: index.range(baseOffset + offset, baseOffset + offset) } };
  }
  syntax.Walk(file, (node) => {
    if (!node) return true;
    const type = syntax.NodeType(node);
    if (type === "BinaryCmd" && (node.Op === OP_PIPE || node.Op === OP_PIPE_ALL)) pipes.push(rangeOf(node));
    if (type === "CallExpr" && node.Args.length > 0) {
      const words = (node.Args as unknown[]).map((w) => toWord(w, text, toChar, rangeOf));
      commands.push({
        name: words[0].value,
        nameWord: words[0],
        args: words.slice(1),
        assigns: (node.Assigns as { Name?: { Value: string }; Value?: unknown }[])
          .filter((a) => a.Name)
          .map((a) => ({ name: a.Name!.Value, value: a.Value ? wordValue(a.Value) : "" })),
        range: rangeOf(node),
      });
    }
    return true;
  });
  return { commands, pipes };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toWord(word: any, text: string, toChar: (b: number) => number, rangeOf: (n: any) => Range): ShellWord {
  const raw = text.slice(toChar(word.Pos().Offset()), toChar(word.End().Offset()));
  return { value: wordValue(word), raw, range: rangeOf(word), dynamic: isDynamic(word) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function wordValue(word: any): string {
  return (word.Parts as unknown[]).map(partValue).join("");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function partValue(part: any): string {
  switch (syntax.NodeType(part)) {
    case "Lit":
      return String(part.Value).replace(/\\(.)/g, "$1");
    case "SglQuoted":
      return String(part.Value);
    case "DblQuoted":
      return (part.Parts as unknown[]).map(partValue).join("");
    case "ParamExp":
      return part.Short ? `$${part.Param.Value}` : `\${${part.Param?.Value ?? ""}}`;
    case "CmdSubst":
      return "$(...)";
    default:
      return "";
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isDynamic(word: any): boolean {
  return (word.Parts as unknown[]).some((p) => {
    const t = syntax.NodeType(p);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (t === "DblQuoted") return isDynamic(p as any);
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
