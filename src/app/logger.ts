import { getTransformStream } from "@probot/pino";
import pino, { type Logger } from "pino";

/** Paths pino replaces by "[redacted]": tokens, keys, secrets and authorization headers. */
export const REDACT_PATHS = [
  "token", "*.token", "privateKey", "*.privateKey", "secret", "*.secret", "webhookSecret", "*.webhookSecret",
  "authorization", "*.authorization", "headers.authorization", "*.headers.authorization", "*.*.headers.authorization",
  "request.headers.authorization", "err.request.headers.authorization", "err.response.headers.authorization",
  "headers.cookie", "*.headers.cookie", "req.headers['x-hub-signature-256']", "req.headers['x-hub-signature']",
];

export interface LoggerSettings {
  level?: string;
  format?: "json" | "pretty";
  levelInString?: boolean;
  messageKey?: string;
}

/** Probot's logger (same formats and env variables) with redaction added. */
export async function createLogger(settings: LoggerSettings = {}): Promise<Logger> {
  const transform = await getTransformStream({ logFormat: settings.format ?? "pretty", logLevelInString: settings.levelInString ?? false });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino({ level: settings.level ?? "info", name: "probot", messageKey: settings.messageKey ?? "msg", redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, transform);
}

export function loggerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LoggerSettings {
  const format = env.LOG_FORMAT ? (env.LOG_FORMAT === "pretty" ? "pretty" : "json") : env.NODE_ENV === "production" ? "json" : "pretty";
  return { level: env.LOG_LEVEL || "info", format, levelInString: env.LOG_LEVEL_IN_STRING === "true", messageKey: env.LOG_MESSAGE_KEY };
}
