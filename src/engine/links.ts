import { isRecord, type ComposeModel } from "./parse/compose.js";
import { dirname, joinPath } from "./paths.js";

/** Paths a Compose file depends on: each service's build Dockerfile and its context's .dockerignore. */
export function linkedPaths(compose: ComposeModel): string[] {
  const out = new Set<string>();
  for (const svc of compose.services) {
    if (!svc.build || svc.build.inline || /^[a-z]+:\/\//i.test(svc.build.context)) continue;
    const context = joinPath(dirname(compose.path), svc.build.context);
    if (context === null) continue;
    const dockerfile = joinPath(context, svc.build.dockerfile);
    if (dockerfile) out.add(dockerfile);
    out.add(context ? `${context}/.dockerignore` : ".dockerignore");
  }
  return [...out];
}

/** The Compose files a Compose file brings into its project with `include:` (short and long syntax), resolved against its directory. */
export function includedPaths(compose: ComposeModel): string[] {
  const entries = Array.isArray(compose.data.include) ? compose.data.include : [];
  const paths = entries.flatMap((e: unknown) => (typeof e === "string" ? [e] : isRecord(e) ? (Array.isArray(e.path) ? e.path : [e.path]) : []));
  return paths.flatMap((p) => (typeof p === "string" && !/^[a-z]+:\/\//i.test(p) ? [joinPath(dirname(compose.path), p)] : [])).filter((p): p is string => !!p);
}
