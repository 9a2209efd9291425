import type { ComposeService, YamlPath } from "./parse/compose.js";
import { interpolate } from "./parse/interpolation.js";

export interface SecurityOpt {
  /** Lower-cased option name: `no-new-privileges`, `seccomp`, `apparmor`, `label`, … */
  name: string;
  /** The rest after the first `:` or `=`, lower-cased; "" when the option has no value. */
  value: string;
  path: YamlPath;
}

/** The entries of a service's `security_opt` list, `name:value` and `name=value` alike. */
export function securityOpts(service: ComposeService): SecurityOpt[] {
  return securityOptsOf(service.data, service.path);
}

/** securityOpts of a service mapping at `path` (a base it extends, the same service in an override). */
export function securityOptsOf(data: Record<string, unknown>, path: YamlPath): SecurityOpt[] {
  const list = data.security_opt;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, i) => {
    if (typeof entry !== "string") return [];
    const text = interpolate(entry).trim().toLowerCase();
    const cut = text.search(/[:=]/);
    const name = (cut < 0 ? text : text.slice(0, cut)).trim();
    const value = cut < 0 ? "" : text.slice(cut + 1).trim();
    return [{ name, value, path: [...path, "security_opt", i] }];
  });
}

/**
 * The values of `no-new-privileges` that switch it on and off: the daemon reads the value with Go's
 * strconv.ParseBool (1, t, T, TRUE, true, True; 0, f, F, FALSE, false, False), seen lower-cased.
 */
export const NO_NEW_PRIVILEGES_ON = new Set(["", "1", "t", "true"]);
export const NO_NEW_PRIVILEGES_OFF = new Set(["0", "f", "false"]);

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=1` … switch it on; the last entry counts. */
export function noNewPrivileges(opts: SecurityOpt[]): { enabled: boolean; opt: SecurityOpt | null } {
  const opt = [...opts].reverse().find((o) => o.name === "no-new-privileges") ?? null;
  return { enabled: !!opt && NO_NEW_PRIVILEGES_ON.has(opt.value), opt };
}
