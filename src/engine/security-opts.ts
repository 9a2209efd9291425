import { hasUnsetVariable } from "./compose-values.js";
import type { ComposeService, YamlPath } from "./parse/compose.js";
import { interpolate } from "./parse/interpolation.js";

export interface SecurityOpt {
  /** Lower-cased option name: `no-new-privileges`, `seccomp`, `apparmor`, `label`, … */
  name: string;
  /** The rest after the first `:` or `=`, lower-cased; "" when the option has no value. */
  value: string;
  /** The entry as the daemon receives it, interpolated, untrimmed; null when it holds a variable without a default. */
  text: string | null;
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
    const exact = interpolate(entry);
    const text = exact.trim().toLowerCase();
    const cut = text.search(/[:=]/);
    const name = (cut < 0 ? text : text.slice(0, cut)).trim();
    const value = cut < 0 ? "" : text.slice(cut + 1).trim();
    return [{ name, value, text: hasUnsetVariable(entry) ? null : exact, path: [...path, "security_opt", i] }];
  });
}

/**
 * The values of `no-new-privileges` that switch it on and off, lower-cased. An entry whose value
 * is not known exactly (it holds a variable without a default) is on only with one of the first.
 */
export const NO_NEW_PRIVILEGES_ON = new Set(["", "1", "t", "true"]);
export const NO_NEW_PRIVILEGES_OFF = new Set(["0", "f", "false"]);

/** What Go's strconv.ParseBool reads as true and as false: nothing else, in no other case. */
const PARSE_BOOL_TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const PARSE_BOOL_FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/**
 * How the daemon reads an entry that names `no-new-privileges` (null for any other option). It
 * compares the entry exactly (moby's parseSecurityOpt): `no-new-privileges` alone switches it on;
 * otherwise it cuts at the first `=` (else the first `:`), wants the key `no-new-privileges` as
 * written and reads the value with strconv.ParseBool. An entry that only names it once trimmed and
 * lower-cased (`NO-NEW-PRIVILEGES`, `no-new-privileges: true`), or whose value ParseBool refuses,
 * is "rejected": the daemon refuses to create the container ("invalid --security-opt").
 */
export function noNewPrivilegesSetting(opt: SecurityOpt): "on" | "off" | "rejected" | null {
  if (opt.text === null) {
    if (opt.name !== "no-new-privileges") return null;
    return NO_NEW_PRIVILEGES_ON.has(opt.value) ? "on" : "off";
  }
  if (opt.text === "no-new-privileges") return "on";
  const cut = opt.text.includes("=") ? opt.text.indexOf("=") : opt.text.indexOf(":");
  if (cut >= 0 && opt.text.slice(0, cut) === "no-new-privileges") {
    const value = opt.text.slice(cut + 1);
    return PARSE_BOOL_TRUE.has(value) ? "on" : PARSE_BOOL_FALSE.has(value) ? "off" : "rejected";
  }
  return opt.name === "no-new-privileges" ? "rejected" : null;
}

/**
 * `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=1` … switch it on; the last
 * entry the daemon accepts counts (`opt`), and it is on only when the daemon rejects none
 * (`rejected`, in list order).
 */
export function noNewPrivileges(opts: SecurityOpt[]): { enabled: boolean; opt: SecurityOpt | null; rejected: SecurityOpt[] } {
  const read = opts.map((o) => ({ o, setting: noNewPrivilegesSetting(o) }));
  const rejected = read.filter((r) => r.setting === "rejected").map((r) => r.o);
  const last = [...read].reverse().find((r) => r.setting === "on" || r.setting === "off") ?? null;
  return { enabled: !rejected.length && last?.setting === "on", opt: last?.o ?? null, rejected };
}
