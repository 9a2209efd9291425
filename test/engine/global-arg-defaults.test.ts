import { baseImageRef, globalArgs, repositoryOf, resolveStageImage, substituteDefaults } from "../../src/engine/image-refs.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";

const model = (text: string) => parseDockerfile("Dockerfile", text);
const finalImage = (text: string) => {
  const m = model(text);
  return resolveStageImage(m, m.finalStage!)?.ref ?? null;
};

describe("global ARG defaults", () => {
  it("expands each default with the ARGs above it, as BuildKit does", () => {
    expect(finalImage("ARG REGISTRY=ghcr.io\nARG VERSION=1.2\nARG BASE=${REGISTRY}/acme/app:$VERSION\nFROM ${BASE}\n")).toBe("ghcr.io/acme/app:1.2");
  });

  it("keeps a value when the ARG is declared again without a default", () => {
    expect(finalImage("ARG TAG=3.20\nARG TAG\nFROM alpine:${TAG}\n")).toBe("alpine:3.20");
    expect(globalArgs(model("ARG TAG=3.20\nARG TAG\nFROM alpine\n")).values.get("TAG")).toBe("3.20");
  });

  it("reads every name of an ARG that declares several", () => {
    expect(finalImage("ARG REGISTRY TAG=3.20\nFROM alpine:${TAG}\n")).toBe("alpine:3.20");
    expect([...globalArgs(model("ARG TARGETOS TARGETARCH\nFROM alpine\n")).declared.keys()]).toEqual(["TARGETOS", "TARGETARCH"]);
  });

  it("leaves an image unresolved when a default depends on a build argument without default", () => {
    expect(finalImage("ARG VERSION\nARG BASE=node:${VERSION}\nFROM ${BASE}\n")).toBeNull();
    const m = model("ARG REGISTRY\nARG BASE=${REGISTRY}/app:1\nFROM ${BASE}\n");
    expect(baseImageRef(m, m.finalStage!)).toBe("${REGISTRY}/app:1");
  });

  it("takes the fallback of an unset variable, and `:+` only when it is set", () => {
    expect(finalImage("ARG VARIANT\nFROM python:${VARIANT:-3.12}\n")).toBe("python:3.12");
    expect(finalImage("ARG SLIM=1\nFROM python:3.12${SLIM:+-slim}\n")).toBe("python:3.12-slim");
    expect(finalImage("ARG SLIM=\nFROM python:3.12${SLIM:+-slim}\n")).toBe("python:3.12");
  });

  it("drops the quotes of a quoted reference, as Docker's word processing does", () => {
    expect(finalImage('FROM "alpine:3.20"\n')).toBe("alpine:3.20");
    expect(finalImage("ARG TAG=3.20\nFROM 'alpine':\"${TAG}\"\n")).toBe("alpine:3.20");
  });

  it("reads only the ARGs before the first FROM", () => {
    expect(finalImage("FROM alpine:3.20 AS base\nARG BASE=base\nFROM ${BASE}\n")).toBeNull();
  });

  it("gives Docker's own expansion beside it: an unset variable is empty", () => {
    const { declared, values } = globalArgs(model("ARG REGISTRY\nARG BASE=${REGISTRY}/app\nFROM ${BASE}\n"));
    expect([...declared]).toEqual([["REGISTRY", null], ["BASE", "/app"]]);
    expect([...values]).toEqual([["BASE", "/app"]]);
  });

  it("follows a stage's base stages to the external image", () => {
    const m = model("ARG FLAVOR=nonroot\nFROM gcr.io/distroless/static:${FLAVOR} AS run\nFROM run\n");
    expect(baseImageRef(m, m.finalStage!)).toBe("gcr.io/distroless/static:nonroot");
  });

  it("substitutes only the names it has defaults for", () => {
    const defaults = { values: Object.assign(Object.create(null), { A: "x" }) as Record<string, string>, buildTime: new Set<string>() };
    expect(substituteDefaults("$A-${B}-${A}", defaults)).toEqual({ text: "x-${B}-x", complete: false });
    expect(substituteDefaults("${toString}", defaults)).toEqual({ text: "${toString}", complete: false });
  });
});

describe("repositoryOf", () => {
  it.each([
    ["golang:1.22", "golang"],
    ["docker.io/library/golang:1.22@sha256:abc", "library/golang"],
    ["ghcr.io/acme/app:1", "acme/app"],
    ["localhost:5000/app", "app"],
    ["localhost/app:2", "app"],
    ["acme/app", "acme/app"],
    ["mcr.microsoft.com/dotnet/sdk:8.0", "dotnet/sdk"],
  ])("%s → %s", (ref, repo) => expect(repositoryOf(ref)).toBe(repo));
});
