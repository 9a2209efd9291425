import nock from "nock";
import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createDockaudit, type Dockaudit, type DockauditOptions } from "../../../src/app/index.js";
import type { RunOutcome } from "../../../src/app/jobs/run-job.js";
import { TEST_RULES } from "./test-rules.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

export interface TestApp {
  probot: Probot;
  dockaudit: Dockaudit;
  outcomes: RunOutcome[];
  logs: Record<string, any>[];
  /** Delivers a webhook and waits until every job it caused has finished. */
  receive(name: string, payload: Record<string, any>): Promise<void>;
}

/** A Probot with retries and throttling off (as Probot's testing guide says), the app loaded, logs captured. */
export async function createTestApp(options: DockauditOptions = {}): Promise<TestApp> {
  nock.disableNetConnect();
  const logs: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const probot = new Probot({
    appId: 123,
    privateKey,
    log: pino({ level: "debug" }, stream),
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const outcomes: RunOutcome[] = [];
  const dockaudit = createDockaudit({ rules: TEST_RULES, ...options, onRunEnd: (o) => outcomes.push(o) });
  await probot.load(dockaudit.app);
  let delivery = 0;
  return {
    probot,
    dockaudit,
    outcomes,
    logs,
    async receive(name, payload) {
      await probot.receive({ id: `delivery-${++delivery}`, name, payload } as never);
      await dockaudit.idle();
    },
  };
}

/**
 * A Probot pointed at a GitHub double (test/support/github-double.ts) with the full catalogue, as
 * the server runs it; `receive` delivers a webhook and waits until its jobs have finished.
 */
export async function createDoubleApp(url: string): Promise<{ receive(id: string, name: string, payload: Record<string, any>): Promise<void> }> {
  const probot = new Probot({
    appId: 123,
    privateKey,
    baseUrl: `${url}/api/v3`,
    log: pino({ level: "silent" }),
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const dockaudit = createDockaudit();
  await probot.load(dockaudit.app);
  return {
    async receive(id, name, payload) {
      await probot.receive({ id, name, payload } as never);
      await dockaudit.idle();
    },
  };
}
