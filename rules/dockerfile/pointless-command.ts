import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { runMounts } from "../../src/engine/run-mounts.js";

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
    messages: {
      pointless: "`{{program}}` does nothing useful in a build step: it is interactive, inspects or changes processes and mounts of a throw-away build container, or starts something that will not be running in the image; remove it or move it to the container's entrypoint.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      if (!POINTLESS.has(inv.name)) continue;
      // With `--mount=type=ssh` BuildKit forwards the SSH agent to the step, and ssh fetches something real.
      if (inv.name === "ssh" && runMounts(inv.instruction).some((m) => m.type === "ssh")) continue;
      report({ messageId: "pointless", data: { program: inv.name }, range: inv.command ? inv.command.nameWord.range : inv.range });
    }
  },
});
