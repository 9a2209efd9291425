import { lexArithmetic } from "./arithmetic.js";
import { BACKSLASH, isDigit, isNameChar, isNameStart, isSpecialParam, isWordEnd, NL } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { parseList } from "./statements.js";
import { STOP_PAREN } from "./stops.js";
import type { Part, Word } from "./syntax-tree.js";
import { lexQuoted } from "./words.js";

/** What follows a `$`: parameters, `${…}`, command substitutions and arithmetic. */

/** Whether the `$` at pos starts an expansion (or `$'…'`/`$"…"` outside double quotes); a lone `$` is literal. */
export function dollarExpands(cur: Cursor, quoted: boolean): boolean {
  const n = cur.ch(cur.pos + 1);
  if (n === BACKSLASH || n === 91) throw UNHANDLED;
  if (n === 123 || n === 40 || isNameStart(n) || isDigit(n) || isSpecialParam(n)) return true;
  return !quoted && (n === 39 || n === 34);
}

/** `$name`, `$1`, `$@`, `${…}`, `$(…)` or `$((…))`, pos at the `$`. */
export function lexDollar(cur: Cursor): Part {
  const n = cur.ch(cur.pos + 1);
  if (n === 40) {
    if (cur.ch(cur.pos + 2) === 40) return lexArithmetic(cur);
    cur.pos += 2;
    cur.skipBlanks();
    if (cur.ch(cur.pos) === 40) throw UNHANDLED;
    const stmts = parseList(cur, STOP_PAREN);
    if (cur.ch(cur.pos) !== 41) throw UNHANDLED;
    cur.pos++;
    return { k: "subst", stmts };
  }
  if (n === 123) return lexBraced(cur);
  if (isNameStart(n)) {
    let i = cur.pos + 2;
    while (isNameChar(cur.ch(i))) i++;
    const name = cur.text.slice(cur.pos + 1, i);
    cur.pos = i;
    continuationMayNotJoin(cur);
    return { k: "param", name, short: true, words: [] };
  }
  cur.pos += 2;
  if (cur.isContinuation(cur.pos)) throw UNHANDLED;
  return { k: "param", name: String.fromCharCode(n), short: true, words: [] };
}

/** mvdan-sh reads `$a\<newline>b` as `$ab`; such words are left to it. */
function continuationMayNotJoin(cur: Cursor): void {
  let i = cur.pos;
  while (cur.isContinuation(i)) i += 2;
  if (i !== cur.pos && !isWordEnd(cur.ch(i))) throw UNHANDLED;
}

/** `${name}`, `${#name}`, `${name<op>word}` with a plain word, `${name:1:2}`. */
function lexBraced(cur: Cursor): Part {
  cur.enter();
  cur.pos += 2;
  let length = false;
  if (cur.ch(cur.pos) === 35) {
    if (cur.ch(cur.pos + 1) === 125) throw UNHANDLED;
    length = true;
    cur.pos++;
  }
  const nameStart = cur.pos;
  const c = cur.ch(cur.pos);
  if (isNameStart(c)) while (isNameChar(cur.ch(cur.pos))) cur.pos++;
  else if (isDigit(c)) while (isDigit(cur.ch(cur.pos))) cur.pos++;
  else if (c === 64 || c === 42 || c === 63 || c === 36) cur.pos++;
  else throw UNHANDLED;
  const name = cur.text.slice(nameStart, cur.pos);
  const words: Word[] = [];
  const op = cur.ch(cur.pos);
  if (op !== 125) {
    if (length) throw UNHANDLED;
    const next = cur.ch(cur.pos + 1);
    if (op === 58 && isDigit(next)) lexSlice(cur);
    else if (op === 58 && (next === 45 || next === 61 || next === 63 || next === 43)) {
      cur.pos += 2;
      words.push(lexParamWord(cur, false));
    } else if (op === 45 || op === 61 || op === 63 || op === 43) {
      cur.pos++;
      words.push(lexParamWord(cur, false));
    } else if (op === 35 || op === 37 || op === 94 || op === 44) {
      cur.pos += next === op ? 2 : 1;
      words.push(lexParamWord(cur, false));
    } else if (op === 47) {
      cur.pos += next === 47 || next === 35 || next === 37 ? 2 : 1;
      words.push(lexParamWord(cur, true));
      if (cur.ch(cur.pos) === 47) {
        cur.pos++;
        words.push(lexParamWord(cur, false));
      }
    } else {
      throw UNHANDLED;
    }
    if (cur.ch(cur.pos) !== 125) throw UNHANDLED;
  }
  cur.pos++;
  cur.depth--;
  return { k: "param", name, short: false, words };
}

function lexSlice(cur: Cursor): void {
  cur.pos++;
  while (isDigit(cur.ch(cur.pos))) cur.pos++;
  if (cur.ch(cur.pos) === 58) {
    cur.pos++;
    if (!isDigit(cur.ch(cur.pos))) throw UNHANDLED;
    while (isDigit(cur.ch(cur.pos))) cur.pos++;
  }
}

/** The word inside `${name<op>…}`: literal characters and plain expansions, up to `}` (or `/`). */
function lexParamWord(cur: Cursor, slashEnds: boolean): Word {
  const start = cur.pos;
  const parts: Part[] = [];
  let run = start;
  const flush = () => {
    if (run < cur.pos) parts.push({ k: "lit", text: cur.text.slice(run, cur.pos) });
  };
  for (;;) {
    const c = cur.ch(cur.pos);
    if (c === 125 || (slashEnds && c === 47)) break;
    if (c === 34) {
      flush();
      cur.pos++;
      parts.push({ k: "dbl", parts: lexQuoted(cur) });
      run = cur.pos;
      continue;
    }
    if (c < 0 || c === NL || c === BACKSLASH || c === 39 || c === 96 || c === 123 || c === 40 || c === 41) throw UNHANDLED;
    if (c === 59 || c === 38 || c === 124 || c === 60 || c === 62) throw UNHANDLED;
    if (c === 36) {
      if (!dollarExpands(cur, true)) throw UNHANDLED;
      flush();
      parts.push(lexDollar(cur));
      if (cur.isContinuation(cur.pos)) throw UNHANDLED;
      run = cur.pos;
      continue;
    }
    cur.pos++;
  }
  flush();
  return { node: "word", start, end: cur.pos, parts };
}
