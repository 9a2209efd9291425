import type { Position, Range } from "./types.js";

/** Maps character offsets of a text to 1-based positions and back. */
export class LineIndex {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // Columns stop at the end of the line's content: a position on the \r of a CRLF ending (where
    // some parsers put errors) is the end of the line, as line() and annotations see it.
    const start = this.starts[lo];
    const last = lo + 1 >= this.starts.length;
    const lineEnd = last ? this.text.length : this.starts[lo + 1] - 1;
    const contentEnd = !last && lineEnd > start && this.text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    return { line: lo + 1, column: Math.min(clamped, contentEnd) - start + 1 };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.min(Math.max(pos.line, 1), this.starts.length) - 1];
    return Math.min(start + pos.column - 1, this.text.length);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  /** Text of a 1-based line without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    if (next === undefined) return this.text.slice(start);
    return this.text.slice(start, next - 1).replace(/\r$/, "");
  }

  /** Length of `line(line)`, without building the string. */
  lineLength(line: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) return 0;
    const next = this.starts[line];
    if (next === undefined) return this.text.length - start;
    const end = next - 1;
    return (end > start && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end) - start;
  }

  /** Range covering a whole 1-based line, without its line break. */
  lineRange(line: number): Range {
    return { start: { line, column: 1 }, end: { line, column: this.lineLength(line) + 1 } };
  }

  slice(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

export function compareRanges(a: Range | null, b: Range | null): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return comparePos(a.start, b.start) || comparePos(a.end, b.end);
}
