import { isRecord, type ComposeModel, type ComposeService, type YamlPath } from "./parse/compose.js";
import { isTrueValue } from "./compose-values.js";
import { memo } from "./memo.js";
import type { Project } from "./project.js";

/** The top-level sections a service refers into by name. */
export type Section = "services" | "networks" | "volumes" | "secrets" | "configs";

/** A name a service uses that Compose looks up in a top-level section when it loads the project. */
export interface Reference {
  section: Section;
  name: string;
  /** The setting that refers: `networks`, `depends_on`, `network_mode`, `build.secrets`... */
  via: string;
  /** The list item or mapping key that holds the name. */
  path: YamlPath;
  /** True for a mapping key (its range is the key's), false for a value. */
  key: boolean;
  /** False for a dependency marked `required: false`, which Compose drops when the service is unknown. */
  required: boolean;
}

/** Settings whose `service:<name>` form makes the service share another service's namespace. */
const NAMESPACES = ["network_mode", "ipc", "pid", "uts", "cgroup"] as const;

/** The names a service refers to, as written in its own mapping (anchors and merge keys applied). */
export function referencesOf(service: ComposeService): readonly Reference[] {
  return memo(referencesByService, service, collectReferences);
}

/** Two rules ask for each service's references: listed once, and only read. */
const referencesByService = new WeakMap<ComposeService, readonly Reference[]>();

function collectReferences(service: ComposeService): Reference[] {
  const s = service.data;
  const at = (...rest: (string | number)[]): YamlPath => [...service.path, ...rest];
  const out: Reference[] = [];
  if (Array.isArray(s.networks)) s.networks.forEach((n, i) => out.push({ section: "networks", name: String(n), via: "networks", path: at("networks", i), key: false, required: true }));
  else if (isRecord(s.networks)) for (const n of Object.keys(s.networks)) out.push({ section: "networks", name: n, via: "networks", path: at("networks", n), key: true, required: true });
  for (const v of service.volumes) {
    if (v.type !== "volume" || !v.source) continue;
    const long = Array.isArray(s.volumes) && isRecord(s.volumes[v.path[v.path.length - 1] as number]);
    out.push({ section: "volumes", name: v.source, via: "volumes", path: long ? [...v.path, "source"] : v.path, key: false, required: true });
  }
  for (const section of ["secrets", "configs"] as const) out.push(...fileReferences(s[section], section, section, at(section)));
  if (isRecord(s.build)) out.push(...fileReferences(s.build.secrets, "secrets", "build.secrets", at("build", "secrets")));
  for (const d of service.dependsOn) {
    const spec = isRecord(s.depends_on) ? s.depends_on[d.service] : null;
    const required = !(isRecord(spec) && spec.required !== undefined && spec.required !== null && !isTrueValue(spec.required));
    out.push({ section: "services", name: d.service, via: "depends_on", path: d.path, key: isRecord(s.depends_on), required });
  }
  if (Array.isArray(s.links)) s.links.forEach((l, i) => out.push({ section: "services", name: String(l).split(":")[0], via: "links", path: at("links", i), key: false, required: true }));
  if (Array.isArray(s.volumes_from)) {
    s.volumes_from.forEach((v, i) => {
      const text = String(v);
      if (!text.startsWith("container:")) out.push({ section: "services", name: text.replace(/^service:/, "").split(":")[0], via: "volumes_from", path: at("volumes_from", i), key: false, required: true });
    });
  }
  // `extends` without `file` names a service of this same file (compose-go looks nowhere else).
  if (typeof s.extends === "string") out.push({ section: "services", name: s.extends, via: "extends", path: at("extends"), key: false, required: true });
  else if (isRecord(s.extends) && typeof s.extends.service === "string" && s.extends.file === undefined) {
    out.push({ section: "services", name: s.extends.service, via: "extends", path: at("extends", "service"), key: false, required: true });
  }
  for (const setting of NAMESPACES) {
    const value = s[setting];
    if (typeof value === "string" && value.startsWith("service:")) out.push({ section: "services", name: value.slice(8), via: setting, path: at(setting), key: false, required: true });
  }
  return out.filter((r) => r.name !== "" && !r.name.includes("$"));
}

/** `secrets:` / `configs:` entries: a name, or a mapping whose `source` is the name. */
function fileReferences(list: unknown, section: Section, via: string, path: YamlPath): Reference[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, i): Reference[] => {
    const name = typeof entry === "string" ? entry : isRecord(entry) && typeof entry.source === "string" ? entry.source : null;
    return name === null ? [] : [{ section, name, via, path: isRecord(entry) ? [...path, i, "source"] : [...path, i], key: false, required: true }];
  });
}

/** Every name the project's Compose files define, per section (the `default` network always). */
export function definedNames(project: Project): Readonly<Record<Section, ReadonlySet<string>>> {
  return memo(definedByProject, project, () => {
    const out: Record<Section, Set<string>> = { services: new Set(), networks: new Set(["default"]), volumes: new Set(), secrets: new Set(), configs: new Set() };
    for (const file of project.composeFiles) {
      for (const section of Object.keys(out) as Section[]) {
        const map = file.data[section];
        if (isRecord(map)) for (const name of Object.keys(map)) out[section].add(name);
      }
    }
    return out;
  });
}

const definedByProject = new WeakMap<Project, Readonly<Record<Section, ReadonlySet<string>>>>();

/** A Compose file that includes others: what they define is not read here. */
export const includesFiles = (model: ComposeModel): boolean => model.data.include !== undefined && model.data.include !== null;
