import { isMap, type Node } from "yaml";
import type { ComposeModel, YamlPath } from "./parse/compose.js";
import type { Edit } from "./types.js";
import { insertKey, keyName } from "./yaml-edit.js";
import { compareNames } from "./yaml-reorder.js";

/** dclint's default groups of service keys, in order; keys in no group follow, alphabetically. */
export const SERVICE_KEY_GROUPS: Record<string, string[]> = {
  "Core Definitions": ["image", "build", "container_name"],
  "Service Dependencies": ["depends_on"],
  "Data Management and Configuration": ["volumes", "volumes_from", "configs", "secrets"],
  "Environment Configuration": ["environment", "env_file"],
  Networking: ["ports", "networks", "network_mode", "extra_hosts"],
  "Runtime Behavior": ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
  "Operational Metadata": ["logging", "labels"],
  "Security and Execution Context": ["user", "isolation"],
};

const DEFAULT_KEYS = Object.values(SERVICE_KEY_GROUPS).flat();

/**
 * The canonical order of service keys with the grouped keys `known`, in order: merge keys (`<<`)
 * first, then the known keys, then the others alphabetically.
 */
export function serviceKeyOrder(known: readonly string[] = DEFAULT_KEYS): (a: string, b: string) => number {
  const rank = (k: string) => (k === "<<" ? -1 : known.includes(k) ? known.indexOf(k) : known.length);
  return (a, b) => rank(a) - rank(b) || (rank(a) === known.length ? compareNames(a, b) : 0);
}

/**
 * An edit that adds the entry `text` (starting with `key:`) to the block mapping of the service at
 * `path` where the canonical order puts `key`: at the first place that leaves the fewest keys on
 * the wrong side of it (`<<` and `x-` keys included). In a service whose keys are in order that is
 * before the first key that comes after it, so the service stays in order (service-keys-order has
 * nothing new to say); in one that is not, the new key adds as little disorder as it can.
 * undefined when insertKey cannot add it, the service has complex keys, or already has `key`.
 */
export function insertServiceKey(model: ComposeModel, path: YamlPath, key: string, text: string): Edit | undefined {
  const node = model.doc.getIn(path, true) as Node | undefined;
  if (!isMap(node)) return undefined;
  const keys = node.items.map((p) => keyName(p.key));
  if (keys.some((k) => k === null || k === key)) return undefined;
  const order = serviceKeyOrder();
  // Keys on the wrong side of place 0 are those that come before `key`; each place further on
  // moves one key to the other side.
  let wrong = keys.filter((k) => order(k!, key) < 0).length;
  let best = { at: 0, wrong };
  keys.forEach((k, i) => {
    wrong += order(k!, key) > 0 ? 1 : -1;
    if (wrong < best.wrong) best = { at: i + 1, wrong };
  });
  return insertKey(model, path, text, best.at);
}
