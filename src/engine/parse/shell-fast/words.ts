import { BACKSLASH, isWordEnd, NL } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { dollarExpands, lexDollar } from "./expansions.js";
import { parseList } from "./statements.js";
import { STOP_EOF } from "./stops.js";
import type { Part, Word } from "./syntax-tree.js";

/** Unquoted words and the quoted strings and backquoted commands inside them. */

const SIMPLE_BACKQUOTED = /^[\w .\/:=+,@%$|&;<>*?~!\[\]"-]*$/;

/** An unquoted word; the caller has checked that one starts here. */
export function lexWord(cur: Cursor): Word {
  const start = cur.pos;
  const parts: Part[] = [];
  let lit = "";
  let run = -1;
  let end = start;
  const flush = () => {
    if (run >= 0) lit += cur.text.slice(run, cur.pos);
    run = -1;
    if (lit) parts.push({ k: "lit", text: lit });
    lit = "";
  };
  // After a literal character or a `$name`, mvdan-sh's reader has already skipped the line
  // continuations that follow, so the part ends after them.
  const litEnd = () => {
    while (cur.isContinuation(cur.pos)) {
      if (run >= 0) lit += cur.text.slice(run, cur.pos);
      cur.pos += 2;
      run = -1;
    }
    end = cur.pos;
  };
  for (;;) {
    const c = cur.ch(cur.pos);
    if (isWordEnd(c)) break;
    if (c === BACKSLASH) {
      const n = cur.ch(cur.pos + 1);
      if (n < 0) throw UNHANDLED;
      if (n === NL) {
        if (run >= 0) lit += cur.text.slice(run, cur.pos);
        run = -1;
        cur.pos += 2;
        continue;
      }
      if (run < 0) run = cur.pos;
      cur.pos += 2;
      if (cur.isContinuation(cur.pos)) throw UNHANDLED;
      litEnd();
    } else if (c === 39) {
      flush();
      const close = cur.text.indexOf("'", cur.pos + 1);
      if (close < 0 || close >= cur.limit) throw UNHANDLED;
      parts.push({ k: "sgl", text: cur.text.slice(cur.pos + 1, close) });
      cur.pos = close + 1;
      end = cur.pos;
    } else if (c === 34) {
      flush();
      cur.pos++;
      parts.push({ k: "dbl", parts: lexQuoted(cur) });
      end = cur.pos;
    } else if (c === 96) {
      flush();
      parts.push(lexBackquoted(cur));
      end = cur.pos;
    } else if (c === 36 && dollarExpands(cur, false)) {
      flush();
      const n = cur.ch(cur.pos + 1);
      if (n === 39) parts.push({ k: "sgl", text: lexAnsiQuoted(cur) });
      else if (n === 34) {
        cur.pos += 2;
        parts.push({ k: "dbl", parts: lexQuoted(cur) });
      } else parts.push(lexDollar(cur));
      end = cur.pos;
      if (parts[parts.length - 1].k === "param" && (parts[parts.length - 1] as { short: boolean }).short) litEnd();
    } else {
      // mvdan-sh starts a comment at a `#` that does not follow a literal character.
      if (c === 35 && run < 0) throw UNHANDLED;
      if (run < 0) run = cur.pos;
      cur.pos++;
      litEnd();
    }
  }
  flush();
  if (!parts.length && cur.pos !== start) throw UNHANDLED;
  return { node: "word", start, end, parts };
}

/** The inside of a double-quoted string, pos just past the opening quote. */
export function lexQuoted(cur: Cursor): Part[] {
  const parts: Part[] = [];
  let lit = "";
  let run = cur.pos;
  const flush = () => {
    if (run >= 0) lit += cur.text.slice(run, cur.pos);
    run = -1;
    if (lit) parts.push({ k: "lit", text: lit });
    lit = "";
  };
  for (;;) {
    const c = cur.ch(cur.pos);
    if (c < 0) throw UNHANDLED;
    if (c === 34) {
      flush();
      cur.pos++;
      return parts;
    }
    if (c === BACKSLASH) {
      const n = cur.ch(cur.pos + 1);
      if (n < 0) throw UNHANDLED;
      if (n === NL) {
        if (run >= 0) lit += cur.text.slice(run, cur.pos);
        cur.pos += 2;
        run = cur.pos;
        continue;
      }
      if (run < 0) run = cur.pos;
      cur.pos += 2;
      if (cur.isContinuation(cur.pos)) throw UNHANDLED;
    } else if (c === 96) {
      flush();
      parts.push(lexBackquoted(cur));
      run = cur.pos;
    } else if (c === 36 && dollarExpands(cur, true)) {
      flush();
      const part = lexDollar(cur);
      parts.push(part);
      if (part.k === "param" && part.short && cur.isContinuation(cur.pos)) throw UNHANDLED;
      run = cur.pos;
    } else {
      if (run < 0) run = cur.pos;
      cur.pos++;
    }
  }
}

/** `$'…'`: its value is the text between the quotes as written. */
function lexAnsiQuoted(cur: Cursor): string {
  const open = cur.pos + 2;
  let i = open;
  for (;;) {
    const c = cur.ch(i);
    if (c < 0) throw UNHANDLED;
    if (c === 39) break;
    i += c === BACKSLASH ? 2 : 1;
  }
  cur.pos = i + 1;
  return cur.text.slice(open, i);
}

/**
 * A backquoted command substitution on one line, without backslashes or single quotes (whose
 * meaning changes inside backquotes), parsed as a script of its own.
 */
function lexBackquoted(cur: Cursor): Part {
  const close = cur.text.indexOf("`", cur.pos + 1);
  if (close < 0 || close >= cur.limit) throw UNHANDLED;
  const inner = cur.text.slice(cur.pos + 1, close);
  if (!SIMPLE_BACKQUOTED.test(inner) || /\$$/.test(inner)) throw UNHANDLED;
  const limit = cur.limit;
  cur.limit = close;
  cur.pos++;
  const stmts = parseList(cur, STOP_EOF);
  if (cur.pos !== close) throw UNHANDLED;
  cur.limit = limit;
  cur.pos = close + 1;
  return { k: "subst", stmts };
}
