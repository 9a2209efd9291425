import { isWordEnd } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import type { Word } from "./syntax-tree.js";
import { lexWord } from "./words.js";

/** At `<`, `>` or `&>` (the caller has taken any file descriptor number before it). */
export function atRedirect(cur: Cursor): boolean {
  const c = cur.ch(cur.pos);
  return c === 60 || c === 62 || (c === 38 && cur.ch(cur.pos + 1) === 62);
}

export function atAngle(cur: Cursor): boolean {
  const c = cur.ch(cur.pos);
  return c === 60 || c === 62;
}

export function parseRedirect(cur: Cursor): Word {
  const c = cur.ch(cur.pos);
  const n = cur.ch(cur.pos + 1);
  if (c === 38) cur.pos += cur.ch(cur.pos + 2) === 62 ? 3 : 2;
  else if (c === 62) cur.pos += n === 62 || n === 38 || n === 124 ? 2 : 1;
  else if (n === 60) {
    if (cur.ch(cur.pos + 2) !== 60) throw UNHANDLED;
    cur.pos += 3;
  } else cur.pos += n === 38 || n === 62 ? 2 : 1;
  const next = cur.ch(cur.pos);
  if (next === 40 || next === 60 || next === 62 || next === 38) throw UNHANDLED;
  cur.skipBlanks();
  const w = cur.ch(cur.pos);
  if (isWordEnd(w) || w === 35) throw UNHANDLED;
  const word = lexWord(cur);
  if (atAngle(cur)) throw UNHANDLED;
  return word;
}
