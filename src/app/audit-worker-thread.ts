import { parentPort } from "node:worker_threads";
import { audit, type AuditOptions, type SourceFile } from "../engine/index.js";
import { rules } from "../../rules/index.js";
import { createShellchecker } from "../shellcheck.js";
import type { AuditRequest, AuditResponse } from "./audit-worker.js";

/**
 * One audit thread (see audit-worker.ts). Functions cannot cross threads, so the rule catalogue
 * and ShellCheck (spawnSync per new RUN script: it blocks this thread, not the server's loop)
 * are loaded here; the main thread sends plain data only.
 */
const checker = createShellchecker();

parentPort!.on("message", (msg: AuditRequest) => {
  let reply: AuditResponse;
  try {
    const options: AuditOptions = { config: msg.options.config, tree: msg.options.tree, treeTruncated: msg.options.treeTruncated, fingerprintPaths: msg.options.fingerprintPaths, shellcheck: msg.shellcheck ? checker : undefined };
    const report = audit(msg.files as SourceFile[], rules, options);
    reply = { id: msg.id, ok: true, report };
  } catch (e) {
    const err = e as Error;
    reply = { id: msg.id, ok: false, error: err?.stack ?? err?.message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
