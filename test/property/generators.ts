import fc from "fast-check";

/**
 * Grammar-aware generators: text that looks like a Dockerfile or a Compose file closely enough to
 * reach deep into the parsers (continuations, heredocs, JSON forms, anchors, merges, flow
 * collections), with the mistakes real files and hostile ones make. Random strings alone rarely get
 * past the first token.
 */

const KEYWORDS = ["FROM", "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "ARG", "LABEL", "USER", "WORKDIR", "EXPOSE", "VOLUME", "HEALTHCHECK", "SHELL", "ONBUILD", "STOPSIGNAL", "MAINTAINER"];
const word = fc.oneof(
  fc.constantFrom("alpine:3.20", "node", "python:3.12-slim", "builder", "AS", "as", "base", "apt-get", "install", "-y", "curl", "pip", "npm", "ci", "/app", ".", "root", "1000:1000", "8080/tcp", "sh", "-c", "echo", "rm", "-rf", "/var/lib/apt/lists/*"),
  fc.constantFrom("&&", "||", "|", ";", "(", ")", "{", "}", "$(", "`", "'", '"', "$HOME", "${A:-b}", "${", "\\", "`", "<<EOF", "<<-'X'", ">", "2>&1", "#", "=", "==", "--mount=type=cache,target=/x", "--from=builder", "--chown=1:1", "--platform=$BUILDPLATFORM", "--", "-", "[", "]", ","),
  fc.constantFrom("é", "😀", "\t", "\u00a0", "\ufffd", "\u200b", "\r", "\u0001"),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.\/:=-]{0,12}$/),
);
const jsonArray = fc.oneof(
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }).map((a) => JSON.stringify(a)),
  fc.array(fc.constantFrom('"a"', "'b'", "c", '"d', "1", "null", "[", "]", ""), { maxLength: 5 }).map((a) => `[${a.join(", ")}]`),
);
const args = fc.oneof({ weight: 4, arbitrary: fc.array(word, { maxLength: 8 }).map((w) => w.join(" ")) }, { weight: 1, arbitrary: jsonArray });
const keyword = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...KEYWORDS) }, { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS).map((k) => k.toLowerCase()) }, { weight: 1, arbitrary: fc.constantFrom("FORM", "RUNN", "HELLO", "") });

const heredoc = fc.tuple(fc.constantFrom("RUN", "COPY", "RUN cat", "ONBUILD RUN"), fc.constantFrom("EOF", "X", "'EOT'", "\"E\"", "-END"), fc.array(args, { maxLength: 3 }), fc.boolean()).map(([k, name, body, closed]) => {
  const bare = name.replace(/['"-]/g, "");
  return `${k} <<${name}${k === "COPY" ? " /dst" : ""}\n${body.join("\n")}${body.length ? "\n" : ""}${closed ? bare : ""}`;
});
/** Instructions as real files write them, so that rules get past their first checks. */
export const realistic = fc.constantFrom(
  "FROM node:20-slim AS builder",
  "FROM builder",
  "FROM --platform=$BUILDPLATFORM golang:1.22 AS build",
  "FROM scratch",
  "ARG VERSION=1.0",
  "RUN apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*",
  "RUN apk add --no-cache python3 py3-pip && pip install flask==3.0.0",
  "RUN npm ci && npm run build",
  "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt",
  "RUN curl -fsSL https://example.com/install.sh | sh",
  "RUN set -eux; \\\n  useradd -u 10001 app; \\\n  chown -R app /app",
  "COPY --from=builder /app/dist /app",
  "COPY package*.json ./",
  "COPY . .",
  "ADD https://example.com/x.tar.gz /tmp/",
  "WORKDIR /app",
  "ENV NODE_ENV=production PASSWORD=hunter2",
  "USER 1000:1000",
  "USER root",
  "EXPOSE 8080 22",
  "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health || exit 1",
  'CMD ["node", "server.js"]',
  "CMD gunicorn app:app --bind 0.0.0.0:8000",
  'ENTRYPOINT ["/entrypoint.sh"]',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  "ONBUILD COPY . /app",
  "LABEL org.opencontainers.image.source=https://example.com",
);
const instruction = fc.oneof(
  { weight: 6, arbitrary: realistic },
  { weight: 6, arbitrary: fc.tuple(keyword, args).map(([k, a]) => `${k} ${a}`) },
  { weight: 2, arbitrary: fc.tuple(keyword, fc.array(args, { minLength: 1, maxLength: 4 }), fc.constantFrom("\\", "`")).map(([k, parts, esc]) => `${k} ${parts.join(` ${esc}\n  `)}`) },
  { weight: 1, arbitrary: heredoc },
  { weight: 1, arbitrary: fc.constantFrom("# comment", "# dockaudit ignore=user-missing", "# hadolint ignore=DL3008", "", "   ", "\\", "# syntax=docker/dockerfile:1") },
);

/** Dockerfile-ish text: optional directives, instructions, odd line endings, a BOM now and then. */
export const dockerfileText = fc
  .tuple(
    fc.constantFrom("", "", "# escape=`\n", "# escape=\\\n", "# syntax=docker/dockerfile:1\n", "\ufeff"),
    fc.array(instruction, { maxLength: 14 }),
    fc.constantFrom("\n", "\n", "\r\n", "\r"),
    fc.boolean(),
  )
  .map(([head, lines, eol, trailing]) => head + lines.join(eol) + (trailing ? eol : ""));

const KEYS = ["services", "image", "build", "context", "dockerfile", "target", "ports", "environment", "depends_on", "condition", "volumes", "healthcheck", "test", "deploy", "resources", "limits", "memory", "user", "restart", "networks", "command", "x-common", "<<", "name", "version", "web", "db", "1", "null", "true", "é"];
const scalar = fc.oneof(
  fc.constantFrom("nginx:1.27", "postgres:16", "\"5432:5432\"", "'80:80'", "8080", "0.5", "true", "null", "~", "\"\"", "${PORT:-80}:80", "${A:?}", "$$x", "always", "service_healthy", "./app", "/var/run/docker.sock:/var/run/docker.sock", "\"unterminated", "'also", "|", ">-", "!!binary aGk=", "!custom x", "*a", "*missing", "&a x", "&b"),
  fc.stringMatching(/^[a-z0-9_.:\/-]{1,10}$/),
);
type Yaml = { text: string };
const { value: yamlValue } = fc.letrec<{ value: Yaml }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar.map((s) => ({ text: s })),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => ({ text: `[${items.map((i) => i.text.replace(/\n/g, " ")).join(", ")}]` })),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("value")), { maxLength: 3 }).map((pairs) => ({ text: `{${pairs.map(([k, v]) => `${k}: ${v.text.replace(/\n/g, " ")}`).join(", ")}}` })),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("value"), fc.constantFrom("", "&a ", "&b ")), { minLength: 1, maxLength: 4 }).map((pairs) => ({
      text: "\n" + pairs.map(([k, v, anchor]) => `${k}: ${anchor}${v.text.replace(/\n/g, "\n  ")}`).join("\n").replace(/^/gm, "  "),
    })),
    fc.array(tie("value"), { minLength: 1, maxLength: 3 }).map((items) => ({ text: "\n" + items.map((i) => `- ${i.text.replace(/\n/g, "\n  ")}`).join("\n").replace(/^/gm, "  ") })),
  ),
}));

/** A service as real files write one, with now and then a value of the wrong shape. */
export const serviceEntry = fc.constantFrom(
  "image: postgres:16",
  "image: nginx:latest",
  "image: ${REGISTRY:-docker.io}/app:${TAG:-latest}",
  "build: .",
  "build:\n  context: ./app\n  dockerfile: Dockerfile\n  target: builder",
  'ports:\n  - "5432:5432"\n  - "127.0.0.1:8080:80"\n  - 9000',
  "ports:\n  - target: 80\n    published: 8080\n    host_ip: 0.0.0.0",
  "environment:\n  POSTGRES_PASSWORD: changeme\n  SECRET_KEY: ${SECRET_KEY:-dev-secret}",
  "environment:\n  - API_TOKEN=abc123\n  - DEBUG",
  "depends_on:\n  db:\n    condition: service_healthy",
  "depends_on: [db, cache, web]",
  "volumes:\n  - ./data:/data:ro\n  - /var/run/docker.sock:/var/run/docker.sock\n  - db-data:/var/lib/postgresql/data",
  'healthcheck:\n  test: ["CMD", "pg_isready"]\n  interval: 10s',
  "healthcheck:\n  disable: true",
  "deploy:\n  resources:\n    limits:\n      memory: 512m\n      cpus: '0.5'",
  "restart: unless-stopped",
  'user: "1000:1000"',
  "user: root",
  "privileged: true",
  "network_mode: host",
  "container_name: my app",
  "logging:\n  driver: json-file",
  "command: gunicorn app:app --workers 1",
  'command: ["npm", "start"]',
  "<<: *defaults",
  "ports: 5",
  "environment: true",
  "depends_on: {}",
);
const service = fc.tuple(fc.constantFrom("web", "db", "cache", "worker", "api", "1", "null", "é", "db"), fc.array(serviceEntry, { maxLength: 6 })).map(
  ([name, entries]) => `  ${name}:${entries.length ? "\n" + entries.map((e) => e.replace(/^/gm, "    ")).join("\n") : " {}"}`,
);
const wellFormedCompose = fc
  .tuple(
    fc.constantFrom("", "name: shop\n", "version: '3.8'\n", "x-defaults: &defaults\n  restart: always\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n"),
    fc.array(service, { minLength: 1, maxLength: 4 }),
    fc.constantFrom("", "volumes:\n  db-data: {}\n", "networks:\n  front: {}\n  back:\n    internal: true\n"),
  )
  .map(([head, services, tail]) => `${head}services:\n${services.join("\n")}\n${tail}`);

const chaoticCompose = fc
  .tuple(
    fc.constantFrom("", "", "\ufeff", "---\n", "%YAML 1.2\n---\n"),
    fc.array(fc.tuple(fc.constantFrom("services", "services", "x-common", "volumes", "networks", "name", "version", "services"), yamlValue), { maxLength: 4 }),
    fc.constantFrom("", "", "\n---\n", "\n...\n", "\n# end"),
    fc.constantFrom("\n", "\n", "\r\n"),
    fc.constantFrom("", "", "\t", " "),
  )
  .map(([head, top, tail, eol, indentNoise]) => (head + top.map(([k, v]) => `${k}:${v.text.startsWith("\n") ? "" : " "}${v.text}`).join("\n") + tail).replace(/\n/g, eol).replace(/\n {2}(?= )/g, `\n${indentNoise}  `));

/** Compose-ish YAML: well-formed files with odd values, and chaotic nesting with anchors, aliases, merges, mistakes. */
export const composeText = fc.oneof({ weight: 3, arbitrary: wellFormedCompose }, { weight: 2, arbitrary: chaoticCompose });

/** Arbitrary text, from plain ASCII to any UTF-16 code units, with line breaks. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 20 }).map((ls) => ls.join("\n")),
);
