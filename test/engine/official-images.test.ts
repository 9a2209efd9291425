import { officialDistro, officialDistroTraits, officialPlatform, officialRef, officialShPipefail, officialUser } from "../../src/engine/official-images.js";

describe("official image references", () => {
  it("reads Docker Hub's library repositories however they are spelled", () => {
    for (const ref of ["node", "library/node", "docker.io/node", "docker.io/library/node", "index.docker.io/library/node"]) {
      expect(officialRef(`${ref}:20-alpine`)).toEqual({ repository: "node", tag: "20-alpine", digest: null });
    }
    expect(officialRef("node@sha256:abc")).toEqual({ repository: "node", tag: null, digest: "sha256:abc" });
    expect(officialRef("elasticsearch:${ELK_VERSION:-8.15.0}")).toEqual({ repository: "elasticsearch", tag: "${ELK_VERSION:-8.15.0}", digest: null });
  });

  it("leaves out other registries, namespaces and repositories from a variable", () => {
    for (const ref of ["ghcr.io/acme/node:20", "localhost:5000/node", "acme/node:20", "docker.io/acme/node", "quay.io/node", "${REGISTRY}/node:20", "${BASE}"]) {
      expect(officialRef(ref)).toBeNull();
    }
  });
});

describe("official image traits", () => {
  it("knows the user an image runs as, whatever the tag", () => {
    expect(officialUser("python:3.12-slim")).toBe("root");
    expect(officialUser("busybox")).toBe("root");
    expect(officialUser("elasticsearch:${ELK_VERSION}")).toBe("non-root");
    expect(officialUser("docker.io/library/sonarqube:lts")).toBe("non-root");
    expect(officialUser("mysql:8")).toBeNull();
    expect(officialUser("acme/python:3")).toBeNull();
  });

  it("takes the distribution from the tag: Alpine and Windows tags, else the image's own", () => {
    expect(officialDistro("python:3.12-slim")).toBe("debian");
    expect(officialDistro("python")).toBe("debian");
    expect(officialDistro("node:20-alpine3.20")).toBe("alpine");
    expect(officialDistro("golang:1.22-windowsservercore-ltsc2022")).toBe("windows");
    expect(officialDistro("alpine:3.20")).toBe("alpine");
    expect(officialDistro("rockylinux:9")).toBe("redhat");
    // Any Official Image's Alpine tag, listed or not.
    expect(officialDistro("memcached:1.6-alpine")).toBe("alpine");
    expect(officialDistro("memcached:1.6")).toBeNull();
  });

  it("does not guess the distribution of a digest alone or a variable tag where an image has several", () => {
    expect(officialDistro("python@sha256:abc")).toBeNull();
    expect(officialDistro("python:${PYTHON_VERSION}")).toBeNull();
    expect(officialDistro("python:3.12@sha256:abc")).toBe("debian");
    expect(officialDistro("alpine@sha256:abc")).toBe("alpine");
    expect(officialDistro("debian:${DEBIAN_RELEASE}")).toBe("debian");
  });

  it("gives the shell and wget of the distribution", () => {
    expect(officialDistroTraits("ubuntu:24.04")).toEqual({ sh: "dash", wget: "gnu" });
    expect(officialDistroTraits("nginx:alpine")).toEqual({ sh: "busybox-ash", wget: "busybox" });
    expect(officialDistroTraits("busybox:1.36")).toEqual({ sh: "busybox-ash", wget: "busybox" });
    expect(officialDistroTraits("amazonlinux:2023")).toEqual({ sh: "bash", wget: null });
    expect(officialDistroTraits("acme/app:1")).toBeNull();
  });

  it("tells the platform of a tag, but not of a shared tag that also names Windows images", () => {
    expect(["debian:12", "node:20", "python:3.12-slim", "golang:1.22-alpine", "eclipse-temurin:21-jdk-noble"].map(officialPlatform)).toEqual(["linux", "linux", "linux", "linux", "linux"]);
    expect(officialPlatform("python:3.12-windowsservercore-ltsc2022")).toBe("windows");
    expect(["python:3.14", "golang:1.22", "eclipse-temurin:21-jdk", "python", "memcached:1.6", "acme/app:1"].map(officialPlatform)).toEqual([null, null, null, null, null, null]);
  });

  it("tells whether /bin/sh knows pipefail: BusyBox ash and bash do, dash does not", () => {
    expect(["alpine:3.20", "node:20-alpine", "rockylinux:9", "debian:12", "acme/alpine:1"].map(officialShPipefail)).toEqual([true, true, true, false, null]);
  });

  it("reads the Red Hat family's tags: UBI, Oracle Linux and Amazon Linux ones", () => {
    for (const ref of ["eclipse-temurin:21-jdk-ubi9-minimal", "eclipse-temurin:25-jre-ubi10-minimal", "openjdk:22-oraclelinux8", "openjdk:17-oracle", "mysql:8.0-oracle", "amazoncorretto:21", "amazoncorretto:21-al2023-headless"]) {
      expect([ref, officialDistro(ref)]).toEqual([ref, "redhat"]);
    }
    expect(officialDistro("amazoncorretto:21-alpine")).toBe("alpine");
    expect(officialDistro("amazoncorretto@sha256:abc")).toBeNull();
    expect(officialShPipefail("eclipse-temurin:21-jre-ubi9-minimal")).toBe(true);
    expect(officialPlatform("eclipse-temurin:21-jdk-ubi9-minimal")).toBe("linux");
  });

  it("knows the dash of Debian 13 and Ubuntu 25.04 on has pipefail, and not that of earlier releases", () => {
    const knows = ["debian:13", "debian:13.3-slim", "debian:trixie", "debian:trixie-20260202-slim", "debian", "debian:latest", "debian:stable-slim", "debian:sid", "python:3.13-slim-trixie", "node:24-trixie", "buildpack-deps:forky-curl", "ubuntu:25.04", "ubuntu:26.04", "ubuntu:resolute"];
    expect(knows.filter((ref) => officialShPipefail(ref) !== true)).toEqual([]);
    // A language image's default tag is on trixie today, but a tag of an older patch release stays on the Debian it was built on.
    const not = ["debian:12", "debian:bookworm-slim", "debian:oldstable", "debian:${RELEASE}", "python:3.13-slim", "node:24", "ubuntu:24.04", "ubuntu:noble", "ubuntu:latest", "ubuntu:22.04"];
    expect(not.filter((ref) => officialShPipefail(ref) !== false)).toEqual([]);
  });

  it("puts openjdk's default tags from 12 on on Oracle Linux, and 8's and 11's on Debian", () => {
    expect(["openjdk:17", "openjdk:21-jdk", "openjdk:22-ea", "openjdk", "openjdk:latest"].map(officialDistro)).toEqual(["redhat", "redhat", "redhat", "redhat", "redhat"]);
    expect(["openjdk:11", "openjdk:8-jdk", "openjdk:8u302", "openjdk:17-slim", "openjdk:17-jdk-slim-bullseye"].map(officialDistro)).toEqual(["debian", "debian", "debian", "debian", "debian"]);
    expect(officialShPipefail("openjdk:17")).toBe(true);
  });
});
