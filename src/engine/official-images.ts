/**
 * What is known of Docker Official Images (Docker Hub's `library/` repositories): the user they run
 * as, and the distribution their tags are built on, which decides the shell /bin/sh is and the wget
 * that `wget` runs, as the images' Dockerfiles (github.com/docker-library) and the distributions'
 * packages show them; an image or a trait not listed is unknown, and the rules that ask then do not guess.
 */

/** A distribution as far as the rules ask: Debian and Ubuntu share their /bin/sh (dash) and their wget (GNU). */
export type Distro = "debian" | "alpine" | "busybox" | "redhat" | "windows";

export interface DistroTraits {
  /** The shell /bin/sh is; null when not known here. */
  sh: "dash" | "busybox-ash" | "bash" | null;
  /** The wget that `wget` runs, the one in the image or the one its package manager installs; null when not known here. */
  wget: "gnu" | "busybox" | null;
}

const DISTROS: Readonly<Record<Distro, DistroTraits>> = {
  // Whether their dash knows pipefail depends on the release: officialShPipefail.
  debian: { sh: "dash", wget: "gnu" },
  // BusyBox's applets are Alpine's /bin/sh and /bin/wget; `apk add wget` adds GNU wget as /usr/bin/wget.
  alpine: { sh: "busybox-ash", wget: "busybox" },
  // The busybox image is BusyBox built with its defconfig and installed into /bin.
  busybox: { sh: "busybox-ash", wget: "busybox" },
  // CentOS, Fedora, Rocky Linux, AlmaLinux, Amazon Linux, Oracle Linux and Red Hat's UBI (minimal
  // too): their bash package provides /bin/sh.
  redhat: { sh: "bash", wget: null },
  windows: { sh: null, wget: null },
};

interface ImageTraits {
  /** The user the image runs as when no USER says otherwise. */
  user: "root" | "non-root";
  /** The distribution of its default tags; null when not known here. */
  distro: Distro | null;
  /**
   * True when it also has tags built on other distributions (`-alpine`, Windows ones), so that a
   * digest alone, or a tag from a build argument, does not say which.
   */
  variants?: true;
  /** True when its shared tags (`3.12`, `latest`) also name Windows images, which a Windows host pulls. */
  windows?: true;
  /** Its tags that name no variant are on this distribution from this major version on, `latest` too. */
  later?: { from: number; distro: Distro };
}

const root = (distro: Distro, variants?: true): ImageTraits => (variants ? { user: "root", distro, variants } : { user: "root", distro });
const withWindows = (traits: ImageTraits): ImageTraits => ({ ...traits, windows: true });
const nonRoot: ImageTraits = { user: "non-root", distro: null };

const IMAGES: ReadonlyMap<string, ImageTraits> = new Map([
  ["debian", root("debian")],
  ["ubuntu", root("debian")],
  // Tags on Debian and Ubuntu releases (bookworm, noble, …).
  ["buildpack-deps", root("debian")],
  ["alpine", root("alpine")],
  ["busybox", root("busybox")],
  ...["centos", "fedora", "rockylinux", "almalinux", "amazonlinux", "oraclelinux"].map((name) => [name, root("redhat")] as const),
  // Amazon Linux by default (`21`, `21-al2-jdk`, `21-al2023`), with Alpine tags beside.
  ["amazoncorretto", root("redhat", true)],
  // Debian- or Ubuntu-based (eclipse-temurin) by default; most have Alpine or Windows tags beside,
  // and all are taken to, so that a digest alone says nothing. The shared tags of python, golang,
  // openjdk and eclipse-temurin (`python:3.14`, `latest`) list Windows Server Core images too
  // (docker-library/official-images, library/python: `SharedTags: …, 3.14, 3, latest`).
  ...["python", "node", "golang", "ruby", "php", "perl", "rust", "eclipse-temurin", "postgres", "redis", "httpd", "nginx", "gcc"].map(
    (name) => [name, ["python", "golang", "eclipse-temurin"].includes(name) ? withWindows(root("debian", true)) : root("debian", true)] as const,
  ),
  // "Starting with openjdk:12 the default image as well as the -oracle and -oraclelinux8 variants
  // are based on the official Oracle Linux 8 image" (docker-library/docs, openjdk); 8 and 11 on Debian.
  ["openjdk", { ...withWindows(root("debian", true)), later: { from: 12, distro: "redhat" } }],
  // Their Dockerfiles end with a non-root USER.
  ...["elasticsearch", "kibana", "logstash", "sonarqube"].map((name) => [name, nonRoot] as const),
]);

/**
 * `node`, `library/node:20`, `docker.io/library/node@sha256:…` (Docker reads `index.docker.io` as
 * `docker.io`); null for any other registry or namespace, or a repository from a variable. The tag
 * may hold variables.
 */
const OFFICIAL = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?([a-z0-9._-]+)(?::([^@/]*))?(?:@(.+))?$/;

export interface OfficialRef {
  repository: string;
  tag: string | null;
  digest: string | null;
}

/** The repository, tag and digest of a reference to an Official Image; null for other references. */
export function officialRef(ref: string): OfficialRef | null {
  const m = OFFICIAL.exec(ref);
  return m ? { repository: m[1], tag: m[2] ?? null, digest: m[3] ?? null } : null;
}

/** The user an Official Image runs as without a USER; null for other images and unlisted ones. */
export function officialUser(ref: string): "root" | "non-root" | null {
  const official = officialRef(ref);
  return (official && IMAGES.get(official.repository)?.user) ?? null;
}

const WINDOWS_TAG = /windows|nanoserver|servercore/i;
const ALPINE_TAG = /alpine/i;
/**
 * Tags on the Red Hat family: eclipse-temurin's `-ubi9-minimal`/`-ubi10-minimal`, Oracle Linux ones
 * (`-oraclelinux8`, written `-oracle` too: openjdk, mysql), Amazon Linux ones (amazoncorretto's `-al2023`).
 */
const RED_HAT_TAG = /(^|[-.])(ubi\d+|oraclelinux\d*|oracle|al2(023)?)([-.]|$)/i;

/** A Linux variant named in a tag: slim, Alpine, a Debian or Ubuntu release, or one of the Red Hat family. */
const LINUX_TAG = /(^|[-.])(slim|alpine|trixie|bookworm|bullseye|buster|stretch|noble|jammy|focal)/i;

/**
 * The distribution an Official Image's tag is built on: its Alpine tags (`3.12-alpine3.20`, any
 * Official Image's) on Alpine, its Windows tags on Windows, its UBI, Oracle Linux and Amazon Linux
 * tags on the Red Hat family, the others on the image's own distribution. null for other images, unlisted ones, and where the tag is unknown (a digest
 * alone, a variable) on an image whose tags are built on several.
 */
export function officialDistro(ref: string): Distro | null {
  const official = officialRef(ref);
  if (!official) return null;
  const image = IMAGES.get(official.repository);
  const tag = official.tag ?? "";
  if (!tag.includes("$")) {
    if (WINDOWS_TAG.test(tag)) return "windows";
    if (ALPINE_TAG.test(tag)) return "alpine";
    if (RED_HAT_TAG.test(tag)) return "redhat";
  }
  if (!image?.distro) return null;
  const tagUnknown = tag.includes("$") || (official.tag === null && official.digest !== null);
  if (tagUnknown) return image.variants ? null : image.distro;
  const major = /^\d+/.exec(tag)?.[0];
  return image.later && !LINUX_TAG.test(tag) && (!major || Number(major) >= image.later.from) ? image.later.distro : image.distro;
}

/** The traits of the distribution an Official Image's tag is built on; null when that is unknown. */
export function officialDistroTraits(ref: string): DistroTraits | null {
  const distro = officialDistro(ref);
  return distro ? DISTROS[distro] : null;
}

/**
 * Official images whose own command is a bare shell or interpreter, or none: the OS images (`bash`,
 * `/bin/sh`), the toolchains built on them without a CMD (golang, rust, buildpack-deps), python
 * (`python3`) and node (`node`); and scratch, which has no command at all.
 */
const PROMPT_IMAGES = new Set(["alpine", "debian", "ubuntu", "busybox", "fedora", "buildpack-deps", "golang", "rust", "python", "node", "scratch"]);

/** True when an Official Image, run without a command of its own, starts a prompt rather than a service. */
export function officialStartsPrompt(ref: string): boolean {
  const official = officialRef(ref);
  return !!official && PROMPT_IMAGES.has(official.repository);
}

/**
 * Whether /bin/sh of an Official Image's tag knows `set -o pipefail`: BusyBox ash and bash do, and
 * dash where the tag names a release whose dash does; null where the shell is not known here.
 */
export function officialShPipefail(ref: string): boolean | null {
  const sh = officialDistroTraits(ref)?.sh;
  if (sh === "dash") return dashKnowsPipefail(officialRef(ref)!);
  return sh ? sh === "busybox-ash" || sh === "bash" : null;
}

/**
 * Debian's dash has pipefail since 0.5.12-7 ("Implement pipefail option", Closes: #1071238): Debian
 * 13 (trixie) and later, Ubuntu 25.04 and later; Debian 12 and Ubuntu 24.04 (0.5.12-6ubuntu5) reject
 * it. Tags naming such a release (`3.13-slim-trixie`, `24-trixie`) are on it whatever the image;
 * the other tags of language images are not taken to be, even where they are on trixie today,
 * since a tag of an older patch release stays on the Debian it was built on.
 */
const PIPEFAIL_RELEASE = /(^|[-.])(trixie|forky|plucky|questing|resolute)([-.]|$)/i;
/** debian's tags on trixie or later: `13`, `13.3-slim`, `latest`, `stable`, and the unreleased `testing` and `sid`. */
const PIPEFAIL_DEBIAN = /^((1[3-9]|[2-9]\d)(\.\d+)?(-slim)?|latest|(stable|testing|sid|unstable|experimental|rc-buggy)(-[a-z0-9]+)*)$/i;
/** ubuntu's release numbers from 25.04 on. */
const PIPEFAIL_UBUNTU = /^(25\.(0[4-9]|1\d)|(2[6-9]|[3-9]\d)\.\d\d)(-|$)/;

function dashKnowsPipefail(official: OfficialRef): boolean {
  const tag = official.tag ?? (official.digest ? "" : "latest");
  if (tag.includes("$")) return false;
  if (PIPEFAIL_RELEASE.test(tag)) return true;
  if (official.repository === "debian") return PIPEFAIL_DEBIAN.test(tag);
  return official.repository === "ubuntu" && PIPEFAIL_UBUNTU.test(tag);
}

const linuxTag = (tag: string): boolean => LINUX_TAG.test(tag) || RED_HAT_TAG.test(tag);

/**
 * The platform an Official Image's tag builds for: Windows for its Windows tags, Linux for the others
 * on a known distribution, except the shared tags of an image that also publishes Windows images
 * (`python:3.12`), which hold both: null there and wherever officialDistro does not know.
 */
export function officialPlatform(ref: string): "windows" | "linux" | null {
  const distro = officialDistro(ref);
  if (!distro) return null;
  if (distro === "windows") return "windows";
  const official = officialRef(ref)!;
  if (IMAGES.get(official.repository)?.windows && !linuxTag(official.tag ?? "")) return null;
  return "linux";
}
