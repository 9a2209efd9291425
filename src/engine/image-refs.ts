import type { DfImage, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import { memo } from "./memo.js";
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

/**
 * The base image of a stage as Docker would pull it, with variables replaced by the defaults of the
 * ARGs declared before the first FROM. null when it is an earlier stage, has no image, or uses a
 * variable with no default (the value is only known at build time).
 */
export function resolveStageImage(model: DockerfileModel, stage: DfStage): ResolvedImage | null {
  const image = stage.image;
  if (!image || stage.baseStage) return null;
  if (!image.ref.includes("$")) {
    const parts = splitImageRef(image.ref);
    return { ref: image.ref, substituted: false, tag: parts.tag, digest: parts.digest };
  }
  const { defaults, firstStageNamed } = globalsOf(model);
  let unknown = false;
  const ref = image.ref.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}$]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string, fallback: string | undefined, bare: string) => {
    const name = braced ?? bare;
    const op = whole.match(/^\$\{[A-Za-z0-9_]+(:?[-+])/)?.[1];
    const value = defaults[name];
    if (op?.endsWith("+")) return value ? fallback ?? "" : "";
    if (value) return value;
    if (op && fallback !== undefined) return fallback;
    unknown = true;
    return whole;
  });
  if (unknown) return null;
  // `FROM qdrant-${GPU:-cpu}` may name an earlier stage
  if ((firstStageNamed.get(ref.toLowerCase()) ?? Infinity) < stage.index) return null;
  const parts = splitImageRef(ref);
  return { ref, substituted: true, tag: parts.tag, digest: parts.digest };
}

interface FileGlobals {
  /** Defaults of the ARGs declared before the first FROM (a record without prototype). */
  defaults: Readonly<Record<string, string>>;
  /** The index of the first stage of each (lower-cased) name. */
  firstStageNamed: ReadonlyMap<string, number>;
}

/** Worked out once per model: every stage asks, and a file may have a thousand of each. */
const globalsByModel = new WeakMap<DockerfileModel, FileGlobals>();

function globalsOf(model: DockerfileModel): FileGlobals {
  return memo(globalsByModel, model, () => {
    const defaults: Record<string, string> = Object.create(null);
    for (const arg of model.globalArgs) {
      if (arg.keyword !== "ARG") continue;
      for (const p of arg.properties) if (p.hasEquals) defaults[p.name] = p.value;
    }
    const firstStageNamed = new Map<string, number>();
    for (const s of model.stages) {
      const name = s.name?.toLowerCase();
      if (name !== undefined && !firstStageNamed.has(name)) firstStageNamed.set(name, s.index);
    }
    return { defaults, firstStageNamed };
  });
}

/**
 * Defaults of the ARGs declared before the first FROM, the only variables a FROM line can use.
 * Other instructions there (an invalid file) declare nothing.
 */
export const globalArgDefaults = (model: DockerfileModel): Readonly<Record<string, string>> => globalsOf(model).defaults;

/** Range of the tag as written in the FROM (`latest` in `node:latest@sha256:…`), or null. */
export function tagRange(image: DfImage): Range | null {
  const ref = image.ref;
  const at = ref.indexOf("@");
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(":");
  if (colon <= rest.lastIndexOf("/") || image.range.start.line !== image.range.end.line) return image.tagRange;
  const line = image.range.start.line;
  return { start: { line, column: image.range.start.column + colon + 1 }, end: { line, column: image.range.start.column + rest.length } };
}
