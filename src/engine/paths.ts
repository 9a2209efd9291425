import { posix } from "node:path";

/** Normalises a repository-relative path: forward slashes, no `./`, no leading `/`. */
export function normalizePath(p: string): string {
  const n = posix.normalize(p.replace(/\\/g, "/"));
  return n === "." ? "" : n.replace(/^\.\//, "").replace(/^\/+/, "").replace(/\/+$/, "");
}

/** Drops trailing slashes (a loop: `/\/+$/` backtracks quadratically on long runs of slashes). */
export function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** Joins repository-relative segments; a result that climbs above the root returns null. */
export function joinPath(...parts: string[]): string | null {
  const joined = posix.normalize(parts.filter(Boolean).join("/") || ".");
  if (joined === ".." || joined.startsWith("../") || joined.startsWith("/")) return null;
  return normalizePath(joined);
}
