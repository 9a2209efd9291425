import { compileGlobs } from "./glob.js";

/**
 * Test and CI stacks: Compose files that `docker compose up` a database or a browser for a test
 * run and are torn down after it. Rules about what only a long-running deployment needs (a restart
 * policy, log rotation, resource limits; RuleMeta.deploymentOnly) do not judge them.
 */

/** Directories whose files serve tests or CI, matched as whole path segments (`contest/` is not `test/`). */
const TEST_DIRS = new Set([".ci", "ci", "integration", ".github", "cypress", "playwright"]);

/**
 * Words that name tests, in a directory (`tests/`, `upgrade-tests/`, `_integration-test/`) or a
 * file name (`docker-compose.test.yml`), split at `.`, `-` and `_`. `ci` and `integration` name a
 * test stack in a file name only: a `ci-cd/` or `integrations/` directory may hold a deployment.
 */
const TEST_WORDS = new Set(["test", "tests", "testing", "e2e"]);
const TEST_NAME_WORDS = new Set([...TEST_WORDS, "ci", "integration"]);

const words = (segment: string) => segment.split(/[-_.]/);

/** True when the path says the Compose file is a test or CI stack, by a directory or by its name. */
export function isTestStackPath(path: string): boolean {
  const segments = path.toLowerCase().split("/");
  const name = segments.pop() ?? "";
  if (segments.some((s) => TEST_DIRS.has(s) || words(s).some((w) => TEST_WORDS.has(w)))) return true;
  return words(name).some((w) => TEST_NAME_WORDS.has(w));
}

/**
 * isTestStackPath with the config's `test_stacks:` globs: a pattern names more test stacks, and
 * one with a leading `!` names a deployment whatever its path says (a CI server's own
 * `ci/compose.yaml`). A deployment pattern wins.
 */
export function testStackMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (!patterns.length) return isTestStackPath;
  const deployment = compileGlobs(patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1)));
  const test = compileGlobs(patterns.filter((p) => !p.startsWith("!")));
  return (path) => !deployment(path) && (test(path) || isTestStackPath(path));
}
