import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { heredocScriptShell } from "../../src/engine/parse/script-shell.js";

describe("Dockerfile model", () => {
  it("builds stages with names, images, base stages and the final stage", () => {
    const m = parseDockerfile("Dockerfile", "ARG V=3.12\nFROM python:${V}-slim AS base\nRUN true\nFROM base AS api\nFROM scratch\n");
    expect(m.globalArgs.map((i) => i.keyword)).toEqual(["ARG"]);
    expect(m.stages.map((s) => [s.index, s.name, s.image?.ref, s.baseStage?.name ?? null, s.isFinal])).toEqual([
      [0, "base", "python:${V}-slim", null, false],
      [1, "api", "base", "base", false],
      [2, null, "scratch", null, true],
    ]);
    expect(m.stages[0].image).toMatchObject({ name: "python", tag: "${V}-slim", tagRange: { start: { line: 2, column: 13 }, end: { line: 2, column: 22 } } });
    expect(m.finalStage?.index).toBe(2);
  });

  it("gives 1-based ranges for instructions, flags and properties", () => {
    const m = parseDockerfile("Dockerfile", "FROM alpine:3.20\nCOPY --chown=app:app --from=build /a /b/\nENV A=1 B=\"two words\"\n");
    const copy = m.instructions[1];
    expect(copy.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 41 } });
    expect(copy.flags.map((f) => [f.name, f.value, f.range.start.column])).toEqual([["chown", "app:app", 6], ["from", "build", 22]]);
    expect(copy.args.map((a) => a.value)).toEqual(["/a", "/b/"]);
    expect(m.instructions[2].properties.map((p) => [p.name, p.value, p.hasEquals])).toEqual([["A", "1", true], ["B", "two words", true]]);
  });

  it("reads every word of an ARG as a declaration, as BuildKit does", () => {
    const m = parseDockerfile(
      "Dockerfile",
      "ARG BASE TAG=3.20\nFROM alpine\nARG TARGETOS TARGETARCH\nARG A B=\"two words\" C\nARG X=1 Y\nARG P \\\n  # the variant\n  Q\n",
    );
    const declared = (i: number) => m.instructions[i].properties.map((p) => [p.name, p.value, p.hasEquals]);
    expect(declared(0)).toEqual([["BASE", "", false], ["TAG", "3.20", true]]);
    expect(declared(2)).toEqual([["TARGETOS", "", false], ["TARGETARCH", "", false]]);
    expect(declared(3)).toEqual([["A", "", false], ["B", "two words", true], ["C", "", false]]);
    expect(declared(4)).toEqual([["X", "1", true], ["Y", "", false]]);
    expect(declared(5)).toEqual([["P", "", false], ["Q", "", false]]);
    const b = m.instructions[3].properties[1];
    expect([b.nameRange, b.valueRange]).toEqual([
      { start: { line: 4, column: 7 }, end: { line: 4, column: 8 } },
      { start: { line: 4, column: 9 }, end: { line: 4, column: 20 } },
    ]);
    expect(m.instructions[5].properties[1].range).toEqual({ start: { line: 8, column: 3 }, end: { line: 8, column: 4 } });
  });

  it("recognises exec form only for valid JSON string arrays", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nCMD [\"python\", \"-m\", \"app\"]\nCMD [python]\nENTRYPOINT [\"a\", \\\n  \"b\"]\n");
    expect(m.instructions.slice(1).map((i) => i.execForm)).toEqual([["python", "-m", "app"], null, ["a", "b"]]);
  });

  it("parses RUN as shell with positions inside multi-line continuations and dropped comment lines", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN apt-get update \\\n  # refresh first\n\n  && apt-get install -y \\\n     curl=8.5 | tee log\n");
    const script = m.instructions[1].script!;
    expect(script.error).toBeUndefined();
    expect(script.commands.map((c) => [c.name, c.args.map((a) => a.value)])).toEqual([
      ["apt-get", ["update"]],
      ["apt-get", ["install", "-y", "curl=8.5"]],
      ["tee", ["log"]],
    ]);
    const curl = script.commands[1].args[2];
    expect(curl.range).toEqual({ start: { line: 6, column: 6 }, end: { line: 6, column: 14 } });
    expect(script.pipes).toHaveLength(1);
  });

  it("honours the backtick escape directive", () => {
    const m = parseDockerfile("Dockerfile", "# escape=`\nFROM a\nRUN echo one `\n  two\n");
    expect(m.escape).toBe("`");
    expect(m.instructions[1].script!.commands[0].args.map((a) => [a.value, a.range.start.line])).toEqual([["one", 3], ["two", 4]]);
  });

  it("parses the body of RUN <<EOF heredocs as the script", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN <<EOF\nset -e\npip install flask\nEOF\n");
    const cmds = m.instructions[1].script!.commands;
    expect(cmds.map((c) => c.name)).toEqual(["set", "pip"]);
    expect(cmds[1].range.start).toEqual({ line: 4, column: 1 });
  });

  it("parses the heredoc of RUN <<EOT bash as bash's script, and leaves another program's heredoc as its input", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN <<EOT bash -ex\n  apt-get update\n  apt-get install -y vim\nEOT\nRUN <<EOF python3\nimport os; os.system('apt-get update')\nEOF\n");
    const shell = m.instructions[1].script!.commands;
    expect(shell.map((c) => [c.name, c.range.start.line, c.range.start.column])).toEqual([["apt-get", 3, 3], ["apt-get", 4, 3]]);
    expect(m.instructions[2].script!.commands.map((c) => c.name)).toEqual(["python3"]);
  });

  it("tells which shell runs a heredoc that is the whole RUN", () => {
    expect(heredocScriptShell("<<EOF\nset -e\nEOF")).toBe("");
    expect(heredocScriptShell("<<-'EOT' /bin/bash -e -x\necho\nEOT")).toBe("bash");
    expect(heredocScriptShell("<<EOT sh\r\necho\r\nEOT")).toBe("sh");
    expect(heredocScriptShell("<<EOF python3\nprint(1)\nEOF")).toBeNull();
    expect(heredocScriptShell("<<EOF bash -c 'echo x'\nEOF")).toBeNull();
    expect(heredocScriptShell("<<EOF bash > /log\nEOF")).toBeNull();
    expect(heredocScriptShell("cat <<EOF > /etc/motd\nhi\nEOF")).toBeNull();
  });

  it("starts Windows stages with cmd, Docker's default there, and lets a hadolint shell pragma name the shell of every script", () => {
    const m = parseDockerfile("Dockerfile", "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win\nRUN dir\nFROM win\nRUN & C:/x.ps1\nFROM alpine\nRUN ls\n");
    expect(m.instructions.filter((i) => i.keyword === "RUN").map((i) => i.shellName)).toEqual(["cmd", "cmd", "/bin/sh"]);
    expect(m.instructions[1].script!.commands.map((c) => c.name)).toEqual(["dir"]);
    expect(m.instructions[3].script).toMatchObject({ commands: [], error: { message: expect.stringMatching(/^not parsed: a cmd script/) } });
    const backtick = parseDockerfile("Dockerfile", "# escape=`\nFROM base\nRUN dir\n");
    expect(backtick.instructions[1].shellName).toBe("cmd");
    const pragma = parseDockerfile("Dockerfile", "FROM bats-jenkins\n# hadolint shell=powershell\nRUN & C:/x.ps1\n");
    expect([pragma.shellPragma, m.shellPragma]).toEqual(["powershell", null]);
    expect(pragma.instructions[1].shellName).toBe("powershell");
    expect(pragma.instructions[1].script).toBeNull();
  });

  it("takes the platform from the base image before the backtick escape, which decides only for an image that says nothing", () => {
    const shellOf = (from: string) => parseDockerfile("Dockerfile", `# escape=\`\nFROM ${from}\nRUN dir\n`).instructions[1].shellName;
    expect(["debian:12", "node:20", "docker.io/library/python:3.12-slim", "nginx:alpine"].map(shellOf)).toEqual(["/bin/sh", "/bin/sh", "/bin/sh", "/bin/sh"]);
    expect(["golang:1.22-windowsservercore-ltsc2022", "mcr.microsoft.com/windows/nanoserver:ltsc2022", "acme/base:1", "python@sha256:abc", "python:3.14"].map(shellOf)).toEqual(["cmd", "cmd", "cmd", "cmd", "cmd"]);
  });

  it("leaves exec-form RUN and non-POSIX shells unparsed", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN [\"echo\", \"hi\"]\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host hi\n");
    expect(m.instructions[1].script).toBeNull();
    expect(m.instructions[3].shellName).toBe("pwsh");
    expect(m.instructions[3].script).toBeNull();
  });

  it("reports shell syntax errors with a position instead of throwing", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN echo 'unterminated\n");
    expect(m.instructions[1].script!.error).toMatchObject({ range: { start: { line: 2 } } });
  });

  it("parses ONBUILD triggers as instructions at their own position", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nONBUILD RUN apt-get install -y curl\n");
    const trigger = m.instructions[1].trigger!;
    expect(trigger.keyword).toBe("RUN");
    expect(trigger.script!.commands[0].args[2].range).toEqual({ start: { line: 2, column: 32 }, end: { line: 2, column: 36 } });
  });

  it("builds every instruction with the same own fields in the same order, the script parsed once on first read", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN echo hi\nCOPY x y\nONBUILD RUN make\nCMD [\"run\"]\n");
    const all = [...m.instructions, m.instructions[3].trigger!];
    const shapes = new Set(all.map((i) => Object.keys(i).join(",")));
    expect(shapes.size).toBe(1);
    expect([...shapes][0]).not.toContain("script");
    const run = m.instructions[1];
    expect(run.script).toBe(run.script);
    expect(run.script!.commands.map((c) => c.name)).toEqual(["echo"]);
    expect(all.map((i) => i.script === null)).toEqual([true, false, true, true, true, false]);
  });

  it("counts columns in UTF-16 units after non-ASCII text", () => {
    const m = parseDockerfile("Dockerfile", "FROM a\nRUN echo \"héllo wörld\" && apt-get install x\n");
    const x = m.instructions[1].script!.commands[1].args[1];
    expect(x.value).toBe("x");
    expect(x.range.start).toEqual({ line: 2, column: 43 });
  });

  it("ends an instruction continued into the end of the file on its last line, not on the line after the final break", () => {
    const lf = parseDockerfile("Dockerfile", "FROM a\nCOPY a b \\\n");
    expect(lf.instructions[1].range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 11 } });
    const crlf = parseDockerfile("Dockerfile", "FROM a \\\r\n");
    expect(crlf.instructions[0].range).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 9 } });
    // A real empty line before the end stays inside the instruction.
    const blank = parseDockerfile("Dockerfile", "FROM a\nCOPY a b \\\n\n");
    expect(blank.instructions[1].range).toEqual({ start: { line: 2, column: 1 }, end: { line: 3, column: 1 } });
  });
});
