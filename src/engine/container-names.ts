import type { ComposeService } from "./parse/compose.js";
import { resolvedOrNull } from "./compose-values.js";

/** Docker's rule for container names (daemon: `^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$`). */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** `container_name` with defaults applied; null when unset or when it depends on a variable without a default. */
export function containerNameOf(service: ComposeService): string | null {
  const raw = service.data.container_name;
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  return resolvedOrNull(String(raw));
}
