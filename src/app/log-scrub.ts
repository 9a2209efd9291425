/**
 * Masks secrets in a serialised log line, whatever field (or message text) they ended up in:
 * pino's `redact` only knows paths, and an error message or a nested header can carry a token
 * anywhere. Pure; applied to every line the server logs.
 */
const RULES: [RegExp, string][] = [
  // PEM private keys, JSON-escaped (\n) or not, and a truncated one with no END line.
  [/-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END[A-Z ]*PRIVATE KEY-----|(?="|$))/g, "[redacted private key]"],
  // GitHub tokens: installation (ghs_), personal (ghp_, github_pat_), OAuth (gho_), user-to-server (ghu_), refresh (ghr_).
  [/\b(?:gh[psour]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g, "[redacted token]"],
  // JSON Web Tokens (the app's own JWT).
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, "[redacted jwt]"],
  // An authorization or cookie header's value, in any letter case.
  [/("(?:authorization|proxy-authorization|cookie|x-hub-signature(?:-256)?)"\s*:\s*")(?:[^"\\]|\\.)*"/gi, '$1[redacted]"'],
  // "Bearer …" / "token …" credentials in free text.
  [/\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi, "$1 [redacted]"],
  // Passwords in connection URLs (REDIS_URL and the like).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s"]*:)[^@\s"/]+@/gi, "$1[redacted]@"],
];

export function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
