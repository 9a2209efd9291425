import { isPlaceholder } from "./secrets.js";

/** Formats of credentials that are recognisable on their own, whatever variable holds them. */
const TOKEN_FORMATS: [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "AWS access key id"],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, "GitHub token"],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}/, "GitHub token"],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, "GitLab token"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, "Slack token"],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, "Stripe live key"],
  [/\bAIza[0-9A-Za-z_-]{35}/, "Google API key"],
  [/\bnpm_[A-Za-z0-9]{36}\b/, "npm token"],
  [/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/, "private key"],
];

export interface KnownSecret {
  kind: string;
  /** The secret text itself, for masking. */
  value: string;
}

/** A recognisable credential inside `text` (a token format, or a password inside a URL). */
export function findKnownSecret(text: string): KnownSecret | null {
  for (const [re, kind] of TOKEN_FORMATS) {
    const m = re.exec(text);
    if (m) return { kind, value: m[0] };
  }
  const password = urlPassword(text);
  return password ? { kind: "password in a URL", value: password } : null;
}

/** What follows `://` up to the path, query, fragment, a quote or a blank. */
const AUTHORITY = /:\/\/([^\s/?#"']*)/g;

/** The password of the first `scheme://user:password@host` in `text`, unless it is a variable or placeholder. */
export function urlPassword(text: string): string | null {
  if (!text.includes("://")) return null;
  // Each authority ends before the next "/", so the scans never overlap: one pass over the text.
  for (const m of text.matchAll(AUTHORITY)) {
    const authority = m[1];
    const at = authority.lastIndexOf("@");
    const colon = at > 0 ? authority.indexOf(":") : -1;
    if (colon < 0 || colon > at) continue;
    const password = authority.slice(colon + 1, at);
    if (password && !password.includes("$") && !isPlaceholder(password)) return password;
  }
  return null;
}

/** Stand-ins used to satisfy a build step that needs some value: `dummy`, `placeholder`, `build-time-dummy`. */
export const isDummySecret = (value: string): boolean =>
  /dummy|placeholder|fake|not[-_]?a[-_]?(real[-_]?)?secret|build[-_]?time|precompile/i.test(value);

/** A file path (`/run/app/key.json`, `./certs/x`, `C:\keys\x`): the variable names where the secret is, not the secret. */
export const isPathValue = (value: string): boolean => {
  const v = value.trim().replace(/^["']|["']$/g, "");
  return /^(\/|~\/|\.\.?\/|[A-Za-z]:[\\/])\S*$/.test(v);
};
