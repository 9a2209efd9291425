import { execWords } from "./execform.js";
import type { DfInstruction, DfWord, DockerfileModel } from "./parse/dockerfile.js";
import { comparePos } from "./text.js";

/** The operands of a COPY or ADD: its sources and its destination (the last operand). */
export interface CopyOperands {
  sources: DfWord[];
  dest: DfWord | null;
  /** Sources that are heredocs (`COPY <<EOF /etc/x`), which never come from the build context. */
  heredocSources: DfWord[];
}

/**
 * Operands of COPY/ADD in shell or JSON form. Heredoc bodies are left out; a `<<EOF` operand is
 * listed in `heredocSources` instead of `sources`. Values of JSON operands are unquoted.
 */
export function copyOperands(model: DockerfileModel, ins: DfInstruction): CopyOperands {
  let words: DfWord[];
  if (ins.execForm) {
    // The JSON tokens are found by a scan; should it fail, the operands keep the arguments' range.
    const at = ins.argsRange ?? ins.range;
    words = execWords(model, ins) ?? ins.execForm.map((value) => ({ value, range: at }));
  } else {
    const bodyStart = ins.heredocs.find((h) => h.contentRange)?.contentRange?.start;
    words = ins.args.filter((a) => !bodyStart || comparePos(a.range.start, bodyStart) < 0);
  }
  const operands = words;
  const dest = operands.length >= 2 ? operands[operands.length - 1] : null;
  const rest = dest ? operands.slice(0, -1) : operands;
  const isHeredoc = (w: DfWord) => !ins.execForm && /^<<-?["']?[A-Za-z_][\w.-]*["']?$/.test(w.value);
  return { sources: rest.filter((w) => !isHeredoc(w)), dest, heredocSources: rest.filter(isHeredoc) };
}

/** True for `/app`, `C:\app`, `c:/app`, `\app`, and for paths that start with a variable. */
export function isAbsoluteDest(path: string): boolean {
  return /^["']?([/\\$]|[A-Za-z]:[\\/])/.test(path);
}
