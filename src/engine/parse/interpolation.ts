export interface VariableRef {
  name: string;
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or null for a plain `${VAR}` / `$VAR`. */
  operator: string | null;
  /** The text after the operator (a default, an error message or an alternative). */
  operand: string | null;
  /** Offsets of the whole `${…}` in the string. */
  start: number;
  end: number;
}

const REF = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Compose variable references in a string value, `$$` escapes excluded. */
export function variableRefs(value: string): VariableRef[] {
  const refs: VariableRef[] = [];
  // Every reference starts with `$`: most values have none.
  if (!value.includes("$")) return refs;
  for (const m of value.matchAll(REF)) {
    if (m[0] === "$$") continue;
    const name = m[1] ?? m[4];
    refs.push({ name, operator: m[2] ?? null, operand: m[2] ? m[3] : null, start: m.index!, end: m.index! + m[0].length });
  }
  return refs;
}

/**
 * Resolves a value the way `docker compose config` would with an empty environment plus `env`:
 * defaults apply, unset plain variables become "".
 */
export function interpolate(value: string, env: Record<string, string> = {}): string {
  // Every reference starts with `$`: a value without one is its own interpolation.
  if (!value.includes("$")) return value;
  return value.replace(REF, (whole, braced: string | undefined, op: string | undefined, operand: string | undefined, bare: string | undefined) => {
    if (whole === "$$") return "$";
    const name = braced ?? bare!;
    const set = Object.prototype.hasOwnProperty.call(env, name);
    const val = set ? env[name] : undefined;
    switch (op) {
      case ":-":
        return val ? val : interpolate(operand ?? "", env);
      case "-":
        return set ? val! : interpolate(operand ?? "", env);
      case ":+":
        return val ? interpolate(operand ?? "", env) : "";
      case "+":
        return set ? interpolate(operand ?? "", env) : "";
      default:
        return val ?? "";
    }
  });
}
