import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { parseDockerignore } from "../../src/engine/parse/dockerignore.js";
import { buildProject } from "../../src/engine/project.js";
import { linkedPaths } from "../../src/engine/links.js";

const compose = parseCompose("deploy/compose.yaml", `
services:
  api:
    build: { context: .., dockerfile: docker/api.Dockerfile, target: runtime }
  worker:
    build: { context: .., dockerfile: docker/api.Dockerfile, target: worker }
    user: "1000:1000"
  web:
    build: ../web
  db:
    image: postgres:16
  proxy:
    image: bitnami/nginx:1.27
  cache:
    image: valkey/valkey:8
    healthcheck: { interval: 10s }
`);
const api = parseDockerfile("docker/api.Dockerfile", "FROM python:3.12 AS base\nHEALTHCHECK CMD curl -f localhost\nFROM base AS runtime\nFROM base AS worker\nUSER root\nHEALTHCHECK NONE\n");
const web = parseDockerfile("web/Dockerfile", "FROM node:20\nUSER node\n");

describe("project model", () => {
  const project = buildProject({ dockerfiles: [api, web], composeFiles: [compose], dockerignores: [parseDockerignore(".dockerignore", ".git\n")], tree: ["web/package.json"] });
  const svc = (name: string) => project.services.find((s) => s.name === name)!;

  it("links each service to its build Dockerfile and target stage, resolved from the Compose file's directory", () => {
    expect([svc("api").dockerfilePath, svc("api").stage?.name, svc("api").contextDir]).toEqual(["docker/api.Dockerfile", "runtime", ""]);
    expect([svc("web").dockerfilePath, svc("web").stage?.index, svc("web").contextDir]).toEqual(["web/Dockerfile", 0, "web"]);
    expect(svc("db").dockerfile).toBeNull();
  });

  it("resolves the effective user: compose user:, else the stage chain's USER, else the base image's default", () => {
    expect(svc("api").user).toEqual({ user: "root", root: true, source: "image-default" });
    expect(svc("worker").user).toEqual({ user: "1000:1000", root: false, source: "compose" });
    expect(svc("web").user).toEqual({ user: "node", root: false, source: "dockerfile" });
    expect(svc("db").user).toEqual({ user: null, root: null, source: "unknown" });
    expect(svc("proxy").user).toMatchObject({ root: false, source: "image-default" });
  });

  it("inherits a HEALTHCHECK from the base stage and honours HEALTHCHECK NONE", () => {
    expect(svc("api").healthcheck).toEqual({ defined: true, source: "dockerfile", disabled: false });
    expect(svc("worker").healthcheck).toEqual({ defined: false, source: null, disabled: true });
  });

  it("takes a healthcheck of options only on an image not built here as the image's own check", () => {
    expect(svc("cache").healthcheck).toEqual({ defined: true, source: "image", disabled: false });
    expect(svc("proxy").healthcheck).toEqual({ defined: false, source: null, disabled: false });
  });

  it("finds the context's .dockerignore, knows when one is absent, and stays unsure without a tree", () => {
    expect(svc("api").dockerignore?.path).toBe(".dockerignore");
    expect(svc("web").dockerignore).toBeNull();
    const unknown = buildProject({ dockerfiles: [web], composeFiles: [compose], dockerignores: [] });
    expect(unknown.services.find((s) => s.name === "web")!.dockerignore).toBeUndefined();
  });

  it("answers which services build a Dockerfile", () => {
    expect(project.servicesBuilding("docker/api.Dockerfile").map((s) => s.name)).toEqual(["api", "worker"]);
  });

  it("lists the files a Compose file links to", () => {
    expect(linkedPaths(compose).sort()).toEqual([".dockerignore", "docker/api.Dockerfile", "web/.dockerignore", "web/Dockerfile"]);
  });
});

describe("a truncated tree", () => {
  it("knows what it lists, and nothing of what it lacks", () => {
    const part = buildProject({ dockerfiles: [web], composeFiles: [compose], dockerignores: [], tree: ["web/package.json"], treeTruncated: true });
    expect([part.exists("web/package.json"), part.exists("web/Dockerfile"), part.exists("web/.dockerignore")]).toEqual([true, true, null]);
    expect(part.services.find((s) => s.name === "web")!.dockerignore).toBeUndefined();
    const whole = buildProject({ dockerfiles: [web], composeFiles: [compose], dockerignores: [], tree: ["web/package.json"] });
    expect(whole.exists("web/.dockerignore")).toBe(false);
    expect([whole.hasDirectory(""), whole.hasDirectory("web"), whole.hasDirectory("deploy"), whole.hasDirectory("we")]).toEqual([true, true, true, false]);
    expect([part.hasDirectory("web"), part.hasDirectory("api")]).toEqual([true, null]);
  });
});
