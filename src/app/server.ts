import { run, type ApplicationFunction } from "probot";
import { createAuditPool } from "./audit-worker.js";
import { healthHandler } from "./health.js";
import { createDockaudit } from "./index.js";
import { createLogger, loggerSettingsFromEnv } from "./logger.js";
import { createOctokitClass } from "./octokit.js";
import { shellcheck } from "../shellcheck.js";

/**
 * `npm start`: Probot's server with the app, /healthz, a redacting logger and throttle defaults
 * that retry secondary limits. Without APP_ID and a private key, Probot serves its setup page,
 * which registers the app on GitHub from app.yml.
 */
async function main(): Promise<void> {
  const log = await createLogger(loggerSettingsFromEnv());
  const spacing = process.env.DOCKAUDIT_WRITE_SPACING_MS;
  const Octokit = createOctokitClass(spacing !== undefined && spacing !== "" ? { writeSpacingMs: Number(spacing) } : {});
  // The audit (with ShellCheck, one process per new RUN script) runs in worker threads
  // (DOCKAUDIT_AUDIT_THREADS, default 1) so that webhooks are answered while a large PR is audited.
  const auditPool = createAuditPool();
  const dockaudit = createDockaudit({ shellcheck, audit: (files, opts) => auditPool.audit(files, opts) });
  const app: ApplicationFunction = async (probot, options) => {
    await dockaudit.app(probot, options);
    options.addHandler(healthHandler(() => ({ queue: dockaudit.queue().stats() })));
  };
  const server = await run(app, { Octokit, log });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    await dockaudit.idle();
    await auditPool.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
