import { spawnSync } from "node:child_process";
import { diffLines } from "diff";
import { syntheticPr, type Files, type SyntheticPr } from "../../bench/synthetic-pr.js";
import { auditFiles } from "../../src/audit.js";
import type { ShellChecker } from "../../src/engine/rule.js";
import { shellcheck } from "../../src/shellcheck.js";

// The benchmark checks its PRs with the ShellCheck binary; without it on PATH, a checker that
// finds nothing keeps the `shellcheck` rule from reporting itself unavailable.
const hasShellcheck = !spawnSync("shellcheck", ["--version"]).error;
const checker: ShellChecker = hasShellcheck ? shellcheck : () => [];

const isDocker = (path: string) => /(Dockerfile|\.dockerignore)$/.test(path);
const dockerfilePaths = (files: Files) => Object.keys(files).filter((p) => p.endsWith("/Dockerfile"));
const changedPaths = (pr: SyntheticPr) => Object.keys(pr.head).filter((p) => pr.head[p] !== pr.base[p]);

function audit(files: Files) {
  const docker = Object.keys(files)
    .filter(isDocker)
    .map((path) => ({ path, content: files[path] }));
  return auditFiles(docker, { tree: Object.keys(files), shellcheck: checker });
}

/** 1-based numbers of the lines `after` adds to `before`. */
function addedLines(before: string, after: string): Set<number> {
  const added = new Set<number>();
  let line = 1;
  for (const part of diffLines(before, after)) {
    if (part.removed) continue;
    const count = part.count ?? part.value.split("\n").length - 1;
    if (part.added) for (let k = 0; k < count; k++) added.add(line + k);
    line += count;
  }
  return added;
}

describe("syntheticPr: the generated Dockerfiles", () => {
  // [changed, findings, maxDockerfiles]: every row has all three, or jest takes the third
  // parameter for a `done` callback.
  const cases: [number, number, number][] = [
    [1, 0, 150],
    [1, 3, 150],
    [4, 6, 150],
    [6, 2, 150],
    [7, 5, 3],
  ];

  it.each(cases)("%i changed files with %i findings: the base has no finding with the full catalogue", (changed, findings, max) => {
    const pr = syntheticPr(changed, findings, max);
    const report = audit(pr.base);
    expect(report.files.filter((f) => f.path.endsWith("Dockerfile")).length).toBe(pr.dockerfiles);
    expect(report.findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual([]);
  });

  it.each(cases)("%i changed files with %i findings: the head has exactly the planted ones, legacy-key-value on added lines", (changed, findings, max) => {
    const pr = syntheticPr(changed, findings, max);
    const report = audit(pr.head);
    expect(report.findings).toHaveLength(pr.findings);
    for (const f of report.findings) {
      expect(f.ruleId).toBe("legacy-key-value");
      expect(f.range).not.toBeNull();
      expect(addedLines(pr.base[f.file], pr.head[f.file]).has(f.range!.start.line)).toBe(true);
    }
  });

  it("spreads the findings over the Dockerfiles, the first ones taking the remainder", () => {
    const pr = syntheticPr(4, 6);
    const perFile = dockerfilePaths(pr.head).map((p) => (pr.head[p].match(/^ENV legacy_/gm) ?? []).length);
    expect(perFile).toEqual([2, 2, 1, 1]);
  });

  it("gives each Dockerfile its own RUN script", () => {
    const pr = syntheticPr(3, 0);
    const runs = dockerfilePaths(pr.head).map((p) => pr.head[p].split("\n").find((l) => l.startsWith("RUN ")));
    expect(new Set(runs).size).toBe(3);
  });
});

describe("syntheticPr: what the PR changes", () => {
  it("a 1-file PR changes one Dockerfile", () => {
    const pr = syntheticPr(1, 0);
    expect(pr).toMatchObject({ changed: 1, dockerfiles: 1, findings: 0 });
    expect(changedPaths(pr)).toEqual(["services/svc-0/Dockerfile"]);
  });

  it("a 20-file PR changes 20 Dockerfiles and leaves their .dockerignore files alone", () => {
    const pr = syntheticPr(20, 30);
    expect(pr).toMatchObject({ changed: 20, dockerfiles: 20, findings: 30 });
    const changed = changedPaths(pr);
    expect(changed).toHaveLength(20);
    expect(changed.every((p) => p.endsWith("/Dockerfile"))).toBe(true);
    expect(Object.keys(pr.head).filter((p) => p.endsWith("/.dockerignore"))).toHaveLength(20);
  });

  it("past the Dockerfile cap, the rest of the changed files are TypeScript sources", () => {
    const pr = syntheticPr(7, 5, 3);
    expect(pr).toMatchObject({ changed: 7, dockerfiles: 3, findings: 5 });
    const changed = changedPaths(pr);
    expect(changed).toHaveLength(7);
    expect(changed.filter((p) => p.endsWith("/Dockerfile"))).toHaveLength(3);
    expect(changed.filter((p) => p.endsWith(".ts"))).toHaveLength(4);
  });

  it("the same files exist in base and head", () => {
    const pr = syntheticPr(7, 5, 3);
    expect(Object.keys(pr.head).sort()).toEqual(Object.keys(pr.base).sort());
  });

  it("reports no findings when no Dockerfile is allowed to carry them", () => {
    const pr = syntheticPr(3, 4, 0);
    expect(pr).toMatchObject({ changed: 3, dockerfiles: 0, findings: 0 });
    expect(changedPaths(pr)).toHaveLength(3);
    expect(audit(pr.head).findings).toEqual([]);
  });
});
