import dockerignoreModule from "@balena/dockerignore";
import { compileDockerPattern } from "../../src/engine/parse/docker-pattern.js";
import { parseDockerignore } from "../../src/engine/parse/dockerignore.js";
import { drawJoined, seededRandom } from "../support/faults.js";

// .dockerignore patterns are matched by stepping through the pattern, not by a backtracking
// regular expression; the answers must be those of the regular expression Docker (and
// @balena/dockerignore) build from the pattern.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;
interface Rule { pattern: string }
interface Internals { _rules: Rule[]; _compile(rule: Rule): { regexp: RegExp } }

/** The library's own regular expression for one pattern (its rule cleaning included). */
function regexAnswer(pattern: string, path: string): boolean | null {
  const lib = dockerignore({ ignorecase: false }).add([pattern]) as unknown as Internals;
  const rule = lib._rules[0];
  return rule ? lib._compile(rule).regexp.test(path) : null;
}

function ownAnswer(pattern: string, path: string): boolean | null {
  const lib = dockerignore({ ignorecase: false }).add([pattern]) as unknown as Internals;
  const rule = lib._rules[0];
  return rule ? compileDockerPattern(rule.pattern)(path) : null;
}

describe("Docker's .dockerignore patterns", () => {
  it.each([
    ["*.md", "README.md", true],
    ["*.md", "docs/a.md", false],
    ["**/*.md", "docs/a/b.md", true],
    ["**/*.md", "b.md", true],
    ["docs/**", "docs/a/b", true],
    ["a**b", "a/x/b", true],
    ["a**b", "ab", true],
    ["?.txt", "a.txt", true],
    ["?.txt", "/.txt", false],
    ["[a-c]x", "bx", true],
    ["[^a]x", "bx", true],
    ["[^a]x", "ax", false],
    ["\\*x", "*x", true],
    ["\\*x", "ax", false],
    ["a.b", "axb", false],
    ["(a|b)+", "(a|b)+", true],
    ["(a|b)+", "a", false],
  ])("%s against %s: %s", (pattern, path, expected) => {
    expect(compileDockerPattern(pattern)(path)).toBe(expected);
  });

  it("give the library's answers on 20,000 random patterns and paths without regular-expression characters", () => {
    const draw = seededRandom(7);
    const patternParts = ["a", "b", "/", "*", "**", "?", "[ab]", "[^a]", "[a-b]", ".", "\\*", "**/"];
    const pathParts = ["a", "b", "/", ".", "*", "ab"];
    const differences: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pattern = drawJoined(draw, patternParts, 6);
      const path = drawJoined(draw, pathParts, 8);
      if (regexAnswer(pattern, path) !== ownAnswer(pattern, path)) differences.push(`${pattern} ${path}`);
    }
    expect(differences).toEqual([]);
  });

  it("answer a pattern that makes the regular expression backtrack for minutes", () => {
    const pattern = "*a".repeat(16) + "b";
    expect(compileDockerPattern(pattern)("a".repeat(500))).toBe(false);
    expect(compileDockerPattern(pattern)("a".repeat(500) + "b")).toBe(true);
    const model = parseDockerignore(".dockerignore", `${pattern}\n!${"*a".repeat(12)}\n`);
    expect(model.ignores("a".repeat(300))).toBe(false);
    expect(model.ignores(`${"a".repeat(300)}b`)).toBe(true);
  });
});
