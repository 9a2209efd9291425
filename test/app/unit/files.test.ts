import { createClassifier } from "../../../src/engine/classify.js";
import { candidateComposeFiles, linkedFiles } from "../../../src/app/files/linked-files.js";
import { detectMoves } from "../../../src/app/files/moves.js";
import { READ_CONCURRENCY } from "../../../src/app/files/collect-files.js";
import { mapLimit } from "../../../src/app/github/contents.js";
import type { ChangedFile } from "../../../src/app/files/types.js";

const classify = createClassifier();
const change = (filename: string, status: ChangedFile["status"], previous?: string): ChangedFile => ({ filename, status, sha: "x", ...(previous ? { previous_filename: previous } : {}) });

describe("detectMoves", () => {
  it("takes GitHub's renames and pairs a removed and an added file by name and path suffix", () => {
    const moves = detectMoves(
      [change("docker/Dockerfile", "added"), change("infra/docker/Dockerfile", "removed"), change("apps/web/Dockerfile", "removed"), change("new/compose.yaml", "renamed", "old/compose.yaml"), change("README.md", "removed")],
      classify,
    );
    expect([...moves]).toEqual([
      ["old/compose.yaml", "new/compose.yaml"],
      ["infra/docker/Dockerfile", "docker/Dockerfile"],
    ]);
  });

  it("pairs nothing when two candidates tie", () => {
    expect(detectMoves([change("x/Dockerfile", "added"), change("a/Dockerfile", "removed"), change("b/Dockerfile", "removed")], classify).size).toBe(0);
  });
});

describe("linked files", () => {
  const tree = ["compose.yaml", "api/Dockerfile", "api/.dockerignore", "web/Dockerfile", "deploy/compose.yml", "README.md"];

  it("reads every Compose file of a small repository as a candidate for a changed Dockerfile", () => {
    expect(candidateComposeFiles(["api/Dockerfile"], tree, classify)).toEqual(["compose.yaml", "deploy/compose.yml"]);
    expect(candidateComposeFiles([], tree, classify)).toEqual([]);
  });

  it("links a changed Compose file to its build Dockerfiles and context .dockerignore", () => {
    const compose = { path: "compose.yaml", content: "services:\n  api:\n    build: ./api\n  web:\n    build: ./web\n  db:\n    image: postgres\n" };
    const { paths, composeToKeep } = linkedFiles({ composeFiles: [compose], changedPaths: new Set(["compose.yaml"]), changedDockerfiles: [], tree: new Set(tree) });
    expect([...paths].sort()).toEqual(["api/.dockerignore", "api/Dockerfile", "compose.yaml", "web/Dockerfile"]);
    expect([...composeToKeep]).toEqual(["compose.yaml"]);
  });

  it("keeps only the Compose files that build a changed Dockerfile", () => {
    const composeFiles = [
      { path: "compose.yaml", content: "services:\n  api:\n    build: ./api\n" },
      { path: "deploy/compose.yml", content: "services:\n  other:\n    image: nginx\n" },
    ];
    const { paths, composeToKeep } = linkedFiles({ composeFiles, changedPaths: new Set(["api/Dockerfile"]), changedDockerfiles: ["api/Dockerfile"], tree: new Set(tree) });
    expect([...composeToKeep]).toEqual(["compose.yaml"]);
    expect([...paths].sort()).toEqual(["api/.dockerignore", "api/Dockerfile", "compose.yaml"]);
  });

  it("links a changed or deleted Compose file to the other Compose files of its directory, which Compose merges with it", () => {
    const tree = ["compose.yaml", "compose.override.yaml", "compose.prod.yaml", "deploy/compose.yml", "api/Dockerfile"];
    const composeFilesBeside = (path: string) => (path.endsWith(".yaml") || path.endsWith(".yml") ? tree.filter((p) => p !== path && !p.includes("/") && !path.includes("/") && p.includes("compose")) : []);
    const changed = linkedFiles({ composeFiles: [], changedPaths: new Set(["compose.yaml"]), changedDockerfiles: [], tree: new Set(tree), composeFilesBeside });
    expect([...changed.paths].sort()).toEqual(["compose.override.yaml", "compose.prod.yaml"]);
    const deleted = linkedFiles({ composeFiles: [], changedPaths: new Set(), removedPaths: new Set(["compose.dev.yaml"]), changedDockerfiles: [], tree: new Set(tree), composeFilesBeside });
    expect([...deleted.composeToKeep].sort()).toEqual(["compose.override.yaml", "compose.prod.yaml", "compose.yaml"]);
    const dockerfile = linkedFiles({ composeFiles: [], changedPaths: new Set(["api/Dockerfile"]), changedDockerfiles: ["api/Dockerfile"], tree: new Set(tree), composeFilesBeside });
    expect([...dockerfile.paths]).toEqual([]);
  });

  it("links a changed .dockerignore to the Dockerfiles beside it", () => {
    const { paths } = linkedFiles({ composeFiles: [], changedPaths: new Set(["api/.dockerignore"]), changedDockerfiles: [], tree: new Set(tree), dockerfilesBeside: (dir) => tree.filter((p) => p === `${dir}/Dockerfile`) });
    expect([...paths]).toEqual(["api/Dockerfile"]);
  });
});

describe("a Dockerfile's own .dockerignore", () => {
  // BuildKit reads `<Dockerfile>.dockerignore` instead of the context's .dockerignore when it exists.
  const tree = ["compose.yaml", "api/Dockerfile", "api/Dockerfile.dockerignore", "api/.dockerignore", "web/web.Dockerfile", "web/web.Dockerfile.dockerignore"];

  it("is linked to a changed Dockerfile", () => {
    const { paths } = linkedFiles({ composeFiles: [], changedPaths: new Set(["api/Dockerfile"]), changedDockerfiles: ["api/Dockerfile"], tree: new Set(tree) });
    expect([...paths].sort()).toEqual(["api/.dockerignore", "api/Dockerfile.dockerignore"]);
  });

  it("is linked to the Dockerfile a changed Compose file builds", () => {
    const compose = { path: "compose.yaml", content: "services:\n  web:\n    build:\n      context: ./web\n      dockerfile: web.Dockerfile\n" };
    const { paths } = linkedFiles({ composeFiles: [compose], changedPaths: new Set(["compose.yaml"]), changedDockerfiles: [], tree: new Set(tree) });
    expect([...paths].sort()).toEqual(["compose.yaml", "web/web.Dockerfile", "web/web.Dockerfile.dockerignore"]);
  });
});

describe("a changed .dockerignore of a Compose build context", () => {
  // `context: .` with `dockerfile: docker/app.Dockerfile`: the root .dockerignore filters that build.
  const tree = ["compose.yaml", ".dockerignore", "docker/app.Dockerfile", "README.md"];
  const compose = { path: "compose.yaml", content: "services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/app.Dockerfile\n" };

  it("makes the repository's Compose files candidates", () => {
    expect(candidateComposeFiles([], tree, classify, [".dockerignore"])).toEqual(["compose.yaml"]);
  });

  it("is linked to the Dockerfile a Compose service builds in that context", () => {
    const { paths, composeToKeep } = linkedFiles({ composeFiles: [compose], changedPaths: new Set([".dockerignore"]), changedDockerfiles: [], tree: new Set(tree), dockerfilesBeside: () => [] });
    expect([...composeToKeep]).toEqual(["compose.yaml"]);
    expect([...paths].sort()).toEqual([".dockerignore", "compose.yaml", "docker/app.Dockerfile"]);
  });
});

describe("content reads", () => {
  it("keeps at most READ_CONCURRENCY reads in flight, and every result in its item's place", async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 3 * READ_CONCURRENCY + 1 }, (_, i) => i);
    const results = await mapLimit(items, READ_CONCURRENCY, async (i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      inFlight--;
      return i * 2;
    });
    expect(most).toBe(READ_CONCURRENCY);
    expect(results).toEqual(items.map((i) => i * 2));
  });
});
