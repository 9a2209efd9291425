import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import rule from "../rules/dockerfile/shellcheck.js";
import { audit } from "../src/engine/index.js";
import { createShellchecker, parseJson1 } from "../src/shellcheck.js";

const hasShellcheck = !spawnSync("shellcheck", ["--version"], { encoding: "utf8" }).error;

describe("src/shellcheck.ts", () => {
  it("reads json1 output and drops malformed entries", () => {
    const out = parseJson1('{"comments":[{"file":"-","line":2,"endLine":2,"column":3,"endColumn":5,"level":"warning","code":2164,"message":"m"},{"line":"x"}]}');
    expect(out).toEqual([{ line: 2, column: 3, endLine: 2, endColumn: 5, code: 2164, level: "warning", message: "m" }]);
    expect(parseJson1("")).toEqual([]);
    expect(parseJson1("not json")).toBeNull();
  });

  it("returns null when the binary does not exist, without trying again", () => {
    const check = createShellchecker({ binary: "/nonexistent/shellcheck-binary" });
    expect(check("echo hi", "sh")).toBeNull();
    expect(check("echo hi", "bash")).toBeNull();
  });

  it("refuses dialects outside its list (nothing else reaches the command line)", () => {
    const check = createShellchecker();
    expect(check("echo hi", "sh; rm -rf /" as "sh")).toBeNull();
  });

  it("says when a script did not finish in time, and does not keep that answer", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-sc-"));
    const slow = join(dir, "slow-shellcheck");
    writeFileSync(slow, '#!/bin/sh\ncat >/dev/null\nsleep 5\necho \'{"comments":[]}\'\n', { mode: 0o755 });
    try {
      const check = createShellchecker({ binary: slow, timeoutMs: 200 });
      expect(check("echo hi", "sh")).toBe("timeout");
      expect(check("echo hi", "sh")).toBe("timeout");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (!hasShellcheck) {
  // eslint-disable-next-line no-console
  console.log("skipped the real ShellCheck tests: no `shellcheck` on PATH (apt-get install shellcheck)");
}
(hasShellcheck ? describe : describe.skip)("the real shellcheck binary", () => {
  it("reports SC findings at their lines inside a multi-line RUN", () => {
    const dockerfile = "FROM debian:12\nARG version=1\nRUN echo start; \\\n  cd /opt; \\\n  echo $version $name\n";
    const report = audit([{ path: "Dockerfile", content: dockerfile }], [rule], { shellcheck: createShellchecker() });
    const found = report.findings.map((f) => `${f.range?.start.line}:${f.range?.start.column}-${f.range?.end.column} ${f.severity} ${f.message.slice(0, 17)}`);
    // $version is an ARG, exported to ShellCheck as hadolint does; $name is defined nowhere.
    expect(found).toEqual([
      "4:3-10 warning ShellCheck SC2164",
      "5:17-22 warning ShellCheck SC2154",
      "5:17-22 info ShellCheck SC2086",
    ]);
  });

  it("knows the build's ARG and ENV names, and that sh may set pipefail", () => {
    const dockerfile = [
      "FROM alpine:3.20",
      "ARG CURL_VERSION=8.5.0-r0",
      "ARG UID=10001",
      "RUN apk add --no-cache curl=${CURL_VERSION} && adduser -D -u ${UID} app",
      "RUN set -o pipefail && wget -qO- https://example.com/install.sh | sh",
      "RUN <<EOF",
      "#!/bin/sh",
      "echo ${UID} $missing",
      "EOF",
      "",
    ].join("\n");
    const report = audit([{ path: "Dockerfile", content: dockerfile }], [rule], { shellcheck: createShellchecker() });
    expect(report.findings.map((f) => `${f.range?.start.line}:${f.range?.start.column} ${f.message.slice(11, 17)}`)).toEqual(["8:13 SC2154", "8:13 SC2086"]);
  });

  it("uses the SHELL dialect: [[ ]] is fine in bash and an error in sh", () => {
    const bash = "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -f /etc/os-release ]] && echo ok\n";
    const sh = "FROM debian:12\nRUN [[ -f /etc/os-release ]] && echo ok\n";
    const codes = (content: string) => audit([{ path: "Dockerfile", content }], [rule], { shellcheck: createShellchecker() }).findings.map((f) => f.message.slice(11, 17));
    expect(codes(bash)).toEqual([]);
    expect(codes(sh)).toEqual(["SC3010"]);
  });
});
