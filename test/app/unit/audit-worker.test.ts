import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { audit, DEFAULT_CONFIG, type SourceFile } from "../../../src/engine/index.js";
import { rules } from "../../../rules/index.js";
import { createShellchecker } from "../../../src/shellcheck.js";
import { AUDIT_HEAP_MB, AUDIT_TIMEOUT_S, AUDIT_YOUNG_MB, createAuditPool, heapMbFromEnv, threadsFromEnv, timeoutSFromEnv, type AuditPool } from "../../../src/app/audit-worker.js";
import { ensureBuilt, ROOT } from "../../e2e/server.js";

// Under ts-jest the pool's own default (audit-worker-thread.js beside it) is a .ts file; the
// thread runs the built module, as the server does from dist/.
const THREAD = pathToFileURL(join(ROOT, "dist", "src", "app", "audit-worker-thread.js"));

const files: SourceFile[] = [
  { path: "Dockerfile", content: "FROM node:20\nRUN curl -k https://example.com | sh\nRUN cd /app && echo $foo\nCMD [\"node\"]\n" },
  { path: "api/Dockerfile", content: "FROM python:latest\nADD . /app\nUSER root\n" },
  { path: "compose.yaml", content: "services:\n  db:\n    image: postgres\n    ports:\n      - \"5432:5432\"\n    privileged: true\n" },
  { path: ".dockerignore", content: "node_modules\n" },
];

/**
 * A stand-in thread: answers with an error for "fail", dies on "crash", never answers "spin", names
 * its thread for "whoami", gives its heap limits for "limits", else echoes the paths.
 */
const FAKE = new URL(
  "data:text/javascript," +
    encodeURIComponent(`
import { parentPort, resourceLimits, threadId } from "node:worker_threads";
parentPort.on("message", (m) => {
  const path = m.files[0]?.path;
  if (path === "crash") process.exit(3);
  if (path === "spin") for (;;);
  if (path === "hog") { const kept = []; for (;;) kept.push(new Array(100000).fill(path)); }
  if (path === "throw") setTimeout(() => { throw new Error("boom in thread"); });
  else if (path === "whoami") parentPort.postMessage({ id: m.id, ok: true, report: { thread: threadId } });
  else if (path === "limits") parentPort.postMessage({ id: m.id, ok: true, report: resourceLimits });
  else if (path === "fail") parentPort.postMessage({ id: m.id, ok: false, error: "Error: rule exploded" });
  else parentPort.postMessage({ id: m.id, ok: true, report: { paths: m.files.map((f) => f.path), tree: m.options.tree } });
});`),
);

describe("the audit worker pool", () => {
  let pool: AuditPool | undefined;
  beforeAll(() => ensureBuilt(), 120_000);
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it("gives the same report as the engine in process, for several audits in flight on two threads", async () => {
    pool = createAuditPool({ threads: 2, script: THREAD });
    const options = { config: DEFAULT_CONFIG, tree: [...files.map((f) => f.path), "README.md"] };
    const expected = audit(files, rules, { ...options, shellcheck: createShellchecker() });
    const [a, b, c] = await Promise.all([pool.audit(files, options), pool.audit(files.slice(0, 1), options), pool.audit(files, options)]);
    expect(a).toEqual(expected);
    expect(c).toEqual(expected);
    expect(b).toEqual(audit(files.slice(0, 1), rules, { ...options, shellcheck: createShellchecker() }));
    expect(expected.findings.length).toBeGreaterThan(3);
  }, 60_000);

  it("fingerprints a moved file at the path it is given, as the engine in process does", async () => {
    pool = createAuditPool({ threads: 1, script: THREAD });
    const options = { config: DEFAULT_CONFIG, tree: files.map((f) => f.path), fingerprintPaths: { Dockerfile: "app/Dockerfile" } };
    const moved = await pool.audit(files, options);
    expect(moved).toEqual(audit(files, rules, { ...options, shellcheck: createShellchecker() }));
    const atHead = audit([{ path: "app/Dockerfile", content: files[0].content }], rules, { shellcheck: createShellchecker() });
    const ofDockerfile = (r: typeof moved) => r.findings.filter((f) => f.file.endsWith("Dockerfile") && f.ruleId !== "shellcheck").map((f) => f.fingerprint);
    expect(ofDockerfile({ ...moved, findings: moved.findings.filter((f) => f.file === "Dockerfile") })).toEqual(ofDockerfile(atHead));
  }, 60_000);

  it("tells the thread when the tree is only part of the repository", async () => {
    pool = createAuditPool({ threads: 1, script: THREAD });
    const copying = [{ path: "Dockerfile", content: "FROM node:20\nCOPY . /app\n" }];
    const options = { config: DEFAULT_CONFIG, tree: ["Dockerfile", "index.js"] };
    const ruleIds = (r: { findings: { ruleId: string }[] }) => new Set(r.findings.map((f) => f.ruleId));
    expect(ruleIds(await pool.audit(copying, options)).has("dockerignore-missing")).toBe(true);
    const partial = await pool.audit(copying, { ...options, treeTruncated: true });
    expect(partial).toEqual(audit(copying, rules, { ...options, treeTruncated: true, shellcheck: createShellchecker() }));
    expect(ruleIds(partial).has("dockerignore-missing")).toBe(false);
  }, 60_000);

  it("rejects with a clear error when the audit fails in the thread, and keeps serving", async () => {
    pool = createAuditPool({ threads: 1, script: FAKE });
    await expect(pool.audit([{ path: "fail", content: "" }], {})).rejects.toThrow(/audit failed in its worker thread: Error: rule exploded/);
    await expect(pool.audit([{ path: "ok", content: "" }], { tree: ["x"] })).resolves.toEqual({ paths: ["ok"], tree: ["x"] });
  });

  it("replaces a thread that crashes or exits; the audit it ran is rejected, the queued ones run", async () => {
    pool = createAuditPool({ threads: 1, script: FAKE });
    const crashed = pool.audit([{ path: "crash", content: "" }], {});
    const queued = pool.audit([{ path: "after", content: "" }], {});
    await expect(crashed).rejects.toThrow(/worker thread exited \(code 3\)/);
    await expect(queued).resolves.toEqual({ paths: ["after"] });
    await expect(pool.audit([{ path: "throw", content: "" }], {})).rejects.toThrow(/worker thread crashed: boom in thread/);
    await expect(pool.audit([{ path: "again", content: "" }], {})).resolves.toEqual({ paths: ["again"] });
  });

  it.each([
    [
      "at its heap ceiling",
      { heapMb: 64 },
      "hog",
      "the audit's worker thread ran out of memory: these files need more than its heap limit of 64 MiB (DOCKAUDIT_AUDIT_HEAP_MB). Lower limits.max_total_bytes in .github/dockaudit.yml, or raise the limit",
    ],
    [
      "past its time limit",
      { timeoutMs: 300 },
      "spin",
      "the audit's worker thread took longer than 0.3 s (DOCKAUDIT_AUDIT_TIMEOUT_S) and was stopped. Lower limits.max_total_bytes in .github/dockaudit.yml, or raise the limit",
    ],
  ])("stops an audit %s: it is rejected with what to change, the next one runs on a new thread", async (_when, limit, path, message) => {
    pool = createAuditPool({ threads: 1, ...limit, script: FAKE });
    const stopped = pool.audit([{ path, content: "" }], {});
    const queued = pool.audit([{ path: "after", content: "" }], {});
    await expect(stopped).rejects.toThrow(message);
    await expect(queued).resolves.toEqual({ paths: ["after"] });
  }, 60_000);

  it("leaves an audit that answers in time alone: its timer does not stop the thread later", async () => {
    pool = createAuditPool({ threads: 1, timeoutMs: 200, script: FAKE });
    const first = (await pool.audit([{ path: "whoami", content: "" }], {})) as unknown as { thread: number };
    await new Promise((r) => setTimeout(r, 400));
    await expect(pool.audit([{ path: "whoami", content: "" }], {})).resolves.toEqual({ thread: first.thread });
  });

  it("rejects audits once closed", async () => {
    pool = createAuditPool({ threads: 1, script: FAKE });
    await pool.close();
    await expect(pool.audit([], {})).rejects.toThrow(/closed/);
  });

  it("reads its size from DOCKAUDIT_AUDIT_THREADS, default 1", () => {
    expect(threadsFromEnv({})).toBe(1);
    expect(threadsFromEnv({ DOCKAUDIT_AUDIT_THREADS: "3" })).toBe(3);
    expect(threadsFromEnv({ DOCKAUDIT_AUDIT_THREADS: "zero" })).toBe(1);
  });

  it("reads the time limit of an audit from DOCKAUDIT_AUDIT_TIMEOUT_S, default 300 s, 10 s at least", () => {
    expect(AUDIT_TIMEOUT_S).toBe(300);
    expect(timeoutSFromEnv({})).toBe(300);
    expect(timeoutSFromEnv({ DOCKAUDIT_AUDIT_TIMEOUT_S: "90" })).toBe(90);
    expect(timeoutSFromEnv({ DOCKAUDIT_AUDIT_TIMEOUT_S: "5" })).toBe(300);
    expect(timeoutSFromEnv({ DOCKAUDIT_AUDIT_TIMEOUT_S: "soon" })).toBe(300);
  });

  it("reads each thread's heap ceiling from DOCKAUDIT_AUDIT_HEAP_MB, default 512 MiB, 64 MiB at least", () => {
    expect(AUDIT_HEAP_MB).toBe(512);
    expect(heapMbFromEnv({})).toBe(512);
    expect(heapMbFromEnv({ DOCKAUDIT_AUDIT_HEAP_MB: "1536" })).toBe(1536);
    expect(heapMbFromEnv({ DOCKAUDIT_AUDIT_HEAP_MB: "16" })).toBe(512);
    expect(heapMbFromEnv({ DOCKAUDIT_AUDIT_HEAP_MB: "lots" })).toBe(512);
  });

  it("starts each thread with the heap ceiling and the fixed young generation, whatever the host's memory", async () => {
    pool = createAuditPool({ threads: 1, heapMb: 256, script: FAKE });
    const limits = (await pool.audit([{ path: "limits", content: "" }], {})) as unknown as Record<string, number>;
    expect(AUDIT_YOUNG_MB).toBe(24);
    expect(limits.maxOldGenerationSizeMb).toBe(256);
    expect(limits.maxYoungGenerationSizeMb).toBe(AUDIT_YOUNG_MB);
  });
});
