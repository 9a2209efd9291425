/**
 * The automatic platform ARGs. BuildKit sets them in the global scope only: FROM lines see them, but
 * a stage must declare `ARG TARGETARCH` (or inherit it from a parent stage) to use one.
 */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
]);

/** Build arguments a stage may use without any ARG line (proxy and BuildKit settings). */
export const ALWAYS_DEFINED_ARGS: ReadonlySet<string> = new Set([
  "TARGETSTAGE", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
  "ALL_PROXY", "all_proxy", "SOURCE_DATE_EPOCH", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME",
  "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_SYNTAX", "BUILDKIT_DOCKERFILE_CHECK", "BUILDKIT_CACHE_MOUNT_NS",
]);

/** Build arguments Docker defines without an ARG line (platform, proxy and BuildKit settings). */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([...PLATFORM_ARGS, ...ALWAYS_DEFINED_ARGS]);

export interface VariableRef {
  name: string;
  /** Offsets of the whole reference (`$NAME` or `${NAME…}`) in the scanned text. */
  start: number;
  end: number;
  /** The operator after the name in `${NAME:-x}` (`:-`, `-`, `:+`, `+`, `:?`, `?`, `%`, `#`, …), else null. */
  operator: string | null;
}

/**
 * Every `$NAME` and `${NAME…}` of a text as a shell (and Docker's own word expansion) sees it:
 * nothing inside single quotes, nothing after the escape character. Linear in the text length.
 */
export function* variableRefs(text: string, escape = "\\"): Iterable<VariableRef> {
  if (!text.includes("$")) return;
  const esc = escape.charCodeAt(0);
  let inSingle = false;
  let inDouble = false;
  let unclosedFrom = Infinity; // no "}" at or after this offset: stop searching for one
  // Character codes, not one-character strings and regexes: this loop reads every character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inSingle) {
      if (c === SINGLE) inSingle = false;
      continue;
    }
    if (c === esc) {
      i++;
      continue;
    }
    if (c === SINGLE && !inDouble) inSingle = true;
    else if (c === DOUBLE) inDouble = !inDouble;
    else if (c === DOLLAR) {
      const braced = text.charCodeAt(i + 1) === OPEN;
      const from = braced ? i + 2 : i + 1;
      let j = from;
      if (j < text.length && isNameStart(text.charCodeAt(j))) {
        j++;
        while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      }
      if (j === from) continue;
      if (!braced) {
        yield { name: text.slice(from, j), start: i, end: j, operator: null };
        i = j - 1;
        continue;
      }
      const close = j >= unclosedFrom ? -1 : text.indexOf("}", j);
      if (close < 0) {
        if (j < unclosedFrom) unclosedFrom = j; // not Math.min: a global lookup per "$" is slow in vm contexts (jest)
        continue;
      }
      const op = /^(:?[-+?=]|%%?|##?|\/\/?|:)/.exec(text.slice(j, Math.min(close, j + 2)))?.[0] ?? null;
      yield { name: text.slice(from, j), start: i, end: close + 1, operator: op };
      i = close;
    }
  }
}

const SINGLE = 39; // '
const DOUBLE = 34; // "
const DOLLAR = 36; // $
const OPEN = 123; // {
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/** Expands references the way Docker does with the given values; unset names become "". */
export function expandVariables(text: string, values: ReadonlyMap<string, string>): string {
  let out = "";
  let last = 0;
  for (const ref of variableRefs(text)) {
    const value = values.get(ref.name);
    const inner = text.slice(ref.start, ref.end);
    const word = /^\$\{[A-Za-z0-9_]+(?::?[-+])(.*)\}$/.exec(inner)?.[1] ?? "";
    let replaced: string;
    if (ref.operator === ":-") replaced = value ? value : word;
    else if (ref.operator === "-") replaced = value !== undefined ? value : word;
    else if (ref.operator === ":+") replaced = value ? word : "";
    else if (ref.operator === "+") replaced = value !== undefined ? word : "";
    else replaced = value ?? "";
    out += text.slice(last, ref.start) + replaced;
    last = ref.end;
  }
  return out + text.slice(last);
}

/** Environment variables that common base images set (so a Dockerfile may use them without ENV). */
const IMAGE_ENV = new Set([
  "PATH", "HOME", "HOSTNAME", "LANG", "LANGUAGE", "LC_ALL", "TERM", "USER", "PWD", "SHELL", "TZ", "DEBIAN_FRONTEND",
  "JAVA_HOME", "JAVA_VERSION", "JDK_HOME", "JRE_HOME", "GOPATH", "GOROOT", "GOLANG_VERSION", "GOTOOLCHAIN", "CGO_ENABLED",
  "CARGO_HOME", "RUSTUP_HOME", "RUST_VERSION", "GEM_HOME", "BUNDLE_PATH", "BUNDLE_APP_CONFIG", "BUNDLE_SILENCE_ROOT_WARNING",
  "RUBY_VERSION", "RUBY_MAJOR", "PYTHON_VERSION", "PYTHON_SHA256", "PYTHON_PIP_VERSION", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE",
  "VIRTUAL_ENV", "CONDA_DIR", "MAMBA_ROOT_PREFIX", "NODE_VERSION", "YARN_VERSION", "NODE_ENV", "NPM_CONFIG_LOGLEVEL",
  "PHP_VERSION", "PHP_INI_DIR", "PHPIZE_DEPS", "PHP_CFLAGS", "PHP_CPPFLAGS", "PHP_LDFLAGS", "PHP_EXTRA_CONFIGURE_ARGS",
  "APACHE_CONFDIR", "APACHE_ENVVARS", "NGINX_VERSION", "NJS_VERSION", "PG_MAJOR", "PG_VERSION", "PGDATA", "MYSQL_MAJOR",
  "MYSQL_VERSION", "MARIADB_VERSION", "MONGO_VERSION", "REDIS_VERSION", "HTTPD_PREFIX", "HTTPD_VERSION", "CATALINA_HOME",
  "TOMCAT_MAJOR", "TOMCAT_VERSION", "MAVEN_HOME", "MAVEN_CONFIG", "GRADLE_HOME", "GRADLE_VERSION", "DOTNET_VERSION",
  "ASPNET_VERSION", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_RUNNING_IN_CONTAINER", "APP_UID", "ELIXIR_VERSION",
  "ERLANG_VERSION", "OTP_VERSION", "HEX_HOME", "MIX_HOME", "DENO_DIR", "DENO_INSTALL", "BUN_INSTALL",
]);

/**
 * True when an unknown `name` may be set by the external base image of a stage rooted in `image`:
 * a well-known image variable, or one named after the image (`NODE_…` in `node`). Always true when
 * the image itself is a variable; false for `scratch`.
 */
export function mayComeFromImage(name: string, image: string | null): boolean {
  if (!image || image.includes("$")) return true;
  const repo = image.replace(/@.*$/, "").replace(/:[^/]*$/, "");
  if (repo.toLowerCase() === "scratch") return false;
  if (IMAGE_ENV.has(name)) return true;
  const short = repo.slice(repo.lastIndexOf("/") + 1).toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return name.toUpperCase().startsWith(`${short}_`);
}

const ASSIGNING = /\b(for|read|export|local|declare|typeset|readonly|getopts|select)\b[^;&|\n]*$/;

/** True when a shell script assigns `name` itself (`NAME=x`, `for NAME in`, `read NAME`, `export NAME`). */
export function assignedInScript(name: string, text: string): boolean {
  let checked = 0;
  for (let at = text.indexOf(name); at >= 0 && checked < 1000; at = text.indexOf(name, at + 1), checked++) {
    const before = text[at - 1] ?? "";
    const after = text.slice(at + name.length, at + name.length + 2);
    if (/[\w$]/.test(before) || /^\w/.test(after)) continue;
    if (before !== "{" && /^(=|\+=|\[)/.test(after)) return true;
    if (ASSIGNING.test(text.slice(Math.max(0, at - 200), at))) return true;
  }
  return false;
}

/** A complete image reference: `[registry[:port]/]name[:tag][@digest]`, lower-case repository. */
export function isValidImageRef(ref: string): boolean {
  if (!ref || ref.length > 512) return false;
  return /^(?:(?:[a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/.test(ref);
}
