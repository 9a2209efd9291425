import { baseImageRef } from "../../src/engine/image-refs.js";
import { officialDistroTraits } from "../../src/engine/official-images.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { isCmd } from "../../src/engine/parse/script-shell.js";
import type { Project } from "../../src/engine/project.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { shippedStages } from "../../src/engine/stage-roles.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { compareRanges } from "../../src/engine/text.js";
import type { Range } from "../../src/engine/types.js";

/** A word that means the same with and without a shell: no quotes, expansions, globs or operators. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Shell builtins with no program of the same name: in exec form the container would not start. */
const SHELL_ONLY = new Set(["cd", "export", "source", ".", "eval", "set", "unset", "ulimit", "umask", "alias", "trap", "exit", "return", "shift", "readonly", "wait", "read", "local", "declare", "typeset", "hash", "times", "getopts"]);

export default defineDockerfileRule({
  meta: {
    id: "exec-form-cmd",
    code: "DF317",
    category: "reliability",
    severity: "warning",
    description: "CMD or ENTRYPOINT in shell form runs the process under `/bin/sh -c`, which does not forward signals.",
    aliases: ["DL3025", "buildkit:JSONArgsRecommended", "kics:b86987e1-6397-4619-81d5-8807f2387c79"],
    fixable: true,
    messages: {
      shellForm: "`{{keyword}}` in shell form starts the program under `/bin/sh -c`, which runs as PID 1 and does not pass SIGTERM on, so `docker stop` waits for the timeout and then kills the process. Use the JSON exec form: {{keyword}} [\"executable\", \"arg\"].",
      useExec: "`{{keyword}}` in shell form runs its script under `/bin/sh -c`, which stays PID 1 and does not pass SIGTERM on, so `docker stop` waits for the timeout and then kills the process. The script needs the shell (a variable, a redirection or several commands), which exec form would not give it: start the long-running program with `exec` (`{{keyword}} exec app --port $PORT`), which replaces the shell with it.",
    },
  },
  check({ model, project, report }) {
    const runnable = shippedStages(model, project);
    for (const top of model.instructions) {
      // A CMD of a stage that only feeds `COPY --from` never runs; ONBUILD triggers run in child images.
      const ins = top.trigger ?? (runnable.has(model.stages[top.stageIndex]) ? top : null);
      if (!ins || (ins.keyword !== "CMD" && ins.keyword !== "ENTRYPOINT") || ins.execForm || !ins.args.length || execsProgram(ins)) continue;
      const range = { start: ins.args[0].range.start, end: ins.args[ins.args.length - 1].range.end };
      if (shellExecs(model, ins, range)) continue;
      const words = ins.args.map((a) => a.value);
      const dialect = shellDialect(model, ins);
      // A script that needs a POSIX shell (not a broken JSON array, not a lone builtin): exec form cannot run it as written.
      const lone = (ins.script?.commands.length ?? 0) <= 1;
      const scripted =
        dialect !== null &&
        !(lone && SHELL_ONLY.has(words[0])) &&
        !ins.argsText.trimStart().startsWith("[") &&
        !words.every((w) => PLAIN.test(w));
      // Only a POSIX shell runs the words as a program with arguments: under PowerShell or cmd
      // (a Windows stage) the first word may be a cmdlet or a builtin, which exec form cannot run.
      const safe =
        range.start.line === range.end.line &&
        words.every((w) => PLAIN.test(w)) &&
        !SHELL_ONLY.has(words[0]) &&
        dialect !== null &&
        !changesArguments(model, project, ins);
      report({
        messageId: scripted ? "useExec" : "shellForm",
        data: { keyword: ins.keyword },
        range,
        fix: safe ? { description: "Use the exec form", edits: [{ range, text: JSON.stringify(words).replace(/","/g, '", "') }] } : undefined,
      });
    }
  },
});

/**
 * True when a shell-form script starts with `exec program`: the program replaces the shell as
 * PID 1 and receives the signals itself, while the shell still expands `$PORT` for it.
 */
function execsProgram(ins: DfInstruction): boolean {
  if (isCmd(ins.shellName)) return false;
  const first = ins.script?.commands[0];
  return first?.name === "exec" && first.args.length > 0;
}

/**
 * True when the script is one simple command with nothing around it, naming a program, and the
 * shell replaces itself with that program (`bash -c 'node server.js'` runs node as PID 1): bash
 * does, as the SHELL or as the /bin/sh of the Red Hat family's official images, and so does BusyBox
 * ash, the /bin/sh of Alpine and BusyBox (it evaluates a -c string with EV_EXIT). Debian's dash,
 * the /bin/sh of Debian and Ubuntu, does not (Debian patches that out). A redirection, a pipe or a
 * second command keeps the shell in front.
 */
function shellExecs(model: DockerfileModel, ins: DfInstruction, script: Range): boolean {
  // A JSON array without quotes (`CMD [python, app.py]`) names no program: exec form was meant.
  if (ins.argsText.trimStart().startsWith("[")) return false;
  const commands = ins.script?.commands ?? [];
  if (commands.length !== 1 || ins.script!.pipes.length || compareRanges(commands[0].range, script) !== 0) return false;
  if (SHELL_ONLY.has(commands[0].name)) return false;
  const dialect = shellDialect(model, ins);
  if (dialect === "bash") return true;
  if (dialect !== "sh") return false;
  const stage = model.stages[ins.stageIndex];
  const ref = stage ? baseImageRef(model, stage) : null;
  const sh = ref ? officialDistroTraits(ref)?.sh : null;
  return sh === "bash" || sh === "busybox-ash";
}

/**
 * An exec-form ENTRYPOINT receives the CMD (and `docker run` / Compose `command:` arguments) as
 * extra arguments, which a shell-form ENTRYPOINT ignores: converting it is only safe when there
 * are none.
 */
function changesArguments(model: DockerfileModel, project: Project, ins: DfInstruction): boolean {
  if (ins.keyword !== "ENTRYPOINT") return false;
  const stage = model.stages[ins.stageIndex];
  if (!stage || !stage.instructions.includes(ins)) return true;
  if (stage.instructions.some((i) => i.keyword === "CMD")) return true;
  return project.servicesBuilding(model.path).some((s) => s.compose.command !== null);
}
