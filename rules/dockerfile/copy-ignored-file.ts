import { copyOperands } from "../../src/engine/copy.js";
import type { DockerignoreModel } from "../../src/engine/parse/dockerignore.js";
import { dirname, trimSlashes } from "../../src/engine/paths.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

/** Sources checked per file: plenty for real files. */
const MAX_SOURCES = 2000;
/**
 * Source-and-pattern matches per file: each source is matched against every pattern, so a
 * .dockerignore of 20,000 patterns and a Dockerfile of 1,900 COPY lines took 25 s. Real
 * .dockerignore files hold tens of patterns, far under this with MAX_SOURCES sources.
 */
const MAX_MATCHES = 500_000;
/** Paths a COPY names literally: no globs, variables or remote sources. */
const LITERAL = /^[^*?[\]${}]+$/;

export default defineDockerfileRule({
  meta: {
    id: "copy-ignored-file",
    code: "DF332",
    category: "reliability",
    severity: "warning",
    description: "COPY or ADD names a path that .dockerignore leaves out of the build context.",
    aliases: ["buildkit:CopyIgnoredFile"],
    messages: {
      ignored: "`{{source}}` is excluded by `{{ignoreFile}}`, so it is not in the build context and this {{keyword}} fails or copies nothing. Remove the matching pattern from `{{ignoreFile}}` or stop copying the path.",
    },
  },
  check({ model, project, report }) {
    const byPath = new Map(project.dockerignores.map((d) => [d.path, d]));
    const own = byPath.get(`${model.path}.dockerignore`);
    const contexts = project.servicesBuilding(model.path).flatMap((s) => (s.contextDir === null ? [] : [s.contextDir]));
    const ignores: DockerignoreModel[] = [];
    for (const dir of contexts.length ? [...new Set(contexts)] : [dirname(model.path)]) {
      const found = own ?? byPath.get(dir ? `${dir}/.dockerignore` : ".dockerignore");
      if (found && !ignores.includes(found)) ignores.push(found);
    }
    if (!ignores.length) return;
    const patterns = ignores.reduce((n, d) => n + d.patterns.length, 0);
    const maxSources = Math.min(MAX_SOURCES, Math.floor(MAX_MATCHES / Math.max(1, patterns)));
    let checked = 0;
    for (const ins of model.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name.toLowerCase() === "from")) continue;
      for (const source of copyOperands(model, ins).sources) {
        const raw = source.value.replace(/^["']|["']$/g, "");
        if (!LITERAL.test(raw) || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(raw)) continue;
        const rel = trimSlashes(raw.replace(/^(\.?\/)+/, ""));
        if (!rel || rel === "." || checked++ >= maxSources) continue;
        const ignore = ignores.find((d) => d.ignores(rel));
        if (ignore) report({ messageId: "ignored", data: { source: raw, ignoreFile: ignore.path, keyword: ins.keyword }, range: source.range });
      }
    }
  },
});
