import { isMaskable, isWeakSecret, maskSecret, type Finding, type ServiceSummary } from "../../engine/index.js";

/**
 * The secret literals the secret rules found that no text leaving the process may show, longest
 * first so overlapping ones mask fully. Left out: well-known defaults (`changeme`), and values that
 * name a service or its image (`POSTGRES_PASSWORD: temporal` beside the service `temporal`): they
 * are guessable rather than confidential, and masking them would garble every line that names the service.
 */
export function secretsOf(findings: readonly Finding[], services: readonly Pick<ServiceSummary, "name" | "image">[] = []): string[] {
  const names = services.flatMap((s) => (s.image ? [s.name, s.image] : [s.name]));
  const confidential = (s: string | undefined): s is string => !!s && isMaskable(s) && !isWeakSecret(s) && !names.some((n) => n.includes(s));
  return [...new Set(findings.map((f) => f.secret).filter(confidential))].sort((a, b) => b.length - a.length);
}

/** Replaces each secret by its masked form: the last guard before text leaves the process. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}

/**
 * The finding with its message and fix description masked. Done before either is written as
 * Markdown: escaping (`my\_pw`) or a word joiner (`#\u206012`) would hide the secret from the
 * mask that runs over the finished text.
 */
export function maskFinding(f: Finding, secrets: readonly string[]): Finding {
  if (!secrets.length) return f;
  return { ...f, message: maskSecrets(f.message, secrets), ...(f.fix ? { fix: { ...f.fix, description: maskSecrets(f.fix.description, secrets) } } : {}) };
}
