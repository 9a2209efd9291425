import type { ComposeModel } from "./parse/compose.js";
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
