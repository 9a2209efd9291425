import { parseDockerfile, shellText } from "../../src/engine/parse/dockerfile.js";

describe("shellText", () => {
  it("keeps every offset and moves a continuation escape followed by blanks to the line end", () => {
    const body = "a \\ \n  && b \\\t\n  && c";
    const out = shellText(body, "\\");
    expect(out.length).toBe(body.length);
    expect(out).toBe("a  \\\n  && b \t\\\n  && c");
  });

  it("turns the backtick escape into a backslash", () => {
    expect(shellText("a `\n b", "`")).toBe("a \\\n b");
  });

  it("parses a RUN whose continuation has trailing blanks as one script", () => {
    const model = parseDockerfile("Dockerfile", "FROM alpine:3.20\nRUN cmake . \\ \n  && make install\n");
    const script = model.instructions[1].script;
    expect(script?.error).toBeUndefined();
    expect(script?.commands.map((c) => c.name)).toEqual(["cmake", "make"]);
    expect(script?.commands[1].range.start).toEqual({ line: 3, column: 6 });
  });
});
