import { isNode } from "yaml";
import { resolvedOrNull } from "./compose-values.js";
import { isRecord, type ComposeModel, type ComposeService } from "./parse/compose.js";
import { isWindowsImage } from "./parse/script-shell.js";
import { basename, dirname, joinPath } from "./paths.js";
import { isWindowsStage } from "./platform.js";
import type { Project, ProjectService } from "./project.js";
import { baseImageRef } from "./image-refs.js";
import { memo } from "./memo.js";

/**
 * Words that name a run-once job (a migration, a seed, an init container, a test run). Matched as
 * whole `-`/`_`/`.`-separated tokens of a service or profile name.
 */
const ONE_SHOT_WORDS = new Set([
  "migrate", "migrates", "migration", "migrations", "migrator", "seed", "seeder", "seeds", "init", "initdb", "setup",
  "bootstrap", "provision", "provisioner", "install", "installer", "fixture", "fixtures", "test", "tests", "e2e",
  "cli", "tool", "tools", "toolbox", "job", "jobs", "task", "tasks", "oneshot", "createbuckets", "collectstatic",
  "configurator", "sut", "cypress", "playwright",
]);

/** The last command of a shell chain runs a migration, seed or other run-once task. */
const ONE_SHOT_COMMAND =
  /(?:\bmigrate\b|\bmigrations?\b|\balembic\s+upgrade\b|\bdb:(?:migrate|seed|setup|create)\b|\bcreatesuperuser\b|\bcollectstatic\b|\bloaddata\b|\bprisma\s+(?:migrate|db)\b|\bflyway\b|\bliquibase\b|\bmc\s+mb\b|\bseed\b)/i;

/** Lengths and first letters of ONE_SHOT_WORDS: other tokens are not looked up. */
const LONGEST_WORD = Math.max(...[...ONE_SHOT_WORDS].map((w) => w.length));
const SHORTEST_WORD = Math.min(...[...ONE_SHOT_WORDS].map((w) => w.length));
const FIRST_LETTERS = new Set([...ONE_SHOT_WORDS].map((w) => w.charCodeAt(0)));

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * `KeycloakSetup`, `db-migrate`, `init_db`: one of its words names a run-once job. Words are split
 * at `-`, `_` and `.` and at camelCase humps (a lower-case letter or digit followed by a capital;
 * `DBInit` stays one word), in one pass over the name.
 */
function oneShotName(name: string): boolean {
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : -1;
    const separator = c === -1 || c === 45 || c === 95 || c === 46; // end, "-", "_", "."
    if (!separator && !(isUpper(c) && i > start && isLowerOrDigit(name.charCodeAt(i - 1)))) continue;
    const length = i - start;
    if (length >= SHORTEST_WORD && length <= LONGEST_WORD && FIRST_LETTERS.has(name.charCodeAt(start) | 0x20)) {
      if (ONE_SHOT_WORDS.has(name.slice(start, i).toLowerCase())) return true;
    }
    start = separator ? i + 1 : i;
  }
  return false;
}

/** The last simple command of a shell chain (`a && b; c` → `c`). */
function lastCommand(command: string): string {
  const cut = Math.max(command.lastIndexOf("&&") + 2, command.lastIndexOf("||") + 2, command.lastIndexOf(";") + 1);
  return command.slice(cut);
}

/**
 * True when the service is a run-once job rather than a long-running container: another service
 * waits for it with `condition: service_completed_successfully`, it is deployed as a job, it says
 * `restart: "no"` and publishes no port, or its name, a profile or its command says it migrates /
 * seeds / initialises / runs tests and it is not restarted forever (`restart: always` /
 * `unless-stopped`).
 */
export function isOneShot(model: ComposeModel, service: ComposeService): boolean {
  return memo(oneShotCache, service, () => judgeOneShot(model, service));
}

export type Lifecycle = "long-running" | "run-once" | "scaled-to-zero";

/**
 * `run-once` for a job that runs and exits (isOneShot), `scaled-to-zero` for a service with no
 * replicas: the rules ask neither a healthcheck nor a restart policy of those, and the scores do not
 * count them.
 */
export function lifecycleOf(model: ComposeModel, service: ComposeService): Lifecycle {
  return service.replicas === 0 ? "scaled-to-zero" : isOneShot(model, service) ? "run-once" : "long-running";
}

/** Several rules ask about every service of a file: judged once per service. */
const oneShotCache = new WeakMap<ComposeService, boolean>();

function judgeOneShot(model: ComposeModel, service: ComposeService): boolean {
  if (awaitedForCompletion(model).has(service.name)) return true;
  const deploy = isRecord(service.data.deploy) ? service.data.deploy : {};
  if (deploy.mode === "replicated-job" || deploy.mode === "global-job") return true;
  // The policy the file asks for (`deploy.restart_policy` replaces `restart:`); one without a condition says nothing.
  const unstated = isRecord(deploy.restart_policy) && (deploy.restart_policy.condition === undefined || deploy.restart_policy.condition === null);
  const restart = unstated ? "" : (service.restart ?? "").trim();
  if (restart === "always" || restart === "unless-stopped") return false;
  // Never restarted and serving nothing: a job. A server may also be run without restarts (in development).
  if (restart === "no" && !service.ports.length) return true;
  const command = [service.entrypoint, service.command].filter(Boolean).join(" ");
  return (
    oneShotName(service.name) ||
    service.profiles.some(oneShotName) ||
    (command !== "" && ONE_SHOT_COMMAND.test(lastCommand(command)))
  );
}

const completionCache = new WeakMap<ComposeModel, Set<string>>();

/** Names of the services some service waits for with `condition: service_completed_successfully`. */
function awaitedForCompletion(model: ComposeModel): Set<string> {
  let names = completionCache.get(model);
  if (!names) {
    names = new Set(model.services.flatMap((s) => s.dependsOn.filter((d) => d.condition === "service_completed_successfully").map((d) => d.service)));
    completionCache.set(model, names);
  }
  return names;
}

/**
 * The image a service runs: its `image:`, else the base image of the Dockerfile stage it builds,
 * else (an override fragment such as `nginx-proxy: {ports: …}`) the image of the same service in
 * another Compose file of the same directory. null when unknown.
 */
export function serviceImage(project: Project, model: ComposeModel, service: ComposeService): string | null {
  if (service.image) return service.image;
  const linked = linkedService(project, model.path, service.name);
  if (linked?.stage && linked.dockerfile) return baseImageRef(linked.dockerfile, linked.stage);
  if (!service.partial && !isOverrideService(project, model, service)) return null;
  // The same service in the base file it is merged into (see isOverrideService), or beside it.
  const dir = dirname(model.path);
  const others = project.composeFiles.filter((f) => f !== model);
  const beside = others.filter((f) => dirname(f.path) === dir);
  for (const other of beside.length ? beside : others.filter((f) => !isOverrideFile(f.path))) {
    const same = servicesNamed(other, service.name).find((s) => !s.partial);
    if (same?.image) return same.image;
  }
  return null;
}

/**
 * True when the service runs a Windows container, where Docker ignores the Linux-only settings
 * (`security_opt`, capabilities) or refuses them (`pids_limit`, `read_only`): `platform: windows/…`
 * or a Windows image (nanoserver, servercore, `mcr.microsoft.com/windows/…`) set on it, on a base
 * it `extends` or on the same service beside it, or a build whose Dockerfile stage is a Windows
 * one (isWindowsStage). A value a variable without a default decides does not count.
 */
export function isWindowsService(project: Project, model: ComposeModel, service: ComposeService): boolean {
  return memo(windowsServices, service, () => windowsService(project, model, service));
}

/** isWindowsService's answers, per service of a model: eight rules ask of every service. */
const windowsServices = new WeakMap<ComposeService, boolean>();

function windowsService(project: Project, model: ComposeModel, service: ComposeService): boolean {
  const text = (v: unknown) => (typeof v === "string" ? resolvedOrNull(v)?.trim() ?? "" : "");
  const windows = (d: Record<string, unknown>) => /^windows(\/|$)/i.test(text(d.platform)) || isWindowsImage(text(d.image));
  if (serviceDefines(project, model, service, windows) === true) return true;
  const builder = [service, ...buildBases(model, service)].pop()!;
  const linked = linkedService(project, model.path, builder.name);
  return !!linked?.dockerfile && !!linked.stage && isWindowsStage(linked.dockerfile, linked.stage);
}

/**
 * How many `extends` bases a service's chain is followed through; past it the answer is unknown.
 * Real chains are a few links long; a file that chains thousands of services would otherwise be
 * walked once per service and rule, the square of its size.
 */
export const MAX_EXTENDS_CHAIN = 64;

/** A file's services of one name, in file order: asked once per service of another file, a lookup by name. */
function servicesNamed(model: ComposeModel, name: string): ComposeService[] {
  return memo(byName, model, indexByName).get(name) ?? [];
}

const byName = new WeakMap<ComposeModel, Map<string, ComposeService[]>>();

function indexByName(model: ComposeModel): Map<string, ComposeService[]> {
  const index = new Map<string, ComposeService[]>();
  for (const s of model.services) {
    const list = index.get(s.name);
    if (list) list.push(s);
    else index.set(s.name, [s]);
  }
  return index;
}

export type ServiceProbe = (data: Record<string, unknown>) => boolean;

/**
 * Whether the service defines something `probe` looks for: in its own mapping, in a base it
 * `extends` in the same file, or in the same service of another Compose file of the same directory
 * (an override merged with `-f`). null when it extends a service of another file (unknown here).
 */
export function serviceDefines(project: Project, model: ComposeModel, service: ComposeService, probe: ServiceProbe): boolean | null {
  let unknown = false;
  const services = isRecord(model.data.services) ? model.data.services : {};
  let data: Record<string, unknown> | null = service.data;
  const seen = new Set<string>([service.name]);
  while (data) {
    if (probe(data)) return true;
    const ext: unknown = data.extends;
    const base = sameFileBase(ext);
    if (ext !== undefined && base === null) unknown = true;
    if (base === null || seen.has(base)) break;
    if (seen.size > MAX_EXTENDS_CHAIN) {
      unknown = true;
      break;
    }
    seen.add(base);
    const next: unknown = services[base];
    data = isRecord(next) ? next : null;
  }
  for (const other of composeFilesBeside(project, model)) {
    const same = servicesNamed(other, service.name)[0];
    if (same && probe(same.data)) return true;
  }
  return unknown ? null : false;
}

/** The service an `extends:` names in the same file (`extends: web`, `{service: web}`); null for another file's or none. */
function sameFileBase(ext: unknown): string | null {
  return typeof ext === "string" ? ext : isRecord(ext) && typeof ext.service === "string" && ext.file === undefined ? ext.service : null;
}

/**
 * The services of the same file whose `build:` (or `image:`) a service runs through `extends`:
 * the chain of bases, followed while the service and each base name neither `build` nor `image`.
 */
export function buildBases(model: ComposeModel, service: ComposeService): ComposeService[] {
  const bases: ComposeService[] = [];
  let at = service;
  for (const base of sameFileBases(model, service)) {
    if (at.data.build !== undefined || at.data.image !== undefined) break;
    bases.push(base);
    at = base;
  }
  return bases;
}

/** The services a service `extends` in its own file, nearest first (the whole chain, cycles cut). */
export function sameFileBases(model: ComposeModel, service: ComposeService): ComposeService[] {
  const bases: ComposeService[] = [];
  const seen = new Set([service.name]);
  for (let at = service; bases.length < MAX_EXTENDS_CHAIN; ) {
    const name = sameFileBase(at.data.extends);
    const base = name === null || seen.has(name) ? undefined : servicesNamed(model, name)[0];
    if (!base) break;
    seen.add(base.name);
    bases.push(base);
    at = base;
  }
  return bases;
}

/**
 * The entries of a list setting (`ports`, `volumes`) a service gets from the bases it `extends` in
 * its file, nearest base first: Compose appends a base's list to the service's own, unless the
 * service (or a nearer base) tags its list `!override` or `!reset`.
 */
export function inheritedEntries<T>(model: ComposeModel, service: ComposeService, key: string, entries: (base: ComposeService) => readonly T[]): { base: ComposeService; entry: T }[] {
  const out: { base: ComposeService; entry: T }[] = [];
  let at = service;
  for (const base of sameFileBases(model, service)) {
    if (replacesList(model, at, key)) break;
    for (const entry of entries(base)) out.push({ base, entry });
    at = base;
  }
  return out;
}

/** A list tagged to replace what `extends` would merge into it (the node is looked up only when the key is set). */
function replacesList(model: ComposeModel, service: ComposeService, key: string): boolean {
  if (service.data[key] === undefined) return false;
  const node = model.doc.getIn([...service.path, key], true);
  return isNode(node) && (node.tag === "!override" || node.tag === "!reset");
}

/** A service and the Compose file that defines it: one link of an `extends` chain. */
export interface ExtendsLink {
  file: ComposeModel;
  service: ComposeService;
}

/**
 * The base a service `extends`: in its own file, or with `file:` in the run's Compose file at that
 * path (read from the extending file's directory). null when it extends nothing, or what it names
 * is not in the run.
 */
function extendsBase(project: Project, at: ExtendsLink): ExtendsLink | null {
  const ext = at.service.data.extends;
  const name = sameFileBase(ext) ?? (isRecord(ext) && typeof ext.service === "string" ? ext.service : null);
  if (name === null) return null;
  let file: ComposeModel | undefined = at.file;
  if (isRecord(ext) && ext.file !== undefined) {
    if (typeof ext.file !== "string" || ext.file.startsWith("/") || ext.file.includes("$")) return null;
    const path = joinPath(dirname(at.file.path), ext.file);
    file = project.composeFiles.find((f) => f.path === path);
  }
  const service = file && servicesNamed(file, name)[0];
  return file && service ? { file, service } : null;
}

/**
 * The `extends` cycles that run through the services of `model` (compose-go refuses the project:
 * "Circular reference"), each once, as its links in chain order from the member `model` lists
 * first. Bases named with `file:` are followed through the run's Compose files. Each service is
 * walked once, however long the chains.
 */
export function extendsCycles(project: Project, model: ComposeModel): ExtendsLink[][] {
  const state = new Map<ComposeService, "open" | "done">();
  const cycles: ExtendsLink[][] = [];
  for (const start of model.services) {
    const path: ExtendsLink[] = [];
    let at: ExtendsLink | null = { file: model, service: start };
    while (at && !state.has(at.service)) {
      state.set(at.service, "open");
      path.push(at);
      at = extendsBase(project, at);
    }
    const closing = at && state.get(at.service) === "open" ? at.service : null;
    if (closing) cycles.push(path.slice(path.findIndex((l) => l.service === closing)));
    for (const link of path) state.set(link.service, "done");
  }
  const order = new Map(model.services.map((s, i) => [s, i]));
  return cycles
    .filter((cycle) => cycle.some((l) => l.file === model))
    .map((cycle) => {
      const first = cycle.reduce((best, l, i) => ((order.get(l.service) ?? Infinity) < (order.get(cycle[best].service) ?? Infinity) ? i : best), 0);
      return [...cycle.slice(first), ...cycle.slice(0, first)];
    });
}

/**
 * False when both services are limited to profiles and share none: they are alternatives that a
 * normal `docker compose --profile x up` never starts together.
 */
export function canRunTogether(a: ComposeService, b: ComposeService): boolean {
  if (!a.profiles.length || !b.profiles.length) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

/**
 * True when the service sits in an override file (`docker-compose.override.yml`, `compose.override.yaml`)
 * and a base Compose file defines it: Compose merges the two, so what is missing is reported on the
 * base file only. The base is a Compose file of the same directory; an override file with no base
 * beside it (a fragment kept elsewhere to be copied next to the base, as mailcow's
 * `helper-scripts/docker-compose.override.yml.d/*`) is matched with the base files of the project.
 */
export function isOverrideService(project: Project, model: ComposeModel, service: ComposeService): boolean {
  const names = baseServiceNames(project, model);
  return names !== null && names.has(service.name);
}

/**
 * Per project, per Compose model: what isOverrideService, serviceDefines and serviceImage ask of
 * the project's other files, worked out once (each rule asks for every service).
 */
interface ProjectMemo {
  /** For an override file: the names of the services its base files define; null for other files. */
  baseNames: WeakMap<ComposeModel, Set<string> | null>;
  /** The other Compose files of the model's directory. */
  beside: WeakMap<ComposeModel, ComposeModel[]>;
  /** The project's linked services by Compose file path and name (the first of each). */
  linked: Map<string, Map<string, ProjectService>> | null;
}

const projectMemos = new WeakMap<Project, ProjectMemo>();

function memoOf(project: Project): ProjectMemo {
  let memo = projectMemos.get(project);
  if (!memo) projectMemos.set(project, (memo = { baseNames: new WeakMap(), beside: new WeakMap(), linked: null }));
  return memo;
}

function baseServiceNames(project: Project, model: ComposeModel): Set<string> | null {
  const memo = memoOf(project);
  let names = memo.baseNames.get(model);
  if (names === undefined) {
    names = null;
    if (isOverrideFile(model.path)) {
      const dir = dirname(model.path);
      const bases = project.composeFiles.filter((f) => f !== model && !isOverrideFile(f.path));
      const beside = bases.filter((f) => dirname(f.path) === dir);
      names = new Set<string>();
      for (const f of beside.length ? beside : bases) for (const s of f.services) names.add(s.name);
    }
    memo.baseNames.set(model, names);
  }
  return names;
}

/** The project's Compose files other than `model` in `model`'s directory, in project order. */
function composeFilesBeside(project: Project, model: ComposeModel): ComposeModel[] {
  const memo = memoOf(project);
  let files = memo.beside.get(model);
  if (!files) {
    const dir = dirname(model.path);
    files = project.composeFiles.filter((other) => other !== model && dirname(other.path) === dir);
    memo.beside.set(model, files);
  }
  return files;
}

/** The first of the project's services linked from the Compose file `composeFile` under `name`. */
function linkedService(project: Project, composeFile: string, name: string): ProjectService | undefined {
  const memo = memoOf(project);
  if (!memo.linked) {
    memo.linked = new Map();
    for (const s of project.services) {
      let byName = memo.linked.get(s.composeFile);
      if (!byName) memo.linked.set(s.composeFile, (byName = new Map()));
      if (!byName.has(s.name)) byName.set(s.name, s);
    }
  }
  return memo.linked.get(composeFile)?.get(name);
}

/** A Compose file named to be merged over a base file (`docker-compose.override.yml`, `compose.prod.override.yaml`). */
export const isOverrideFile = (path: string): boolean => /override/i.test(basename(path));

/**
 * The services whose settings a rule about something *missing* judges in this file: not override
 * fragments (no image, build or extends), and not services an override file adds to a base file's.
 */
export function judgedServices(project: Project, model: ComposeModel): ComposeService[] {
  return model.services.filter((s) => !s.partial && !isOverrideService(project, model, s));
}

/**
 * The judged services that lack what `has` looks for once Compose has merged them: not in their own
 * mapping, nor in a base they `extends`, nor in the same service of a Compose file beside (an
 * override). A service extending a base in another file is left out: its settings are unknown here.
 */
export function servicesLacking(project: Project, model: ComposeModel, has: ServiceProbe): ComposeService[] {
  return judgedServices(project, model).filter((s) => serviceDefines(project, model, s, has) === false);
}
