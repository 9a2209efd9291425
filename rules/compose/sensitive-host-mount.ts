import { bindSource, resolvePath, sensitiveHostPath, volumeSourceRange } from "../../src/engine/mounts.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "sensitive-host-mount",
    code: "DC103",
    category: "security",
    severity: "error",
    description: "A bind mount exposes the host's root, a system directory or a credential store to a container.",
    aliases: ["kics:1c1325ff-831d-43a1-973e-839ae57dfcc0"],
    messages: {
      service: "Service `{{service}}` bind-mounts the host path `{{source}}` ({{where}}){{mode}}; a compromised container can read host secrets or change how the host runs. Mount only the specific files it needs, read-only, or use a named volume.",
      volume: "Volume `{{volume}}` is backed by the host path `{{source}}` ({{where}}); every service that mounts it gets that host directory. Point it at a dedicated data directory instead.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      for (const volume of service.volumes) {
        const source = bindSource(volume);
        const where = source && sensitiveHostPath(source, volume.readOnly);
        if (!where) continue;
        const range = volumeSourceRange(model, volume);
        if (!once(range)) continue;
        report({
          messageId: "service",
          data: { service: service.name, source: volume.source!, where: describe(where), mode: volume.readOnly ? ", even if read-only" : " with write access" },
          range,
          service: service.name,
        });
      }
    }
    // Top-level volumes backed by a host directory: local driver with `o: bind`, or local-persist's mountpoint.
    const volumes = isRecord(model.data.volumes) ? model.data.volumes : {};
    for (const [name, spec] of Object.entries(volumes)) {
      const opts = isRecord(spec) && isRecord(spec.driver_opts) ? spec.driver_opts : null;
      if (!opts) continue;
      const key = typeof opts.mountpoint === "string" ? "mountpoint" : typeof opts.device === "string" && /\bbind\b/.test(String(opts.o ?? "")) ? "device" : null;
      if (!key) continue;
      const where = sensitiveHostPath(resolvePath(String(opts[key])), false);
      if (!where) continue;
      report({ messageId: "volume", data: { volume: name, source: String(opts[key]), where: describe(where) }, range: model.locate(["volumes", name, "driver_opts", key]) });
    }
  },
});

function describe(where: string): string {
  if (where === "/") return "the host's whole filesystem";
  if (where.startsWith("~/")) return `the credential store ${where}`;
  if (where.startsWith("a ") || where === "/home") return where === "/home" ? "every user's home directory" : "a user's home directory";
  return `inside the system directory ${where}`;
}
