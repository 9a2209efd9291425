import type { LineIndex } from "../text.js";
import type { ShellScript } from "./shell.js";
import { collect } from "./shell-fast/collect.js";
import { Cursor } from "./shell-fast/cursor.js";
import { parseList } from "./shell-fast/statements.js";
import { STOP_EOF } from "./shell-fast/stops.js";
import type { Stmt } from "./shell-fast/syntax-tree.js";

/**
 * A hand-written parser for the part of bash that Dockerfile and Compose scripts mostly use, giving
 * exactly what `parseShell` reads out of mvdan-sh's syntax tree, at a fraction of its cost.
 * `parseShellFast` returns null for anything outside that part, for anything that might be a
 * syntax error, and for every corner where it is not certain to agree with mvdan-sh; the caller
 * then parses with mvdan-sh. test/engine/shell-fast-matches-mvdan.test.ts holds the two together.
 */

// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Parses `text` like `parseShell` does, or returns null when mvdan-sh must decide. */
export function parseShellFast(text: string, baseOffset: number, index: LineIndex): ShellScript | null {
  if (UNSUPPORTED_CHARS.test(text)) return null;
  const cur = new Cursor(text);
  let stmts: Stmt[];
  try {
    stmts = parseList(cur, STOP_EOF);
    if (cur.pos !== text.length) return null;
  } catch {
    return null;
  }
  return collect(text, baseOffset, index, stmts);
}
