import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/run.js";

function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dockaudit-config-"));
  writeFileSync(join(dir, "Dockerfile"), "FROM python:3.12-slim\n");
  writeFileSync(join(dir, "cfg.yml"), config);
  return dir;
}

describe("dockaudit check --config", () => {
  it("refuses _extends, which only the app can follow, instead of auditing without the settings it names", () => {
    const dir = project("fail_on: none\n_extends: org/.github\n");
    const { code, stderr } = run(["check", dir, "--config", join(dir, "cfg.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("_extends (line 2): the CLI does not fetch other configs");
  });

  it("prints the config's own keys with their control characters escaped", () => {
    const dir = project('"x\\e[2J": 1\n');
    const { code, stderr } = run(["check", dir, "--config", join(dir, "cfg.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("x\\x1b[2J (line 1): unknown key");
    expect(stderr).not.toContain("\u001b");
  });

  it("names each bad key with its line", () => {
    const dir = project("fail_on: error\nrules:\n  DL3008: loud\n");
    const { code, stderr } = run(["check", dir, "--config", join(dir, "cfg.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("  rules.DL3008 (line 3): severity must be one of error, warning, info, off");
  });

  it("matches files: and ignore: from the working directory, as the app does from the repository root", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-config-"));
    mkdirSync(join(dir, "services", "legacy"), { recursive: true });
    mkdirSync(join(dir, "deploy"));
    writeFileSync(join(dir, "services", "Dockerfile"), "FROM python:3.12-slim\n");
    writeFileSync(join(dir, "services", "legacy", "Dockerfile"), "FROM python:3.12-slim\n");
    writeFileSync(join(dir, "deploy", "stack-prod.yml"), "services:\n  web:\n    image: nginx:1.27\n");
    writeFileSync(join(dir, "cfg.yml"), 'ignore: ["services/legacy/**"]\nfiles:\n  compose: ["deploy/stack-*.yml"]\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const services = run(["check", "services", "--config", "cfg.yml", "--format", "json", "--fail-on", "none"]);
      expect(JSON.parse(services.stdout).files.map((f: { path: string }) => f.path)).toEqual(["Dockerfile"]);
      const stack = run(["check", "deploy/stack-prod.yml", "--config", "cfg.yml", "--format", "json", "--fail-on", "none"]);
      expect([stack.code, stack.stderr]).toEqual([0, ""]);
      expect(JSON.parse(stack.stdout).files).toEqual([{ path: "stack-prod.yml", kind: "compose" }]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses a config too large to be one instead of parsing it", () => {
    const dir = project(`# ${"x".repeat(300 * 1024)}\n`);
    const { code, stderr } = run(["check", dir, "--config", join(dir, "cfg.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("over the limit of 262144 bytes per file (the most a config may hold)");
  });

  it("refuses a config that is not a regular file instead of waiting on it", () => {
    const dir = project("");
    execFileSync("mkfifo", [join(dir, "fifo.yml")]);
    const { code, stderr } = run(["check", dir, "--config", join(dir, "fifo.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("not a regular file");
  });
});
