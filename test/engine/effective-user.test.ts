import { audit } from "../../src/engine/index.js";
import { imageDefaultsToNonRoot, isUnknownImage } from "../../src/engine/users.js";

const userOf = (dockerfile: string) =>
  audit([{ path: "compose.yaml", content: "services:\n  app:\n    build: .\n" }, { path: "Dockerfile", content: dockerfile }], []).services[0];

describe("effective user of a built service", () => {
  it("is root when the stage and its base image set no USER", () => {
    expect(userOf("FROM python:3.12-slim\nCMD [\"app\"]\n")).toMatchObject({ runsAsRoot: true, userSource: "image-default" });
  });

  it("is unknown when the base image comes from a build argument without default", () => {
    expect(userOf("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCMD [\"app\"]\n")).toMatchObject({ runsAsRoot: null, userSource: "unknown" });
    expect(userOf("FROM ${SENTRY_IMAGE}\n")).toMatchObject({ runsAsRoot: null });
  });

  it("uses the default of a global build argument", () => {
    expect(userOf("ARG BASE=python:3.12\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: true });
    expect(userOf("ARG BASE=gcr.io/distroless/static:nonroot\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: false, userSource: "image-default" });
    expect(userOf("ARG FLAVOR=nonroot\nARG BASE=gcr.io/distroless/static:${FLAVOR}\nFROM ${BASE} AS run\nFROM run\n")).toMatchObject({ runsAsRoot: false });
  });

  it("is unknown when a global default is built from a build argument without default", () => {
    expect(userOf("ARG REGISTRY\nARG BASE=${REGISTRY}/app\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: true });
    expect(userOf("ARG NAME\nARG BASE=${NAME}\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: null, userSource: "unknown" });
  });

  it("takes defaults only from ARGs before the first FROM, as the FROM line sees them", () => {
    // ENV before FROM declares nothing (Docker rejects it), so the base image is still unknown.
    expect(userOf("ENV BASE=python:3.12\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: null, userSource: "unknown" });
    expect(userOf("ARG BASE=python:3.12\nARG BASE\nFROM ${BASE}\n")).toMatchObject({ runsAsRoot: true });
  });

  it("is non-root on images whose own Dockerfile sets a non-root USER", () => {
    expect(userOf("FROM docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION:-8.15.0}\n")).toMatchObject({ runsAsRoot: false });
    expect(userOf("FROM grafana/grafana:11.2.0\n")).toMatchObject({ runsAsRoot: false });
  });
});

describe("image knowledge", () => {
  it.each([
    ["${BASE}", true],
    ["registry.example.com/${NAME}:1", true],
    ["${BASE:-python:3.12}", false],
    ["python:${PY_VERSION}", false],
    ["python:3.12", false],
  ])("isUnknownImage(%s) = %s", (ref, unknown) => expect(isUnknownImage(ref as string)).toBe(unknown));

  it("knows common non-root images and not their root-running neighbours", () => {
    expect(imageDefaultsToNonRoot("prom/prometheus:v2.54.1")).toBe(true);
    expect(imageDefaultsToNonRoot("nginxinc/nginx-unprivileged:1.27")).toBe(true);
    expect(imageDefaultsToNonRoot("nginx:1.27")).toBe(false);
    expect(imageDefaultsToNonRoot("grafana/agent:v0.40")).toBe(false);
  });
});
