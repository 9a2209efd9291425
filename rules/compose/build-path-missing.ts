import { servicesDoing } from "../../src/engine/names.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isOverrideFile } from "../../src/engine/service-lifecycle.js";
import type { Range } from "../../src/engine/types.js";

/** BuildKit and the classic builder fall back to `dockerfile` when the default `Dockerfile` is absent. */
const DEFAULT_NAMES = ["Dockerfile", "dockerfile"];

export default defineComposeRule({
  meta: {
    id: "build-path-missing",
    code: "DC314",
    category: "reliability",
    severity: "warning",
    description: "A service builds from a context directory or a Dockerfile that is not in the repository.",
    aliases: [],
    messages: {
      context: "{{who}} in `{{path}}`, a directory the repository does not have, so `docker compose build` fails (\"path not found\") unless a step before it creates the directory; fix the path.",
      dockerfile: "{{who}} from `{{path}}`, which is not in the repository, so `docker compose build` fails (\"failed to read dockerfile\") unless a step before it creates the file; fix `dockerfile:` (it is relative to the context, `{{context}}`).",
    },
  },
  check({ model, project, report }) {
    // An override file's paths are resolved from the directory of the file it is merged into.
    if (isOverrideFile(model.path)) return;
    // One finding per missing path, services sharing a build share the fix. It is placed at the use
    // of the first service by name, so that the order the file lists them in does not change it.
    const missing = new Map<string, { messageId: "context" | "dockerfile"; path: string; context: string; uses: Map<string, Range | null> }>();
    const add = (messageId: "context" | "dockerfile", path: string, context: string, range: Range | null, service: string) => {
      const key = `${messageId} ${path}`;
      const seen = missing.get(key) ?? missing.set(key, { messageId, path, context, uses: new Map() }).get(key)!;
      if (!seen.uses.has(service)) seen.uses.set(service, range);
    };
    for (const linked of project.services) {
      const svc = linked.compose;
      if (linked.composeFile !== model.path || !svc.build || svc.build.inline || linked.contextDir === null) continue;
      const { context, dockerfile } = svc.build;
      if (context.includes("$") || dockerfile.includes("$") || dockerfile.startsWith("/")) continue;
      const build = [...svc.path, "build"];
      const spec = isRecord(svc.data.build) ? svc.data.build : null;
      if (project.hasDirectory(linked.contextDir) === false) {
        add("context", linked.contextDir, linked.contextDir, model.locate(spec ? [...build, "context"] : build), svc.name);
        continue;
      }
      const named = spec !== null && spec.dockerfile !== undefined;
      const candidates = named || !linked.dockerfilePath ? [linked.dockerfilePath] : DEFAULT_NAMES.map((n) => (linked.contextDir ? `${linked.contextDir}/${n}` : n));
      if (!candidates.every((p) => p !== null && project.exists(p) === false)) continue;
      const range = model.locate(named ? [...build, "dockerfile"] : spec?.context !== undefined ? [...build, "context"] : build);
      add("dockerfile", linked.dockerfilePath ?? dockerfile, linked.contextDir || ".", range, svc.name);
    }
    for (const { messageId, path, context, uses } of missing.values()) {
      const services = [...uses.keys()].sort();
      report({ messageId, data: { who: servicesDoing(services, { one: "builds", many: "build" }), path, context }, range: uses.get(services[0])!, service: services[0], identity: `${messageId} ${path}` });
    }
  },
});
