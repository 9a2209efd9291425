/**
 * `table`'s value for `key`, computed by `compute` on first ask and kept for as long as `key`
 * lives: the per-model (per-stage, per-command, …) lists and answers the rules share.
 */
export function memo<K extends object, V>(table: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  let value = table.get(key);
  if (value === undefined && !table.has(key)) table.set(key, (value = compute(key)));
  return value as V;
}
