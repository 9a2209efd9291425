import { isPlaceholder } from "./secrets.js";

/** Formats of credentials that are recognisable on their own, whatever variable holds them. */
export const TOKEN_FORMATS: [RegExp, string][] = [
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

/** The fewest characters a TOKEN_FORMATS match can have: `xoxb-` and 10 more (a test checks every format). */
export const SHORTEST_TOKEN = 15;

export interface KnownSecret {
  kind: string;
  /** The secret text itself, for masking. */
  value: string;
}

/** A recognisable credential inside `text` (a token format, or a password inside a URL). */
export function findKnownSecret(text: string): KnownSecret | null {
  // Rules ask about every word of every script; most are shorter than the shortest token format.
  if (text.length >= SHORTEST_TOKEN) for (const [re, kind] of TOKEN_FORMATS) {
    const m = re.exec(text);
    if (m) return { kind, value: m[0] };
  }
  const password = urlPassword(text);
  return password ? { kind: "password in a URL", value: password } : null;
}

/** A literal password of a `scheme://user:password@host` URL, with its offsets in the text. */
export interface UrlPassword {
  password: string;
  start: number;
  end: number;
}

/**
 * True when a URL scheme (`[A-Za-z][A-Za-z0-9+.-]*`) ends at `end`, looking back 32 characters at
 * most: walking back over scheme characters until a letter (a regex anchored at `$` would retry
 * from every position of the window).
 */
function schemeEndsAt(text: string, end: number): boolean {
  for (let k = end - 1; k >= Math.max(0, end - 32); k--) {
    const c = text.charCodeAt(k) | 0x20; // ASCII letters folded to lower case
    if (c >= 97 && c <= 122) return true;
    const d = text.charCodeAt(k);
    if (!((d >= 48 && d <= 57) || d === 43 || d === 45 || d === 46)) return false;
  }
  return false;
}

/**
 * `://user:password@` inside a URL's authority (which ends at the path, query, fragment, a quote or
 * a blank): the user stops at the first `:`, the password runs to the authority's last `@`. Each
 * attempt reads one authority, and authorities never overlap (they hold no `/`): one pass.
 */
const CREDENTIALS = /:\/\/([^\s/?#"':]*):([^\s/?#"']*)@/g;

/**
 * Every literal password of a `scheme://user:password@host` URL in `text`; passwords holding `$`
 * (variables) and placeholders are skipped.
 */
export function urlPasswords(text: string, max = Infinity): UrlPassword[] {
  const out: UrlPassword[] = [];
  if (!text.includes("://")) return out;
  for (const m of text.matchAll(CREDENTIALS)) {
    const password = m[2];
    if (!password || password.includes("$") || !schemeEndsAt(text, m.index) || isPlaceholder(password)) continue;
    const start = m.index + 3 + m[1].length + 1;
    out.push({ password, start, end: start + password.length });
    if (out.length >= max) break;
  }
  return out;
}

/** The password of the first `scheme://user:password@host` in `text`, unless it is a variable or placeholder. */
export function urlPassword(text: string): string | null {
  return urlPasswords(text, 1)[0]?.password ?? null;
}

/** Stand-ins used to satisfy a build step that needs some value: `dummy`, `placeholder`, `build-time-dummy`. */
export const isDummySecret = (value: string): boolean =>
  /dummy|placeholder|fake|not[-_]?a[-_]?(real[-_]?)?secret|build[-_]?time|precompile/i.test(value);

/** A file path (`/run/app/key.json`, `./certs/x`, `C:\keys\x`): the variable names where the secret is, not the secret. */
export const isPathValue = (value: string): boolean => {
  const v = value.trim().replace(/^["']|["']$/g, "");
  return /^(\/|~\/|\.\.?\/|[A-Za-z]:[\\/])\S*$/.test(v);
};
