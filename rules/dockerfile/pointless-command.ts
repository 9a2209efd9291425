import { runInvocations, type Invocation } from "../../src/engine/invocations.js";
import type { DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { deleteInstructionFix } from "../../src/engine/instruction-delete.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { runMounts } from "../../src/engine/run-mounts.js";
import { comparePos } from "../../src/engine/text.js";
import type { Fix } from "../../src/engine/types.js";

/** hadolint's list, plus ifconfig (named in its message) and nano (an interactive editor like vim). */
const POINTLESS = new Set(["free", "ifconfig", "kill", "mount", "nano", "ps", "service", "shutdown", "ssh", "top", "vim"]);

export default defineDockerfileRule({
  meta: {
    id: "pointless-command",
    code: "DF404",
    category: "maintainability",
    severity: "info",
    description: "RUN runs a command that makes no sense during an image build (ps, top, vim, service, ssh, …).",
    aliases: ["DL3001", "kics:9b6b0f38-92a2-41f9-b881-3a1083d99f1b"],
    fixable: true,
    messages: {
      pointless: "`{{program}}` does nothing useful in a build step: it is interactive, inspects or changes processes and mounts of a throw-away build container, or starts something that will not be running in the image; remove it or move it to the container's entrypoint.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      if (!POINTLESS.has(inv.name)) continue;
      // With `--mount=type=ssh` BuildKit forwards the SSH agent to the step, and ssh fetches something real.
      if (inv.name === "ssh" && runMounts(inv.instruction).some((m) => m.type === "ssh")) continue;
      report({ messageId: "pointless", data: { program: inv.name }, range: inv.command ? inv.command.nameWord.range : inv.range, fix: deleteFix(model, inv) ?? undefined });
    }
  },
});

/** Programs that only print what they read from the build container, writing no file. */
const READ_ONLY = new Set(["ps", "free"]);

/**
 * Deletes a RUN whose whole work is one `ps` or `free`: it prints the build container's processes
 * or memory to the build log and leaves the image's files as they were. Not for the other
 * commands (`service x start && mysql …` needs the service, `vim` and `top` wait for a terminal,
 * `kill` and `mount` act on the step), nor when the command is one of several, is redirected or
 * piped, is an ONBUILD trigger, or when a comment line inside the RUN would go with it.
 */
function deleteFix(model: DockerfileModel, inv: Invocation): Fix | null {
  const ins = inv.instruction;
  if (!READ_ONLY.has(inv.name) || !model.instructions.includes(ins) || ins.heredocs.length || ins.flags.length) return null;
  if (!ins.execForm) {
    const script = ins.script;
    if (!script || script.error || script.commands.length !== 1 || !inv.command || !ins.args.length) return null;
    if (comparePos(inv.command.range.start, ins.args[0].range.start) !== 0) return null;
    const tail = model.text.slice(model.index.offset(inv.command.range.end), model.index.offset(ins.range.end));
    if (!/^[ \t]*$/.test(tail)) return null;
  }
  return deleteInstructionFix(model, ins, `Remove the RUN of ${inv.name}`);
}
