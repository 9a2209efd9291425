import { interpolate, variableRefs } from "./parse/interpolation.js";

/**
 * True when `value` holds a variable whose value is unknown without the environment: no default
 * (`${TAG}`, `${TAG:?err}`), an alternative value (`${X:+y}`), or a default that is itself such a
 * variable (`${TAG:-$VERSION}`).
 */
export function hasUnsetVariable(value: string, depth = 0): boolean {
  if (depth > 10) return true;
  return variableRefs(value).some((r) => (r.operator === ":-" || r.operator === "-" ? !!r.operand && hasUnsetVariable(r.operand, depth + 1) : true));
}

/** The value as Compose sees it with defaults applied, or null when it depends on an unset variable. */
export function resolvedOrNull(value: string): string | null {
  return hasUnsetVariable(value) ? null : interpolate(value);
}

/** Strings Compose casts to `true` for a boolean field, once interpolated. */
const TRUE_WORDS = new Set(["true", "yes", "y", "on"]);

/** A boolean field as Compose reads it: `true`, or a string (`"true"`, `${RO:-true}`) it casts to true. */
export function isTrueValue(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v !== "string") return false;
  const text = resolvedOrNull(v);
  return text !== null && TRUE_WORDS.has(text.trim().toLowerCase());
}
