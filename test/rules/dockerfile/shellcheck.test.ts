import rule, { SHELLCHECK_LIMITS } from "../../../rules/dockerfile/shellcheck.js";
import { audit, DEFAULT_CONFIG, type Config, type ShellChecker, type ShellcheckFinding } from "../../../src/engine/index.js";
import { ruleTester } from "../../helpers/rule-tester.js";

// Without an injected checker (the engine alone), the rule says once that ShellCheck is unavailable.
ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY app /app\n",
    "FROM alpine:3.20\nRUN [\"/bin/true\"]\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host $x\n",
    "FROM alpine:3.20\nSHELL [\"/bin/zsh\", \"-c\"]\nRUN echo $x\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nCOPY app /app\nRUN echo $x\n",
      errors: [{ messageId: "unavailable", line: 3, column: 1, endLine: 3, endColumn: 4 }],
    },
  ],
});

type Call = { script: string; dialect: string };

/** A fake ShellCheck that reports what `findings` returns for each script, and records the calls. */
function fake(findings: (script: string) => Partial<ShellcheckFinding>[] | null): { checker: ShellChecker; calls: Call[] } {
  const calls: Call[] = [];
  const checker: ShellChecker = (script, dialect) => {
    calls.push({ script, dialect });
    const out = findings(script);
    return out && out.map((f) => ({ line: 1, column: 1, endLine: f.line ?? 1, endColumn: f.column ?? 1, code: 2086, level: "info", message: "Double quote to prevent globbing and word splitting.", ...f }));
  };
  return { checker, calls };
}

/** The finding of `word` (its first occurrence in `script`) as ShellCheck would report it, 1-based. */
function at(script: string, word: string, code = 2086, level: ShellcheckFinding["level"] = "info", message = "msg"): ShellcheckFinding {
  const offset = script.indexOf(word);
  const before = script.slice(0, offset).split("\n");
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return { line, column, endLine: line, endColumn: column + word.length, code, level, message };
}

function run(files: Record<string, string>, checker?: ShellChecker, config: Config = DEFAULT_CONFIG) {
  const report = audit(Object.entries(files).map(([path, content]) => ({ path, content })), [rule], { config, shellcheck: checker });
  return report.findings.map((f) => ({
    file: f.file,
    messageId: f.messageId,
    severity: f.severity,
    range: f.range && [f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column],
    message: f.message,
  }));
}

describe("shellcheck with an injected checker", () => {
  it("maps lines and columns of a multi-line RUN back into the Dockerfile", () => {
    const code = "FROM debian:12\nRUN apt-get update \\\n  # a comment Docker drops\n  && cd /opt \\\n\t&& echo $name\n";
    const { checker, calls } = fake((s) => [at(s, "cd /opt", 2164, "warning"), at(s, "$name", 2086, "info")]);
    const found = run({ Dockerfile: code }, checker);
    expect(calls).toHaveLength(1);
    expect(calls[0].dialect).toBe("sh");
    expect(calls[0].script.length).toBe("apt-get update \\\n  # a comment Docker drops\n  && cd /opt \\\n\t&& echo $name".length);
    expect(found.map((f) => [f.severity, f.range])).toEqual([
      ["warning", [4, 6, 4, 13]],
      ["info", [5, 10, 5, 15]],
    ]);
    expect(found[0].message).toBe("ShellCheck SC2164: msg (https://www.shellcheck.net/wiki/SC2164)");
  });

  it("checks heredoc bodies at their own lines, with the shebang's shell", () => {
    const code = "FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -e\necho $x\nEOF\nRUN <<PY\n#!/usr/bin/env python3\nprint(1)\nPY\n";
    const { checker, calls } = fake((s) => [at(s, "$x")]);
    const found = run({ Dockerfile: code }, checker);
    expect(calls.map((c) => c.dialect)).toEqual(["bash"]);
    expect(found.map((f) => f.range)).toEqual([[5, 6, 5, 8]]);
  });

  it("checks a heredoc of a CRLF file without its carriage returns, at the file's lines", () => {
    const code = "FROM debian:12\r\nRUN <<EOF\r\nset -e\r\napt-get install -y \\\r\n  curl\r\necho $x\r\nEOF\r\n";
    const { checker, calls } = fake((s) => [at(s, "$x")]);
    const found = run({ Dockerfile: code }, checker);
    expect(calls).toHaveLength(1);
    expect(calls[0].script).not.toContain("\r");
    expect(found.map((f) => f.range)).toEqual([[6, 6, 6, 8]]);
  });

  it("checks the heredoc of RUN <<EOT bash in bash, and not the heredoc another program reads", () => {
    const code = "FROM debian:12\nRUN <<EOT bash -e\necho $x\nEOT\nRUN <<EOF python3\nprint($x)\nEOF\nRUN <<EOF cat > /etc/motd\n$x\nEOF\n";
    const { checker, calls } = fake((s) => [at(s, "$x")]);
    const found = run({ Dockerfile: code }, checker);
    expect(calls).toEqual([{ script: "echo $x", dialect: "bash" }]);
    expect(found.map((f) => f.range)).toEqual([[3, 6, 3, 8]]);
  });

  it("uses the stage's SHELL dialect and checks ONBUILD triggers", () => {
    const code = "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nONBUILD RUN echo $y\n";
    const { checker, calls } = fake((s) => [at(s, "$y")]);
    const found = run({ Dockerfile: code }, checker);
    expect(calls.map((c) => c.dialect)).toEqual(["bash"]);
    expect(found.map((f) => f.range)).toEqual([[4, 18, 4, 20]]);
  });

  it("maps columns after characters outside the BMP (ShellCheck counts code points)", () => {
    const code = "FROM debian:12\nRUN echo \"😀\" $z\n";
    const { checker } = fake(() => [{ line: 1, column: 10, endLine: 1, endColumn: 12, code: 2086, level: "info", message: "m" }]);
    const found = run({ Dockerfile: code }, checker);
    // "echo "😀" $z": $z is code point 10; in UTF-16 the emoji takes two units, so column 15 of the line.
    expect(found.map((f) => f.range)).toEqual([[2, 15, 2, 17]]);
  });

  it("exports the ARG and ENV names ahead of the script, after a shebang, and maps lines back", () => {
    const code = "FROM debian:12\nARG version\nENV HOME_DIR=/app\nRUN echo $version $other\nRUN <<EOF\n#!/bin/sh\necho ${HOME_DIR} $other\nEOF\n";
    const { checker, calls } = fake((s) => [at(s, "export", 2034, "warning", "on the export line"), at(s, "$other")]);
    const found = run({ Dockerfile: code }, checker);
    // Only the names the script uses, so that an unrelated ARG or ENV leaves its text, and ShellCheck's cached answer, alone.
    expect(calls.map((c) => c.script)).toEqual(["export version=1\necho $version $other", "#!/bin/sh\nexport HOME_DIR=1\necho ${HOME_DIR} $other"]);
    expect(found.map((f) => f.range)).toEqual([[4, 19, 4, 25], [7, 18, 7, 24]]);
  });

  it("keeps SC3040 for pipefail where /bin/sh is dash, which rejects the option", () => {
    const code = "FROM debian:12\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n";
    const { checker } = fake((s) => [at(s, "set -o pipefail", 3040, "warning", "In POSIX sh, set option pipefail is undefined.")]);
    expect(run({ Dockerfile: code }, checker).map((f) => [f.message.slice(0, 16), f.range])).toEqual([["ShellCheck SC304", [2, 5, 2, 20]]]);
  });

  it("judges SC3040 by the image's /bin/sh, not by `alpine` anywhere in its reference", () => {
    const sc3040 = (from: string) => {
      const { checker } = fake((s) => [at(s, "set -o pipefail", 3040, "warning", "In POSIX sh, set option pipefail is undefined.")]);
      return run({ Dockerfile: `FROM ${from}\nRUN set -o pipefail && curl -fsSL https://example.com/x | sh\n` }, checker).length;
    };
    // dash: the namespace or registry says nothing of the image.
    expect(["my-alpine-tools/debian:12", "alpine-mirror.example.com/library/node:20-bookworm"].map(sc3040)).toEqual([1, 1]);
    // bash (the Red Hat family's /bin/sh), BusyBox ash, and an unknown image named for Alpine.
    expect(["rockylinux:9", "busybox:1.36", "ghcr.io/acme/alpine-tools:1"].map(sc3040)).toEqual([0, 0, 0]);
    // The dash of Debian 13 knows pipefail; Debian 12's does not.
    expect(["debian:trixie-slim", "debian:bookworm-slim"].map(sc3040)).toEqual([0, 1]);
  });

  it("drops excluded codes, pragma-ignored codes, and SC3040 for pipefail under BusyBox ash", () => {
    const code = "FROM node:20-alpine\n# hadolint ignore=SC2035\nRUN set -o pipefail && echo $other && ls *.txt\n";
    const { checker } = fake((s) => [
      at(s, "set -o pipefail", 3040, "warning", "In POSIX sh, set option pipefail is undefined."),
      at(s, "$other", 2154, "warning", "other is referenced but not assigned."),
      at(s, "*.txt", 2035, "info", "Use ./*glob*"),
      at(s, "$other", 2086, "info", "Double quote"),
    ]);
    const config: Config = { ...DEFAULT_CONFIG, rules: { shellcheck: { options: { exclude: ["SC2086"] } } } };
    const found = run({ Dockerfile: code }, checker, config);
    expect(found.map((f) => [f.message.slice(0, 16), f.range])).toEqual([["ShellCheck SC215", [3, 29, 3, 35]]]);
  });

  it("drops codes a file-wide pragma names, hadolint's or dockaudit's", () => {
    for (const pragma of ["# hadolint global ignore=DL3008,SC2086", "# dockaudit ignore-file=SC2086"]) {
      const code = `${pragma}\nFROM debian:12\nRUN echo $x\nRUN echo $y\n`;
      const { checker } = fake((s) => [at(s, s.includes("$x") ? "$x" : "$y", 2086, "info", "Double quote")]);
      expect(run({ Dockerfile: code }, checker)).toEqual([]);
    }
  });

  it("lets the config severity override the ShellCheck level", () => {
    const { checker } = fake((s) => [at(s, "$x", 2086, "style")]);
    const config: Config = { ...DEFAULT_CONFIG, rules: { shellcheck: { severity: "error" } } };
    expect(run({ Dockerfile: "FROM debian:12\nRUN echo $x\n" }, checker).map((f) => f.severity)).toEqual(["info"]);
    expect(run({ Dockerfile: "FROM debian:12\nRUN echo $x\n" }, checker, config).map((f) => f.severity)).toEqual(["error"]);
  });

  it("skips scripts that do not parse (dockerfile-syntax reports those)", () => {
    const { calls, checker } = fake(() => []);
    run({ Dockerfile: "FROM debian:12\nRUN echo $(date\n" }, checker);
    expect(calls).toEqual([]);
  });

  it("reports unavailability once per run, on the first Dockerfile with a script", () => {
    const files = { "a/Dockerfile": "FROM debian:12\nCOPY x /x\n", "b/Dockerfile": "FROM debian:12\nRUN echo b\n", "c/Dockerfile": "FROM debian:12\nRUN echo c\n" };
    const expected = [{ file: "b/Dockerfile", messageId: "unavailable", severity: "info", range: [2, 1, 2, 4] }];
    const strip = (fs: ReturnType<typeof run>) => fs.map(({ file, messageId, severity, range }) => ({ file, messageId, severity, range }));
    expect(strip(run(files, undefined))).toEqual(expected);
    const missing = fake(() => null);
    expect(strip(run(files, missing.checker))).toEqual(expected);
    expect(missing.calls).toHaveLength(2);
  });

  it("checks at most 200 scripts per file and 1,000 per run, and says from which script on it stopped", () => {
    expect(SHELLCHECK_LIMITS).toEqual({ perFile: 200, perRun: 1000 });
    const runs = (n: number, tag: string) => "FROM debian:12\n" + Array.from({ length: n }, (_, i) => `RUN echo ${tag}${i}\n`).join("");
    const one = fake(() => []);
    expect(run({ Dockerfile: runs(205, "x") }, one.checker)).toEqual([
      {
        file: "Dockerfile",
        messageId: "notChecked",
        severity: "info",
        range: [202, 1, 202, 4],
        message: "ShellCheck did not check 5 of the 205 scripts of this file, from this one on: it checks at most 200 scripts per file and 1000 per run, one process each.",
      },
    ]);
    expect(one.calls).toHaveLength(200);

    const many = fake(() => []);
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, f) => [`s${f}/Dockerfile`, runs(200, `f${f}-`)]));
    const found = run(files, many.checker);
    expect(many.calls).toHaveLength(1000);
    expect(new Set(many.calls.map((c) => c.script)).size).toBe(1000);
    expect(found).toEqual([expect.objectContaining({ file: "s5/Dockerfile", messageId: "notChecked", range: [2, 1, 2, 4], message: expect.stringMatching(/^ShellCheck did not check 200 of the 200 scripts/) })]);
  });

  it("stops checking a run at the first script ShellCheck does not finish in time, and says where", () => {
    const calls: string[] = [];
    const checker: ShellChecker = (script) => {
      calls.push(script);
      return script.includes("stall") ? "timeout" : [];
    };
    const files = { "a/Dockerfile": "FROM debian:12\nRUN echo a\nRUN stall\nRUN echo b\n", "b/Dockerfile": "FROM debian:12\nRUN echo c\n" };
    expect(run(files, checker)).toEqual([
      {
        file: "a/Dockerfile",
        messageId: "timedOut",
        severity: "info",
        range: [3, 1, 3, 4],
        message: "ShellCheck did not finish checking this script within its time limit, so this script and the ones after it in this run were not checked.",
      },
    ]);
    expect(calls).toEqual(["echo a", "stall"]);
  });
});
