import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { shellText } from "../../src/engine/parse/dockerfile.js";
import { heredocScriptShell } from "../../src/engine/parse/script-shell.js";
import { baseImageRef } from "../../src/engine/image-refs.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { officialShPipefail } from "../../src/engine/official-images.js";
import { defineDockerfileRule, type ShellcheckFinding } from "../../src/engine/rule.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import type { Position, Severity } from "../../src/engine/types.js";
import { PREDEFINED_ARGS } from "../../src/engine/variables.js";

type Dialect = "sh" | "bash" | "dash" | "ksh";

/** A script to check: its text, where it starts in the file, and its shell. */
interface Target {
  ins: DfInstruction;
  text: string;
  base: number;
  dialect: Dialect;
}

const LEVELS: Record<ShellcheckFinding["level"], Severity> = { error: "error", warning: "warning", info: "info", style: "info" };
/** Not worth a ShellCheck run (and too slow to wait for): scripts above this size are skipped. */
const MAX_SCRIPT = 65_536;
/**
 * ShellCheck runs per file and per run: each is a process (about 12 ms), so generated files with
 * thousands of distinct RUNs are cut short instead of holding the audit for minutes.
 */
export const SHELLCHECK_LIMITS = { perFile: 200, perRun: 1_000 } as const;
const checkedByRun = new WeakMap<object, number>();
/** Runs in which one script did not finish in ShellCheck's time limit: the rest goes unchecked. */
const stalledRuns = new WeakSet<object>();
const SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(\S+)/;
const firstWithScripts = new WeakMap<object, DockerfileModel | null>();

export default defineDockerfileRule({
  meta: {
    id: "shellcheck",
    code: "DF335",
    category: "reliability",
    severity: "warning",
    description: "ShellCheck findings in shell-form RUN scripts, at their line inside the Dockerfile.",
    aliases: [],
    options: { exclude: [] },
    optionTypes: { exclude: "codes" },
    messages: {
      finding: "ShellCheck SC{{code}}: {{message}} (https://www.shellcheck.net/wiki/SC{{code}})",
      unavailable: "ShellCheck is not available where this audit ran, so no RUN script was checked for SC findings. Install `shellcheck` (e.g. `apt-get install shellcheck`) to enable this rule.",
      notChecked: "ShellCheck did not check {{count}} of the {{total}} scripts of this file, from this one on: it checks at most {{perFile}} scripts per file and {{perRun}} per run, one process each.",
      timedOut: "ShellCheck did not finish checking this script within its time limit, so this script and the ones after it in this run were not checked.",
    },
  },
  check({ model, project, options, services, report }) {
    const checker = services?.shellcheck;
    // Reported once per run: on the first Dockerfile (in path order) that has a script to check.
    const unavailable = (first: DfInstruction) => {
      if (!firstWithScripts.has(project)) firstWithScripts.set(project, project.dockerfiles.find((d) => firstTarget(d) !== null) ?? null);
      const firstModel = firstWithScripts.get(project);
      if (!firstModel || firstModel === model) report({ messageId: "unavailable", range: first.keywordRange, severity: "info" });
    };
    // Without ShellCheck only the first script matters: the scripts are not rewritten for it.
    if (!checker) {
      const first = firstTarget(model);
      return first ? unavailable(first) : undefined;
    }
    const targets = targetsOf(model);
    if (!targets.length || stalledRuns.has(project)) return;
    const excluded = new Set([...(Array.isArray(options.exclude) ? options.exclude : []).map((c) => String(c).replace(/^SC/i, "")), ...fileWideCodes(model)]);
    const defined = definedNames(model);
    const spent = checkedByRun.get(project) ?? 0;
    const checked = targets.slice(0, Math.max(0, Math.min(SHELLCHECK_LIMITS.perFile, SHELLCHECK_LIMITS.perRun - spent)));
    checkedByRun.set(project, spent + checked.length);
    if (checked.length < targets.length) {
      const data = { count: targets.length - checked.length, total: targets.length, ...SHELLCHECK_LIMITS };
      report({ messageId: "notChecked", data, range: targets[checked.length].ins.keywordRange, severity: "info" });
    }
    for (const target of checked) {
      const { text, at } = withExports(target.text, exportLine(defined, target.text));
      const found = checker(text, target.dialect);
      if (found === null) return unavailable(targets[0].ins);
      if (found === "timeout") {
        // One script built to stall ShellCheck suggests more: the run stops checking here.
        stalledRuns.add(project);
        return report({ messageId: "timedOut", range: target.ins.keywordRange, severity: "info" });
      }
      const ignored = pragmaCodes(model, target.ins);
      const starts = lineStarts(target.text);
      for (const f of found) {
        const code = String(f.code);
        if (excluded.has(code) || ignored.has(code) || code === "1090" || code === "1091" || code === "2187") continue;
        // BusyBox ash, bash and the dash of Debian 13 on have pipefail, and pipefail-missing asks for
        // `set -o pipefail` there; an earlier dash rejects it and fails the step, so SC3040 stays.
        if (code === "3040" && f.message.includes("pipefail") && shellKnowsPipefail(model, target.ins)) continue;
        if (f.line === at || f.endLine === at) continue;
        const start = toPosition(model, target, starts, unshift(f.line, at), f.column);
        const end = toPosition(model, target, starts, unshift(f.endLine, at), f.endColumn);
        report({ messageId: "finding", data: { code, message: f.message }, range: { start, end: before(end, start) ? start : end }, severity: LEVELS[f.level] });
      }
    }
  },
});

/**
 * The shell of `ins` knows `set -o pipefail`: an `ash`/`busybox` SHELL, or /bin/sh of the base image
 * as the Official Images' table tells it (BusyBox ash, bash, the dash of Debian 13 on). For an image the table does not know,
 * one whose own name (not its registry or namespace) says Alpine or BusyBox is taken for BusyBox ash.
 */
function shellKnowsPipefail(model: DockerfileModel, ins: DfInstruction): boolean {
  const shell = ins.shellName.replace(/^.*[\\/]/, "").toLowerCase();
  if (shell === "ash" || shell === "busybox") return true;
  if (shell !== "sh") return false;
  const stage = model.stages[ins.stageIndex];
  const image = stage ? baseImageRef(model, stage) : null;
  if (!image) return false;
  return officialShPipefail(image) ?? /alpine|busybox/i.test(image.slice(image.lastIndexOf("/") + 1));
}

/** Shell-form RUN scripts (ONBUILD triggers too) in a POSIX dialect ShellCheck knows, that parse. */
function targetsOf(model: DockerfileModel): Target[] {
  return scanTargets(model, false);
}

/** The instruction of targetsOf(model)[0], without rewriting any script; null when there is none. Once per model. */
function firstTarget(model: DockerfileModel): DfInstruction | null {
  let first = firstTargets.get(model);
  if (first === undefined) firstTargets.set(model, (first = scanTargets(model, true)[0]?.ins ?? null));
  return first;
}

const firstTargets = new WeakMap<DockerfileModel, DfInstruction | null>();

/** With `firstOnly`, stops at the first target and leaves its `text` empty. */
function scanTargets(model: DockerfileModel, firstOnly: boolean): Target[] {
  const out: Target[] = [];
  for (const ins of everyInstruction(model)) {
    if (firstOnly && out.length) break;
    if (ins.keyword !== "RUN" || ins.execForm || !ins.argsRange || !ins.args.length) continue;
    const dialect = shellDialect(model, ins);
    if (!dialect || dialect === "zsh" || ins.script?.error) continue;
    const start = model.index.offset(ins.args[0].range.start);
    const body = model.text.slice(start, model.index.offset(ins.argsRange.end));
    const shell = ins.heredocs.length ? heredocScriptShell(body) : null;
    if (shell !== null) {
      for (const h of ins.heredocs) {
        if (!h.contentRange || !h.content.trim() || h.content.length > MAX_SCRIPT) continue;
        const shebang = SHEBANG.exec(h.content)?.[1];
        const own = shebang ? dialectOf(shebang) : shell ? dialectOf(shell) : dialect;
        if (own) out.push({ ins, text: h.content, base: model.index.offset(h.contentRange.start), dialect: own });
      }
    } else if (ins.heredocs.length && body.startsWith("<<")) {
      // `RUN <<EOT python3`: the heredoc is another program's input, not a shell script.
      continue;
    } else if (body.length <= MAX_SCRIPT) {
      out.push({ ins, text: firstOnly ? "" : shellText(body, model.escape), base: start, dialect });
    }
  }
  return out;
}

function dialectOf(program: string): Dialect | null {
  if (program === "bash" || program === "dash" || program === "sh") return program;
  if (program === "ksh" || program === "mksh") return "ksh";
  if (program === "ash" || program === "busybox") return "sh";
  return null;
}

/** Every ARG and ENV name of the file, and Docker's predefined build arguments. */
function definedNames(model: DockerfileModel): Set<string> {
  const names = new Set(PREDEFINED_ARGS);
  for (const ins of everyInstruction(model)) {
    if (ins.keyword === "ARG" || ins.keyword === "ENV") for (const p of ins.properties) names.add(p.name);
  }
  return names;
}

/**
 * As hadolint does, the build's variables are exported to ShellCheck ahead of the script (`export
 * NAME=1`), so using an ARG or ENV is neither "not assigned" (SC2154) nor an undefined POSIX
 * variable (SC3028), nor word-split (SC2086). Only those the script uses: what ShellCheck reads
 * then depends on the script alone, and its cached answer holds when another line of the file
 * changes. One line, so only the lines after it move.
 */
function exportLine(defined: Set<string>, script: string): string {
  const used = new Set<string>();
  for (const m of script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (defined.has(m[1])) used.add(m[1]);
  return used.size ? `export ${[...used].sort().map((n) => `${n}=1`).join(" ")}` : "";
}

/** The script with the export line inserted (after a shebang, which must stay first), and that line's number (0 when none). */
function withExports(script: string, exports: string): { text: string; at: number } {
  if (!exports) return { text: script, at: 0 };
  if (!script.startsWith("#!")) return { text: `${exports}\n${script}`, at: 1 };
  const eol = script.indexOf("\n");
  return eol < 0 ? { text: `${script}\n${exports}`, at: 2 } : { text: `${script.slice(0, eol + 1)}${exports}\n${script.slice(eol + 1)}`, at: 2 };
}

/** A line of the checked text as a line of the script. */
const unshift = (line: number, at: number): number => (at && line > at ? line - 1 : line);

/** SC codes named by `# hadolint ignore=SC2086,…` or `# dockaudit ignore=…` right above the instruction. */
function pragmaCodes(model: DockerfileModel, ins: DfInstruction): Set<string> {
  const codes = new Set<string>();
  for (let line = ins.range.start.line - 1; line >= 1; line--) {
    const text = model.index.line(line).trim();
    if (!text.startsWith("#")) break;
    const list = /^#\s*(?:hadolint|dockaudit)\s+ignore\s*=\s*([^#]+)/i.exec(text)?.[1] ?? "";
    for (const m of list.matchAll(/\bSC(\d{4})\b/gi)) codes.add(m[1]);
  }
  return codes;
}

/** SC codes named for the whole file: `# hadolint global ignore=SC2086,…` or `# dockaudit ignore-file=…`. */
function fileWideCodes(model: DockerfileModel): string[] {
  const codes: string[] = [];
  for (const comment of [...model.directives, ...model.comments]) {
    const text = model.index.line(comment.range.start.line).trim();
    const list = /^#\s*(?:hadolint\s+global\s+ignore|dockaudit\s+ignore-file)\s*=\s*([^#]+)/i.exec(text)?.[1] ?? "";
    for (const m of list.matchAll(/\bSC(\d{4})\b/gi)) codes.push(m[1]);
  }
  return codes;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * A ShellCheck position (1-based line and column in the script, columns in code points with tabs
 * as one) as a position in the Dockerfile: the script keeps the file's offsets, so the script
 * offset plus the script's start offset is the file offset.
 */
function toPosition(model: DockerfileModel, target: Target, starts: number[], line: number, column: number): Position {
  const l = Math.min(Math.max(1, line), starts.length) - 1;
  const lineEnd = l + 1 < starts.length ? starts[l + 1] - 1 : target.text.length;
  let offset = starts[l];
  for (let k = 1; k < column && offset < lineEnd; k++) offset += (target.text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return model.index.position(target.base + Math.min(offset, lineEnd));
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column < b.column);
