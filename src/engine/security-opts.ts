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

/** `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` all switch it on. */
export function noNewPrivileges(opts: SecurityOpt[]): { enabled: boolean; opt: SecurityOpt | null } {
  const opt = [...opts].reverse().find((o) => o.name === "no-new-privileges") ?? null;
  return { enabled: !!opt && (opt.value === "" || opt.value === "true"), opt };
}
