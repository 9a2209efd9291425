import { interpolate } from "./interpolation.js";

/** A port mapping's fields as written, before Compose resolves anything. */
export interface PortFields {
  raw: string;
  hostIp: string | null;
  /** Host port or range, null when only the container port is given (Docker picks one). */
  published: string | null;
  target: string;
  protocol: string;
}

/** Short syntax: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host in brackets. */
export function parsePortString(raw: string): PortFields {
  const resolved = interpolate(raw);
  const [spec, protocol = "tcp"] = resolved.split("/");
  let hostIp: string | null = null;
  let rest = spec;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(spec);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(":");
  if (!v6 && parts.length >= 3) hostIp = parts.slice(0, parts.length - 2).join(":");
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] || null : null;
  return { raw, hostIp: hostIp || null, published, target, protocol };
}

/**
 * The `:`-separated fields of a short-syntax volume (`SOURCE:TARGET:MODE`). A colon inside `${…}`
 * (`${DATA_DIR:-./data}:/data`) belongs to the variable, and one right after a single letter at the
 * start is a Windows drive (`C:\data:/data`), as compose-go reads it.
 */
export function volumeFields(text: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (c === "}" && depth > 0) depth--;
    else if (c === ":" && depth === 0) {
      if (!fields.length && i === 1 && /[A-Za-z]/.test(text[0])) continue;
      fields.push(text.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(text.slice(start));
  return fields;
}
