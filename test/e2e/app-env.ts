import { GitHubDouble } from "../support/github-double.js";
import { ensureBuilt, freePort, startServer, testKey, type RunningServer } from "./server.js";

let key: string | null = null;

/** The environment of `npm start` against the double: app credentials, a free port, JSON logs, no write spacing. */
export async function appEnv(double: GitHubDouble, secret: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  key ??= testKey();
  return {
    APP_ID: "123",
    PRIVATE_KEY: key,
    WEBHOOK_SECRET: secret,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    GHE_HOST: double.host,
    GHE_PROTOCOL: "http",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    DOCKAUDIT_WRITE_SPACING_MS: "0",
    REDIS_URL: "",
    ...extra,
  };
}

/** The built server (`npm start`) against a fresh GitHub double on loopback, for one test file. */
export async function startAppWithDouble(secret: string, extra: Record<string, string> = {}): Promise<{ double: GitHubDouble; server: RunningServer }> {
  ensureBuilt();
  const double = await new GitHubDouble().listen();
  try {
    return { double, server: await startServer(await appEnv(double, secret, extra)) };
  } catch (e) {
    await double.close();
    throw e;
  }
}

/** Stops what `startAppWithDouble` started; either is missing when start-up failed. */
export async function stopAppWithDouble(app: { double?: GitHubDouble; server?: RunningServer }): Promise<void> {
  await app.server?.stop();
  await app.double?.close();
}

/** A PR's files: a Dockerfile and a Compose file whose findings sit on the changed lines, varied by `n` and `round`. */
export function prFiles(n: number, round: number): { base: Record<string, string>; head: Record<string, string> } {
  const base = { "README.md": `PR ${n}\n`, "Dockerfile": "FROM node:20\nCMD [\"node\"]\n" };
  const extra = Array.from({ length: round }, (_, i) => `RUN apt-get update && apt-get install -y pkg${n}x${i}\n`).join("");
  return {
    base,
    head: {
      ...base,
      "Dockerfile": `FROM node:20\nRUN curl -k https://example.com/${n} | sh\n${extra}CMD [\"node\"]\n`,
      "compose.yaml": `services:\n  db${n}:\n    image: postgres:16\n    ports:\n      - \"${5400 + (n % 500)}:5432\"\n`,
    },
  };
}
