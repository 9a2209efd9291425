import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../../src/cli/run.js";

function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dockaudit-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const ROOT_DOCKERFILE = "FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n";

describe("dockaudit check --format sarif outside the working directory", () => {
  const uris = (stdout: string) => {
    const run = JSON.parse(stdout).runs[0];
    return { run, locations: run.results.map((r: { locations: { physicalLocation: { artifactLocation: Record<string, string> } }[] }) => r.locations[0].physicalLocation.artifactLocation) };
  };

  it("names files from the root of the git work tree that holds them, against %SRCROOT%", () => {
    const repo = project({ ".git/HEAD": "ref: refs/heads/main\n", "services/api/Dockerfile": ROOT_DOCKERFILE });
    const { stdout } = run(["check", join(repo, "services"), "--format", "sarif", "--fail-on", "none"]);
    const { run: sarif, locations } = uris(stdout);
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l).toEqual({ uri: "services/api/Dockerfile", uriBaseId: "%SRCROOT%" });
    expect(sarif.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(repo).href}/` } });
  });

  it("names files by absolute file URIs when no git work tree holds them", () => {
    const dir = project({ "a b#1/Dockerfile": ROOT_DOCKERFILE });
    const { stdout } = run(["check", join(dir, "a b#1", "Dockerfile"), "--format", "sarif", "--fail-on", "none"]);
    const { run: sarif, locations } = uris(stdout);
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l).toEqual({ uri: pathToFileURL(join(dir, "a b#1", "Dockerfile")).href });
    expect(sarif.originalUriBaseIds).toBeUndefined();
  });
});

describe("dockaudit check", () => {
  it("walks a directory, skips node_modules and .git, and reports paths relative to it", () => {
    const dir = project({
      Dockerfile: ROOT_DOCKERFILE,
      "node_modules/pkg/Dockerfile": ROOT_DOCKERFILE,
      ".git/Dockerfile": ROOT_DOCKERFILE,
      "README.md": "not audited",
    });
    const { code, stdout } = run(["check", dir, "--format", "json"]);
    const doc = JSON.parse(stdout);
    expect(doc.files).toEqual([{ path: "Dockerfile", kind: "dockerfile" }]);
    expect(doc.findings.some((f: { ruleId: string; file: string; line: number }) => f.ruleId === "user-missing" && f.file === "Dockerfile" && f.line === 1)).toBe(true);
    expect(code).toBe(1);
  });

  it("walks node_modules when it is named as an argument of its own", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE, "node_modules/pkg/Dockerfile": ROOT_DOCKERFILE });
    const doc = JSON.parse(run(["check", dir, join(dir, "node_modules", "pkg"), "--format", "json"]).stdout);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(["Dockerfile", "node_modules/pkg/Dockerfile"]);
  });

  it("exits 0 when nothing reaches --fail-on and 1 when something does", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    expect(run(["check", dir, "--fail-on", "none"]).code).toBe(0);
    expect(run(["check", dir, "--fail-on", "error"]).code).toBe(1);
  });

  it("exits 2 with a message naming the problem for usage errors", () => {
    expect(run(["check", "--format", "xml"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be one of") });
    expect(run(["check", "/no/such/dir"])).toMatchObject({ code: 2, stderr: expect.stringContaining("no such file or directory: /no/such/dir") });
    expect(run(["frobnicate"])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(run(["check", "--bogus"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --bogus") });
    expect(run(["check", "--color=false"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--color takes no value (got --color=false)") });
    expect(run(["check", "--fix=no"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--fix takes no value") });
  });

  it("exits 2 naming the bad key of an invalid config", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE, "dockaudit.yml": "fail_on: sometimes\nrules:\n  no-such-rule: off\n" });
    const { code, stderr } = run(["check", dir, "--config", join(dir, "dockaudit.yml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("fail_on (line 1): must be one of error, warning, info, none");
    expect(stderr).toContain("rules.no-such-rule (line 3): no rule has this id or alias");
  });

  it("applies the config: a rule turned off by an alias no longer reports, fail_on is honoured", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE, "cfg.yml": "fail_on: none\nrules:\n  CKV_DOCKER_3: off\n" });
    const { code, stdout } = run(["check", dir, "--config", join(dir, "cfg.yml"), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain("user-missing");
  });

  it("reads the build Dockerfile of an explicitly named Compose file", () => {
    const dir = project({
      "compose.yaml": "services:\n  api:\n    build: ./api\n",
      "api/Dockerfile": ROOT_DOCKERFILE,
    });
    const { stdout } = run(["check", join(dir, "compose.yaml"), "--format", "json"]);
    const doc = JSON.parse(stdout);
    expect(doc.files.map((f: { path: string }) => f.path).sort()).toEqual(["api/Dockerfile", "compose.yaml"]);
    expect(doc.services[0]).toMatchObject({ name: "api", user: "root", runsAsRoot: true, build: { context: "api", dockerfile: "api/Dockerfile" } });
  });

  it("says so when a directory holds nothing to audit, rather than passing in silence", () => {
    const dir = project({ "src/app.py": "print(1)\n" });
    const { code, stderr, stdout } = run(["check", join(dir, "src")]);
    expect(stderr).toContain(`no Dockerfile, Compose file or .dockerignore found in ${join(dir, "src")}`);
    expect(stdout).toContain("No findings");
    expect(code).toBe(0);
  });

  it("names paths from the command line with their control characters escaped", () => {
    const dir = project({ "notes\u001b]0;x\u0007.txt": "hello" });
    const { stderr } = run(["check", join(dir, "notes\u001b]0;x\u0007.txt"), "/no/such\u001b[2J"]);
    expect(stderr).toContain("/no/such\\x1b[2J");
    expect(stderr).not.toContain("\u001b");
  });

  it("refuses a file it cannot classify", () => {
    const dir = project({ "notes.txt": "hello" });
    expect(run(["check", join(dir, "notes.txt")])).toMatchObject({ code: 2, stderr: expect.stringContaining("not a Dockerfile, Compose file or .dockerignore") });
  });

  it("--fix applies exact fixes in place and reports what is left", () => {
    const dir = project({ "compose.yaml": "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\" # keep this comment\n" });
    run(["check", dir, "--fix", "--fail-on", "none"]);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5432:5432\" # keep this comment\n    restart: unless-stopped\n    security_opt:\n      - no-new-privileges:true\n");
  });

  it("--fix takes fixes that overlap a taken one in a further pass, and reports the text they leave", () => {
    const dir = project({ "compose.yaml": "services:\n  db:\n    image: postgres:16\n    restart: always\n    ports:\n      - 5432:5432\n    security_opt: [no-new-privileges]\n" });
    const { stderr, stdout } = run(["check", dir, "--fix", "--fail-on", "none", "--format", "json"]);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe("services:\n  db:\n    image: postgres:16\n    restart: always\n    ports:\n      - \"127.0.0.1:5432:5432\"\n    security_opt: [no-new-privileges]\n");
    expect(stderr).toContain("applied 2 fixes");
    const rules = (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(rules).not.toContain("datastore-port-published");
    expect(rules).not.toContain("ports-quoted");
  });

  it("prints text without colours when not on a TTY, and with them when asked", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    const plain = run(["check", dir]).stdout;
    expect(plain).toContain("Dockerfile");
    expect(plain).not.toContain("\u001b[");
    expect(run(["check", dir, "--color"]).stdout).toContain("\u001b[");
  });
});

describe("dockaudit rules", () => {
  it("lists every rule's meta as JSON", () => {
    const { code, stdout } = run(["rules", "--format", "json"]);
    expect(code).toBe(0);
    const metas = JSON.parse(stdout);
    expect(metas.find((m: { id: string }) => m.id === "user-missing")).toMatchObject({ code: "DF101", target: "dockerfile", aliases: expect.arrayContaining(["CKV_DOCKER_3"]) });
  });

  it("prints help and version", () => {
    expect(run(["--help"]).stdout).toContain("dockaudit check");
    expect(run(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("an internal error", () => {
  it("exits 2 with the error on stderr, never 1, which CI reads as findings", () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    let stderr = "";
    const code = main(["check", dir], {
      stdout: () => {
        throw new TypeError("renderer broke");
      },
      stderr: (s) => (stderr += s),
      isTTY: false,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain("the audit did not complete");
    expect(stderr).toContain("TypeError: renderer broke");
  });
});
