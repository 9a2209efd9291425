import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/run.js";
import { ensureBuilt, ROOT } from "../e2e/server.js";

function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

const PUBLISHED = "services:\n  db:\n    # caf\u00e9\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n";
const asRoot = process.getuid?.() === 0;

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);

describe("dockaudit check --fix", () => {
  it("leaves a file that is not UTF-8 byte for byte as it was, and says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-fix-"));
    const latin1 = Buffer.from(PUBLISHED, "latin1");
    writeFileSync(join(dir, "compose.yaml"), latin1);
    const { stderr, stdout } = run(["check", dir, "--fix", "--fail-on", "none", "--format", "json"]);
    expect(readFileSync(join(dir, "compose.yaml")).equals(latin1)).toBe(true);
    expect(stderr).toContain("compose.yaml is not valid UTF-8");
    expect(stderr).toContain("applied 0 fixes");
    expect(ruleIds(stdout)).toContain("datastore-port-published");
  });

  it("keeps fixing a UTF-8 file with a byte-order mark and CRLF line ends, and keeps both and the file mode", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-fix-"));
    writeFileSync(join(dir, "compose.yaml"), `\uFEFF${PUBLISHED.replace(/\n/g, "\r\n")}`);
    chmodSync(join(dir, "compose.yaml"), 0o640);
    run(["check", dir, "--fix", "--fail-on", "none"]);
    expect(statSync(join(dir, "compose.yaml")).mode & 0o777).toBe(0o640);
    const fixed = `${PUBLISHED.replace('"5432:5432"', '"127.0.0.1:5432:5432"')}    restart: unless-stopped\n    security_opt:\n      - no-new-privileges:true\n`;
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe(`\uFEFF${fixed.replace(/\n/g, "\r\n")}`);
  });

  (asRoot ? it : it.skip)("reports a file it may not write instead of crashing, and lists its findings as they still are", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-fix-"));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "compose.yaml"), PUBLISHED);
    chmodSync(join(dir, "compose.yaml"), 0o444);
    ensureBuilt();
    const cli = join(ROOT, "dist", "src", "cli", "main.js");
    const result = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, cli, "check", dir, "--fix", "--format", "json", "--fail-on", "none"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(result.stderr).toContain("compose.yaml could not be written (EACCES)");
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe(PUBLISHED);
    expect(ruleIds(result.stdout)).toContain("datastore-port-published");
  });
});
