import { definedNames, includesFiles, referencesOf, type Reference } from "../../src/engine/compose-references.js";
import { servicesDoing } from "../../src/engine/names.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { closest } from "../../src/engine/suggest.js";

const KIND = { networks: "network", volumes: "volume", secrets: "secret", configs: "config", services: "service" } as const;

/** Compose's own words when it refuses the project, after `service "<name>"`. */
function composeError(ref: Reference): string {
  if (ref.via === "extends") return `cannot extend service …: service "${ref.name}" not found`;
  if (ref.section !== "services") return `refers to undefined ${ref.via === "build.secrets" ? "build secret" : KIND[ref.section]} ${ref.name}`;
  return ref.via === "network_mode" ? `not found for network_mode 'service:${ref.name}'` : `depends on undefined service ${ref.name}`;
}

function advice(ref: Reference, suggestion: string | null): string {
  if (suggestion) return `did you mean \`${suggestion}\`?`;
  if (ref.via === "extends") return "name a service of this file, or add `file:` for one of another file.";
  if (ref.section === "services") return ref.via === "depends_on" ? "define the service, remove the dependency, or mark it `required: false`." : "define the service or remove the reference.";
  if (ref.section === "networks" || ref.section === "volumes") return `declare it under the top-level \`${ref.section}:\` (with \`external: true\` if it is created outside this project).`;
  return `declare it under the top-level \`${ref.section}:\` with its \`file\` or \`environment\`.`;
}

export default defineComposeRule({
  meta: {
    id: "undefined-reference",
    code: "DC312",
    category: "reliability",
    severity: "error",
    description: "A service uses a network, volume, secret, config or service that no Compose file of the project defines, or extends a service its file lacks.",
    aliases: [],
    messages: {
      extends: "{{who}} `extends: {{name}}`, a service this file does not define (without `file:`, `extends` looks only in its own file), so `docker compose` refuses the project (\"{{error}}\"); {{advice}}",
      undefined: "{{who}} the {{kind}} `{{name}}` (`{{via}}`), which no Compose file here defines, so `docker compose` refuses the project (\"{{error}}\"); {{advice}}",
    },
  },
  check({ model, project, report }) {
    if (model.problems.length) return;
    const own = new Set(model.services.map((s) => s.name));
    // What other files define counts only when every file that could define it is known.
    const lookAcross = !project.composeFiles.some(includesFiles);
    const defined = definedNames(project);
    // One finding per missing name: one definition mends every use. It is placed at the use of the
    // first service by name, so that the order the file lists them in does not change it.
    const missing = new Map<string, Map<string, Reference>>();
    for (const service of model.services) {
      for (const ref of referencesOf(service)) {
        // `required: false`: Compose drops a dependency on a service it does not know, with a warning.
        if (!ref.required) continue;
        if (ref.via === "extends" ? own.has(ref.name) : !lookAcross || defined[ref.section].has(ref.name) || !project.composeFilesComplete()) continue;
        const key = `${ref.via === "extends" ? "extends" : ref.section} ${ref.name}`;
        const uses = missing.get(key) ?? missing.set(key, new Map()).get(key)!;
        if (!uses.has(service.name)) uses.set(service.name, ref);
      }
    }
    for (const [identity, uses] of missing) {
      const services = [...uses.keys()].sort();
      const ref = uses.get(services[0])!;
      const range = ref.key ? model.locateKey(ref.path) : model.locate(ref.path);
      const who = servicesDoing(services, ref.via === "extends" ? { one: "sets", many: "set" } : { one: "uses", many: "use" });
      const candidates = ref.via === "extends" ? own : defined[ref.section];
      const data = { who, kind: KIND[ref.section], name: ref.name, via: ref.via, error: composeError(ref), advice: advice(ref, closest(ref.name, candidates)) };
      report({ messageId: ref.via === "extends" ? "extends" : "undefined", data, range, service: services[0], identity });
    }
  },
});
