import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Every operation the app (or its tests' doubles) calls; request bodies are checked against these. */
export const OPERATIONS = [
  "apps/create-installation-access-token",
  "pulls/get",
  "pulls/list-files",
  "pulls/list-review-comments",
  "pulls/create-review",
  "pulls/delete-review-comment",
  "git/get-tree",
  "git/get-blob",
  "repos/get-content",
  "repos/compare-commits-with-basehead",
  "repos/get-collaborator-permission-level",
  "checks/create",
  "checks/update",
  "checks/list-for-suite",
  "checks/list-for-ref",
  "reactions/create-for-issue-comment",
  "reactions/create-for-pull-request-review-comment",
  "issues/create-comment",
] as const;
export type OperationId = (typeof OPERATIONS)[number];

interface Operation {
  method: string;
  path: string;
  requestSchema: object | null;
}

const require = createRequire(import.meta.url);
const SPEC = require.resolve("@octokit/openapi/generated/api.github.com.deref.json");

/**
 * The operations above, extracted from the dereferenced api.github.com description. The 70 MB
 * file is parsed once and the extract cached beside the OS temp dir, keyed by the spec file's
 * size and mtime, so each test run (and each jest worker) reads a few kilobytes instead.
 */
function loadOperations(): Record<string, Operation> {
  const stat = statSync(SPEC);
  const cache = join(tmpdir(), "dockaudit-openapi", `ops-${stat.size}-${Math.round(stat.mtimeMs)}-${OPERATIONS.length}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));
  const spec = JSON.parse(readFileSync(SPEC, "utf8")) as { paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: object }> } }>> };
  const ops: Record<string, Operation> = {};
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op?.operationId || !(OPERATIONS as readonly string[]).includes(op.operationId)) continue;
      ops[op.operationId] = { method: method.toUpperCase(), path, requestSchema: op.requestBody?.content?.["application/json"]?.schema ?? null };
    }
  }
  mkdirSync(dirname(cache), { recursive: true });
  const tmp = `${cache}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(ops));
  renameSync(tmp, cache);
  return ops;
}

let operations: Record<string, Operation> | null = null;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

export function operation(id: OperationId): Operation {
  operations ??= loadOperations();
  const op = operations[id];
  if (!op) throw new Error(`operation ${id} is not in the OpenAPI description`);
  return op;
}

/** Problems of a request body against its operation's schema; [] when valid. */
export function requestProblems(id: OperationId, body: unknown): string[] {
  const op = operation(id);
  if (!op.requestSchema) return body === undefined || body === null || (typeof body === "object" && !Object.keys(body as object).length) ? [] : [`${id} takes no body`];
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(op.requestSchema);
    validators.set(id, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${id}: ${e.instancePath || "(body)"} ${e.message}`);
}

/** Which operation a request is, by method and path (`/repos/o/r/pulls/1/files` → pulls/list-files). */
export function operationOf(method: string, path: string): OperationId | null {
  const clean = decodeURIComponent(path.replace(/^\/api\/v3/, "").split("?")[0]);
  for (const id of OPERATIONS) {
    const op = operation(id);
    if (op.method !== method.toUpperCase()) continue;
    const pattern = new RegExp(`^${op.path.replace(/\{path\}/, ".+").replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(clean)) return id;
  }
  return null;
}
