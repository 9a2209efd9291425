import type { DfInstruction } from "./parse/dockerfile.js";
import { trimSlashes } from "./paths.js";

export interface RunMount {
  type: string;
  target: string | null;
}

/** The `--mount=` flags of a RUN: `type=cache,target=/root/.cache/pip` → { type: "cache", target }. */
export function runMounts(ins: DfInstruction): RunMount[] {
  return ins.flags
    .filter((f) => f.name.toLowerCase() === "mount" && f.value)
    .map((f) => {
      const opts = new Map<string, string>();
      for (const part of (f.value ?? "").split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0) opts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
      }
      const target = opts.get("target") ?? opts.get("dst") ?? opts.get("destination") ?? null;
      return { type: (opts.get("type") ?? "bind").toLowerCase(), target: target ? trimSlashes(target) || "/" : null };
    });
}

/**
 * True when the RUN mounts a cache or tmpfs over a directory the test accepts, so whatever a
 * package manager leaves there never reaches a layer.
 */
export function hasCacheMount(ins: DfInstruction, accepts: (target: string) => boolean): boolean {
  return runMounts(ins).some((m) => (m.type === "cache" || m.type === "tmpfs") && m.target !== null && accepts(m.target));
}

/** True when `target` is `dir` or a directory above it (a mount of /var/lib/apt covers /var/lib/apt/lists). */
export const covers = (target: string, dir: string): boolean => dir === target || dir.startsWith(`${target}/`);
