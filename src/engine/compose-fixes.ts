import { isScalar } from "yaml";
import type { ComposeModel, PortMapping } from "./parse/compose.js";
import { portBinding } from "./ports.js";
import { verbatimScalar } from "./query.js";
import type { Fix } from "./types.js";

/**
 * Binds a short-syntax port mapping to loopback: inserts `127.0.0.1:` when no host IP is given,
 * or replaces a leading `0.0.0.0`. Undefined when the edit would not be exact (long syntax,
 * escapes, a host port set by a variable without default, IPv6).
 */
export function bindToLoopbackFix(model: ComposeModel, port: PortMapping): Fix | undefined {
  const node = model.doc.getIn(port.path, true);
  if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number")) return undefined;
  const binding = portBinding(port);
  if (binding.published === null || binding.variablePort || binding.hostIp === null) return undefined;
  const inner = verbatimScalar(model, model.locate(port.path), String(node.value));
  if (!inner) return undefined;
  const start = model.index.offset(inner.start);
  if (binding.hostIp === "") {
    const at = model.index.range(start, start);
    return { description: "Bind the port to 127.0.0.1", edits: [{ range: at, text: "127.0.0.1:" }] };
  }
  if (binding.hostIp === "0.0.0.0" && String(node.value).startsWith("0.0.0.0:")) {
    return { description: "Bind the port to 127.0.0.1 instead of 0.0.0.0", edits: [{ range: model.index.range(start, start + 7), text: "127.0.0.1" }] };
  }
  return undefined;
}
