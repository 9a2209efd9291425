import { audit, type AuditOptions, type Report } from "./engine/index.js";
import type { SourceFile } from "./engine/types.js";
import { rules } from "../rules/index.js";

/** Audits files with the full rule catalogue. */
export function auditFiles(files: readonly SourceFile[], options: AuditOptions = {}): Report {
  return audit(files, rules, options);
}

export { rules };
