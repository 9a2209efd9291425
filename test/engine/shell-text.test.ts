import { crlfAsLf, parseDockerfile, shellText } from "../../src/engine/parse/dockerfile.js";

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

  it("reads a CRLF break of a line the shell reads as a line break, so a heredoc terminator before it ends its heredoc", () => {
    expect(shellText("cat <<A <<B\r\nA\r\nB", "\\")).toBe("cat <<A <<B\n\nA\n\nB");
    const model = parseDockerfile("Dockerfile", "FROM alpine:3.20\r\nRUN cat <<A > /a && cat <<B > /b\r\na\r\nA\r\nb\r\nB\r\n");
    const script = model.instructions[1].script;
    expect(script?.error).toBeUndefined();
    expect(script?.commands.map((c) => c.name)).toEqual(["cat", "cat"]);
  });

  it("reads a RUN <<EOF script of a CRLF file as Docker does: CRLF is a line break, and a backslash before it continues the line", () => {
    const crlf = crlfAsLf("set -e\r\napt-get install -y \\\r\n  curl\r\necho \\\\\r\nEOF");
    expect(crlf).toBe("set -e\n\napt-get install -y  \\\n  curl\n\necho \\\\\n\nEOF");
    const model = parseDockerfile("Dockerfile", "FROM alpine:3.20\r\nRUN <<EOF\r\napt-get install -y \\\r\n  curl\r\nEOF\r\n");
    const [install] = model.instructions[1].script!.commands;
    expect(install.args.map((a) => a.value)).toEqual(["install", "-y", "curl"]);
    expect(install.args[2].range).toEqual({ start: { line: 4, column: 3 }, end: { line: 4, column: 7 } });
  });
});
