import type { ShellChecker } from "../engine/rule.js";
import type { ApplicationFunction, Probot } from "probot";
import type { Rule } from "../engine/index.js";
import { rules as catalogue } from "../../rules/index.js";
import { CHECK_RUN_EVENTS, checkRunJob } from "./handlers/check-run.js";
import { checkSuiteJobs } from "./handlers/check-suite.js";
import { createDeliveryFilter } from "./handlers/deliveries.js";
import { commentJob, reviewCommentJob } from "./handlers/issue-comment.js";
import { PULL_REQUEST_EVENTS, pullRequestJob } from "./handlers/pull-request.js";
import type { GitHub } from "./github/types.js";
import { createInProcessQueue } from "./jobs/in-process-queue.js";
import type { Job } from "./jobs/job.js";
import type { JobQueue, JobRunner } from "./jobs/queue.js";
import type { RetrySettings } from "./jobs/retry-policy.js";
import { createJobRunner, type RunnerDeps, type RunOutcome } from "./jobs/run-job.js";

export interface DockauditOptions {
  /** The rule set; default the full catalogue. */
  rules?: readonly Rule[];
  /** Builds the queue around the runner; default the in-process queue. */
  createQueue?: (run: JobRunner) => JobQueue;
  /** Jobs at once in the default queue (env DOCKAUDIT_CONCURRENCY). */
  concurrency?: number;
  now?: () => Date;
  onRunEnd?: (outcome: RunOutcome) => void;
  /** ShellCheck for RUN scripts; the server passes the `shellcheck` binary's checker. */
  shellcheck?: ShellChecker;
  /**
   * Runs the audit (off the main thread: the server passes an audit-worker pool, which uses the
   * full catalogue and its own ShellCheck); default the engine in process with `rules` and `shellcheck`.
   */
  audit?: RunnerDeps["audit"];
  /** Retries of transient failures in the default queue; default none (the server reads them from the environment). */
  retry?: RetrySettings;
  /**
   * True the first time a delivery id (with the job key) is seen. Default: remembered in this
   * process; with several replicas, in Redis, so a redelivery to another replica is dropped too.
   */
  firstDelivery?: (id: string) => boolean | Promise<boolean>;
}

export interface Dockaudit {
  /** The Probot application function. */
  app: ApplicationFunction;
  /** Set once `app` is loaded. */
  queue(): JobQueue;
  /** Resolves when no handler is still asking GitHub and no job is running or waiting. */
  idle(): Promise<void>;
  /** Waits for the handlers still asking GitHub, then closes the queue (see `JobQueue.close`). */
  close(): Promise<void>;
}

/**
 * The app: handlers turn events into jobs keyed by repo#PR, the queue coalesces them, and one
 * runner executes them with an installation client.
 */
export function createDockaudit(options: DockauditOptions = {}): Dockaudit {
  let queue: JobQueue | null = null;
  /** Handlers that must ask GitHub before they can enqueue run after the webhook is answered. */
  const inFlight = new Set<Promise<void>>();
  const handlersSettled = async () => {
    while (inFlight.size) await Promise.all(inFlight);
  };
  const app: ApplicationFunction = (probot: Probot) => {
    const runner = createJobRunner({
      auth: async (installationId) => (await probot.auth(installationId)) as unknown as GitHub,
      rules: options.rules ?? catalogue,
      log: probot.log,
      now: options.now,
      onRunEnd: options.onRunEnd,
      shellcheck: options.shellcheck,
      audit: options.audit,
    });
    const concurrency = options.concurrency ?? (Number(process.env.DOCKAUDIT_CONCURRENCY) || 4);
    queue = options.createQueue?.(runner) ?? createInProcessQueue(runner, { concurrency, retry: options.retry, onError: (err, job) => probot.log.error({ err, key: job.key }, "job crashed") });
    const q = queue;
    const firstDelivery = options.firstDelivery ?? createDeliveryFilter();
    const enqueue = async (job: Job | null) => {
      if (!job) return;
      if (!(await firstDelivery(`${job.deliveryId}:${job.key}`))) {
        probot.log.info({ key: job.key, delivery: job.deliveryId }, "duplicate delivery ignored");
        return;
      }
      const how = await q.enqueue(job);
      probot.log.debug({ key: job.key, trigger: job.trigger, delivery: job.deliveryId, how }, "job enqueued");
    };

    probot.on([...PULL_REQUEST_EVENTS], async (context) => enqueue(pullRequestJob(context)));
    probot.on([...CHECK_RUN_EVENTS], async (context) => enqueue(checkRunJob(context)));
    const afterAnswer = (work: () => Promise<void>) => {
      const p = work()
        .catch((err) => probot.log.error({ err }, "webhook handler failed"))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    probot.on("check_suite.rerequested", async (context) =>
      afterAnswer(async () => {
        for (const job of await checkSuiteJobs(context)) await enqueue(job);
      }),
    );
    probot.on("issue_comment.created", async (context) => afterAnswer(async () => enqueue(await commentJob(context))));
    probot.on("pull_request_review_comment.created", async (context) => afterAnswer(async () => enqueue(await reviewCommentJob(context))));
  };
  return {
    app,
    queue: () => {
      if (!queue) throw new Error("dockaudit: the app is not loaded yet");
      return queue;
    },
    idle: async () => {
      await handlersSettled();
      await queue?.idle();
    },
    close: async () => {
      await handlersSettled();
      await queue?.close();
    },
  };
}

/** For `probot run dist/src/app/index.js`. */
export default createDockaudit().app;
