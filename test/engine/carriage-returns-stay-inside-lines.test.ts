import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { LineIndex } from "../../src/engine/text.js";

// Found by the property tests. dockerfile-ast counted a lone \r as a line break, so a file with one
// gave ranges on lines the file (split on \n, as Git and GitHub do) does not have; and yaml put
// errors on the \r of a CRLF ending, one column past the line's content.
describe("carriage returns", () => {
  it("a position on the \\r of a CRLF line is the end of that line", () => {
    const index = new LineIndex("ab\r\ncd\r");
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(3)).toEqual({ line: 1, column: 3 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    // A lone \r at the end of the file is a character of the last line, not a line ending.
    expect(index.position(7)).toEqual({ line: 2, column: 4 });
    expect(index.line(2)).toBe("cd\r");
  });

  it("yaml errors at a line's \\r stay inside the line", () => {
    const model = parseCompose("compose.yaml", "services:\r\n  services: \r\n\t      - _\r\n  services: _");
    const index = new LineIndex(model.text);
    for (const p of model.problems) expect(p.range!.end.column).toBeLessThanOrEqual(index.line(p.range!.end.line).length + 1);
  });

  it("a lone \\r does not start a new line in a Dockerfile", () => {
    const model = parseDockerfile("Dockerfile", "FROM alpine:3.20\rRUN echo a\nRUN <<EOF\n\r");
    expect(model.instructions.map((i) => [i.keyword, i.range.start.line, i.range.end.line])).toEqual([
      ["FROM", 1, 1],
      ["RUN", 2, 3],
    ]);
    const onbuild = parseDockerfile("Dockerfile", "FROM []\rONBUILD RUN <<EOF\n\n\rFROM alpine:3.20");
    for (const ins of onbuild.instructions) expect(ins.range.end.line).toBeLessThanOrEqual(3);
  });
});
