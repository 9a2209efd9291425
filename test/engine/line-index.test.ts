import { LineIndex } from "../../src/engine/text.js";

// Each text with every line from 0 to two past the last: [line(n), lineLength(n)].
const CASES: [string, [string, number][]][] = [
  ["FROM a\nRUN b\r\n\r\nUSER c", [["", 0], ["FROM a", 6], ["RUN b", 5], ["", 0], ["USER c", 6], ["", 0], ["", 0]]],
  ["", [["", 0], ["", 0], ["", 0], ["", 0]]],
  ["\n", [["", 0], ["", 0], ["", 0], ["", 0], ["", 0]]],
  ["x\r\n", [["", 0], ["x", 1], ["", 0], ["", 0], ["", 0]]],
  ["only", [["", 0], ["only", 4], ["", 0], ["", 0]]],
  ["a\rb\n", [["", 0], ["a\rb", 3], ["", 0], ["", 0], ["", 0]]],
  ["\r\n\r\n", [["", 0], ["", 0], ["", 0], ["", 0], ["", 0], ["", 0]]],
  ["last\r", [["", 0], ["last\r", 5], ["", 0], ["", 0]]],
];

describe("LineIndex lines", () => {
  it("are the text between breaks without the break, a \\r before the \\n included in the break, and empty past the end", () => {
    for (const [text, expected] of CASES) {
      const index = new LineIndex(text);
      const actual = expected.map((_, line) => [index.line(line), index.lineLength(line)]);
      expect([text, actual]).toEqual([text, expected]);
    }
  });

  it("stop a position's column at the end of the line's content", () => {
    const index = new LineIndex("ab\r\ncd");
    expect([0, 2, 3, 4, 6].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
    ]);
  });

  it("give lineRange the end of the line's content", () => {
    const index = new LineIndex("FROM a\r\nRUN b\n");
    expect(index.lineRange(1)).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 7 } });
    expect(index.lineRange(3)).toEqual({ start: { line: 3, column: 1 }, end: { line: 3, column: 1 } });
  });
});
