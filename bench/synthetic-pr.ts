/**
 * Generated pull requests for the PR-run benchmark: no corpus file is copied. Each changed
 * Dockerfile is a clean two-stage build (no finding with the full catalogue, checked by the
 * benchmark before it measures) whose head version changes its CMD and adds `findings` legacy
 * `ENV key value` lines, each of which is exactly one finding (legacy-key-value) on an added line.
 * Each has its own shell-form RUN script, as real Dockerfiles do, so that a server that runs
 * ShellCheck on RUN scripts pays for one new script per changed Dockerfile.
 */

export type Files = Record<string, string>;

export interface SyntheticPr {
  base: Files;
  head: Files;
  /** Files the PR changes (Docker and other). */
  changed: number;
  /** Changed Dockerfiles among them. */
  dockerfiles: number;
  /** Findings planted in the head (all new, all on added lines). */
  findings: number;
}

const DIGEST = `sha256:${"4f".repeat(32)}`;

function dockerfile(i: number, version: number, extra: string[]): string {
  return [
    "# syntax=docker/dockerfile:1",
    `FROM node:20.11.1-alpine3.19@${DIGEST} AS build`,
    "WORKDIR /app",
    "COPY package.json package-lock.json ./",
    `RUN npm ci --omit=dev && npm run build --workspace=svc-${i}`,
    "COPY src/ ./src/",
    ...extra,
    "",
    `FROM node:20.11.1-alpine3.19@${DIGEST}`,
    "WORKDIR /app",
    "COPY --from=build /app /app",
    "USER 10001:10001",
    `EXPOSE ${3000 + (i % 5000)}`,
    'HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "src/health.js"]',
    `CMD ["node", "src/server-${i}-v${version}.js"]`,
    "",
  ].join("\n");
}

/**
 * A PR changing `changed` files: up to `maxDockerfiles` of them are Dockerfiles (services/svc-N/),
 * the rest TypeScript sources; `findings` findings are spread over the changed Dockerfiles.
 * Every service also has an unchanged .dockerignore, so no finding is about a missing one, and the
 * files its Dockerfile copies (package.json, package-lock.json, src/), so none is about those. The
 * default cap, 150 Dockerfiles and their 150 .dockerignore files, is the engine's default
 * `limits.max_files` (300): a bigger PR is audited only up to it.
 */
export function syntheticPr(changed: number, findings: number, maxDockerfiles = 150): SyntheticPr {
  const dockerfiles = Math.min(changed, maxDockerfiles);
  const base: Files = { "README.md": "# synthetic repository for dockaudit's benchmark\n" };
  const head: Files = { ...base };
  for (let i = 0; i < dockerfiles; i++) {
    const dir = `services/svc-${i}`;
    const planted = Math.floor(findings / dockerfiles) + (i < findings % dockerfiles ? 1 : 0);
    const extra = Array.from({ length: planted }, (_, k) => `ENV legacy_${i}_${k} value-${k}`);
    base[`${dir}/.dockerignore`] = head[`${dir}/.dockerignore`] = "node_modules\n.git\n*.log\n";
    base[`${dir}/package.json`] = head[`${dir}/package.json`] = `{ "name": "svc-${i}", "private": true }\n`;
    base[`${dir}/package-lock.json`] = head[`${dir}/package-lock.json`] = `{ "name": "svc-${i}", "lockfileVersion": 3 }\n`;
    base[`${dir}/src/health.js`] = head[`${dir}/src/health.js`] = "process.exit(0);\n";
    base[`${dir}/Dockerfile`] = dockerfile(i, 1, []);
    head[`${dir}/Dockerfile`] = dockerfile(i, 2, extra);
  }
  for (let i = 0; i < changed - dockerfiles; i++) {
    const path = `src/module-${Math.floor(i / 100)}/file-${i}.ts`;
    base[path] = `export const value${i} = ${i};\n`;
    head[path] = `export const value${i} = ${i + 1};\n`;
  }
  return { base, head, changed, dockerfiles, findings: dockerfiles ? findings : 0 };
}
