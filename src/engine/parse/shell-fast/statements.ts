import { NL } from "./characters.js";
import { parseFunction, parseReserved, parseSubshell } from "./compound-commands.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { UNCERTAIN } from "./reserved-words.js";
import { parseSimple } from "./simple-command.js";
import type { Stop } from "./stops.js";
import type { Stmt } from "./syntax-tree.js";

/** Lists, and-or chains and pipelines of statements, and the dispatch to each kind of statement. */

const FUNCTION = /[A-Za-z_][A-Za-z0-9_]*\(\)/y;

export function parseList(cur: Cursor, stop: Stop): Stmt[] {
  cur.enter();
  const stmts: Stmt[] = [];
  for (;;) {
    cur.skipSeparatingSpace();
    const c = cur.ch(cur.pos);
    if (c < 0) {
      if (stop.eof) break;
      throw UNHANDLED;
    }
    if (c === 41) {
      if (stop.paren) break;
      throw UNHANDLED;
    }
    if (c === 59 && cur.ch(cur.pos + 1) === 59) {
      if (stop.caseItem) break;
      throw UNHANDLED;
    }
    const kw = cur.keywordAt(cur.pos);
    if (kw === UNCERTAIN) throw UNHANDLED;
    if (kw && stop.words?.has(kw)) break;
    stmts.push(parseAndOr(cur));
    cur.skipBlanksAndComment();
    const sep = cur.ch(cur.pos);
    if (sep === 59) {
      const next = cur.ch(cur.pos + 1);
      if (next === 59 && stop.caseItem) break;
      if (next === 59 || next === 38) throw UNHANDLED;
      cur.pos++;
    } else if (sep === 38) {
      cur.pos++;
    } else if (sep !== NL) {
      break;
    }
  }
  cur.depth--;
  return stmts;
}

function parseAndOr(cur: Cursor): Stmt {
  let x = parsePipeline(cur);
  for (;;) {
    cur.skipBlanks();
    const c = cur.ch(cur.pos);
    if (!((c === 38 || c === 124) && cur.ch(cur.pos + 1) === c)) return x;
    cur.pos += 2;
    cur.skipSeparatingSpace();
    const y = parsePipeline(cur);
    x = { node: "stmt", start: x.start, end: y.end, cmd: { k: "binary", pipe: false, x, y }, redirs: [] };
  }
}

/** A pipeline, `!` before it negating the whole; its first statement starts at the `!`. */
function parsePipeline(cur: Cursor): Stmt {
  const bang = cur.keywordAt(cur.pos) === "!" ? cur.pos : -1;
  if (bang >= 0) {
    cur.pos++;
    cur.skipBlanks();
  }
  let x = parseStmt(cur);
  if (bang >= 0) x.start = bang;
  for (;;) {
    cur.skipBlanks();
    if (cur.ch(cur.pos) !== 124 || cur.ch(cur.pos + 1) === 124) return x;
    cur.pos += cur.ch(cur.pos + 1) === 38 ? 2 : 1;
    cur.skipSeparatingSpace();
    const y = parseStmt(cur);
    x = { node: "stmt", start: x.start, end: y.end, cmd: { k: "binary", pipe: true, x, y }, redirs: [] };
  }
}

export function parseStmt(cur: Cursor): Stmt {
  const start = cur.pos;
  if (cur.ch(start) === 40) return parseSubshell(cur, start);
  const kw = cur.keywordAt(start);
  if (kw === UNCERTAIN) throw UNHANDLED;
  if (kw) return parseReserved(cur, kw, start);
  FUNCTION.lastIndex = start;
  if (FUNCTION.test(cur.text) && FUNCTION.lastIndex <= cur.limit) return parseFunction(cur, start, FUNCTION.lastIndex);
  return parseSimple(cur, start);
}
