import { createClassifier } from "../../src/engine/classify.js";

describe("file classification", () => {
  const classify = createClassifier();
  it.each([
    ["Dockerfile", "dockerfile"],
    ["api/Dockerfile", "dockerfile"],
    ["Dockerfile.prod", "dockerfile"],
    ["docker/Dockerfile-windows", "dockerfile"],
    ["web.Dockerfile", "dockerfile"],
    ["build/app.dockerfile", "dockerfile"],
    ["Containerfile", "dockerfile"],
    ["dockerfile", "dockerfile"],
    ["compose.yaml", "compose"],
    ["compose.yml", "compose"],
    ["deploy/compose.prod.yaml", "compose"],
    ["docker-compose.yml", "compose"],
    ["docker-compose.override.yaml", "compose"],
    [".github/ci.compose.override.yml", "compose"],
    ["stack.compose.yaml", "compose"],
    ["composer.yaml", null],
    [".dockerignore", "dockerignore"],
    ["api/.dockerignore", "dockerignore"],
    ["Dockerfile.dockerignore", "dockerignore"],
    ["README.md", null],
    ["values.yaml", null],
    ["compose.json", null],
  ])("%s is %s", (path, kind) => {
    expect(classify(path)).toBe(kind);
  });

  it("adds configured patterns to the defaults", () => {
    const custom = createClassifier({ compose: ["deploy/*.stack.yml"], dockerfile: ["images/*.build"] });
    expect(custom("deploy/web.stack.yml")).toBe("compose");
    expect(custom("images/api.build")).toBe("dockerfile");
    expect(custom("compose.yaml")).toBe("compose");
  });
});
