import { definedNames, includesFiles, referencesOf, type Reference } from "../../src/engine/compose-references.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { closest } from "../../src/engine/suggest.js";

const KIND = { networks: "network", volumes: "volume", secrets: "secret", configs: "config", services: "service" } as const;

/** Compose's own words when it refuses the project, after `service "<name>"`. */
function composeError(ref: Reference): string {
  if (ref.section !== "services") return `refers to undefined ${ref.via === "build.secrets" ? "build secret" : KIND[ref.section]} ${ref.name}`;
  return ref.via === "network_mode" ? `not found for network_mode 'service:${ref.name}'` : `depends on undefined service ${ref.name}`;
}

function advice(ref: Reference, suggestion: string | null): string {
  if (suggestion) return `did you mean \`${suggestion}\`?`;
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
    description: "A service uses a network, volume, secret, config or service that no Compose file of the project defines.",
    aliases: [],
    messages: {
      undefined: "{{who}} the {{kind}} `{{name}}` (`{{via}}`), which no Compose file here defines, so `docker compose` refuses the project (\"{{error}}\"); {{advice}}",
    },
  },
  check({ model, project, report }) {
    if (model.problems.length || project.composeFiles.some(includesFiles)) return;
    const defined = definedNames(project);
    // One finding per missing name, at its first use: one definition mends every use.
    const missing = new Map<string, { ref: Reference; services: string[] }>();
    for (const service of model.services) {
      for (const ref of referencesOf(service)) {
        // `required: false`: Compose drops a dependency on a service it does not know, with a warning.
        if (!ref.required || defined[ref.section].has(ref.name) || !project.composeFilesComplete()) continue;
        const key = `${ref.section} ${ref.name}`;
        const seen = missing.get(key) ?? missing.set(key, { ref, services: [] }).get(key)!;
        if (!seen.services.includes(service.name)) seen.services.push(service.name);
      }
    }
    for (const [identity, { ref, services }] of missing) {
      const range = ref.key ? model.locateKey(ref.path) : model.locate(ref.path);
      const who = services.length === 1 ? `Service \`${services[0]}\` uses` : `Services ${services.slice(0, -1).map((n) => `\`${n}\``).join(", ")} and \`${services.at(-1)}\` use`;
      const data = { who, kind: KIND[ref.section], name: ref.name, via: ref.via, error: composeError(ref), advice: advice(ref, closest(ref.name, defined[ref.section])) };
      report({ messageId: "undefined", data, range, service: services[0], identity });
    }
  },
});
