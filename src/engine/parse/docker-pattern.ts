/**
 * A `.dockerignore` pattern as Docker matches it (`*`, `?`, `[…]`, `**`, `\` escapes), matched by
 * stepping through the pattern's positions for each character of the path: time grows with the
 * path's length times the pattern's, never faster. Docker and @balena/dockerignore translate the
 * pattern into a backtracking regular expression instead, where `*a*a*a*a*a*a*a*a*a*a*b` took
 * 12 s on a 40-character path and far longer on longer ones. Characters that Docker passes to its
 * regular expression unescaped (`+ ( ) | { } ^`) are read literally, as filepath.Match reads them.
 */
type Token =
  | { kind: "char"; ch: string }
  /** `?`: one character other than `/`. */
  | { kind: "one" }
  /** `*`: any run of characters other than `/`. */
  | { kind: "run" }
  /** `**` before more pattern: any run of characters ending in `/`, or nothing. */
  | { kind: "dirs" }
  /** `**` at the end: anything. */
  | { kind: "rest" }
  | { kind: "class"; test: (ch: string) => boolean };

export type PathMatcher = (path: string) => boolean;

const LINE_TERMINATORS = "\n\r\u2028\u2029";

export function compileDockerPattern(pattern: string): PathMatcher {
  const tokens = tokenize(pattern);
  // One pair of state sets per pattern, reused by every path it is matched against.
  const current = new Uint8Array(2 * tokens.length + 2);
  const next = new Uint8Array(2 * tokens.length + 2);
  return (path) => matches(tokens, path, current, next);
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") i++;
      tokens.push(i + 1 >= pattern.length ? { kind: "rest" } : { kind: "dirs" });
    } else if (ch === "*") tokens.push({ kind: "run" });
    else if (ch === "?") tokens.push({ kind: "one" });
    else if (ch === "\\") tokens.push({ kind: "char", ch: i + 1 < pattern.length ? pattern[++i] : "\\" });
    else if (ch === "[") {
      const end = classEnd(pattern, i);
      if (end < 0) tokens.push({ kind: "char", ch });
      else {
        tokens.push(classToken(pattern.slice(i + 1, end)));
        i = end;
      }
    } else tokens.push({ kind: "char", ch });
  }
  return tokens;
}

/** Index of the `]` closing the class opened at `start`, or -1 when it is not closed. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^" || pattern[i] === "!") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "]") return i;
  }
  return -1;
}

function classToken(body: string): Token {
  const negated = body[0] === "^" || body[0] === "!";
  const ranges: [string, string][] = [];
  const chars = (negated ? body.slice(1) : body).split("");
  for (let i = 0; i < chars.length; i++) {
    const lo = chars[i] === "\\" && i + 1 < chars.length ? chars[++i] : chars[i];
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      const hi = chars[i + 2] === "\\" && i + 3 < chars.length ? chars[i + 3] : chars[i + 2];
      i += chars[i + 2] === "\\" ? 3 : 2;
      ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  const inSet = (ch: string) => ranges.some(([lo, hi]) => lo <= ch && ch <= hi);
  return { kind: "class", test: (ch) => inSet(ch) !== negated };
}

/**
 * States (`current` and `next` are the caller's scratch sets): 2k is "before token k", 2k+1 is
 * "inside the `dirs` token k" (some characters of it read, its closing `/` not yet). The path
 * matches when the state after the last token is reachable.
 */
function matches(tokens: Token[], path: string, current: Uint8Array, next: Uint8Array): boolean {
  const size = current.length;
  current.fill(0);
  const add = (set: Uint8Array, state: number) => {
    // Tokens that can match nothing are passed through at once.
    for (let s = state; s < size && !set[s]; s += 2) {
      set[s] = 1;
      const k = s >> 1;
      if (s % 2 === 1 || k >= tokens.length) return;
      const kind = tokens[k].kind;
      if (kind !== "run" && kind !== "dirs" && kind !== "rest") return;
    }
  };
  add(current, 0);
  // UTF-16 units and `.` semantics (no line terminators) as the regular expressions had them.
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    const dot = !LINE_TERMINATORS.includes(ch);
    next.fill(0);
    for (let s = 0; s < size; s++) {
      if (!current[s]) continue;
      const k = s >> 1;
      if (k >= tokens.length) continue;
      const token = tokens[k];
      if (s % 2 === 1) {
        if (dot) add(next, s);
        if (ch === "/") add(next, 2 * k + 2);
        continue;
      }
      switch (token.kind) {
        case "char":
          if (token.ch === ch) add(next, s + 2);
          break;
        case "one":
          if (ch !== "/") add(next, s + 2);
          break;
        case "class":
          if (token.test(ch)) add(next, s + 2);
          break;
        case "run":
          if (ch !== "/") add(next, s);
          break;
        case "rest":
          if (dot) add(next, s);
          break;
        case "dirs":
          if (dot) add(next, s + 1);
          if (ch === "/") add(next, s + 2);
          break;
      }
    }
    if (!next.includes(1)) return false;
    [current, next] = [next, current];
  }
  return current[2 * tokens.length] === 1;
}
