import picomatch from "picomatch";
import { bestOfThree } from "../support/best-of-three.js";
import { drawJoined, seededRandom } from "../support/faults.js";
import { DEFAULT_PATTERNS } from "../../src/engine/classify.js";
import { compileGlob, compileGlobs, globProblem, ignoreMatcher, MAX_ALTERNATIVES } from "../../src/engine/glob.js";

// Config and built-in file globs are matched without regular expressions (src/engine/glob.ts). The
// answers are picomatch's (with `dot: true`, which matched them before), except in a few corners where
// dockaudit keeps to its documented syntax (docs/app.md) and picomatch does not (the table after the random draw).
describe("globs", () => {
  it.each([
    ["**/Dockerfile", "Dockerfile", true],
    ["**/Dockerfile", "a/b/Dockerfile", true],
    ["**/Dockerfile", "a/Dockerfile.dev", false],
    ["a/**", "a", true],
    ["a/**", "a/b/c", true],
    ["a/**/b", "a/b", true],
    ["a**", "a/b", false],
    ["*.{yml,yaml}", "x.yaml", true],
    ["{a,{b,c}}/d", "c/d", true],
    ["{a}/d", "{a}/d", true],
    ["?.yml", "ab.yml", false],
    ["[a-c].yml", "b.yml", true],
    ["[^a].yml", "a.yml", false],
    ["a\\*", "a*", true],
    ["a\\*", "ab", false],
    ["./deploy/*.yml", "deploy/x.yml", true],
    ["!legacy/**", "legacy/Dockerfile", false],
    ["!legacy/**", "app/Dockerfile", true],
    ["*", ".env", true],
  ])("%s against %s: %s", (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
    expect(picomatch(pattern, { dot: true })(path)).toBe(expected);
  });

  it("match the built-in patterns as picomatch did, on every kind of path", () => {
    const names = ["Dockerfile", "dockerfile", "Dockerfile.dev", "Dockerfile-prod", "api.Dockerfile", "x.dockerfile", "Containerfile", "compose.yml", "compose.prod.yaml", "docker-compose.yml", "docker-compose.override.yaml", "app.compose.yml", "app.compose.dev.yaml", ".dockerignore", "api.dockerignore", "README.md", "composer.json", ".github"];
    const dirs = ["", "a/", "a/b/", ".hidden/", "Dockerfile/"];
    for (const patterns of Object.values(DEFAULT_PATTERNS)) {
      for (const nocase of [false, true]) {
        const own = compileGlobs(patterns, { nocase });
        const theirs = picomatch(patterns, { dot: true, nocase });
        for (const dir of dirs) for (const name of names) expect([dir + name, own(dir + name)]).toEqual([dir + name, theirs(dir + name)]);
      }
    }
  });

  it("give picomatch's answers on random patterns and paths of the syntax they read", () => {
    const draw = seededRandom(20261122);
    const patternParts = ["a", "b", ".", "*", "?", "/", "**/", "/**", "[ab]", "[^a]", "[a-b]", "{a,b}", "{a,*b}", "\\*"];
    const pathParts = ["a", "b", ".a", "ab", "/", "*", "ba"];
    const differences: string[] = [];
    let compared = 0;
    for (let i = 0; i < 40_000; i++) {
      const pattern = drawJoined(draw, patternParts, 6);
      const path = drawJoined(draw, pathParts, 6);
      // Left out: empty segments and ones made only of dots, `/` at either end, and the corners below.
      if (/\/\/|^\/|\/$|(^|\/)\.+(\/|$)/.test(path) || /\/\/|^\/|\/$|(^|\/)\.+(\/|$)/.test(pattern.replace(/\*\*/g, "x"))) continue;
      if (/\*\/\*\*$|\*\{|\}\*|\*\*\*/.test(pattern)) continue;
      compared++;
      if (compileGlob(pattern)(path) !== picomatch(pattern, { dot: true })(path)) differences.push(`${pattern} ${path}`);
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(15_000);
  });

  // `**` counts as a globstar only as a whole segment, and `x/**` matches `x` itself, whatever x is.
  // picomatch wants one more segment after `*/**` (yet not after `a/**`), reads `**` made by a brace
  // inside a segment as a globstar, and lets a `***` segment after `**/` match no segment.
  it.each([
    ["a*/**", "ab", true, false],
    ["*/**", "a", true, false],
    ["a/**", "a", true, true],
    ["**{a,b}", "x/a", false, true],
    ["a/**{a,b}", "a/x/b", false, true],
    ["**{a,b}", "a", true, true],
    ["*/**/***", "b", false, true],
    ["a/***", "a", false, false],
  ])("keep the documented syntax where picomatch differs: %s against %s", (pattern, path, ours, theirs) => {
    expect(compileGlob(pattern)(path)).toBe(ours);
    expect(picomatch(pattern, { dot: true })(path)).toBe(theirs);
  });

  it("answer a pattern that makes a regular expression backtrack for minutes", () => {
    const glob = compileGlob("**/" + "*a".repeat(12) + "b");
    expect(glob(`x/${"a".repeat(5000)}`)).toBe(false);
    expect(glob(`x/${"a".repeat(5000)}b`)).toBe(true);
  });

  it("read a leading / as the root the paths start from", () => {
    expect(compileGlob("/vendor/**")("vendor/x/Dockerfile")).toBe(true);
    expect(compileGlob("/Dockerfile")("Dockerfile")).toBe(true);
    expect(compileGlob("/Dockerfile")("a/Dockerfile")).toBe(false);
  });

  it("leave out everything under a directory an ignore pattern names, but negate whole paths only", () => {
    const ignored = ignoreMatcher(["vendor", "third_party/", "**/testdata"]);
    expect(["vendor/Dockerfile", "third_party/x/compose.yml", "a/testdata/Dockerfile", "vendor"].map(ignored)).toEqual([true, true, true, true]);
    expect(["vendored/Dockerfile", "app/vendor.Dockerfile", "Dockerfile"].map(ignored)).toEqual([false, false, false]);
    const onlyDockerfiles = ignoreMatcher(["!**/Dockerfile"]);
    expect(["a/Dockerfile", "compose.yml", "a/compose.yml"].map(onlyDockerfiles)).toEqual([false, true, true]);
  });

  it("match an ignore pattern against a deep path's directories in one pass", () => {
    const ignored = ignoreMatcher(["**/testdata/**/x", "vendor", "a/**/b/**/c"]);
    const deep = `${"a/".repeat(2000)}Dockerfile`;
    expect(bestOfThree(() => ignored(deep), 100)).toBeLessThan(100);
    expect(ignored(`${"a/".repeat(2000)}b/c/Dockerfile`)).toBe(true);
  });

  it("refuse what they cannot read, so the config says so", () => {
    expect(globProblem("**/*.yml")).toBeNull();
    expect(globProblem("+(a|b)")).toMatch(/extended glob/);
    expect(globProblem("x".repeat(1001))).toMatch(/longer than 1000/);
    expect(globProblem("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")).toMatch(new RegExp(`more than ${MAX_ALTERNATIVES} alternatives`));
    expect(compileGlobs(["+(a|b)", "a"])("a")).toBe(true);
    for (const empty of ["", "/", "./", "!"]) expect([empty, globProblem(empty)]).toEqual([empty, "names no path (it is empty)"]);
  });
});
