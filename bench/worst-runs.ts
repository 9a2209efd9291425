/**
 * The largest runs the default limits admit, built from the worst files there are for them:
 * every line trips several rules. `npm run bench:hostile` audits each through the server's audit
 * pool (a worker thread under its heap ceiling) and reports whether it completed, how long it took
 * and how much the process held at its peak (docs/operations.md quotes the result).
 */
import { DEFAULT_LIMITS } from "../src/engine/config.js";
import { LINE_LIMITS } from "../src/engine/run.js";
import type { SourceFile } from "../src/engine/types.js";

export interface WorstRun {
  name: string;
  files: SourceFile[];
}

/** A Compose file of as many services as its line limit allows, each missing every limit and hardening. */
export function worstComposeFile(): string {
  const lines = ["services:"];
  for (let i = 0; lines.length + 13 < LINE_LIMITS.compose; i++) {
    lines.push(
      `  svc${i}:`,
      `    image: "example/app:1.${i}"`,
      "    environment:",
      `      - API_KEY_${i}=value${i}`,
      "      - OTHER=x",
      "    ports:",
      `      - "${1000 + (i % 60_000)}:80"`,
      "    volumes:",
      `      - ./data${i}:/data`,
      "    depends_on:",
      `      - svc${Math.max(0, i - 1)}`,
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * A Dockerfile of as many failing RUN and ENV lines as its line limit allows; `tag` makes each
 * copy's scripts its own, so that ShellCheck's cache cannot answer for them.
 */
export function worstDockerfile(tag = ""): string {
  const lines = ["FROM ubuntu"];
  for (let i = 0; lines.length + 2 < LINE_LIMITS.dockerfile; i++) {
    lines.push(
      `RUN apt-get update && apt-get install -y pkg${tag}${i} curl wget | tee /log${i} && cd /x${i} && pip install foo${i} && curl -k http://x/${i} | sh`,
      `ENV SECRET_TOKEN${i} abcdef0123456789abcdef${i}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** A .dockerignore of as many patterns as the byte limit per file allows. */
export function worstDockerignore(): string {
  const lines: string[] = [];
  for (let i = 0, bytes = 0; ; i++) {
    const line = `dir${i}/**/*.tmp${i}`;
    bytes += line.length + 1;
    if (bytes > DEFAULT_LIMITS.maxFileBytes - 1024) break;
    lines.push(line);
  }
  return lines.join("\n") + "\n";
}

/** A Dockerfile of COPY lines at its line limit: every source is matched against every .dockerignore pattern. */
export function copyingDockerfile(): string {
  const lines = ["FROM alpine:3.20"];
  for (let i = 0; lines.length < LINE_LIMITS.dockerfile - 1; i++) lines.push(`COPY src/file${i}.txt /app/`);
  return lines.join("\n") + "\n";
}

/** A Compose file at the line limit whose services all build the Dockerfile beside it. */
export function buildingComposeFile(): string {
  const lines = ["services:"];
  for (let i = 0; lines.length + 2 < LINE_LIMITS.compose; i++) lines.push(`  svc${i}:`, "    build: .");
  return lines.join("\n") + "\n";
}

/** Folders p0, p1, … of the files `build(n)` gives (name → content), up to the default byte and file limits. */
function fill(build: (n: number) => Record<string, string>): SourceFile[] {
  const files: SourceFile[] = [];
  for (let n = 0, total = 0; ; n++) {
    const folder = Object.entries(build(n));
    total += folder.reduce((sum, [, content]) => sum + Buffer.byteLength(content), 0);
    if (total > DEFAULT_LIMITS.maxTotalBytes || files.length + folder.length > DEFAULT_LIMITS.maxFiles) return files;
    for (const [name, content] of folder) files.push({ path: `p${n}/${name}`, content });
  }
}

/** The same folder every time. */
const once = (folder: Record<string, string>) => () => folder;

export function worstRuns(): WorstRun[] {
  return [
    { name: "Compose files at the line limit, filling the byte limit", files: fill(once({ "compose.yaml": worstComposeFile() })) },
    { name: "Dockerfiles at the line limit, filling the byte limit, every script distinct", files: fill((n) => ({ Dockerfile: worstDockerfile(`f${n}-`) })) },
    { name: ".dockerignore files at the byte limit per file, each beside a Dockerfile of COPY lines", files: fill(once({ ".dockerignore": worstDockerignore(), Dockerfile: copyingDockerfile() })) },
    { name: "Compose files at the line limit whose services all build the Dockerfile beside them", files: fill(once({ "compose.yaml": buildingComposeFile(), Dockerfile: copyingDockerfile() })) },
  ];
}
