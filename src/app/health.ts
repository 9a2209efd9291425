import type { IncomingMessage, ServerResponse } from "node:http";

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** GET /healthz: the process is up and serving. Readiness and metrics get their own routes beside it. */
export function healthHandler(info: () => Record<string, unknown> = () => ({})): HttpHandler {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || path !== "/healthz") return false;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", ...info() }));
    return true;
  };
}
