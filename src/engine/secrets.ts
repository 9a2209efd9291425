/** Variable or key names that hold credentials: PASSWORD, DB_PASS, API_KEY, SECRET_KEY, TOKEN, … */
const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_.-]?key|access[_.-]?key|private[_.-]?key|credentials?|auth[_.-]?key|client[_.-]?secret|encryption[_.-]?key|signing[_.-]?key|dsn_?secret|jwt[_.-]?secret)($|[_.-])/i;
/**
 * Names that contain a secret word but hold no secret: files, flags, lengths, usernames (the suffixes).
 * `_DUMMY`: Rails' `SECRET_KEY_BASE_DUMMY=1` asks for a throwaway key (assets:precompile builds).
 */
const NOT_SECRET_SUFFIX = /(_FILE|_PATH|_DIR|_URL_?PATH|_LENGTH|_LEN|_EXPIRY|_EXPIRE[SD]?|_TTL|_TIMEOUT|_ENABLED|_REQUIRED|_POLICY|_USER(NAME)?|_ID|_COUNT|_TYPE|_FORMAT|_HEADER|_NAME|_PREFIX|_URL|_URI|_ENDPOINT|_HOST|_SERVICE|_ISSUER|_REALM|_AUDIENCE|_SCHEME|_ALGORITHM|_DUMMY|_ROOTCERTBUNDLE|_CERT|_METHOD|_PROVIDER|_MANAGER|_BACKEND|_STRATEGY|_MODE|_SCOPES?|_HASHERS?|_COMPLEXITY|_ROTATION|_LIFETIME|_DAYS|_HOURS|_MINUTES|_SECONDS|_MS|_VERSION)$/i;
/** Longer than any suffix above: only this much of a name's end is matched against them. */
const SUFFIX_WINDOW = 32;
/** …and words that make the rest of the name a setting: `PASSWORD_MIN_LENGTH`, `TOKEN_HASH_ALGORITHM`. */
const NOT_SECRET_WORD = /_(MIN|MAX|HASH_?ALGO)/i;

/**
 * True when `name` holds a credential. Linear in the name's length: the suffix test sees only its
 * end, and `_MIN…`-style words are searched in its last run of word characters only (a `_MIN\w*$`
 * regex would rescan the rest of the name from every `_MIN`).
 */
export function isSecretName(name: string): boolean {
  if (!SECRET_NAME.test(name) || NOT_SECRET_SUFFIX.test(name.slice(-SUFFIX_WINDOW))) return false;
  return !NOT_SECRET_WORD.test(trailingWord(name));
}

/** The words SECRET_NAME is built on: a text without any of them names no secret. */
const SECRET_WORD = /pass|pwd|secret|token|key|credential/i;

/** False when no name inside `text` can hold a credential: a cheap test before parsing the text for names. */
export function mayNameSecret(text: string): boolean {
  return SECRET_WORD.test(text);
}

/** The longest suffix of `text` made of word characters (`[A-Za-z0-9_]`): read from the end, so only that suffix is read. */
function trailingWord(text: string): string {
  let i = text.length;
  while (i > 0 && isWordChar(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Well-known default passwords: escalate when one of these is the literal value. */
export const WEAK_SECRETS = new Set([
  "admin", "administrator", "password", "passw0rd", "password1", "pass", "changeme", "change_me", "change-me",
  "changeit", "secret", "postgres", "root", "toor", "guest", "default", "test", "example", "123456", "12345678",
  "qwerty", "letmein", "123", "1234", "12345", "mysql", "redis", "minioadmin", "mongo", "demo", "user", "dev", "development",
]);

export function isWeakSecret(value: string): boolean {
  return WEAK_SECRETS.has(value.trim().toLowerCase());
}

/**
 * True when a literal looks like a placeholder rather than a credential: empty, a variable
 * reference, a path to a secret file, or an obvious "<your-token>" / "xxx" stand-in.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (/^\$\{?[A-Za-z_]/.test(v) && !/^\$\{[A-Za-z_][A-Za-z0-9_]*:?-/.test(v)) return true;
  if (/^(\/run\/secrets\/|\/var\/run\/secrets\/|file:)/.test(v)) return true;
  if (/^(<[^>]*>|\[[^\]]*\]|x{3,}|\*{3,}|\.{3,}|none|null|your[_-].*|(change|replace)[_-]?(this|it)?[_-]?(me)?[_-]?in[_-]?prod\w*)$/i.test(v)) return true;
  // A switch: the setting of a flag such as MYSQL_RANDOM_ROOT_PASSWORD=yes or USE_TOKEN=1.
  return /^(true|false|yes|no|on|off|enabled?|disabled?|0|1)$/i.test(v);
}
