import type { DfImage, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import { memo } from "./memo.js";
import { stageChain } from "./stage-roles.js";
import { expandVariables } from "./variables.js";
import type { Range } from "./types.js";

export interface ResolvedImage {
  /** The reference with `$VAR` / `${VAR}` / `${VAR:-x}` replaced by the global ARG defaults. */
  ref: string;
  /** True when the written reference used variables. */
  substituted: boolean;
  tag: string | null;
  digest: string | null;
}

/** Splits `registry:5000/org/app:1.2@sha256:…` into its tag and digest. */
export function splitImageRef(ref: string): { name: string; tag: string | null; digest: string | null } {
  const at = ref.indexOf("@");
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: null, digest };
}

/** The repository of a reference without its registry, tag and digest: `ghcr.io/acme/app:1` → `acme/app`. */
export function repositoryOf(ref: string): string {
  const { name } = splitImageRef(ref);
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? name.slice(slash + 1) : name;
}

/**
 * The base image of a stage as Docker would pull it, with variables replaced by the defaults of the
 * ARGs declared before the first FROM. null when it is an earlier stage, has no image, or uses a
 * variable with no default (the value is only known at build time).
 */
export function resolveStageImage(model: DockerfileModel, stage: DfStage): ResolvedImage | null {
  const image = stage.image;
  if (!image || stage.baseStage) return null;
  if (!image.ref.includes("$")) {
    const ref = unquoted(image.ref);
    const parts = splitImageRef(ref);
    return { ref, substituted: false, tag: parts.tag, digest: parts.digest };
  }
  const { defaults, firstStageNamed } = globalsOf(model);
  const substituted = substituteDefaults(image.ref, defaults);
  if (!substituted.complete) return null;
  const ref = unquoted(substituted.text);
  // `FROM qdrant-${GPU:-cpu}` may name an earlier stage
  if ((firstStageNamed.get(ref.toLowerCase()) ?? Infinity) < stage.index) return null;
  const parts = splitImageRef(ref);
  return { ref, substituted: true, tag: parts.tag, digest: parts.digest };
}

/**
 * True when the stage's FROM ends with a variable that a global ARG declares, so that its tag (or
 * its lack of one) comes from the ARG: `--build-arg` can then replace what the default gives
 * (`ARG BASE=node` + `FROM ${BASE}`, `FROM node:${TAG}`). Not for a literal tag after a variable
 * (`FROM busybox-${ARCH}:latest`), nor for a variable no ARG declares, which is always empty in a
 * FROM (`FROM node:${V:-latest}` is always `node:latest`).
 */
export function fromTakesBuildArg(model: DockerfileModel, stage: DfStage): boolean {
  const last = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(stage.image?.ref ?? "");
  if (!last) return false;
  const name = last[1] ?? last[2];
  return model.globalArgs.some((a) => a.keyword === "ARG" && a.properties.some((p) => p.name === name));
}

/**
 * The external image a stage runs on, as written in the FROM of its root stage, with the variables
 * that have a global ARG default replaced (`ARG BASE=gcr.io/distroless/static:nonroot`, `FROM ${BASE}`).
 * Variables known only at build time are left as written; null when the root stage names no image.
 */
export function baseImageRef(model: DockerfileModel, stage: DfStage): string | null {
  const ref = stageChain(stage).at(-1)?.image?.ref;
  if (!ref) return null;
  return unquoted(ref.includes("$") ? substituteDefaults(ref, globalsOf(model).defaults).text : ref);
}

/** Docker's word processing drops the quotes of a FROM reference: `FROM "alpine:3.20"` pulls alpine:3.20. */
const unquoted = (ref: string): string => (ref.includes('"') || ref.includes("'") ? ref.replace(/["']/g, "") : ref);

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}$]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Global ARG defaults as far as they are known before the build. */
export interface ArgDefaults {
  /** Each default with the variables of the ones above it replaced (a record without prototype). */
  readonly values: Readonly<Record<string, string>>;
  /** Names whose default still holds a variable that only a `--build-arg` sets. */
  readonly buildTime: ReadonlySet<string>;
}

export const NO_ARG_DEFAULTS: ArgDefaults = { values: Object.create(null), buildTime: new Set() };

/**
 * `text` with each `$VAR`, `${VAR}`, `${VAR:-x}` and `${VAR:+x}` replaced using `defaults`. A
 * variable with no (or an empty) default takes its `:-` fallback, else it is left as written; then,
 * or when a default used is itself only partly known, `complete` is false.
 */
export function substituteDefaults(text: string, defaults: ArgDefaults): { text: string; complete: boolean } {
  let complete = true;
  const out = text.replace(REFERENCE, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = defaults.values[name];
    const op = braced === undefined ? undefined : whole.match(/^\$\{[A-Za-z0-9_]+(:?[-+])/)?.[1];
    if (op?.endsWith("+")) {
      if (value && defaults.buildTime.has(name)) complete = false;
      return value ? fallback ?? "" : "";
    }
    if (value) {
      if (defaults.buildTime.has(name)) complete = false;
      return value;
    }
    if (op && fallback !== undefined) return fallback;
    complete = false;
    return whole;
  });
  return { text: out, complete };
}

interface FileGlobals {
  /** The ARGs declared before the first FROM, as Docker sees them: each default expanded with the ones above it, null when it has none. */
  declared: ReadonlyMap<string, string | null>;
  /** Those of `declared` that have a value. */
  values: ReadonlyMap<string, string>;
  /** The defaults as far as they are known before the build. */
  defaults: ArgDefaults;
  /** The index of the first stage of each (lower-cased) name. */
  firstStageNamed: ReadonlyMap<string, number>;
}

/** Worked out once per model: every stage asks, and a file may have a thousand of each. */
const globalsByModel = new WeakMap<DockerfileModel, FileGlobals>();

function globalsOf(model: DockerfileModel): FileGlobals {
  return memo(globalsByModel, model, () => {
    const declared = new Map<string, string | null>();
    const values = new Map<string, string>();
    const defaults = { values: Object.create(null) as Record<string, string>, buildTime: new Set<string>() };
    for (const arg of model.globalArgs) {
      if (arg.keyword !== "ARG") continue;
      for (const p of arg.properties) {
        // BuildKit: an ARG without a default declares the name and keeps any value it already has.
        if (!p.hasEquals) {
          if (!declared.has(p.name)) declared.set(p.name, null);
          continue;
        }
        const value = expandVariables(p.value, values);
        declared.set(p.name, value);
        values.set(p.name, value);
        const known = substituteDefaults(p.value, defaults);
        defaults.values[p.name] = known.text;
        if (known.complete) defaults.buildTime.delete(p.name);
        else defaults.buildTime.add(p.name);
      }
    }
    const firstStageNamed = new Map<string, number>();
    for (const s of model.stages) {
      const name = s.name?.toLowerCase();
      if (name !== undefined && !firstStageNamed.has(name)) firstStageNamed.set(name, s.index);
    }
    return { declared, values, defaults, firstStageNamed };
  });
}

/** The ARGs declared before the first FROM (the only variables a FROM line can use), as Docker expands their defaults. */
export const globalArgs = (model: DockerfileModel): Pick<FileGlobals, "declared" | "values"> => globalsOf(model);

/** Range of the tag as written in the FROM (`latest` in `node:latest@sha256:…`), or null. */
export function tagRange(image: DfImage): Range | null {
  // The `:` and `@` of the reference itself, not those inside a variable (`node:${V:-latest}`).
  const ref = withoutVariables(image.ref);
  const at = ref.indexOf("@");
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(":");
  if (colon <= rest.lastIndexOf("/") || image.range.start.line !== image.range.end.line) return image.tagRange;
  const line = image.range.start.line;
  return { start: { line, column: image.range.start.column + colon + 1 }, end: { line, column: image.range.start.column + rest.length } };
}

/** `text` with the inside of each `${…}` blanked out (same length), so none of its characters is read as syntax. */
const withoutVariables = (text: string): string => (text.includes("${") ? text.replace(/\$\{[^}]*\}?/g, (v) => "_".repeat(v.length)) : text);
