import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { shippedStages } from "../../src/engine/stage-roles.js";
import { scriptEnd } from "../../src/engine/run-append.js";
import type { Fix, Position } from "../../src/engine/types.js";

const flagsKey = (ins: DfInstruction) => ins.flags.map((f) => `${f.name}=${f.value ?? ""}`).sort().join(" ");
/**
 * Commands a RUN executes (exec form: one); more than two means the split is probably deliberate.
 * Scripts of a non-POSIX SHELL (PowerShell, cmd) or that do not parse cannot be counted.
 */
/** Commands of a RUN; Infinity when they cannot be counted (a script that does not parse, a cmd or PowerShell shell). */
const commandCount = (model: DockerfileModel, ins: DfInstruction) =>
  ins.execForm ? 1 : shellDialect(model, ins) && ins.script && !ins.script.error ? ins.script.commands.length : Infinity;

export default defineDockerfileRule({
  meta: {
    id: "run-consolidation",
    code: "DF210",
    category: "efficiency",
    severity: "info",
    description: "Consecutive short RUNs, or consecutive COPY/ADD to the same destination, that could be one instruction.",
    aliases: ["DL3059", "kics:0008c003-79aa-42d8-95b8-1c2fe37dbfe6"],
    fixable: true,
    messages: {
      run: "These {{count}} consecutive RUN instructions each add a layer and a cache step; chain the commands with `&&` in one RUN (keep separate RUNs only where you want separate cache points).",
      copy: "These {{count}} consecutive {{keyword}} instructions copy to the same destination `{{dest}}`, one layer each; list the sources in a single {{keyword}}.",
    },
  },
  check({ model, project, report }) {
    const shipped = shippedStages(model, project);
    const flush = (group: DfInstruction[], messageId: string, dest = "") => {
      if (group.length < 2) return;
      const range = { start: group[0].range.start, end: group[group.length - 1].range.end };
      const fix = messageId === "run" ? mergeFix(model, group) : null;
      report({ messageId, data: { count: group.length, keyword: group[0].keyword, dest }, range, fix: fix ?? undefined });
    };
    for (const stage of model.stages) {
      let runs: DfInstruction[] = [];
      let copies: DfInstruction[] = [];
      let dest = "";
      for (const ins of stage.instructions) {
        const short = ins.keyword === "RUN" && commandCount(model, ins) <= 2 && !ins.heredocs.length;
        if (short && runs.length && flagsKey(runs[0]) === flagsKey(ins)) runs.push(ins);
        else {
          flush(runs, "run");
          runs = short ? [ins] : [];
        }
        const target = (ins.keyword === "COPY" || ins.keyword === "ADD") && !ins.heredocs.length ? copyOperands(model, ins).dest?.value ?? null : null;
        const same = copies.length && target !== null && ins.keyword === copies[0].keyword && target === dest && flagsKey(copies[0]) === flagsKey(ins);
        if (same) copies.push(ins);
        else {
          if (shipped.has(stage)) flush(copies, "copy", dest);
          copies = target !== null ? [ins] : [];
          dest = target ?? "";
        }
      }
      flush(runs, "run");
      if (shipped.has(stage)) flush(copies, "copy", dest);
    }
  },
});

/**
 * Commands that change the shell's state (directory, variables, options, traps…) or leave it: what
 * a later RUN would inherit once merged. With the version managers' shell functions, loaded by a
 * login SHELL (`conda activate`, `nvm use`), which change PATH.
 */
const STATEFUL = new Set([
  "cd", "pushd", "popd", "export", "unset", "set", "shopt", "umask", "ulimit", "alias", "unalias", "trap", "source", ".",
  "shift", "readonly", "local", "declare", "typeset", "eval", "exec", "exit", "return", "read", "hash", "wait",
  "conda", "mamba", "micromamba", "activate", "deactivate", "nvm", "rvm", "rbenv", "pyenv", "jenv", "sdk",
]);

/**
 * The RUNs merged into the first, each script after the one before as `… && \` on a new line:
 * `RUN a; b` then `RUN c && d` make `RUN a; b && \ c && d`, which succeeds and fails as the two
 * RUNs did (`c` runs only when the first script would have succeeded). Only for shell-form scripts
 * of plain commands separated by `;`, `&&`, `||` or `|` (no compound commands, background jobs,
 * comments, bare assignments), where every script but the first is an and-list (after `&&`, a
 * `;` or `||` would detach its tail from the failure of what precedes), no script but the last
 * changes the shell's state (a `cd` or `export` would reach the next one), and the RUNs are
 * separated by nothing but blank lines.
 */
function mergeFix(model: DockerfileModel, group: DfInstruction[]): Fix | null {
  const edits = [];
  const newline = model.text.includes("\r\n") ? "\r\n" : "\n";
  for (let i = 0; i < group.length; i++) {
    const ins = group[i];
    const script = ins.script;
    if (ins.execForm || !script || script.error || !script.commands.length || !ins.args.length) return null;
    const plain = plainText(model, ins);
    if (plain === null || (i > 0 && /;|\|\|/.test(plain.replace(/&&/g, "")))) return null;
    if (i === group.length - 1) break;
    if (script.commands.some((c) => STATEFUL.has(c.name))) return null;
    const next = group[i + 1];
    // After the last command, only its redirections: a trailing `;` or `&&` would meet the added `&&`.
    if (!/^[ \t]*$/.test(between(model, scriptEnd(script), ins.range.end).replace(REDIRECT, " "))) return null;
    if (!/^\s*$/.test(between(model, ins.range.end, next.range.start))) return null;
    let at = model.index.offset(ins.range.end);
    while (at > 0 && /[ \t]/.test(model.text[at - 1])) at--;
    const end = model.index.position(at);
    edits.push({ range: { start: end, end: next.args[0].range.start }, text: ` && ${model.escape}${newline}    ` });
  }
  return { description: `Merge the ${group.length} RUN instructions into one`, edits };
}

const between = (model: DockerfileModel, start: Position, end: Position) => model.text.slice(model.index.offset(start), model.index.offset(end));

/** A redirection of a command (`> log`, `2>&1`, `&>> /dev/null`) to an unquoted word, which the commands' ranges leave out. */
const REDIRECT = /(\d*|&)(>>|>&|<&|>|<)[ \t]*[^\s;&|<>()'"`]+/g;

/**
 * The operators of a RUN's script, its text with the commands and their redirections cut out,
 * when that is all there is besides blanks and line continuations (the escape character, which only a continuation leaves
 * outside the commands); null when anything else is left (a keyword of a compound
 * command, a lone `&`, a comment, a bare assignment, a `!`).
 */
function plainText(model: DockerfileModel, ins: DfInstruction): string | null {
  const start = model.index.offset(ins.args[0].range.start);
  const chars = model.text.slice(start, model.index.offset(ins.range.end)).split("");
  for (const c of ins.script!.commands) chars.fill(" ", model.index.offset(c.range.start) - start, model.index.offset(c.range.end) - start);
  const rest = chars.join("").split(model.escape).join(" ").replace(REDIRECT, " ");
  return /^(\s|&&|\|\||\||;)*$/.test(rest) ? rest : null;
}
