import type { ComposeService, PortMapping } from "./parse/compose.js";
import { parsePortString } from "./parse/compose-short-syntax.js";
import { interpolate, variableRefs } from "./parse/interpolation.js";
import { memo } from "./memo.js";

/** How a Compose port mapping binds on the host, with `${VAR}` values kept visible. */
export interface PortBinding {
  /** Host address; "" when none is given (all interfaces); null when a variable with no default decides it. */
  hostIp: string | null;
  /** Host port or range; null when only the container port is given. May hold `${VAR}` (no default). */
  published: string | null;
  /** True when a variable with no default sets the host port. */
  variablePort: boolean;
}

/**
 * Longer than any real port mapping (`[fe80::1]:65000-65535:65000-65535/tcp`, a variable or two):
 * past this a mapping is not read (its host side is unknown), since splitting and interpolating a
 * megabyte of `1:1:1:` costs more than every real file's ports together.
 */
export const MAX_PORT_TEXT = 256;

const ANY_ADDRESS = /^(0\.0\.0\.0|::|\[::\]|\*)$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Reads the host side of a port mapping. Variables with a default resolve to it; variables with
 * none stay as `${NAME}` so a published-but-unknown port is not mistaken for one without a host port.
 * Also accepts `published: "127.0.0.1:8080"` written into the long syntax. The result is shared
 * between callers: never modify it.
 */
export function portBinding(port: PortMapping): PortBinding {
  return memo(bindings, port, readPortBinding);
}

/** Several rules (and a fix) read each port's binding: read once per port mapping of a model. */
const bindings = new WeakMap<PortMapping, PortBinding>();

/** portBinding without the memo. */
export function readPortBinding(port: PortMapping): PortBinding {
  if (port.raw.length > MAX_PORT_TEXT) return { hostIp: null, published: null, variablePort: false };
  if (port.raw.startsWith("{")) {
    let entry: Record<string, unknown> = {};
    try {
      entry = JSON.parse(port.raw) as Record<string, unknown>;
    } catch {
      /* raw is always JSON for the long syntax */
    }
    const hostIpRaw = scalar(entry.host_ip);
    let hostIp = hostIpRaw === null ? "" : resolve(hostIpRaw);
    let published = scalar(entry.published) === null ? null : resolve(scalar(entry.published)!);
    if (published !== null && !hostIp) {
      // Not valid Compose, but seen in the wild: `published: "127.0.0.1:8080"` or `published: 127.0.0.1`.
      const colon = published.lastIndexOf(":");
      const head = colon < 0 ? published : published.slice(0, colon).replace(/^\[|\]$/g, "");
      if (IPV4.test(head) || (colon >= 0 && head.includes(":"))) [hostIp, published] = [head, colon < 0 ? null : published.slice(colon + 1)];
    }
    if (published === "") published = null;
    return finish(hostIp, published);
  }
  const parsed = parsePortString(resolve(port.raw));
  return finish(parsed.hostIp ?? "", parsed.published);
}

function finish(hostIp: string, published: string | null): PortBinding {
  return {
    hostIp: hostIp.includes("\u0001") ? null : hostIp,
    published: published === null ? null : restore(published),
    variablePort: !!published && published.includes("\u0001"),
  };
}

const scalar = (v: unknown): string | null => (v === null || v === undefined || typeof v === "object" ? null : String(v));

/**
 * Resolves defaults; a variable with no default (`${NAME}`, or `${NAME:?message}`, which Compose
 * requires to be set) is kept, as a marker free of `$` and `:`.
 */
function resolve(value: string): string {
  const keep: Record<string, string> = {};
  for (const ref of variableRefs(value)) if (!ref.operator || ref.operator === ":?" || ref.operator === "?") keep[ref.name] = `\u0001${ref.name}\u0002`;
  return interpolate(value, keep);
}

const restore = (value: string): string => value.replace(/\u0001(\w*)\u0002/g, "${$1}");

/**
 * True when Docker discards the service's `ports`: in the host's network namespace
 * (`network_mode: host`) nothing is published ("Published ports are discarded when using host
 * network mode"); the process listens on the host's interfaces itself, which host-network reports.
 */
export function portsDiscarded(service: ComposeService): boolean {
  return service.networkMode !== null && interpolate(service.networkMode).trim() === "host";
}

/** True when the port is published on every host interface (no host IP, `0.0.0.0` or `::`). */
export function onAllInterfaces(b: PortBinding): boolean {
  return b.published !== null && b.hostIp !== null && (b.hostIp === "" || ANY_ADDRESS.test(b.hostIp));
}

/** The first host port of the published port or range, or null when unknown. */
export function hostPortStart(b: PortBinding): number | null {
  if (!b.published || b.variablePort) return null;
  const m = /^(\d+)(-\d+)?$/.exec(b.published.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The container side of a mapping as written, for messages: `${APP_PORT}` stays a variable where the
 * parsed target (interpolated with an empty environment) would be empty.
 */
export function containerSide(port: PortMapping): string {
  if (port.target || port.raw.startsWith("{") || port.raw.length > MAX_PORT_TEXT) return port.target;
  let depth = 0;
  let last = -1;
  for (let i = 0; i < port.raw.length; i++) {
    const c = port.raw[i];
    if (c === "$" && port.raw[i + 1] === "{") {
      depth++;
      i++;
    } else if (c === "}" && depth > 0) depth--;
    else if (c === ":" && depth === 0) last = i;
  }
  return port.raw.slice(last + 1).replace(/\/(tcp|udp|sctp)$/i, "");
}

/** The first container port of a mapping's target (`80`, `80-8081`, `${PORT:-80}`), or null when unknown. */
export function containerPortStart(port: PortMapping): number | null {
  if (port.target.length > MAX_PORT_TEXT) return null;
  const m = /^(\d+)(-\d+)?$/.exec(interpolate(port.target).trim());
  return m ? Number(m[1]) : null;
}

/** Web servers and reverse proxies, whose job is to take the host's HTTP(S) ports. */
const WEB_SERVER = /(^|\/)(nginx|nginx-unprivileged|openresty|traefik|caddy|haproxy|envoy|httpd|apache2?|nginx-proxy|nginx-proxy-manager|varnish|lighttpd)(:|@|$)/i;

/** A port the long syntax declares as HTTP(S) with `app_protocol`. */
const servesWeb = (port?: PortMapping): boolean => !!port?.appProtocol && /^(https?|h2c?|http2)$/i.test(interpolate(port.appProtocol).trim());

/**
 * True when a web server or reverse proxy (or a port declared `app_protocol: http`/`https`)
 * publishes host port 80 or 443, the intended public entry point; also when the host port is a
 * variable without default (`${HTTPS_PORT}:443`) and the container port is 80 or 443.
 */
export function isWebEntryPoint(image: string | null, b: PortBinding, port?: PortMapping): boolean {
  if (!(image && WEB_SERVER.test(image)) && !servesWeb(port)) return false;
  if (b.published === "80" || b.published === "443") return true;
  const target = port ? containerPortStart(port) : null;
  return b.variablePort && (target === 80 || target === 443);
}
