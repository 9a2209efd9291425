import { DIGITS, isWordEnd, NL } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { atAngle, atRedirect, parseRedirect } from "./redirects.js";
import { RESERVED } from "./reserved-words.js";
import type { Assign, Cmd, Stmt, Word } from "./syntax-tree.js";
import { lexWord } from "./words.js";

/** Simple commands (assignments, words and redirects) and declarations such as `export`. */

const ASSIGN = /[A-Za-z_][A-Za-z0-9_]*\+?=/y;
/** A command word with `=` (`--opt=x`) that mvdan-sh surely does not take for an assignment. */
const PLAIN_BEFORE_EQUALS = /^(?:[^=]*$|[-A-Za-z0-9_.\/:@%,]*=[^[]*$)/;
const NAME_INDEX = /^[A-Za-z_][A-Za-z0-9_]*\[/;
const DECLARED = /^(-[A-Za-z]+|[A-Za-z_][A-Za-z0-9_]*)$/;

/** A simple command: assignments, words and redirects. */
export function parseSimple(cur: Cursor, start: number): Stmt {
  const assigns: Assign[] = [];
  const args: Word[] = [];
  const redirs: Word[] = [];
  let callEnd = start;
  for (;;) {
    cur.skipBlanks();
    const c = cur.ch(cur.pos);
    if (c < 0 || c === NL || c === 59 || c === 124 || c === 41 || c === 35) break;
    if (c === 38 && cur.ch(cur.pos + 1) !== 62) break;
    if (c === 40) throw UNHANDLED;
    if (atRedirect(cur)) {
      redirs.push(parseRedirect(cur));
      continue;
    }
    const prefix = !args.length;
    if (prefix) {
      const assign = tryAssign(cur);
      if (assign) {
        assigns.push(assign.assign);
        callEnd = assign.end;
        continue;
      }
      if (cur.keywordAt(cur.pos)) throw UNHANDLED;
    }
    const word = lexWord(cur);
    const raw = cur.text.slice(word.start, word.end);
    if (atAngle(cur)) {
      if (DIGITS.test(raw)) {
        redirs.push(parseRedirect(cur));
        continue;
      }
      notRedirectNumber(word, raw);
    }
    if (prefix) plainCommandWord(raw);
    args.push(word);
    callEnd = word.end;
  }
  if (!assigns.length && !args.length && !redirs.length) throw UNHANDLED;
  const end = Math.max(callEnd, redirs.length ? redirs[redirs.length - 1].end : 0);
  const cmd: Cmd | null = assigns.length || args.length ? { k: "call", start: assigns.length ? assigns[0].start : args[0].start, end: callEnd, assigns, args } : null;
  return { node: "stmt", start, end, cmd, redirs };
}

/** mvdan-sh reads some words glued to a `<` or `>` as its file descriptor (`"a"2>x`, `{fd}>x`). */
function notRedirectNumber(word: Word, raw: string): void {
  const oneLiteral = word.parts.length === 1 && word.parts[0].k === "lit";
  if (raw.charCodeAt(0) === 123 || raw.includes("\\") || (!oneLiteral && /[0-9}]$/.test(raw))) throw UNHANDLED;
}

/** A word before the command name that mvdan-sh might read as an assignment or a reserved word is left to it. */
function plainCommandWord(raw: string): void {
  // An assignment starts with a name: a word that starts with an expansion is never one.
  if (raw.charCodeAt(0) === 36 && raw.charCodeAt(1) !== 39 && raw.charCodeAt(1) !== 34) return;
  const joined = raw.includes("\\\n") ? raw.replace(/\\\n/g, "") : raw;
  if (joined !== raw && (RESERVED.has(joined) || /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(joined))) throw UNHANDLED;
  if (NAME_INDEX.test(joined) || !PLAIN_BEFORE_EQUALS.test(joined)) throw UNHANDLED;
}

/** `export`, `local` and the like, with names, `-x` options and assignments only. */
export function parseDeclaration(cur: Cursor, start: number, kw: string): Stmt {
  cur.pos = start + kw.length;
  const values: Word[] = [];
  let end = cur.pos;
  for (;;) {
    cur.skipBlanks();
    const c = cur.ch(cur.pos);
    if (c < 0 || c === NL || c === 59 || c === 124 || c === 41 || c === 35 || (c === 38 && cur.ch(cur.pos + 1) !== 62)) break;
    const assign = tryAssign(cur);
    if (assign) {
      if (assign.assign.value) values.push(assign.assign.value);
      end = assign.end;
      continue;
    }
    if (isWordEnd(c)) throw UNHANDLED;
    const word = lexWord(cur);
    if (!DECLARED.test(cur.text.slice(word.start, word.end)) || atAngle(cur)) throw UNHANDLED;
    end = word.end;
  }
  return { node: "stmt", start, end, cmd: { k: "group", kids: values }, redirs: [] };
}

function tryAssign(cur: Cursor): { assign: Assign; end: number } | null {
  ASSIGN.lastIndex = cur.pos;
  if (!ASSIGN.test(cur.text) || ASSIGN.lastIndex > cur.limit) return null;
  const at = cur.pos;
  const eq = ASSIGN.lastIndex;
  const append = cur.text.charCodeAt(eq - 2) === 43;
  const name = cur.text.slice(at, append ? eq - 2 : eq - 1);
  cur.pos = eq;
  if (cur.isContinuation(cur.pos)) throw UNHANDLED;
  const value = isWordEnd(cur.ch(cur.pos)) ? null : lexWord(cur);
  if (!value && append) throw UNHANDLED;
  if (atAngle(cur) && /[0-9}\\]$/.test(cur.text.slice(at, cur.pos))) throw UNHANDLED;
  const assign = { start: at, name, value };
  return { assign, end: value ? value.end : eq };
}
