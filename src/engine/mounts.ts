import type { ComposeModel, VolumeMount } from "./parse/compose.js";
import { interpolate, variableRefs } from "./parse/interpolation.js";
import { trimSlashes } from "./paths.js";
import { scalarSubRange } from "./query.js";
import type { Range } from "./types.js";
import { memo } from "./memo.js";

/** Stands for the value of a variable with no default: an unknown stretch of path. */
export const UNKNOWN = "\u0001";

/**
 * The host path of a bind mount with `${VAR:-default}` resolved, `$HOME` written as `~` and other
 * variables without default (`${VAR}`, `${VAR:?message}`) replaced by UNKNOWN (`${PWD}/etc` is not `/etc`); null for named,
 * anonymous and tmpfs volumes.
 */
export function bindSource(v: VolumeMount): string | null {
  const source = v.source;
  if (v.type !== "bind" || !source) return null;
  return memo(bindSources, v, () => resolvePath(source) || null);
}

/** Several rules read each mount's host path: resolved once per volume mount of a model. */
const bindSources = new WeakMap<VolumeMount, string | null>();

/** Variables that hold the user's home directory: a path starting with one is a `~` path. */
const HOME_VARIABLES = new Set(["HOME", "USERPROFILE"]);

export function resolvePath(value: string): string {
  const unknown: Record<string, string> = {};
  // `${NAME:?message}` has no default either: Compose requires it set, to a value unknown here.
  for (const ref of variableRefs(value)) if (!ref.operator || ref.operator === ":?" || ref.operator === "?") unknown[ref.name] = HOME_VARIABLES.has(ref.name) ? "~" : UNKNOWN;
  return interpolate(value, unknown).trim();
}

export { trimSlashes };

/** Container-runtime API sockets: whoever can write to one controls the daemon, and with it the host. */
const RUNTIME_SOCKET = /(^|\/)(docker|podman|containerd|cri-dockerd|crio)\.sock$|^\/\/\.\/pipe\/docker_engine$|^\\\\\.\\pipe\\docker_engine$/;

export function isRuntimeSocket(hostPath: string): boolean {
  return RUNTIME_SOCKET.test(trimSlashes(hostPath));
}

/** Host directories whose contents control or describe the host itself (prefix match). */
const SYSTEM_DIRS = [
  "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/run",
  // /var holds variable data, most of it applications' own (/var/lib/<app>, /var/log/<app>, /var/www):
  // only its runtime files (/var/run is /run), the container runtimes' state, cron and mail spools,
  // backups of the host's account files, mail and the host's own logs describe or run the host.
  "/var/run", "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers", "/var/lib/kubelet", "/var/spool", "/var/backups", "/var/mail",
  "/var/log/auth.log", "/var/log/secure", "/var/log/syslog", "/var/log/messages", "/var/log/journal", "/var/log/audit",
];
/** Directories sensitive as a whole (they hold the ones above), not every directory under them. */
const SYSTEM_TREES = ["/var", "/var/lib", "/var/log"];
/** Paths under those directories that are routinely shared and harmless. */
const HARMLESS = /^(\/etc\/localtime|\/etc\/timezone|\/usr\/share\/zoneinfo(\/.*)?|\/dev\/(null|zero|random|urandom))$/;
/** Time-zone files and null devices: shared by many services on purpose, with nothing to leak. */
export function isRoutineHostFile(hostPath: string): boolean {
  return HARMLESS.test(trimSlashes(hostPath));
}
/** Read-only shares of CA bundles are how hosts hand their trust store to containers. */
const HARMLESS_READ_ONLY = /^(\/etc\/ssl\/certs|\/etc\/ca-certificates|\/etc\/pki\/ca-trust|\/usr\/local\/share\/ca-certificates)(\/.*)?$/;
/** Credential stores in a home directory. */
const CREDENTIAL_DIR = /(^|\/)\.(ssh|aws|gnupg|kube|docker|azure|config\/gcloud)(\/|$)/;

/** Why a host path is sensitive (the system directory or credential store it is in), or null. */
export function sensitiveHostPath(hostPath: string, readOnly: boolean): string | null {
  const p = trimSlashes(hostPath) || "/";
  if (p === "/") return "/";
  const credentials = CREDENTIAL_DIR.exec(p);
  if (credentials && /^[/~]/.test(p)) return `~/.${credentials[2]}`;
  if (!p.startsWith("/") || p.startsWith("//")) return null;
  if (isRuntimeSocket(p) || HARMLESS.test(p) || (readOnly && HARMLESS_READ_ONLY.test(p))) return null;
  if (/^\/home(\/[^/]+)?$/.test(p)) return p.split("/").length === 2 ? "/home" : "a home directory";
  return SYSTEM_DIRS.find((d) => p === d || p.startsWith(`${d}/`)) ?? SYSTEM_TREES.find((d) => p === d) ?? null;
}

/** The short-syntax text of a volume entry (`src:dst[:mode]`), or null for the long syntax. */
export function volumeEntryText(model: ComposeModel, v: VolumeMount): string | null {
  let raw: unknown = model.data;
  for (const seg of v.path) raw = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[seg as string] : undefined;
  return typeof raw === "string" ? raw : null;
}

/** Range of a volume entry's source: the `source:` value (long syntax) or the host part of `src:dst[:mode]`. */
export function volumeSourceRange(model: ComposeModel, v: VolumeMount): Range | null {
  const text = volumeEntryText(model, v);
  if (text === null) return model.locate([...v.path, "source"]);
  return v.source && text.startsWith(v.source) ? scalarSubRange(model, model.locate(v.path), text, 0, v.source.length) : model.locate(v.path);
}
