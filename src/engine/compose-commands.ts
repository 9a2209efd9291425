import { LineIndex } from "./text.js";
import type { ComposeModel, ComposeService, YamlPath } from "./parse/compose.js";
import { SHELL_LIMITS } from "./parse/dockerfile.js";
import { parseShell } from "./parse/shell.js";
import { verbatimScalar } from "./query.js";
import type { Range } from "./types.js";

export interface CommandWord {
  value: string;
  range: Range | null;
}

const SHELLS = /^(sh|bash|ash|dash|zsh)$/;

/**
 * The command lines a service runs, as words with ranges: `entrypoint:` and `command:` in string
 * or list form (a list entrypoint and a list command make one line), with `sh -c "…"` scripts
 * opened up into their simple commands.
 */
export function composeCommandLines(model: ComposeModel, service: ComposeService): CommandWord[][] {
  const ep = service.data.entrypoint;
  const cmd = service.data.command;
  const lines: CommandWord[][] = [];
  if (Array.isArray(ep) && Array.isArray(cmd)) {
    lines.push([...listWords(model, [...service.path, "entrypoint"], ep), ...listWords(model, [...service.path, "command"], cmd)]);
  } else {
    for (const [key, value] of [["entrypoint", ep], ["command", cmd]] as const) {
      const path = [...service.path, key];
      if (Array.isArray(value)) lines.push(listWords(model, path, value));
      else if (typeof value === "string") lines.push(...scriptLines(model, value, model.locate(path)));
    }
  }
  return lines.flatMap((line) => expandShell(model, line, 0));
}

/**
 * Text that makes the shell parser read a word differently from how it is written: quotes,
 * escapes, command, process and arithmetic substitutions, extended globs (`(`) and `$[…]`.
 */
const SHELL_REWRITES = /['"\\`(]|\$\[/;

const QUOTES = /['"]/g;
/** The rewrites of SHELL_REWRITES other than quotes (and `$` and `\`, which begin other rewrites too). */
const NOT_ONLY_QUOTES = /[\\`($]/;

/**
 * False only when no word of any of the service's command lines can contain one of `names`
 * (letters, digits and `_` only), so a rule looking for those names can skip parsing the lines.
 *
 * Without the characters of SHELL_REWRITES, each word the shell parser yields is made of literal
 * runs copied from the text and of parameter expansions shown as `$NAME` / `${NAME}` (NAME copied
 * from the text), so a run of name characters in a word is copied whole from the text; the `-c`
 * scripts opened up from such words hold none of those characters either, so the same holds for
 * their words. A list item is a word as written. Hence a name that occurs in no entrypoint or
 * command string occurs in no word. With quotes the only such characters (no `\`, `` ` ``, `(`
 * or `$`), the only rewrite is quote removal (at each level of `sh -c`), so a name in no string
 * with its quote characters taken out is in no word.
 */
export function commandMayContain(service: ComposeService, names: readonly string[]): boolean {
  for (const value of [service.data.entrypoint, service.data.command]) {
    const items: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    for (const item of items) {
      const text = String(item);
      if (names.some((n) => text.includes(n))) return true;
      if (!SHELL_REWRITES.test(text)) continue;
      if (NOT_ONLY_QUOTES.test(text)) return true;
      // Quotes alone: the parser only removes quote characters, so
      // every word (of any `-c` script too) is a stretch of the text without its quote characters.
      const unquoted = text.replace(QUOTES, "");
      if (names.some((n) => unquoted.includes(n))) return true;
    }
  }
  return false;
}

function listWords(model: ComposeModel, path: YamlPath, items: unknown[]): CommandWord[] {
  return items.map((item, i) => ({ value: String(item), range: model.locate([...path, i]) }));
}

/**
 * Simple commands of a script held in a scalar (or a shell word) whose source range is `range`.
 * A script longer than a Dockerfile RUN may be is not parsed (the shell parser is superlinear on
 * some inputs): it yields no command line, as an over-long RUN yields no commands.
 */
function scriptLines(model: ComposeModel, script: string, range: Range | null): CommandWord[][] {
  if (script.length > SHELL_LIMITS.maxScriptChars) return [];
  const inner = verbatimScalar(model, range, script);
  const parsed = inner ? parseShell(script, model.index.offset(inner.start), model.index) : parseShell(script, 0, new LineIndex(script));
  if (parsed.error) return [script.split(/\s+/).filter(Boolean).map((value) => ({ value, range }))];
  return parsed.commands.map((c) => [c.nameWord, ...c.args].map((w) => ({ value: w.value, range: inner ? w.range : range })));
}

function expandShell(model: ComposeModel, line: CommandWord[], depth: number): CommandWord[][] {
  const name = line[0]?.value ?? "";
  const c = line.findIndex((w, i) => i > 0 && /^-[a-z]+$/.test(w.value) && w.value.includes("c"));
  if (depth > 2 || !SHELLS.test(name.slice(name.lastIndexOf("/") + 1)) || c < 0 || !line[c + 1]) return [line];
  const script = line[c + 1];
  return scriptLines(model, script.value, script.range).flatMap((l) => expandShell(model, l, depth + 1));
}
