import { resolvedOrNull } from "./compose-values.js";
import { isRecord, type ComposeService, type YamlPath } from "./parse/compose.js";

/**
 * A service setting that Compose checks against another after loading the file (its consistency
 * checks, past the JSON schema) and refuses the file over.
 */
export interface ConsistencyIssue {
  kind: "distinct" | "exclusive" | "watchTarget" | "healthcheckTest" | "platform" | "sharedNetworkPorts";
  /** Where the finding points: the service-level key, or the watch entry. */
  path: YamlPath;
  /** The setting written at `path` and the one it clashes with, as dotted keys. */
  key: string;
  other: string;
  /** For `distinct`: both values as written ("nothing" when the other is absent). */
  value: string;
  otherValue: string;
}

/**
 * A service-level key and the `deploy` key that says the same: Compose requires them to be equal
 * when the `deploy` section holds the mapping (`resources.limits`), an absent value counting as 0.
 */
const ALIASES: { key: string; holder: string[]; field: string; read: (v: unknown) => number | null }[] = [
  { key: "cpus", holder: ["resources", "limits"], field: "cpus", read: (v) => numberOf(v) },
  { key: "mem_limit", holder: ["resources", "limits"], field: "memory", read: (v) => bytesOf(v) },
  { key: "mem_reservation", holder: ["resources", "reservations"], field: "memory", read: (v) => bytesOf(v) },
  { key: "pids_limit", holder: ["resources", "limits"], field: "pids", read: (v) => numberOf(v) },
];

/** Values whose variables have no default are unknown; only known values are compared. */
function text(v: unknown): string | null {
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? resolvedOrNull(v)?.trim() ?? null : null;
}

function numberOf(v: unknown): number | null {
  const t = text(v);
  const n = t === null || t === "" ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}

const UNIT: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** A memory size as Compose reads it (`512m`, `1GB`, `1.5g`, a number of bytes), in bytes. */
function bytesOf(v: unknown): number | null {
  const t = text(v);
  const m = t === null ? null : /^(\d+(?:\.\d+)?) ?([kmgtp]?)i?b?$/i.exec(t);
  return m ? Math.floor(Number(m[1]) * UNIT[m[2].toLowerCase()]) : null;
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** The settings of one service mapping that Compose refuses in combination. */
export function consistencyIssues(service: ComposeService): ConsistencyIssue[] {
  const s = service.data;
  const issues: ConsistencyIssue[] = [];
  const deploy = isRecord(s.deploy) ? s.deploy : null;
  for (const alias of ALIASES) {
    if (!deploy || !isSet(s[alias.key])) continue;
    const own = alias.read(s[alias.key]);
    const holder = alias.holder.reduce<unknown>((at, k) => (isRecord(at) ? at[k] : undefined), deploy);
    if (own === null || own === 0 || !isRecord(holder)) continue;
    const written = holder[alias.field];
    const other = isSet(written) ? alias.read(written) : 0;
    if (other === null || other === own) continue;
    const otherKey = ["deploy", ...alias.holder, alias.field].join(".");
    issues.push({ kind: "distinct", path: [...service.path, alias.key], key: alias.key, other: otherKey, value: String(s[alias.key]), otherValue: isSet(written) ? String(written) : "nothing" });
  }
  if (deploy && isSet(s.scale) && isSet(deploy.replicas)) {
    const [scale, replicas] = [numberOf(s.scale), numberOf(deploy.replicas)];
    if (scale !== null && replicas !== null && scale !== replicas) {
      issues.push({ kind: "distinct", path: [...service.path, "scale"], key: "scale", other: "deploy.replicas", value: String(s.scale), otherValue: String(deploy.replicas) });
    }
  }
  const networks = Array.isArray(s.networks) ? s.networks.length : isRecord(s.networks) ? Object.keys(s.networks).length : 0;
  const mode = typeof s.network_mode === "string" ? resolvedOrNull(s.network_mode)?.trim() : "";
  if (mode && networks > 0) {
    issues.push({ kind: "exclusive", path: [...service.path, "network_mode"], key: "network_mode", other: "networks", value: "", otherValue: "" });
  }
  // Another container's network namespace has its own published ports: Docker refuses to add more.
  if (mode && /^(service|container):/.test(mode) && Array.isArray(s.ports) && s.ports.length) {
    issues.push({ kind: "sharedNetworkPorts", path: [...service.path, "ports"], key: "ports", other: "network_mode", value: mode, otherValue: "" });
  }
  const build = isRecord(s.build) ? s.build : null;
  if (build && typeof build.dockerfile === "string" && build.dockerfile !== "" && typeof build.dockerfile_inline === "string" && build.dockerfile_inline !== "") {
    issues.push({ kind: "exclusive", path: [...service.path, "build", "dockerfile_inline"], key: "build.dockerfile_inline", other: "build.dockerfile", value: "", otherValue: "" });
  }
  const platforms = build && Array.isArray(build.platforms) ? build.platforms.map(text) : [];
  const platform = isSet(s.platform) ? text(s.platform) : null;
  if (platform && platforms.length && platforms.every((p) => p !== null) && !platforms.includes(platform)) {
    issues.push({ kind: "platform", path: [...service.path, "platform"], key: "platform", other: "build.platforms", value: platform, otherValue: "" });
  }
  const watch = isRecord(s.develop) && Array.isArray(s.develop.watch) ? s.develop.watch : [];
  watch.forEach((entry, i) => {
    if (!isRecord(entry) || typeof entry.action !== "string" || entry.action === "rebuild" || entry.action.includes("$")) return;
    if (typeof entry.target === "string" && entry.target !== "") return;
    issues.push({ kind: "watchTarget", path: [...service.path, "develop", "watch", i], key: "target", other: "action", value: entry.action, otherValue: "" });
  });
  const test = isRecord(s.healthcheck) && Array.isArray(s.healthcheck.test) ? s.healthcheck.test : [];
  const first = test.length ? text(test[0]) : null;
  if (first !== null && !HEALTHCHECK_FORMS.has(first)) {
    issues.push({ kind: "healthcheckTest", path: [...service.path, "healthcheck", "test", 0], key: "healthcheck.test", other: "", value: first, otherValue: "" });
  }
  return issues;
}

/** What a list-form `healthcheck.test` starts with; a string form is run with the shell. */
const HEALTHCHECK_FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);
