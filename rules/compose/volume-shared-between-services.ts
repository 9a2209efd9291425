import { bindSource, isRoutineHostFile, isRuntimeSocket, trimSlashes, UNKNOWN, volumeSourceRange } from "../../src/engine/mounts.js";
import type { ComposeService, VolumeMount } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { inheritedEntries } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "volume-shared-between-services",
    code: "DC122",
    category: "security",
    severity: "info",
    description: "A service can write to a host path or named volume that other services also mount.",
    aliases: ["kics:8c978947-0ff6-485c-b0c2-0bfca6026466"],
    messages: {
      shared: "Service `{{service}}` can write to {{what}} `{{source}}`, which {{others}} also mount{{s}}; if one service is compromised it can plant files the others read or run. Mount it read-only wherever a service only reads it, or share the data over an API.",
    },
  },
  check({ model, report }) {
    // Each group lists a service once per part of the source it mounts, with its first such mount.
    const groups = new Map<string, { seen: Set<string>; mounts: { service: string; volume: VolumeMount }[] }>();
    const add = (service: ComposeService, volume: VolumeMount) => {
      const key = keyOf(volume);
      if (!key) return;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { seen: new Set(), mounts: [] }));
      const part = `${service.name}\u0000${subpathOf(volume)}`;
      if (group.seen.has(part)) return;
      group.seen.add(part);
      group.mounts.push({ service: service.name, volume });
    };
    for (const service of model.services) for (const volume of service.volumes) add(service, volume);
    // Then the mounts a service gets from the bases it `extends` (after every written one, so that a
    // mount is reported on the service that writes it): Compose appends them, one per target.
    for (const service of model.services) {
      const targets = new Set(service.volumes.map((v) => v.target));
      for (const { entry: volume } of inheritedEntries(model, service, "volumes", (b) => b.volumes)) {
        if (targets.has(volume.target)) continue;
        targets.add(volume.target);
        add(service, volume);
      }
    }
    const reported = new Set<string>();
    for (const [key, { mounts }] of groups) {
      if (mounts.length < 2 || mounts.every((m) => m.volume.readOnly)) continue;
      for (const { service, volume } of mounts) {
        if (volume.readOnly) continue;
        const others = [...new Set(mounts.filter((m) => m.service !== service && overlaps(m.volume, volume)).map((m) => m.service))];
        if (!others.length) continue;
        const count = others.length;
        const named = others.slice(0, 3).map((name) => `\`${name}\``);
        const range = volumeSourceRange(model, volume);
        // A mount written once in an anchor and merged into many services is reported once.
        const at = range ? `${range.start.line}:${range.start.column}` : `${service}:${key}`;
        if (reported.has(at)) continue;
        reported.add(at);
        report({
          messageId: "shared",
          data: {
            service,
            what: key.startsWith("volume:") ? "the named volume" : "the host path",
            source: volume.source!,
            others: count > 3 ? `${named.join(", ")} and ${count - 3} more` : named.join(", "),
            s: count === 1 ? "s" : "",
          },
          range,
          service,
        });
      }
    }
  },
});

/** The directory of a named volume a mount takes (`volume.subpath`), "" for the whole volume. */
const subpathOf = (v: VolumeMount): string => (v.subpath ? trimSlashes(v.subpath.trim()).replace(/^\.\/|^\/+/g, "") : "");

/** Two mounts of one source share files unless they take separate subpaths of a named volume. */
function overlaps(a: VolumeMount, b: VolumeMount): boolean {
  const [x, y] = [subpathOf(a), subpathOf(b)];
  return !x || !y || x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}

function keyOf(v: VolumeMount): string | null {
  if (v.type === "volume" && v.source) return `volume:${v.source}`;
  const path = bindSource(v);
  if (!path || isRuntimeSocket(path) || isRoutineHostFile(path)) return null;
  // A variable with no default is unknown: `${UPLOAD_LOCATION}` and `${DB_DATA_LOCATION}` are not the
  // same path because both are unknown, but the same written source is the same path.
  if (path.includes(UNKNOWN)) return `bind-as-written:${trimSlashes(v.source!.trim())}`;
  const normal = trimSlashes(path).replace(/^\.\/(?=.)/, "") || "/";
  return `bind:${normal === "./" ? "." : normal}`;
}
