import { BACKSLASH, isKeywordChar, isWordEnd, NL, SPACE, TAB } from "./characters.js";
import { couldBeReserved, RESERVED, UNCERTAIN } from "./reserved-words.js";

/** Thrown to give up; parseShellFast turns it into null. */
export const UNHANDLED = new Error("not handled by the fast shell parser");
const MAX_DEPTH = 48;

/** The text, the parser's place in it, and how to read blanks, comments and reserved words there. */
export class Cursor {
  pos = 0;
  /** The text's length, or the closing backquote while a backquoted command is parsed. */
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
}
