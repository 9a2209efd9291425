import { LineIndex } from "../../src/engine/text.js";

describe("LineIndex.lineLength", () => {
  it("is the length of the line's text without its break, for LF, CRLF, a last line and lines past the end", () => {
    const texts = ["FROM a\nRUN b\r\n\r\nUSER c", "", "\n", "x\r\n", "only", "a\rb\n", "\r\n\r\n"];
    for (const text of texts) {
      const index = new LineIndex(text);
      for (let line = 0; line <= index.lineCount + 1; line++) {
        expect([text, line, index.lineLength(line)]).toEqual([text, line, index.line(line).length]);
      }
    }
  });

  it("gives lineRange the end of the line's content", () => {
    const index = new LineIndex("FROM a\r\nRUN b\n");
    expect(index.lineRange(1)).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 7 } });
    expect(index.lineRange(3)).toEqual({ start: { line: 3, column: 1 }, end: { line: 3, column: 1 } });
  });
});
