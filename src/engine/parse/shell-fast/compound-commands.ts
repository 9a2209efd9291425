import { DIGITS, isDigit, isNameChar, isNameStart, isWordEnd, NL, SPACE, TAB } from "./characters.js";
import { type Cursor, UNHANDLED } from "./cursor.js";
import { atAngle, atRedirect, parseRedirect } from "./redirects.js";
import { DECLARATIONS, UNCERTAIN } from "./reserved-words.js";
import { parseDeclaration } from "./simple-command.js";
import { parseList, parseStmt } from "./statements.js";
import { STOP_BLOCK, STOP_CASE_ITEM, STOP_DO, STOP_DONE, STOP_FI, STOP_IF_BODY, STOP_PAREN, STOP_THEN } from "./stops.js";
import type { Stmt, Word } from "./syntax-tree.js";
import { lexWord } from "./words.js";

/** Blocks, subshells, if, while/until, for, case and function declarations. */

/** `push(...items)` without the argument limit that very long scripts would hit. */
const append = <T>(to: T[], items: readonly T[]): void => {
  for (const item of items) to.push(item);
};

export function parseReserved(cur: Cursor, kw: string, start: number): Stmt {
  if (DECLARATIONS.has(kw)) return parseDeclaration(cur, start, kw);
  cur.pos += kw.length;
  switch (kw) {
    case "{": {
      const stmts = nonEmpty(parseList(cur, STOP_BLOCK));
      expectKeyword(cur, "}");
      return finishCompound(cur, start, stmts);
    }
    case "if":
      return finishCompound(cur, start, parseIf(cur));
    case "while":
    case "until": {
      const cond = nonEmpty(parseList(cur, STOP_DO));
      expectKeyword(cur, "do");
      const body = nonEmpty(parseList(cur, STOP_DONE));
      expectKeyword(cur, "done");
      return finishCompound(cur, start, [...cond, ...body]);
    }
    case "for":
      return finishCompound(cur, start, parseFor(cur));
    case "case":
      return finishCompound(cur, start, parseCase(cur));
    default:
      throw UNHANDLED;
  }
}

/** A subshell, `( … )`. */
export function parseSubshell(cur: Cursor, start: number): Stmt {
  if (cur.ch(start + 1) === 40) throw UNHANDLED;
  cur.pos++;
  cur.skipBlanks();
  if (cur.ch(cur.pos) === 40) throw UNHANDLED;
  const stmts = parseList(cur, STOP_PAREN);
  if (!stmts.length || cur.ch(cur.pos) !== 41) throw UNHANDLED;
  cur.pos++;
  return finishCompound(cur, start, stmts);
}

function parseIf(cur: Cursor): Stmt[] {
  const kids: Stmt[] = [];
  for (;;) {
    append(kids, nonEmpty(parseList(cur, STOP_THEN)));
    expectKeyword(cur, "then");
    append(kids, nonEmpty(parseList(cur, STOP_IF_BODY)));
    const kw = cur.keywordAt(cur.pos);
    cur.pos += kw.length;
    if (kw === "elif") continue;
    if (kw === "else") {
      append(kids, nonEmpty(parseList(cur, STOP_FI)));
      expectKeyword(cur, "fi");
    } else if (kw !== "fi") {
      throw UNHANDLED;
    }
    return kids;
  }
}

function parseFor(cur: Cursor): (Stmt | Word)[] {
  cur.skipBlanks();
  if (!isNameStart(cur.ch(cur.pos))) throw UNHANDLED;
  while (isNameChar(cur.ch(cur.pos))) cur.pos++;
  const after = cur.ch(cur.pos);
  if (after !== SPACE && after !== TAB) throw UNHANDLED;
  cur.skipBlanks();
  if (cur.keywordAt(cur.pos) !== "in") throw UNHANDLED;
  cur.pos += 2;
  const kids: (Stmt | Word)[] = [];
  for (;;) {
    cur.skipBlanksAndComment();
    const c = cur.ch(cur.pos);
    if (c === 59 || c === NL) {
      if (c === 59 && cur.ch(cur.pos + 1) === 59) throw UNHANDLED;
      cur.pos++;
      break;
    }
    if (isWordEnd(c)) throw UNHANDLED;
    kids.push(lexWord(cur));
  }
  expectKeyword(cur, "do");
  append(kids, nonEmpty(parseList(cur, STOP_DONE)));
  expectKeyword(cur, "done");
  return kids;
}

function parseCase(cur: Cursor): (Stmt | Word)[] {
  cur.skipBlanks();
  if (isWordEnd(cur.ch(cur.pos)) || cur.ch(cur.pos) === 35) throw UNHANDLED;
  const kids: (Stmt | Word)[] = [lexWord(cur)];
  cur.skipBlanks();
  if (cur.keywordAt(cur.pos) !== "in") throw UNHANDLED;
  cur.pos += 2;
  for (;;) {
    cur.skipSeparatingSpace();
    const kw = cur.keywordAt(cur.pos);
    if (kw === UNCERTAIN) throw UNHANDLED;
    if (kw === "esac") {
      cur.pos += 4;
      return kids;
    }
    if (cur.ch(cur.pos) === 40) cur.pos++;
    for (;;) {
      cur.skipBlanks();
      if (isWordEnd(cur.ch(cur.pos)) || cur.ch(cur.pos) === 35) throw UNHANDLED;
      kids.push(lexWord(cur));
      cur.skipBlanks();
      const c = cur.ch(cur.pos);
      cur.pos++;
      if (c === 41) break;
      if (c !== 124) throw UNHANDLED;
    }
    append(kids, parseList(cur, STOP_CASE_ITEM));
    if (cur.ch(cur.pos) === 59 && cur.ch(cur.pos + 1) === 59) {
      if (cur.ch(cur.pos + 2) === 38) throw UNHANDLED;
      cur.pos += 2;
      continue;
    }
    if (cur.keywordAt(cur.pos) !== "esac") throw UNHANDLED;
    cur.pos += 4;
    return kids;
  }
}

/** `name() { …; }`, where nothing but a separator may follow the body. */
export function parseFunction(cur: Cursor, start: number, bodyAt: number): Stmt {
  cur.pos = bodyAt;
  cur.skipSeparatingSpace();
  if (cur.keywordAt(cur.pos) !== "{") throw UNHANDLED;
  const body = parseStmt(cur);
  cur.skipBlanks();
  const c = cur.ch(cur.pos);
  if (c === 124 || c === 38) throw UNHANDLED;
  return { node: "stmt", start, end: body.end, cmd: { k: "group", kids: [body] }, redirs: [] };
}

/** Redirects after a compound command, then the end of the statement. */
function finishCompound(cur: Cursor, start: number, kids: (Stmt | Word)[]): Stmt {
  const end = cur.pos;
  const redirs: Word[] = [];
  for (;;) {
    cur.skipBlanks();
    const c = cur.ch(cur.pos);
    if (isDigit(c)) {
      const w = lexWord(cur);
      if (!DIGITS.test(cur.text.slice(w.start, w.end)) || !atAngle(cur)) throw UNHANDLED;
      redirs.push(parseRedirect(cur));
    } else if (atRedirect(cur)) {
      redirs.push(parseRedirect(cur));
    } else {
      break;
    }
  }
  expectStmtEnd(cur);
  return { node: "stmt", start, end: redirs.length ? redirs[redirs.length - 1].end : end, cmd: { k: "group", kids }, redirs };
}

function expectStmtEnd(cur: Cursor): void {
  const c = cur.ch(cur.pos);
  if (!(c < 0 || c === NL || c === 59 || c === 38 || c === 124 || c === 41 || c === 35 || c === SPACE || c === TAB)) throw UNHANDLED;
}

function expectKeyword(cur: Cursor, word: string): void {
  cur.skipSeparatingSpace();
  if (cur.keywordAt(cur.pos) !== word) throw UNHANDLED;
  cur.pos += word.length;
}

function nonEmpty(stmts: Stmt[]): Stmt[] {
  if (!stmts.length) throw UNHANDLED;
  return stmts;
}
