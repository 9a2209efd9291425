import { isRecord } from "./parse/compose.js";
import { interpolate } from "./parse/interpolation.js";

/**
 * A service's resource limit as Compose reads it: `deploy.resources.limits`, else the service-level
 * key (`cpus`, `mem_limit`, `pids_limit`). null when neither is set; a CPU or memory limit of 0
 * (Docker's "no limit") counts as unset (a pids limit of 0 or -1 is returned, to be reported as such).
 */
export function resourceLimit(data: Record<string, unknown>, kind: "cpus" | "memory" | "pids"): unknown {
  const deploy = isRecord(data.deploy) ? data.deploy : {};
  const limits = isRecord(deploy.resources) && isRecord(deploy.resources.limits) ? deploy.resources.limits : {};
  const own = kind === "cpus" ? data.cpus : kind === "memory" ? data.mem_limit : data.pids_limit;
  // pids_limit wins over deploy.resources.limits.pids; for the others the deploy section does.
  const [first, second] = kind === "pids" ? [own, limits.pids] : [limits[kind], own];
  const limiting = (v: unknown) => isSet(v) && (kind === "pids" || !isZero(v));
  return limiting(first) ? first : limiting(second) ? second : null;
}

/** `0`, `"0.0"`, `0m`, `${CPUS:-0}`: a size or count of zero (a variable without default is not). */
function isZero(v: unknown): boolean {
  const text = interpolate(String(v)).trim();
  return /^0+(\.0*)?\s*[kmgtp]?i?b?$/i.test(text);
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null && typeof v !== "object" && String(v) !== "";

/**
 * A CPU bound other than `cpus`: `cpu_quota` (CPU time per `cpu_period`, which is what `cpus`
 * sets) or `cpuset` (the cores the container may use).
 */
export function cpuBoundOtherwise(data: Record<string, unknown>): boolean {
  const quota = Number(isSet(data.cpu_quota) ? interpolate(String(data.cpu_quota)).trim() : NaN);
  return (Number.isFinite(quota) && quota > 0) || (isSet(data.cpuset) && interpolate(String(data.cpuset)).trim() !== "");
}

/**
 * Whether the service mapping has a `deploy.resources.limits` mapping. Compose then refuses a
 * service-level `cpus`, `mem_limit` or `pids_limit` that the mapping does not repeat, so a missing
 * limit can only be added there.
 */
export function hasDeployLimits(data: Record<string, unknown>): boolean {
  const deploy = isRecord(data.deploy) ? data.deploy : {};
  return isRecord(deploy.resources) && isRecord(deploy.resources.limits);
}
