import { isDigit, isNameChar, isNameStart, SPACE, TAB } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { dollarExpands, lexDollar } from "./expansions.js";
import type { Part, Word } from "./syntax-tree.js";

/**
 * `$((…))` as Dockerfiles use it (`make -j$(($(nproc) - 1))`): numbers, names, `$` expansions and
 * parentheses, joined by `+ - * / %`, with a leading sign on any operand. Every other operator
 * (`++`, `**`, comparisons, assignments, `?:`), arrays and line breaks are left to mvdan-sh, which
 * also decides every malformed expression. The expansions inside are kept as words so that the
 * commands of a `$(…)` are collected where mvdan-sh's walk finds them.
 */
export function lexArithmetic(cur: Cursor): Part {
  cur.enter();
  cur.pos += 3;
  const words: Word[] = [];
  expression(cur, words);
  skipSpace(cur);
  if (cur.ch(cur.pos) !== 41 || cur.ch(cur.pos + 1) !== 41) throw UNHANDLED;
  cur.pos += 2;
  cur.depth--;
  return { k: "arith", words };
}

const isOperator = (c: number) => c === 43 || c === 45 || c === 42 || c === 47 || c === 37;

function expression(cur: Cursor, words: Word[]): void {
  operand(cur, words);
  for (;;) {
    skipSpace(cur);
    const c = cur.ch(cur.pos);
    if (!isOperator(c)) return;
    // `++`, `--`, `**` and `*=`-style operators are not this grammar's.
    const next = cur.ch(cur.pos + 1);
    if (next === c || next === 61) throw UNHANDLED;
    cur.pos++;
    operand(cur, words);
  }
}

function operand(cur: Cursor, words: Word[]): void {
  skipSpace(cur);
  let c = cur.ch(cur.pos);
  if (c === 43 || c === 45) {
    if (cur.ch(cur.pos + 1) === c) throw UNHANDLED;
    cur.pos++;
    skipSpace(cur);
    c = cur.ch(cur.pos);
  }
  if (isDigit(c)) {
    while (isDigit(cur.ch(cur.pos))) cur.pos++;
    if (isNameChar(cur.ch(cur.pos))) throw UNHANDLED;
  } else if (isNameStart(c)) {
    while (isNameChar(cur.ch(cur.pos))) cur.pos++;
  } else if (c === 36) {
    if (!dollarExpands(cur, true)) throw UNHANDLED;
    const start = cur.pos;
    const part = lexDollar(cur);
    words.push({ node: "word", start, end: cur.pos, parts: [part] });
  } else if (c === 40) {
    cur.enter();
    cur.pos++;
    expression(cur, words);
    skipSpace(cur);
    if (cur.ch(cur.pos) !== 41) throw UNHANDLED;
    cur.pos++;
    cur.depth--;
  } else {
    throw UNHANDLED;
  }
  // `a[1]`, `a=1`, `a?b:c`, `a<b` and the like.
  skipSpace(cur);
  const after = cur.ch(cur.pos);
  if (!isOperator(after) && after !== 41) throw UNHANDLED;
}

function skipSpace(cur: Cursor): void {
  for (let c = cur.ch(cur.pos); c === SPACE || c === TAB; c = cur.ch(cur.pos)) cur.pos++;
}
