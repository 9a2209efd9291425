/** The benchmark's targets (docs/benchmarks.md), checked against its own measurements. */
export interface Target {
  name: string;
  measured: string;
  result: "pass" | "FAIL" | "not measured";
}

export function checkTarget(name: string, value: number | null | undefined, op: "<=" | ">=", limit: number, unit: string, why?: string): Target {
  if (value === null || value === undefined || !Number.isFinite(value)) return { name, measured: why ?? "–", result: "not measured" };
  const ok = op === "<=" ? value <= limit : value >= limit;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return { name, measured: `${value.toFixed(digits)} ${unit}`, result: ok ? "pass" : "FAIL" };
}
