import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";

const SH = /^\/(usr\/)?bin\/sh$/;

export default defineDockerfileRule({
  meta: {
    id: "shell-change-via-run",
    code: "DF403",
    category: "maintainability",
    severity: "info",
    description: "The default shell is replaced from a RUN step instead of with SHELL.",
    aliases: ["DL4005", "kics:8a301064-c291-4b20-adcb-403fe7fd95fd"],
    messages: {
      replace: "Replacing /bin/sh from RUN changes the shell behind the builder's back (and for every program in the image that runs sh); use `SHELL [\"/bin/bash\", \"-c\"]` to choose the shell for later instructions.",
      wrap: "Every RUN that starts `{{program}}` spawns a second shell; set it once with `SHELL [\"{{program}}\", \"-Command\"]` and write the commands directly.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (!c) continue;
      const word = replacedShell(inv.name, c);
      if (word) report({ messageId: "replace", range: word });
      else if (/^(powershell|pwsh)(\.exe)?$/i.test(inv.name) && c === inv.instruction.script?.commands[0]) {
        report({ messageId: "wrap", data: { program: inv.name }, range: c.nameWord.range });
      }
    }
  },
});

function replacedShell(program: string, c: ShellCommand) {
  const positional = c.args.filter((a) => !a.value.startsWith("-"));
  if (program === "ln") return positional.find((a) => SH.test(a.value))?.range ?? null;
  if (program === "mv" || program === "cp") {
    const last = positional[positional.length - 1];
    return positional.length >= 2 && SH.test(last.value) ? last.range : null;
  }
  if (program === "chsh" && c.args.some((a) => a.value === "-s" || a.value.startsWith("--shell"))) {
    // chsh -s <shell> without a user name changes the build user's (root's) shell.
    const values = c.args.filter((a, i) => !a.value.startsWith("-") && !/^(-s|--shell)$/.test(c.args[i - 1]?.value ?? ""));
    return values.length === 0 ? c.nameWord.range : null;
  }
  if (program === "dpkg-reconfigure" && positional.some((a) => a.value === "dash")) return c.nameWord.range;
  return null;
}
