import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuilt, ROOT } from "../e2e/server.js";

/**
 * mvdan-sh is loaded only when the fast shell parser hands a script over. A fresh process is the
 * only place to see that: jest's own module registry has long since loaded it for other tests.
 */
function auditInFreshProcess(dockerfile: string): { mvdanLoaded: boolean; rules: string[] } {
  ensureBuilt();
  const audit = pathToFileURL(join(ROOT, "dist", "src", "audit.js")).href;
  const script = `
    import { createRequire } from "node:module";
    const { auditFiles } = await import(${JSON.stringify(audit)});
    const report = auditFiles([{ path: "Dockerfile", content: ${JSON.stringify(dockerfile)} }]);
    const mvdanLoaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("mvdan-sh"));
    console.log(JSON.stringify({ mvdanLoaded, rules: report.findings.map((f) => f.ruleId) }));
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  if (run.status !== 0) throw new Error(`audit process failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

describe("mvdan-sh is loaded on first use", () => {
  it("is not loaded when every script is within the fast parser's reach", () => {
    const got = auditInFreshProcess("FROM alpine:3.20\nRUN apk add curl && curl -k https://example.com/x | sh\n");
    expect(got.mvdanLoaded).toBe(false);
    expect(got.rules).toEqual(expect.arrayContaining(["apk-no-cache", "tls-verification-disabled"]));
  });

  it("is loaded for a script the fast parser leaves to it, and its findings still come", () => {
    const got = auditInFreshProcess("FROM alpine:3.20\nRUN if [[ -n \"$X\" ]]; then apk add curl; fi && curl -k https://example.com/x | sh\n");
    expect(got.mvdanLoaded).toBe(true);
    expect(got.rules).toEqual(expect.arrayContaining(["apk-no-cache", "tls-verification-disabled"]));
  });

  it("is not asked about cmd scripts of Windows stages, which no POSIX parser judges: they keep what the fast parser reads", () => {
    const got = auditInFreshProcess(
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command $ErrorActionPreference = 'Stop'; Invoke-WebRequest -Uri https://example.com/x -OutFile C:\\x.zip\nRUN & C:/tools/setup.ps1 --quiet\n",
    );
    expect(got.mvdanLoaded).toBe(false);
    expect(got.rules).toContain("shell-change-via-run");
  });
});
