import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { audit, DEFAULT_CONFIG } from "../../src/engine/index.js";
import { isTestStackPath, testStackMatcher } from "../../src/engine/test-stacks.js";
import { rules } from "../../rules/index.js";

describe("isTestStackPath", () => {
  it.each([
    "tests/compose.ci.yaml",
    ".ci/docker-compose.yml",
    "ci/compose.yaml",
    "test/docker-compose.yml",
    "src/e2e/compose.yaml",
    "integration/docker-compose.yml",
    ".github/workflows/docker-compose.yml",
    "Testing/docker-compose.yml",
    "compose.ci.yaml",
    "docker-compose.test.yml",
    "docker-compose.e2e.yml",
    "docker-compose-tests.yaml",
    "deploy/docker-compose.integration.yml",
    "docker-compose.testing.yml",
    "compose.test.override.yaml",
    "buildscripts/upgrade-tests/compose.yml",
    "_integration-test/custom-ca-roots/compose.yaml",
    "playwright/docker-compose.yml",
  ])("%s is a test or CI stack", (path) => expect(isTestStackPath(path)).toBe(true));

  it.each([
    "compose.yaml",
    "contest/docker-compose.yml",
    "latest/docker-compose.yml",
    "services/citadel/compose.yaml",
    "cicd/compose.yaml",
    "ci-cd/compose.yaml",
    "integrations/slack/compose.yaml",
    "latest-release/compose.yaml",
    "testdata-service/compose.yaml",
    "docker-compose.latest.yml",
    "docker-compose.prod.yml",
    "docker-compose.attest.yml",
    "deploy/compose.yaml",
  ])("%s is not", (path) => expect(isTestStackPath(path)).toBe(false));
});

describe("testStackMatcher", () => {
  const matches = testStackMatcher(["deploy/compose.smoke.yaml", "qa/**", "!ci/compose.yaml"]);

  it("adds the config's test stacks to those the path names", () => {
    expect(matches("deploy/compose.smoke.yaml")).toBe(true);
    expect(matches("qa/stack/compose.yaml")).toBe(true);
    expect(matches("tests/compose.yaml")).toBe(true);
    expect(matches("deploy/compose.yaml")).toBe(false);
  });

  it("takes a negated pattern for a deployment, whatever its path says", () => {
    expect(matches("ci/compose.yaml")).toBe(false);
    expect(matches("ci/compose.override.yaml")).toBe(true);
  });

  it("is the path's verdict alone without patterns", () => expect(testStackMatcher([])).toBe(isTestStackPath));
});

describe("a test or CI stack", () => {
  const SERVICE = "services:\n  db:\n    image: postgres:16.4\n    privileged: true\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n";
  const ruleIds = (path: string) => new Set(audit([{ path, content: SERVICE }], rules).findings.map((f) => f.ruleId));
  const DEPLOYMENT_ONLY = ["restart-policy-missing", "logging-rotation-missing", "cpu-limit-missing", "memory-limit-missing", "pids-limit-missing"];

  it("is not asked for what only a long-running deployment needs", () => {
    const production = ruleIds("compose.yaml");
    for (const id of DEPLOYMENT_ONLY) expect(production).toContain(id);
    const ci = ruleIds("tests/compose.ci.yaml");
    for (const id of DEPLOYMENT_ONLY) expect(ci).not.toContain(id);
  });

  it("is what the config's test_stacks: says", () => {
    const withConfig = (path: string, testStacks: string[]) =>
      new Set(audit([{ path, content: SERVICE }], rules, { config: { ...DEFAULT_CONFIG, testStacks } }).findings.map((f) => f.ruleId));
    expect(withConfig("ci/compose.yaml", ["!ci/compose.yaml"])).toContain("restart-policy-missing");
    expect(withConfig("deploy/compose.smoke.yaml", ["deploy/*.smoke.yaml"])).not.toContain("restart-policy-missing");
  });

  it("is still audited for security", () => {
    expect(ruleIds("tests/compose.ci.yaml")).toContain("privileged");
  });
});

describe("the rules test and CI stacks skip", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const skipping = rules.filter((r) => r.meta.deploymentOnly).map((r) => r.meta.id).sort();

  it("are the ones docs/app.md lists", () => {
    const doc = readFileSync(join(root, "docs", "app.md"), "utf8");
    const section = doc.slice(doc.indexOf("### Test and CI stacks"), doc.indexOf("Every other rule still does"));
    expect([...section.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]).filter((id) => rules.some((r) => r.meta.id === id)).sort()).toEqual(skipping);
  });

  it("say so on their pages", () => {
    for (const id of skipping) expect(readFileSync(join(root, "rules", "compose", `${id}.md`), "utf8")).toContain("(../../docs/app.md#test-and-ci-stacks)");
  });
});
