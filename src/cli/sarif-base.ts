import { existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { SarifBase } from "../formatters/sarif.js";

/**
 * Where the SARIF URIs of an audit of `root` start. Code scanning reads a relative URI from the
 * repository's root: inside a git work tree (a directory holding `.git`, a directory or, in a
 * worktree or submodule, a file) the URIs are relative to the work tree's root, whatever the
 * working directory. Outside one no relative URI would name the file, so they are absolute
 * `file://` URIs, which code scanning makes relative with the checkout path.
 */
export function sarifBase(root: string, isWorkTreeRoot: (dir: string) => boolean = (dir) => existsSync(join(dir, ".git"))): SarifBase {
  for (let dir = root; ; dir = dirname(dir)) {
    if (isWorkTreeRoot(dir)) {
      const rel = relative(dir, root);
      return { prefix: rel ? `${rel.split(sep).join("/")}/` : "", srcRoot: directoryUri(dir) };
    }
    if (dirname(dir) === dir) return { absolute: directoryUri(root) };
  }
}

/** A directory's `file://` URI, ending in `/` so that a relative path resolves inside it. */
function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
