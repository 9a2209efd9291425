import type { LineIndex } from "../text.js";
import type { Range } from "../types.js";
import type { ShellCommand, ShellScript, ShellWord } from "./shell.js";

/**
 * A hand-written parser for the part of bash that Dockerfile and Compose scripts mostly use, giving
 * exactly what `parseShell` reads out of mvdan-sh's syntax tree, at a fraction of its cost.
 * `parseShellFast` returns null for anything outside that part, for anything that might be a
 * syntax error, and for every corner where it is not certain to agree with mvdan-sh; the caller
 * then parses with mvdan-sh. test/engine/shell-fast-matches-mvdan.test.ts holds the two together.
 */

type Part =
  | { k: "lit"; text: string }
  | { k: "sgl"; text: string }
  | { k: "dbl"; parts: Part[] }
  | { k: "param"; name: string; short: boolean; words: Word[] }
  | { k: "subst"; stmts: Stmt[] };

interface Word {
  node: "word";
  start: number;
  end: number;
  parts: Part[];
}

interface Assign {
  start: number;
  name: string;
  value: Word | null;
}

type Cmd =
  | { k: "call"; start: number; end: number; assigns: Assign[]; args: Word[] }
  | { k: "binary"; pipe: boolean; x: Stmt; y: Stmt }
  /** Declarations, subshells, blocks, if, for, while and case: their stmts and words in walk order. */
  | { k: "group"; kids: (Stmt | Word)[] };

interface Stmt {
  node: "stmt";
  start: number;
  end: number;
  cmd: Cmd | null;
  redirs: Word[];
}

interface Stop {
  eof?: boolean;
  paren?: boolean;
  caseItem?: boolean;
  words?: ReadonlySet<string>;
}

/** Thrown to give up; parseShellFast turns it into null. */
const UNHANDLED = new Error("not handled by the fast shell parser");
const MAX_DEPTH = 48;

const RESERVED = new Set([
  "if", "then", "elif", "else", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "select",
  "function", "time", "coproc", "{", "}", "[[", "]]", "!", "let", "export", "declare", "local", "readonly", "typeset", "nameref",
]);
const DECLARATIONS = new Set(["export", "declare", "local", "readonly", "typeset", "nameref"]);
const UNCERTAIN = "\0";

const STOP_EOF: Stop = { eof: true };
const STOP_PAREN: Stop = { paren: true };
const STOP_BLOCK: Stop = { words: new Set(["}"]) };
const STOP_THEN: Stop = { words: new Set(["then"]) };
const STOP_IF_BODY: Stop = { words: new Set(["elif", "else", "fi"]) };
const STOP_FI: Stop = { words: new Set(["fi"]) };
const STOP_DO: Stop = { words: new Set(["do"]) };
const STOP_DONE: Stop = { words: new Set(["done"]) };
const STOP_CASE_ITEM: Stop = { caseItem: true, words: new Set(["esac"]) };

const SPACE = 32;
const TAB = 9;
const NL = 10;
const BACKSLASH = 92;

// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ASSIGN = /[A-Za-z_][A-Za-z0-9_]*\+?=/y;
/** A command word with `=` (`--opt=x`) that mvdan-sh surely does not take for an assignment. */
const PLAIN_BEFORE_EQUALS = /^(?:[^=]*$|[-A-Za-z0-9_.\/:@%,]*=[^[]*$)/;
const NAME_INDEX = /^[A-Za-z_][A-Za-z0-9_]*\[/;
const DECLARED = /^(-[A-Za-z]+|[A-Za-z_][A-Za-z0-9_]*)$/;
const DIGITS = /^[0-9]+$/;
const SIMPLE_BACKQUOTED = /^[\w .\/:=+,@%$|&;<>*?~!\[\]-]*$/;
const BACKQUOTED_KEYWORD = /(^|[^\w-])(if|then|elif|else|fi|do|done|case|esac|while|until|for|in|select|function|time|coproc)($|[^\w-])/;
const FUNCTION = /[A-Za-z_][A-Za-z0-9_]*\(\)/y;

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `$@ $* $# $? $- $$ $!` */
const isSpecialParam = (c: number): boolean => c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === 36 || c === 33;
/** Ends an unquoted word: blanks, newline and `; & | < > ( )`. */
const isWordEnd = (c: number): boolean =>
  c < 0 || c === SPACE || c === TAB || c === NL || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41;
const isKeywordChar = (c: number): boolean => (c >= 97 && c <= 122) || c === 123 || c === 125 || c === 91 || c === 93 || c === 33;
/** `push(...items)` without the argument limit that very long scripts would hit. */
const append = <T>(to: T[], items: readonly T[]): void => {
  for (const item of items) to.push(item);
};
const couldBeReserved = (run: string): boolean => [...RESERVED].some((r) => r.startsWith(run));

class Parser {
  pos = 0;
  limit: number;
  depth = 0;

  constructor(readonly text: string) {
    this.limit = text.length;
  }

  ch(i: number): number {
    return i < this.limit ? this.text.charCodeAt(i) : -1;
  }

  isContinuation(i: number): boolean {
    return this.ch(i) === BACKSLASH && this.ch(i + 1) === NL;
  }

  skipBlanks(): void {
    for (;;) {
      const c = this.ch(this.pos);
      if (c === SPACE || c === TAB) this.pos++;
      else if (this.isContinuation(this.pos)) this.pos += 2;
      else return;
    }
  }

  /** A comment runs to the end of its line; mvdan-sh reads on past a backslash there, so those are left to it. */
  skipComment(): void {
    if (this.ch(this.pos) !== 35) return;
    let end = this.text.indexOf("\n", this.pos);
    if (end < 0 || end > this.limit) end = this.limit;
    if (this.text.slice(this.pos, end).includes("\\")) throw UNHANDLED;
    this.pos = end;
  }

  skipBlanksAndComment(): void {
    this.skipBlanks();
    this.skipComment();
  }

  skipSeparatingSpace(): void {
    for (;;) {
      this.skipBlanksAndComment();
      if (this.ch(this.pos) !== NL) return;
      this.pos++;
    }
  }

  /** The reserved word starting at `i`, "" when there is none, UNCERTAIN when a line continuation makes it unclear. */
  keywordAt(i: number): string {
    let j = i;
    while (isKeywordChar(this.ch(j))) j++;
    if (j === i) return "";
    const run = this.text.slice(i, j);
    let k = j;
    while (this.isContinuation(k)) k += 2;
    const c = this.ch(k);
    if (c === BACKSLASH || (k !== j && !isWordEnd(c))) return couldBeReserved(run) ? UNCERTAIN : "";
    // `!(…)` is a pattern and `{(` is no block to mvdan-sh: those two need a blank after them.
    if ((run === "!" || run === "{") && c !== SPACE && c !== TAB && c !== NL) return UNCERTAIN;
    return isWordEnd(c) && RESERVED.has(run) ? run : "";
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw UNHANDLED;
  }

  parseList(stop: Stop): Stmt[] {
    this.enter();
    const stmts: Stmt[] = [];
    for (;;) {
      this.skipSeparatingSpace();
      const c = this.ch(this.pos);
      if (c < 0) {
        if (stop.eof) break;
        throw UNHANDLED;
      }
      if (c === 41) {
        if (stop.paren) break;
        throw UNHANDLED;
      }
      if (c === 59 && this.ch(this.pos + 1) === 59) {
        if (stop.caseItem) break;
        throw UNHANDLED;
      }
      const kw = this.keywordAt(this.pos);
      if (kw === UNCERTAIN) throw UNHANDLED;
      if (kw && stop.words?.has(kw)) break;
      stmts.push(this.parseAndOr());
      this.skipBlanksAndComment();
      const sep = this.ch(this.pos);
      if (sep === 59) {
        const next = this.ch(this.pos + 1);
        if (next === 59 && stop.caseItem) break;
        if (next === 59 || next === 38) throw UNHANDLED;
        this.pos++;
      } else if (sep === 38) {
        this.pos++;
      } else if (sep !== NL) {
        break;
      }
    }
    this.depth--;
    return stmts;
  }

  parseAndOr(): Stmt {
    let x = this.parsePipeline();
    for (;;) {
      this.skipBlanks();
      const c = this.ch(this.pos);
      if (!((c === 38 || c === 124) && this.ch(this.pos + 1) === c)) return x;
      this.pos += 2;
      this.skipSeparatingSpace();
      const y = this.parsePipeline();
      x = { node: "stmt", start: x.start, end: y.end, cmd: { k: "binary", pipe: false, x, y }, redirs: [] };
    }
  }

  /** A pipeline, `!` before it negating the whole; its first statement starts at the `!`. */
  parsePipeline(): Stmt {
    const bang = this.keywordAt(this.pos) === "!" ? this.pos : -1;
    if (bang >= 0) {
      this.pos++;
      this.skipBlanks();
    }
    let x = this.parseStmt();
    if (bang >= 0) x.start = bang;
    for (;;) {
      this.skipBlanks();
      if (this.ch(this.pos) !== 124 || this.ch(this.pos + 1) === 124) return x;
      this.pos += this.ch(this.pos + 1) === 38 ? 2 : 1;
      this.skipSeparatingSpace();
      const y = this.parseStmt();
      x = { node: "stmt", start: x.start, end: y.end, cmd: { k: "binary", pipe: true, x, y }, redirs: [] };
    }
  }

  parseStmt(): Stmt {
    const start = this.pos;
    const c = this.ch(start);
    if (c === 40) {
      if (this.ch(start + 1) === 40) throw UNHANDLED;
      this.pos++;
      this.skipBlanks();
      if (this.ch(this.pos) === 40) throw UNHANDLED;
      const stmts = this.parseList(STOP_PAREN);
      if (!stmts.length || this.ch(this.pos) !== 41) throw UNHANDLED;
      this.pos++;
      return this.finishCompound(start, stmts);
    }
    const kw = this.keywordAt(start);
    if (kw === UNCERTAIN) throw UNHANDLED;
    if (kw) return this.parseReserved(kw, start);
    FUNCTION.lastIndex = start;
    if (FUNCTION.test(this.text) && FUNCTION.lastIndex <= this.limit) return this.parseFunction(start, FUNCTION.lastIndex);
    return this.parseSimple(start);
  }

  /** `name() { …; }`, where nothing but a separator may follow the body. */
  parseFunction(start: number, bodyAt: number): Stmt {
    this.pos = bodyAt;
    this.skipSeparatingSpace();
    if (this.keywordAt(this.pos) !== "{") throw UNHANDLED;
    const body = this.parseStmt();
    this.skipBlanks();
    const c = this.ch(this.pos);
    if (c === 124 || c === 38) throw UNHANDLED;
    return { node: "stmt", start, end: body.end, cmd: { k: "group", kids: [body] }, redirs: [] };
  }

  /** Redirects after a compound command, then the end of the statement. */
  finishCompound(start: number, kids: (Stmt | Word)[]): Stmt {
    const end = this.pos;
    const redirs: Word[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.ch(this.pos);
      if (isDigit(c)) {
        const w = this.lexWord();
        if (!DIGITS.test(this.text.slice(w.start, w.end)) || !this.atAngle()) throw UNHANDLED;
        redirs.push(this.parseRedirect());
      } else if (this.atRedirect()) {
        redirs.push(this.parseRedirect());
      } else {
        break;
      }
    }
    this.expectStmtEnd();
    return { node: "stmt", start, end: redirs.length ? redirs[redirs.length - 1].end : end, cmd: { k: "group", kids }, redirs };
  }

  expectStmtEnd(): void {
    const c = this.ch(this.pos);
    if (!(c < 0 || c === NL || c === 59 || c === 38 || c === 124 || c === 41 || c === 35 || c === SPACE || c === TAB)) throw UNHANDLED;
  }

  expectKeyword(word: string): void {
    this.skipSeparatingSpace();
    if (this.keywordAt(this.pos) !== word) throw UNHANDLED;
    this.pos += word.length;
  }

  nonEmpty(stmts: Stmt[]): Stmt[] {
    if (!stmts.length) throw UNHANDLED;
    return stmts;
  }

  parseReserved(kw: string, start: number): Stmt {
    if (DECLARATIONS.has(kw)) return this.parseDeclaration(start, kw);
    this.pos += kw.length;
    switch (kw) {
      case "{": {
        const stmts = this.nonEmpty(this.parseList(STOP_BLOCK));
        this.expectKeyword("}");
        return this.finishCompound(start, stmts);
      }
      case "if":
        return this.finishCompound(start, this.parseIf());
      case "while":
      case "until": {
        const cond = this.nonEmpty(this.parseList(STOP_DO));
        this.expectKeyword("do");
        const body = this.nonEmpty(this.parseList(STOP_DONE));
        this.expectKeyword("done");
        return this.finishCompound(start, [...cond, ...body]);
      }
      case "for":
        return this.finishCompound(start, this.parseFor());
      case "case":
        return this.finishCompound(start, this.parseCase());
      default:
        throw UNHANDLED;
    }
  }

  parseIf(): Stmt[] {
    const kids: Stmt[] = [];
    for (;;) {
      append(kids, this.nonEmpty(this.parseList(STOP_THEN)));
      this.expectKeyword("then");
      append(kids, this.nonEmpty(this.parseList(STOP_IF_BODY)));
      const kw = this.keywordAt(this.pos);
      this.pos += kw.length;
      if (kw === "elif") continue;
      if (kw === "else") {
        append(kids, this.nonEmpty(this.parseList(STOP_FI)));
        this.expectKeyword("fi");
      } else if (kw !== "fi") {
        throw UNHANDLED;
      }
      return kids;
    }
  }

  parseFor(): (Stmt | Word)[] {
    this.skipBlanks();
    if (!isNameStart(this.ch(this.pos))) throw UNHANDLED;
    while (isNameChar(this.ch(this.pos))) this.pos++;
    const after = this.ch(this.pos);
    if (after !== SPACE && after !== TAB) throw UNHANDLED;
    this.skipBlanks();
    if (this.keywordAt(this.pos) !== "in") throw UNHANDLED;
    this.pos += 2;
    const kids: (Stmt | Word)[] = [];
    for (;;) {
      this.skipBlanksAndComment();
      const c = this.ch(this.pos);
      if (c === 59 || c === NL) {
        if (c === 59 && this.ch(this.pos + 1) === 59) throw UNHANDLED;
        this.pos++;
        break;
      }
      if (isWordEnd(c)) throw UNHANDLED;
      kids.push(this.lexWord());
    }
    this.expectKeyword("do");
    append(kids, this.nonEmpty(this.parseList(STOP_DONE)));
    this.expectKeyword("done");
    return kids;
  }

  parseCase(): (Stmt | Word)[] {
    this.skipBlanks();
    if (isWordEnd(this.ch(this.pos)) || this.ch(this.pos) === 35) throw UNHANDLED;
    const kids: (Stmt | Word)[] = [this.lexWord()];
    this.skipBlanks();
    if (this.keywordAt(this.pos) !== "in") throw UNHANDLED;
    this.pos += 2;
    for (;;) {
      this.skipSeparatingSpace();
      const kw = this.keywordAt(this.pos);
      if (kw === UNCERTAIN) throw UNHANDLED;
      if (kw === "esac") {
        this.pos += 4;
        return kids;
      }
      if (this.ch(this.pos) === 40) this.pos++;
      for (;;) {
        this.skipBlanks();
        if (isWordEnd(this.ch(this.pos)) || this.ch(this.pos) === 35) throw UNHANDLED;
        kids.push(this.lexWord());
        this.skipBlanks();
        const c = this.ch(this.pos);
        this.pos++;
        if (c === 41) break;
        if (c !== 124) throw UNHANDLED;
      }
      append(kids, this.parseList(STOP_CASE_ITEM));
      if (this.ch(this.pos) === 59 && this.ch(this.pos + 1) === 59) {
        if (this.ch(this.pos + 2) === 38) throw UNHANDLED;
        this.pos += 2;
        continue;
      }
      if (this.keywordAt(this.pos) !== "esac") throw UNHANDLED;
      this.pos += 4;
      return kids;
    }
  }

  /** A simple command: assignments, words and redirects. */
  parseSimple(start: number): Stmt {
    const assigns: Assign[] = [];
    const args: Word[] = [];
    const redirs: Word[] = [];
    let callEnd = start;
    for (;;) {
      this.skipBlanks();
      const c = this.ch(this.pos);
      if (c < 0 || c === NL || c === 59 || c === 124 || c === 41 || c === 35) break;
      if (c === 38 && this.ch(this.pos + 1) !== 62) break;
      if (c === 40) throw UNHANDLED;
      if (this.atRedirect()) {
        redirs.push(this.parseRedirect());
        continue;
      }
      const prefix = !args.length;
      if (prefix) {
        const assign = this.tryAssign();
        if (assign) {
          assigns.push(assign.assign);
          callEnd = assign.end;
          continue;
        }
        if (this.keywordAt(this.pos)) throw UNHANDLED;
      }
      const word = this.lexWord();
      const raw = this.text.slice(word.start, word.end);
      if (this.atAngle()) {
        if (DIGITS.test(raw)) {
          redirs.push(this.parseRedirect());
          continue;
        }
        this.notRedirectNumber(word, raw);
      }
      if (prefix) this.plainCommandWord(raw);
      args.push(word);
      callEnd = word.end;
    }
    if (!assigns.length && !args.length && !redirs.length) throw UNHANDLED;
    const end = Math.max(callEnd, redirs.length ? redirs[redirs.length - 1].end : 0);
    const cmd: Cmd | null = assigns.length || args.length ? { k: "call", start: assigns.length ? assigns[0].start : args[0].start, end: callEnd, assigns, args } : null;
    return { node: "stmt", start, end, cmd, redirs };
  }

  /** mvdan-sh reads some words glued to a `<` or `>` as its file descriptor (`"a"2>x`, `{fd}>x`). */
  notRedirectNumber(word: Word, raw: string): void {
    const oneLiteral = word.parts.length === 1 && word.parts[0].k === "lit";
    if (raw.charCodeAt(0) === 123 || raw.includes("\\") || (!oneLiteral && /[0-9}]$/.test(raw))) throw UNHANDLED;
  }

  /** A word before the command name that mvdan-sh might read as an assignment or a reserved word is left to it. */
  plainCommandWord(raw: string): void {
    const joined = raw.includes("\\\n") ? raw.replace(/\\\n/g, "") : raw;
    if (joined !== raw && (RESERVED.has(joined) || /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(joined))) throw UNHANDLED;
    if (NAME_INDEX.test(joined) || !PLAIN_BEFORE_EQUALS.test(joined)) throw UNHANDLED;
  }

  /** `export`, `local` and the like, with names, `-x` options and assignments only. */
  parseDeclaration(start: number, kw: string): Stmt {
    this.pos = start + kw.length;
    const values: Word[] = [];
    let end = this.pos;
    for (;;) {
      this.skipBlanks();
      const c = this.ch(this.pos);
      if (c < 0 || c === NL || c === 59 || c === 124 || c === 41 || c === 35 || (c === 38 && this.ch(this.pos + 1) !== 62)) break;
      const assign = this.tryAssign();
      if (assign) {
        if (assign.assign.value) values.push(assign.assign.value);
        end = assign.end;
        continue;
      }
      if (isWordEnd(c)) throw UNHANDLED;
      const word = this.lexWord();
      if (!DECLARED.test(this.text.slice(word.start, word.end)) || this.atAngle()) throw UNHANDLED;
      end = word.end;
    }
    return { node: "stmt", start, end, cmd: { k: "group", kids: values }, redirs: [] };
  }

  tryAssign(): { assign: Assign; end: number } | null {
    ASSIGN.lastIndex = this.pos;
    if (!ASSIGN.test(this.text) || ASSIGN.lastIndex > this.limit) return null;
    const at = this.pos;
    const eq = ASSIGN.lastIndex;
    const append = this.text.charCodeAt(eq - 2) === 43;
    const name = this.text.slice(at, append ? eq - 2 : eq - 1);
    this.pos = eq;
    if (this.isContinuation(this.pos)) throw UNHANDLED;
    const value = isWordEnd(this.ch(this.pos)) ? null : this.lexWord();
    if (!value && append) throw UNHANDLED;
    if (this.atAngle() && /[0-9}\\]$/.test(this.text.slice(at, this.pos))) throw UNHANDLED;
    const assign = { start: at, name, value };
    return { assign, end: value ? value.end : eq };
  }

  /** At `<`, `>` or `&>` (the caller has taken any file descriptor number before it). */
  atRedirect(): boolean {
    const c = this.ch(this.pos);
    return c === 60 || c === 62 || (c === 38 && this.ch(this.pos + 1) === 62);
  }

  atAngle(): boolean {
    const c = this.ch(this.pos);
    return c === 60 || c === 62;
  }

  parseRedirect(): Word {
    const c = this.ch(this.pos);
    const n = this.ch(this.pos + 1);
    if (c === 38) this.pos += this.ch(this.pos + 2) === 62 ? 3 : 2;
    else if (c === 62) this.pos += n === 62 || n === 38 || n === 124 ? 2 : 1;
    else if (n === 60) {
      if (this.ch(this.pos + 2) !== 60) throw UNHANDLED;
      this.pos += 3;
    } else this.pos += n === 38 || n === 62 ? 2 : 1;
    const next = this.ch(this.pos);
    if (next === 40 || next === 60 || next === 62 || next === 38) throw UNHANDLED;
    this.skipBlanks();
    const w = this.ch(this.pos);
    if (isWordEnd(w) || w === 35) throw UNHANDLED;
    const word = this.lexWord();
    if (this.atAngle()) throw UNHANDLED;
    return word;
  }

  /** An unquoted word; the caller has checked that one starts here. */
  lexWord(): Word {
    const start = this.pos;
    const parts: Part[] = [];
    let lit = "";
    let run = -1;
    let end = start;
    const flush = () => {
      if (run >= 0) lit += this.text.slice(run, this.pos);
      run = -1;
      if (lit) parts.push({ k: "lit", text: lit });
      lit = "";
    };
    // After a literal character or a `$name`, mvdan-sh's reader has already skipped the line
    // continuations that follow, so the part ends after them.
    const litEnd = () => {
      while (this.isContinuation(this.pos)) {
        if (run >= 0) lit += this.text.slice(run, this.pos);
        this.pos += 2;
        run = -1;
      }
      end = this.pos;
    };
    for (;;) {
      const c = this.ch(this.pos);
      if (isWordEnd(c)) break;
      if (c === BACKSLASH) {
        const n = this.ch(this.pos + 1);
        if (n < 0) throw UNHANDLED;
        if (n === NL) {
          if (run >= 0) lit += this.text.slice(run, this.pos);
          run = -1;
          this.pos += 2;
          continue;
        }
        if (run < 0) run = this.pos;
        this.pos += 2;
        if (this.isContinuation(this.pos)) throw UNHANDLED;
        litEnd();
      } else if (c === 39) {
        flush();
        const close = this.text.indexOf("'", this.pos + 1);
        if (close < 0 || close >= this.limit) throw UNHANDLED;
        parts.push({ k: "sgl", text: this.text.slice(this.pos + 1, close) });
        this.pos = close + 1;
        end = this.pos;
      } else if (c === 34) {
        flush();
        this.pos++;
        parts.push({ k: "dbl", parts: this.lexQuoted() });
        end = this.pos;
      } else if (c === 96) {
        flush();
        parts.push(this.lexBackquoted());
        end = this.pos;
      } else if (c === 36 && this.dollarExpands(false)) {
        flush();
        const n = this.ch(this.pos + 1);
        if (n === 39) parts.push({ k: "sgl", text: this.lexAnsiQuoted() });
        else if (n === 34) {
          this.pos += 2;
          parts.push({ k: "dbl", parts: this.lexQuoted() });
        } else parts.push(this.lexDollar());
        end = this.pos;
        if (parts[parts.length - 1].k === "param" && (parts[parts.length - 1] as { short: boolean }).short) litEnd();
      } else {
        // mvdan-sh starts a comment at a `#` that does not follow a literal character.
        if (c === 35 && run < 0) throw UNHANDLED;
        if (run < 0) run = this.pos;
        this.pos++;
        litEnd();
      }
    }
    flush();
    if (!parts.length && this.pos !== start) throw UNHANDLED;
    return { node: "word", start, end, parts };
  }

  /** Whether the `$` at pos starts an expansion (or `$'…'`/`$"…"` outside double quotes); a lone `$` is literal. */
  dollarExpands(quoted: boolean): boolean {
    const n = this.ch(this.pos + 1);
    if (n === BACKSLASH || n === 91) throw UNHANDLED;
    if (n === 123 || n === 40 || isNameStart(n) || isDigit(n) || isSpecialParam(n)) return true;
    return !quoted && (n === 39 || n === 34);
  }

  /** The inside of a double-quoted string, pos just past the opening quote. */
  lexQuoted(): Part[] {
    const parts: Part[] = [];
    let lit = "";
    let run = this.pos;
    const flush = () => {
      if (run >= 0) lit += this.text.slice(run, this.pos);
      run = -1;
      if (lit) parts.push({ k: "lit", text: lit });
      lit = "";
    };
    for (;;) {
      const c = this.ch(this.pos);
      if (c < 0) throw UNHANDLED;
      if (c === 34) {
        flush();
        this.pos++;
        return parts;
      }
      if (c === BACKSLASH) {
        const n = this.ch(this.pos + 1);
        if (n < 0) throw UNHANDLED;
        if (n === NL) {
          if (run >= 0) lit += this.text.slice(run, this.pos);
          this.pos += 2;
          run = this.pos;
          continue;
        }
        if (run < 0) run = this.pos;
        this.pos += 2;
        if (this.isContinuation(this.pos)) throw UNHANDLED;
      } else if (c === 96) {
        flush();
        parts.push(this.lexBackquoted());
        run = this.pos;
      } else if (c === 36 && this.dollarExpands(true)) {
        flush();
        const part = this.lexDollar();
        parts.push(part);
        if (part.k === "param" && part.short && this.isContinuation(this.pos)) throw UNHANDLED;
        run = this.pos;
      } else {
        if (run < 0) run = this.pos;
        this.pos++;
      }
    }
  }

  /** `$'…'`: its value is the text between the quotes as written. */
  lexAnsiQuoted(): string {
    const open = this.pos + 2;
    let i = open;
    for (;;) {
      const c = this.ch(i);
      if (c < 0) throw UNHANDLED;
      if (c === 39) break;
      i += c === BACKSLASH ? 2 : 1;
    }
    this.pos = i + 1;
    return this.text.slice(open, i);
  }

  /** A backquoted command substitution of plain words on one line, parsed as a script of its own. */
  lexBackquoted(): Part {
    const close = this.text.indexOf("`", this.pos + 1);
    if (close < 0 || close >= this.limit) throw UNHANDLED;
    const inner = this.text.slice(this.pos + 1, close);
    if (!SIMPLE_BACKQUOTED.test(inner) || /\$$/.test(inner) || BACKQUOTED_KEYWORD.test(inner)) throw UNHANDLED;
    const limit = this.limit;
    this.limit = close;
    this.pos++;
    const stmts = this.parseList(STOP_EOF);
    if (this.pos !== close) throw UNHANDLED;
    this.limit = limit;
    this.pos = close + 1;
    return { k: "subst", stmts };
  }

  /** `$name`, `$1`, `$@`, `${…}` or `$(…)`, pos at the `$`. */
  lexDollar(): Part {
    const n = this.ch(this.pos + 1);
    if (n === 40) {
      if (this.ch(this.pos + 2) === 40) throw UNHANDLED;
      this.pos += 2;
      this.skipBlanks();
      if (this.ch(this.pos) === 40) throw UNHANDLED;
      const stmts = this.parseList(STOP_PAREN);
      if (this.ch(this.pos) !== 41) throw UNHANDLED;
      this.pos++;
      return { k: "subst", stmts };
    }
    if (n === 123) return this.lexBraced();
    if (isNameStart(n)) {
      let i = this.pos + 2;
      while (isNameChar(this.ch(i))) i++;
      const name = this.text.slice(this.pos + 1, i);
      this.pos = i;
      this.continuationMayNotJoin();
      return { k: "param", name, short: true, words: [] };
    }
    this.pos += 2;
    if (this.isContinuation(this.pos)) throw UNHANDLED;
    return { k: "param", name: String.fromCharCode(n), short: true, words: [] };
  }

  /** mvdan-sh reads `$a\<newline>b` as `$ab`; such words are left to it. */
  continuationMayNotJoin(): void {
    let i = this.pos;
    while (this.isContinuation(i)) i += 2;
    if (i !== this.pos && !isWordEnd(this.ch(i))) throw UNHANDLED;
  }

  /** `${name}`, `${#name}`, `${name<op>word}` with a plain word, `${name:1:2}`. */
  lexBraced(): Part {
    this.enter();
    this.pos += 2;
    let length = false;
    if (this.ch(this.pos) === 35) {
      if (this.ch(this.pos + 1) === 125) throw UNHANDLED;
      length = true;
      this.pos++;
    }
    const nameStart = this.pos;
    const c = this.ch(this.pos);
    if (isNameStart(c)) while (isNameChar(this.ch(this.pos))) this.pos++;
    else if (isDigit(c)) while (isDigit(this.ch(this.pos))) this.pos++;
    else if (c === 64 || c === 42 || c === 63 || c === 36) this.pos++;
    else throw UNHANDLED;
    const name = this.text.slice(nameStart, this.pos);
    const words: Word[] = [];
    const op = this.ch(this.pos);
    if (op !== 125) {
      if (length) throw UNHANDLED;
      const next = this.ch(this.pos + 1);
      if (op === 58 && isDigit(next)) this.lexSlice();
      else if (op === 58 && (next === 45 || next === 61 || next === 63 || next === 43)) {
        this.pos += 2;
        words.push(this.lexParamWord(false));
      } else if (op === 45 || op === 61 || op === 63 || op === 43) {
        this.pos++;
        words.push(this.lexParamWord(false));
      } else if (op === 35 || op === 37 || op === 94 || op === 44) {
        this.pos += next === op ? 2 : 1;
        words.push(this.lexParamWord(false));
      } else if (op === 47) {
        this.pos += next === 47 || next === 35 || next === 37 ? 2 : 1;
        words.push(this.lexParamWord(true));
        if (this.ch(this.pos) === 47) {
          this.pos++;
          words.push(this.lexParamWord(false));
        }
      } else {
        throw UNHANDLED;
      }
      if (this.ch(this.pos) !== 125) throw UNHANDLED;
    }
    this.pos++;
    this.depth--;
    return { k: "param", name, short: false, words };
  }

  lexSlice(): void {
    this.pos++;
    while (isDigit(this.ch(this.pos))) this.pos++;
    if (this.ch(this.pos) === 58) {
      this.pos++;
      if (!isDigit(this.ch(this.pos))) throw UNHANDLED;
      while (isDigit(this.ch(this.pos))) this.pos++;
    }
  }

  /** The word inside `${name<op>…}`: literal characters and plain expansions, up to `}` (or `/`). */
  lexParamWord(slashEnds: boolean): Word {
    const start = this.pos;
    const parts: Part[] = [];
    let run = start;
    const flush = () => {
      if (run < this.pos) parts.push({ k: "lit", text: this.text.slice(run, this.pos) });
    };
    for (;;) {
      const c = this.ch(this.pos);
      if (c === 125 || (slashEnds && c === 47)) break;
      if (c < 0 || c === NL || c === BACKSLASH || c === 39 || c === 34 || c === 96 || c === 123 || c === 40 || c === 41) throw UNHANDLED;
      if (c === 59 || c === 38 || c === 124 || c === 60 || c === 62) throw UNHANDLED;
      if (c === 36) {
        if (!this.dollarExpands(true)) throw UNHANDLED;
        flush();
        parts.push(this.lexDollar());
        if (this.isContinuation(this.pos)) throw UNHANDLED;
        run = this.pos;
        continue;
      }
      this.pos++;
    }
    flush();
    return { node: "word", start, end: this.pos, parts };
  }
}

/** Parses `text` like `parseShell` does, or returns null when mvdan-sh must decide. */
export function parseShellFast(text: string, baseOffset: number, index: LineIndex): ShellScript | null {
  if (UNSUPPORTED_CHARS.test(text)) return null;
  const parser = new Parser(text);
  let stmts: Stmt[];
  try {
    stmts = parser.parseList(STOP_EOF);
    if (parser.pos !== text.length) return null;
  } catch {
    return null;
  }
  return collect(text, baseOffset, index, stmts);
}

type Node = Stmt | Word | Part | Cmd;

/** Commands and pipes in the order of mvdan-sh's `syntax.Walk`, with an explicit stack. */
function collect(text: string, baseOffset: number, index: LineIndex, stmts: Stmt[]): ShellScript {
  const commands: ShellCommand[] = [];
  const pipes: Range[] = [];
  const range = (start: number, end: number): Range => index.range(baseOffset + start, baseOffset + end);
  const word = (w: Word): ShellWord => ({ value: wordValue(w.parts), raw: text.slice(w.start, w.end), range: range(w.start, w.end), dynamic: isDynamic(w.parts) });
  const stack: Node[] = [];
  for (let i = stmts.length - 1; i >= 0; i--) stack.push(stmts[i]);
  const pushAll = (nodes: readonly Node[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  };
  while (stack.length) {
    const node = stack.pop()!;
    if ("node" in node) {
      if (node.node === "word") pushAll(node.parts);
      else {
        pushAll(node.redirs);
        if (node.cmd) stack.push(node.cmd);
      }
      continue;
    }
    switch (node.k) {
      case "call": {
        if (node.args.length) {
          const words = node.args.map(word);
          commands.push({
            name: words[0].value,
            nameWord: words[0],
            args: words.slice(1),
            assigns: node.assigns.map((a) => ({ name: a.name, value: a.value ? wordValue(a.value.parts) : "" })),
            range: range(node.start, node.end),
          });
        }
        pushAll(node.args);
        for (let i = node.assigns.length - 1; i >= 0; i--) {
          const value = node.assigns[i].value;
          if (value) stack.push(value);
        }
        break;
      }
      case "binary":
        if (node.pipe) pipes.push(range(node.x.start, node.y.end));
        stack.push(node.y, node.x);
        break;
      case "group":
        pushAll(node.kids);
        break;
      case "dbl":
        pushAll(node.parts);
        break;
      case "param":
        pushAll(node.words);
        break;
      case "subst":
        pushAll(node.stmts);
        break;
      default:
        break;
    }
  }
  return { commands, pipes };
}

function wordValue(parts: readonly Part[]): string {
  let out = "";
  for (const p of parts) {
    if (p.k === "lit") out += p.text.replace(/\\(.)/g, "$1");
    else if (p.k === "sgl") out += p.text;
    else if (p.k === "dbl") out += wordValue(p.parts);
    else if (p.k === "param") out += p.short ? `$${p.name}` : `\${${p.name}}`;
    else out += "$(...)";
  }
  return out;
}

function isDynamic(parts: readonly Part[]): boolean {
  return parts.some((p) => (p.k === "dbl" ? isDynamic(p.parts) : p.k !== "lit" && p.k !== "sgl"));
}
