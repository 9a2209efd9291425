import { isMaskable, maskSecret, type Finding } from "../../engine/index.js";

/** Every secret literal the secret rules found, longest first so overlapping ones mask fully. */
export function secretsOf(findings: readonly Finding[]): string[] {
  const all = new Set(findings.map((f) => f.secret).filter((s): s is string => !!s && isMaskable(s)));
  return [...all].sort((a, b) => b.length - a.length);
}

/** Replaces each secret by its masked form: the last guard before text leaves the process. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}
