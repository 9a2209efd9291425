import type { DfProperty } from "./parse/dockerfile.js";
import { variableRefs } from "./variables.js";

/**
 * The values of a stage's ARG and ENV variables as far as they are known before the build, in
 * instruction order. null is a value only the build knows: an ARG without default (unless it
 * redeclares a global ARG that has one), or a value that uses such a variable.
 */
export class StageVariables {
  private readonly values = new Map<string, string | null>();

  constructor(private readonly globals: ReadonlyMap<string, string>) {}

  /** Records an ARG or ENV property and returns its value. */
  declare(keyword: string, p: Pick<DfProperty, "name" | "value" | "hasEquals">): string | null {
    const value = keyword === "ARG" && !p.hasEquals ? this.values.get(p.name) ?? this.globals.get(p.name) ?? null : this.expand(p.value);
    this.values.set(p.name, value);
    return value;
  }

  /** `text` with `$NAME` / `${NAME}` replaced; null when one of them is not known. `${NAME:-x}` and friends are unknown too. */
  expand(text: string): string | null {
    let out = "";
    let last = 0;
    for (const ref of variableRefs(text)) {
      const value = ref.operator ? null : this.values.get(ref.name);
      if (value === null || value === undefined) return null;
      out += text.slice(last, ref.start) + value;
      last = ref.end;
    }
    return out + text.slice(last);
  }
}
