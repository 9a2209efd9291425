/**
 * The glob patterns of the config (`files:`, `ignore:`) and of the built-in file kinds, matched
 * segment by segment and character by character, never by a backtracking regular expression: a
 * config is read from the repository, and `*a*a*a*b` compiled to one took seconds per path.
 *
 *   `*` any characters but `/`; `?` one; `[abc]`, `[a-z]`, `[^a]` a class; `\` escapes the next
 *   character; `**` as a whole segment, any number of segments (none included); `{a,b}` either;
 *   a leading `!` matches the paths the rest does not; a leading `./` or `/` is dropped.
 */
export type GlobMatcher = (path: string) => boolean;

/** Alternatives one pattern may expand to through `{…,…}`. */
export const MAX_ALTERNATIVES = 256;
export const MAX_GLOB_LENGTH = 1000;

type CharToken = { kind: "char"; ch: string } | { kind: "one" } | { kind: "run" } | { kind: "class"; test: (ch: string) => boolean };
/** A pattern segment: `**`, or the test of one path segment. */
type Segment = "**" | ((text: string) => boolean);
/** A compiled pattern, given the path already cut into segments (and case-folded when asked). */
type SegmentsMatcher = (path: readonly string[]) => boolean;

/** Why a pattern cannot be used, or null. */
export function globProblem(pattern: string): string | null {
  if (pattern.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (!pattern.replace(/^!/, "").replace(/^(\.?\/)+/, "")) return "names no path (it is empty)";
  if (/[@!+*?]\(/.test(pattern)) return "uses an extended glob (`@(…)`, `+(…)`, `*(…)`, `?(…)`, `!(…)`), which dockaudit does not read";
  if (expandBraces(pattern).length > MAX_ALTERNATIVES) return `expands to more than ${MAX_ALTERNATIVES} alternatives through {…}`;
  return null;
}

/** A matcher for any of `patterns`. Patterns globProblem refuses match nothing. */
export function compileGlobs(patterns: readonly string[], { nocase = false }: { nocase?: boolean } = {}): GlobMatcher {
  const matchers = patterns.filter((p) => globProblem(p) === null).map((p) => compileSegments(p, nocase));
  return (path) => {
    const segments = (nocase ? path.toLowerCase() : path).split("/");
    return matchers.some((m) => m(segments));
  };
}

/**
 * The config's `ignore:` patterns as a matcher; none (the usual case) matches nothing without
 * splitting any path. A pattern that matches a directory (`vendor`, `vendor/`, `lib/testdata`)
 * leaves out everything under it; a negated one (`!legacy`) is matched against whole paths.
 */
export function ignoreMatcher(patterns: readonly string[]): GlobMatcher {
  if (!patterns.length) return () => false;
  // Matched against the path's prefixes in one pass over its segments, however deep it is.
  const named = patterns
    .filter((p) => !p.startsWith("!") && globProblem(p) === null)
    .map((p) => compileSegments(p.replace(/(.)\/+$/, "$1"), false, true));
  const negated = compileGlobs(patterns.filter((p) => p.startsWith("!")));
  return (path) => {
    if (negated(path)) return true;
    const segments = path.split("/");
    return named.some((m) => m(segments));
  };
}

export function compileGlob(pattern: string, options: { nocase?: boolean } = {}): GlobMatcher {
  return compileGlobs([pattern], options);
}

/** `prefix`: the matcher answers whether the path or one of its directories matches. */
function compileSegments(pattern: string, nocase: boolean, prefix = false): SegmentsMatcher {
  const negated = pattern.startsWith("!");
  // Paths start at the root: a leading `/` (anchored, as in .gitignore) or `./` says nothing more.
  const body = (negated ? pattern.slice(1) : pattern).replace(/^(\.?\/)+/, "");
  const fold = (s: string) => (nocase ? s.toLowerCase() : s);
  const alternatives = expandBraces(body).map((alt) => alternativeMatcher(alt.split("/").map((seg): Segment => (seg === "**" ? "**" : segmentTest(tokens(seg, fold)))), prefix));
  return (path) => alternatives.some((matches) => matches(path)) !== negated;
}

/** One brace alternative; the shapes without `**` or with one leading `**` need no search. */
function alternativeMatcher(pattern: Segment[], prefix: boolean): SegmentsMatcher {
  const tests = pattern.filter((p): p is (text: string) => boolean => p !== "**");
  const stars = pattern.length - tests.length;
  if (stars === 0) return (path) => (prefix ? path.length >= tests.length : path.length === tests.length) && tests.every((test, i) => test(path[i]));
  if (prefix) return (path) => matchSegments(pattern, path, true);
  // `**/…`: the rest of the pattern takes the path's last segments.
  if (stars === 1 && pattern[0] === "**") return (path) => path.length >= tests.length && tests.every((test, i) => test(path[path.length - tests.length + i]));
  return (path) => matchSegments(pattern, path);
}

/** The test of one segment: plain comparisons for the common shapes (`name`, `*.yml`, `Dockerfile.*`), else matchChars. */
function segmentTest(pattern: CharToken[]): (text: string) => boolean {
  const literal = (from: number, to: number) =>
    pattern.slice(from, to).every((t) => t.kind === "char") ? pattern.slice(from, to).map((t) => (t as { ch: string }).ch).join("") : null;
  const whole = literal(0, pattern.length);
  if (whole !== null) return (text) => text === whole;
  const last = pattern.length - 1;
  const suffix = pattern[0].kind === "run" ? literal(1, pattern.length) : null;
  if (suffix !== null) return (text) => text.endsWith(suffix);
  const prefix = pattern[last].kind === "run" ? literal(0, last) : null;
  if (prefix !== null) return (text) => text.startsWith(prefix);
  const states = new Uint8Array(pattern.length + 1);
  const next = new Uint8Array(pattern.length + 1);
  return (text) => matchChars(pattern, text, states, next);
}

/** `{a,b}c` → `ac`, `bc` (nested braces included); a brace with no comma is literal. */
function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "{" && depth++ === 0) open = i;
    else if (ch === "," && depth === 1) commas.push(i);
    else if (ch === "}" && depth > 0 && --depth === 0) {
      if (!commas.length) continue;
      const cuts = [open, ...commas, i];
      const head = pattern.slice(0, open);
      const tails = expandBraces(pattern.slice(i + 1));
      const out: string[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        for (const middle of expandBraces(pattern.slice(cuts[k] + 1, cuts[k + 1]))) {
          for (const tail of tails) {
            out.push(head + middle + tail);
            if (out.length > MAX_ALTERNATIVES) return out;
          }
        }
      }
      return out;
    }
  }
  return [pattern];
}

function tokens(segment: string, fold: (s: string) => string): CharToken[] {
  const out: CharToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "*") {
      while (segment[i + 1] === "*") i++;
      out.push({ kind: "run" });
    } else if (ch === "?") out.push({ kind: "one" });
    else if (ch === "\\" && i + 1 < segment.length) out.push({ kind: "char", ch: fold(segment[++i]) });
    else if (ch === "[" && segment.indexOf("]", i + 2) > 0) {
      const end = segment.indexOf("]", i + 2);
      out.push(classToken(segment.slice(i + 1, end), fold));
      i = end;
    } else out.push({ kind: "char", ch: fold(ch) });
  }
  return out;
}

function classToken(body: string, fold: (s: string) => string): CharToken {
  const negated = body[0] === "^" || body[0] === "!";
  const chars = negated ? body.slice(1) : body;
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      ranges.push([fold(chars[i]), fold(chars[i + 2])]);
      i += 2;
    } else ranges.push([fold(chars[i]), fold(chars[i])]);
  }
  return { kind: "class", test: (ch) => ranges.some(([lo, hi]) => lo <= ch && ch <= hi) !== negated };
}

/** Pattern segments against path segments: the set of pattern positions reachable after each path segment. */
function matchSegments(pattern: Segment[], path: readonly string[], prefix = false): boolean {
  let states = new Set<number>();
  const add = (set: Set<number>, i: number) => {
    for (; !set.has(i); i++) {
      set.add(i);
      if (pattern[i] !== "**") return;
    }
  };
  add(states, 0);
  for (const segment of path) {
    const next = new Set<number>();
    for (const i of states) {
      const p = pattern[i];
      if (p === undefined) continue;
      if (p === "**") add(next, i);
      else if (p(segment)) add(next, i + 1);
    }
    if (!next.size) return false;
    states = next;
    if (prefix && states.has(pattern.length)) return true;
  }
  return states.has(pattern.length);
}

/** The tokens of one segment against a path segment; `states` and `next` are the caller's scratch arrays. */
function matchChars(pattern: CharToken[], text: string, states: Uint8Array, next: Uint8Array): boolean {
  states.fill(0);
  const add = (set: Uint8Array, i: number) => {
    for (; i <= pattern.length && !set[i]; i++) {
      set[i] = 1;
      if (pattern[i]?.kind !== "run") return;
    }
  };
  add(states, 0);
  for (let c = 0; c < text.length; c++) {
    const ch = text[c];
    next.fill(0);
    for (let i = 0; i < pattern.length; i++) {
      if (!states[i]) continue;
      const t = pattern[i];
      if (t.kind === "run") add(next, i);
      else if (t.kind === "one" || (t.kind === "char" ? t.ch === ch : t.test(ch))) add(next, i + 1);
    }
    if (!next.includes(1)) return false;
    [states, next] = [next, states];
  }
  return states[pattern.length] === 1;
}
