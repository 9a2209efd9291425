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
    return { line: lo + 1, column: Math.min(clamped, this.contentEnd(lo)) - start + 1 };
  }

  /** Offset just past the content of the 0-based line `i`: before its \n, and before a \r ending it. */
  private contentEnd(i: number): number {
    const next = this.starts[i + 1];
    if (next === undefined) return this.text.length;
    const end = next - 1;
    return end > this.starts[i] && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
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
    return start === undefined ? "" : this.text.slice(start, this.contentEnd(line - 1));
  }

  /** Length of `line(line)`, without building the string. */
  lineLength(line: number): number {
    const start = this.starts[line - 1];
    return start === undefined ? 0 : this.contentEnd(line - 1) - start;
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
