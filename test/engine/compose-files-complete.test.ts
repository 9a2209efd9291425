import { audit, DEFAULT_CONFIG, type Config } from "../../src/engine/index.js";
import rule from "../../rules/compose/undefined-reference.js";

/** Whether the project told undefined-reference it holds every Compose file (it reports only then). */
const judged = (files: Record<string, string>, options: { tree?: string[]; treeTruncated?: boolean; config?: Config } = {}) =>
  audit(Object.entries(files).map(([path, content]) => ({ path, content })), [rule], options).findings.filter((f) => f.ruleId === rule.meta.id).length > 0;

const compose = "services:\n  api:\n    image: app:1\n    networks: [edge]\n";

describe("whether a run holds every Compose file", () => {
  it("holds them all when the tree lists none besides those audited, or is unknown", () => {
    expect(judged({ "compose.yaml": compose })).toBe(true);
    expect(judged({ "compose.yaml": compose }, { tree: ["compose.yaml", "app/Dockerfile"] })).toBe(true);
  });

  it("does not when the tree lists a Compose file the run lacks", () => {
    expect(judged({ "compose.yaml": compose }, { tree: ["compose.yaml", "deploy/docker-compose.prod.yml"] })).toBe(false);
  });

  it("does not when a Compose file of the run was skipped (it may define the name)", () => {
    expect(judged({ "compose.yaml": compose, "compose.override.yaml": "services:\n  api:\u0000\n" })).toBe(false);
  });

  it("does not when the tree is only part of the repository", () => {
    expect(judged({ "compose.yaml": compose }, { tree: ["compose.yaml"], treeTruncated: true })).toBe(false);
  });

  it("leaves out Compose files the config ignores", () => {
    const config: Config = { ...DEFAULT_CONFIG, ignore: ["fixtures/**"] };
    expect(judged({ "compose.yaml": compose }, { tree: ["compose.yaml", "fixtures/broken/compose.yaml"], config })).toBe(true);
  });

  it("classifies the tree with the config's own file patterns", () => {
    const config: Config = { ...DEFAULT_CONFIG, files: { compose: ["deploy/*.yml"] } };
    expect(judged({ "compose.yaml": compose }, { tree: ["compose.yaml", "deploy/stack.yml"], config })).toBe(false);
  });
});
