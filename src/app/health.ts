import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

const isGet = (req: IncomingMessage, path: string) => req.method === "GET" && (req.url ?? "").split("?")[0] === path;

/** GET /healthz (liveness): the process is up and serving. Never depends on Redis or GitHub. */
export function healthHandler(info: () => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})): HttpHandler {
  return async (req, res) => {
    if (!isGet(req, "/healthz")) return false;
    const extra = await Promise.resolve()
      .then(info)
      .catch(() => ({}));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", ...extra }));
    return true;
  };
}

export type ReadinessCheck = () => Promise<{ ok: true } | { ok: false; error: string }>;

/**
 * GET /readyz (readiness): 200 when the app can take webhooks, 503 when it cannot. With REDIS_URL,
 * Redis must answer a PING (webhooks are queued there); without it there is nothing to wait for.
 */
export function readyHandler(redis: ReadinessCheck | null): HttpHandler {
  return async (req, res) => {
    if (!isGet(req, "/readyz")) return false;
    const result = redis ? await redis() : null;
    const ready = !result || result.ok;
    const body = { status: ready ? "ready" : "not ready", redis: result === null ? "not configured" : result.ok ? "ok" : result.error };
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
    return true;
  };
}

/** GET /metrics: Prometheus text format. */
export function metricsHandler(registry: Registry): HttpHandler {
  return async (req, res) => {
    if (!isGet(req, "/metrics")) return false;
    const text = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType }).end(text);
    return true;
  };
}
