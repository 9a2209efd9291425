import { baseTree } from "../../../src/app/files/base-tree.js";
import type { ChangedFile, TreeBlob } from "../../../src/app/files/types.js";

const blob = (path: string): TreeBlob => ({ path, sha: "s", size: 1 });
const change = (filename: string, status: ChangedFile["status"], previous?: string): ChangedFile => ({ filename, status, sha: "x", ...(previous ? { previous_filename: previous } : {}) });
const head = (paths: string[], truncated = false) => ({ blobs: paths.map(blob), truncated });

describe("baseTree: the base side's paths, from the head's tree and the PR's changed files", () => {
  it("undoes each change: added and copied files were not there, removed ones were, renamed ones had their old path", () => {
    const tree = baseTree(
      head(["Dockerfile", "new.txt", "copy.txt", "src/app.py", "moved/to.txt", "README.md"]),
      [change("Dockerfile", "modified"), change("new.txt", "added"), change("copy.txt", "copied", "README.md"), change("app/main.py", "removed"), change("moved/to.txt", "renamed", "moved/from.txt"), change("src/app.py", "changed")],
    );
    expect(tree.paths.sort()).toEqual(["Dockerfile", "README.md", "app/main.py", "moved/from.txt", "src/app.py"]);
    expect(tree.truncated).toBe(false);
  });

  it("keeps a path a file was renamed away from when another file is added there", () => {
    const tree = baseTree(head(["a.txt", "b.txt"]), [change("b.txt", "renamed", "a.txt"), change("a.txt", "added")]);
    expect(tree.paths.sort()).toEqual(["a.txt"]);
  });

  it("is partial when the head's tree is", () => {
    expect(baseTree(head(["Dockerfile"], true), []).truncated).toBe(true);
    expect(baseTree(head(["Dockerfile"]), [change("Dockerfile", "modified")]).truncated).toBe(false);
  });

  it("keeps at head what a rename does not say the origin of (GitHub's listing past 3000 files leaves the rest unlisted too)", () => {
    expect(baseTree(head(["b.txt"]), [change("b.txt", "renamed")])).toEqual({ paths: ["b.txt"], truncated: false });
  });
});
