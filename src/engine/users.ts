import type { DfInstruction, DfStage } from "./parse/dockerfile.js";
import { NO_ARG_DEFAULTS, substituteDefaults } from "./image-refs.js";
import { memo } from "./memo.js";
import { officialUser } from "./official-images.js";
import { chainInstructions } from "./stage-roles.js";

/** null when the user is only known at run time (a variable). */
export function isRootUser(user: string): boolean | null {
  const name = user.trim().split(":")[0];
  if (!name || /\$/.test(name)) return null;
  return name === "root" || name === "0";
}

/** Base images, besides the Official Images (official-images.ts), that are known to default to a non-root user. */
const NON_ROOT_IMAGES = [
  /:nonroot\b/, /^(docker\.io\/)?bitnami\//, /^cgr\.dev\/chainguard\//,
  // Images whose own Dockerfile ends with a non-root USER.
  /^docker\.elastic\.co\//,
  /^(docker\.io\/)?grafana\/(grafana|grafana-oss|grafana-enterprise|loki|promtail|tempo|mimir)(:|@|$)/,
  /^(docker\.io\/)?prom\//, /^quay\.io\/prometheus\//, /^(docker\.io\/)?jenkins\/jenkins(:|@|$)/,
  /^quay\.io\/keycloak\/keycloak(:|@|$)/, /^(docker\.io\/)?n8nio\/n8n(:|@|$)/,
  /^(docker\.io\/)?nginxinc\/nginx-unprivileged(:|@|$)/, /^(docker\.io\/)?confluentinc\/cp-/,
  // Red Hat's UBI language and web-server images (s2i), which end with `USER 1001` (openjdk: 185);
  // the plain ubi / ubi-minimal / ubi-micro images run as root.
  /^(registry\.access\.redhat\.com|registry\.redhat\.io)\/ubi\d+\/(nodejs-\d+(-minimal)?|python-\d+(-minimal)?|ruby-\d+|php-\d+|perl-\d+|go-toolset|openjdk-\d+(-runtime)?|dotnet-\d+(-runtime)?|nginx-\d+|httpd-24)(:|@|$)/,
];

export function imageDefaultsToNonRoot(ref: string): boolean {
  return NON_ROOT_IMAGES.some((re) => re.test(ref)) || officialUser(ref) === "non-root" || distrolessNonroot(ref) || microsoftNonRoot(ref);
}

/**
 * Microsoft images that set a non-root default user: .NET "chiseled" images (user `app`) and Nano
 * Server, the .NET Nano Server images included (user `ContainerUser`). Server Core runs as
 * ContainerAdministrator and the other .NET images only define `APP_UID`.
 */
function microsoftNonRoot(ref: string): boolean {
  const lower = ref.toLowerCase().replace(/^docker\.io\//, "");
  if (!lower.startsWith("mcr.microsoft.com/")) return false;
  const slash = lower.lastIndexOf("/");
  const colon = lower.indexOf(":", slash);
  const repo = colon < 0 ? lower.split("@")[0] : lower.slice(0, colon);
  const tag = colon < 0 ? "" : lower.slice(colon + 1).split("@")[0];
  if (repo.endsWith("/windows/nanoserver")) return true;
  return repo.startsWith("mcr.microsoft.com/dotnet/") && (tag.includes("chiseled") || tag.includes("nanoserver"));
}

/** `gcr.io/distroless/…nonroot…`: two searches, where `/distroless\/.*nonroot/` rescans from every `distroless/`. */
function distrolessNonroot(ref: string): boolean {
  const at = ref.indexOf("distroless/");
  return at >= 0 && ref.indexOf("nonroot", at + "distroless/".length) >= 0;
}

/** The last USER in the stage or the stages it builds on (once per stage: every service built from it asks). */
export function stageUser(stage: DfStage): { user: string; instruction: DfInstruction } | null {
  return memo(stageUsers, stage, lastUser);
}

const stageUsers = new WeakMap<DfStage, { user: string; instruction: DfInstruction } | null>();

function lastUser(stage: DfStage): { user: string; instruction: DfInstruction } | null {
  const chain = chainInstructions(stage);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (chain[i].keyword === "USER" && chain[i].args.length) return { user: chain[i].args[0].value, instruction: chain[i] };
  }
  return null;
}

/** The HEALTHCHECK in effect for the stage: its own last one, else the base stage's. NONE disables. */
export function stageHealthcheck(stage: DfStage): { enabled: boolean; instruction: DfInstruction } | null {
  return memo(stageHealthchecks, stage, lastHealthcheck);
}

const stageHealthchecks = new WeakMap<DfStage, { enabled: boolean; instruction: DfInstruction } | null>();

function lastHealthcheck(stage: DfStage): { enabled: boolean; instruction: DfInstruction } | null {
  const chain = chainInstructions(stage);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (chain[i].keyword === "HEALTHCHECK") return { enabled: chain[i].args[0]?.value.toUpperCase() !== "NONE", instruction: chain[i] };
  }
  return null;
}

/**
 * True when a FROM reference names no knowable image: the repository comes from a build argument
 * with no default (`FROM ${BASE_IMAGE}`). Give it the reference with the global ARG defaults
 * already replaced (baseImageRef).
 */
export function isUnknownImage(ref: string): boolean {
  if (!ref.includes("$")) return false;
  const repo = substituteDefaults(ref, NO_ARG_DEFAULTS).text.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, "").split("@")[0];
  const name = repo.lastIndexOf(":") > repo.lastIndexOf("/") ? repo.slice(0, repo.lastIndexOf(":")) : repo;
  return !name.slice(name.lastIndexOf("/") + 1);
}
