import { isScalar } from "yaml";
import type { ComposeModel, PortMapping } from "./parse/compose.js";
import { parsePortString } from "./parse/compose-short-syntax.js";
import { portBinding, readPortBinding, type PortBinding } from "./ports.js";
import { verbatimScalar } from "./query.js";
import type { Fix } from "./types.js";

/**
 * Binds a short-syntax port mapping to loopback: inserts `127.0.0.1:` when no host IP is given,
 * or replaces a leading `0.0.0.0`. Undefined when the edit would not be exact (long syntax,
 * escapes, a host port set by a variable without default, IPv6, a variable that holds more than
 * the host port, as in `${EXPOSE_PORT-:2283:2283}`).
 */
export function bindToLoopbackFix(model: ComposeModel, port: PortMapping): Fix | undefined {
  const node = model.doc.getIn(port.path, true);
  if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number")) return undefined;
  const binding = portBinding(port);
  if (binding.published === null || binding.variablePort || binding.hostIp === null) return undefined;
  const inner = verbatimScalar(model, model.locate(port.path), String(node.value));
  if (!inner) return undefined;
  const start = model.index.offset(inner.start);
  const value = String(node.value);
  if (binding.hostIp === "" && bindsToLoopback(port, binding, `127.0.0.1:${value}`)) {
    const at = model.index.range(start, start);
    return { description: "Bind the port to 127.0.0.1", edits: [{ range: at, text: "127.0.0.1:" }] };
  }
  if (binding.hostIp === "0.0.0.0" && value.startsWith("0.0.0.0:") && bindsToLoopback(port, binding, `127.0.0.1${value.slice(7)}`)) {
    return { description: "Bind the port to 127.0.0.1 instead of 0.0.0.0", edits: [{ range: model.index.range(start, start + 7), text: "127.0.0.1" }] };
  }
  return undefined;
}

/**
 * True when the mapping written as `fixed` binds the same host and container ports as `port` on
 * 127.0.0.1: a variable that also holds the separators (`${EXPOSE_PORT-:2283:2283}`, whose
 * default is a whole mapping) would give `127.0.0.1::2283:2283`, which Compose refuses.
 */
function bindsToLoopback(port: PortMapping, binding: PortBinding, fixed: string): boolean {
  const after = readPortBinding({ ...port, raw: fixed });
  const parsed = parsePortString(fixed);
  return after.hostIp === "127.0.0.1" && after.published === binding.published && parsed.target === port.target && parsed.protocol === port.protocol;
}
