import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";
import type { Fix } from "./types.js";

/**
 * A fix that deletes the instruction's whole lines. Null when it ends on the file's last line
 * (no next line for the deletion to end at), or when a comment line
 * inside it would go with it.
 */
export function deleteInstructionFix(model: DockerfileModel, ins: DfInstruction, description: string): Fix | null {
  const { start, end } = ins.range;
  if (end.line >= model.index.lineCount) return null;
  if (model.comments.some((c) => c.range.start.line >= start.line && c.range.start.line <= end.line)) return null;
  return { description, edits: [{ range: { start: { line: start.line, column: 1 }, end: { line: end.line + 1, column: 1 } }, text: "" }] };
}
