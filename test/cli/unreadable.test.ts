import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "../../src/cli/files.js";
import { main } from "../../src/cli/run.js";
import { ensureBuilt, ROOT } from "../e2e/server.js";
import { createClassifier } from "../../src/engine/index.js";

function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

const DOCKERFILE = "FROM python:3.12-slim\nUSER 1000\n";
const asRoot = process.getuid?.() === 0;

describe("dockaudit check on files it cannot read as text", () => {
  it("reports a FIFO named on the command line as skipped instead of waiting for a writer", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-fifo-"));
    execFileSync("mkfifo", [join(dir, "Dockerfile")]);
    const { code, stdout } = run(["check", join(dir, "Dockerfile"), "--format", "json", "--fail-on", "none"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.files).toEqual([{ path: "Dockerfile", kind: "dockerfile", skipped: "it is not a regular file" }]);
    expect(doc.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["file-skipped"]);
  });

  it("reports a link to a device named on the command line as skipped rather than as an empty Dockerfile", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-device-"));
    symlinkSync("/dev/zero", join(dir, "Dockerfile"));
    const doc = JSON.parse(run(["check", join(dir, "Dockerfile"), "--format", "json", "--fail-on", "none"]).stdout);
    expect(doc.files).toEqual([{ path: "Dockerfile", kind: "dockerfile", skipped: "it is not a regular file" }]);
  });

  it("gives the true size of a file over max_file_bytes", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-big-"));
    writeFileSync(join(dir, "Dockerfile"), `FROM node:20\n${"RUN true\n".repeat(300)}`);
    writeFileSync(join(dir, "cfg.yml"), "limits:\n  max_file_bytes: 1000\n");
    const doc = JSON.parse(run(["check", dir, "--config", join(dir, "cfg.yml"), "--format", "json", "--fail-on", "none"]).stdout);
    expect(doc.files).toEqual([{ path: "Dockerfile", kind: "dockerfile", skipped: "it is 2713 bytes, over the limit of 1000 bytes per file (limits.max_file_bytes)" }]);
  });

  it("says a UTF-16 file is UTF-16 rather than binary", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-utf16-"));
    writeFileSync(join(dir, "Dockerfile"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOCKERFILE, "utf16le")]));
    const doc = JSON.parse(run(["check", dir, "--format", "json", "--fail-on", "none"]).stdout);
    expect(doc.files[0].skipped).toMatch(/^it is encoded as UTF-16/);
  });

  it("names the error of a path that exists but cannot be opened, such as a link loop", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-loop-"));
    symlinkSync("b", join(dir, "a"));
    symlinkSync("a", join(dir, "b"));
    const { code, stderr } = run(["check", join(dir, "a")]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot open ${join(dir, "a")} (ELOOP)`);
  });

  (asRoot ? it : it.skip)("reports an unreadable file as skipped, and names an unreadable directory on stderr, instead of crashing or staying silent", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-unreadable-"));
    writeFileSync(join(dir, "Dockerfile"), DOCKERFILE);
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "Dockerfile"), DOCKERFILE);
    chmodSync(join(dir, "Dockerfile"), 0o000);
    chmodSync(join(dir, "data"), 0o000);
    chmodSync(dir, 0o755);
    ensureBuilt();
    const cli = join(ROOT, "dist", "src", "cli", "main.js");
    const result = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, cli, "check", dir, "--format", "json", "--fail-on", "none"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    chmodSync(join(dir, "data"), 0o755);
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.files).toEqual([{ path: "Dockerfile", kind: "dockerfile", skipped: "it could not be read (EACCES)" }]);
    expect(result.stderr).toContain("could not read directory data (EACCES)");
  });
});

describe("dockaudit check on symbolic links found while walking", () => {
  it("audits a link to a Dockerfile inside the tree, and skips one leading out of it with the reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-links-"));
    mkdirSync(join(dir, "docker"));
    writeFileSync(join(dir, "docker", "Dockerfile.prod"), DOCKERFILE);
    symlinkSync("docker/Dockerfile.prod", join(dir, "Dockerfile"));
    symlinkSync("/etc/passwd", join(dir, "Dockerfile.evil"));
    const doc = JSON.parse(run(["check", dir, "--format", "json", "--fail-on", "none"]).stdout);
    expect(doc.files).toEqual([
      { path: "Dockerfile", kind: "dockerfile" },
      { path: "Dockerfile.evil", kind: "dockerfile", skipped: "it is a symbolic link to a path outside the audited directory" },
      { path: "docker/Dockerfile.prod", kind: "dockerfile" },
    ]);
  });
});

describe("dockaudit check from a deleted working directory", () => {
  it("says the directory is gone instead of crashing", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-gone-"));
    ensureBuilt();
    const cli = join(ROOT, "dist", "src", "cli", "main.js");
    const result = spawnSync("sh", ["-c", `cd "${dir}" && rmdir "${dir}" && exec "${process.execPath}" "${cli}" check .`], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(result.stderr).toContain("dockaudit: the current directory cannot be read (ENOENT)");
    expect(result.status).toBe(2);
  });
});

describe("dockaudit check on a directory argument that is a symbolic link", () => {
  it("walks it even when another argument makes their common directory the root", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-linkarg-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "dockaudit-elsewhere-"));
    mkdirSync(join(dir, "api"));
    writeFileSync(join(dir, "api", "Dockerfile"), DOCKERFILE);
    writeFileSync(join(elsewhere, "Dockerfile"), DOCKERFILE);
    symlinkSync(elsewhere, join(dir, "shared"));
    const doc = JSON.parse(run(["check", join(dir, "api"), join(dir, "shared"), "--format", "json", "--fail-on", "none"]).stdout);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(["api/Dockerfile", "shared/Dockerfile"]);
    mkdirSync(join(elsewhere, "sub"));
    writeFileSync(join(elsewhere, "sub", "Dockerfile"), DOCKERFILE);
    const nested = JSON.parse(run(["check", join(dir, "api"), join(dir, "shared", "sub"), "--format", "json", "--fail-on", "none"]).stdout);
    expect(nested.files.map((f: { path: string }) => f.path)).toEqual(["api/Dockerfile", "shared/sub/Dockerfile"]);
  });
});

describe("collect on a tree larger than its listing bound", () => {
  it("still finds every Docker file past the bound", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-wide-"));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `a${String(i).padStart(2, "0")}.txt`), "x");
    mkdirSync(join(dir, "z"));
    writeFileSync(join(dir, "z", "Dockerfile"), DOCKERFILE);
    const classify = createClassifier({});
    const collected = collect([dir], classify, 1_000_000, () => [], 5);
    expect(collected.files.map((f) => f.path)).toEqual(["z/Dockerfile"]);
    expect(collected.unlisted).toBe(15);
  });
});
