import { getTransformStream } from "@probot/pino";
import { Transform } from "node:stream";
import pino, { type Logger } from "pino";
import { scrubSecrets } from "./log-scrub.js";

/** Paths pino replaces by "[redacted]": tokens, keys, secrets and authorization headers. */
export const REDACT_PATHS = [
  "token", "*.token", "privateKey", "*.privateKey", "secret", "*.secret", "webhookSecret", "*.webhookSecret",
  "authorization", "*.authorization", "headers.authorization", "*.headers.authorization", "*.*.headers.authorization",
  "request.headers.authorization", "err.request.headers.authorization", "err.response.headers.authorization",
  "headers.cookie", "*.headers.cookie", "req.headers['x-hub-signature-256']", "req.headers['x-hub-signature']",
  "headers.Authorization", "*.headers.Authorization", "*.*.headers.Authorization", "password", "*.password",
  "PRIVATE_KEY", "*.PRIVATE_KEY", "WEBHOOK_SECRET", "*.WEBHOOK_SECRET", "clientSecret", "*.clientSecret",
];

export interface LoggerSettings {
  level?: string;
  format?: "json" | "pretty";
  levelInString?: boolean;
  messageKey?: string;
}

/**
 * Probot's logger (same formats and env variables) with redaction added: known paths by pino's
 * `redact`, and then every line scrubbed of anything that looks like a key, token or password.
 */
export async function createLogger(settings: LoggerSettings = {}, destination: NodeJS.WritableStream = pino.destination(1) as unknown as NodeJS.WritableStream): Promise<Logger> {
  const transform = await getTransformStream({ logFormat: settings.format ?? "pretty", logLevelInString: settings.levelInString ?? false });
  const scrub = new Transform({ transform: (chunk, _enc, done) => done(null, scrubSecrets(String(chunk))) });
  scrub.pipe(transform as unknown as NodeJS.WritableStream);
  transform.pipe(destination);
  return pino({ level: settings.level ?? "info", name: "probot", messageKey: settings.messageKey ?? "msg", redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, scrub);
}

export function loggerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LoggerSettings {
  const format = env.LOG_FORMAT ? (env.LOG_FORMAT === "pretty" ? "pretty" : "json") : env.NODE_ENV === "production" ? "json" : "pretty";
  return { level: env.LOG_LEVEL || "info", format, levelInString: env.LOG_LEVEL_IN_STRING === "true", messageKey: env.LOG_MESSAGE_KEY };
}
