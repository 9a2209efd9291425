import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "chpasswd-in-run",
    code: "DF113",
    category: "security",
    severity: "warning",
    description: "A RUN step sets or clears an account password in the image.",
    aliases: ["CKV2_DOCKER_17"],
    messages: {
      chpasswd: "`chpasswd` bakes an account password into the image (and usually into the build history in clear text); containers should not need passwords: remove it, or set credentials at run time from a secret.",
      passwd: "`passwd {{flag}}` sets or removes an account password in the image; containers should not need passwords: remove it, or lock the account with `passwd -l`.",
      hash: "`{{program}} {{flag}}` writes a password hash into the image, where anyone who pulls it can read and crack it; create the account without a password.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (inv.name === "chpasswd") {
        report({ messageId: "chpasswd", range: c ? c.nameWord.range : inv.range });
        continue;
      }
      if (!c) continue;
      if (inv.name === "passwd") {
        const flag = c.args.find((a) => /^(-d|--delete|--stdin)$/.test(a.value));
        if (flag) report({ messageId: "passwd", data: { flag: flag.value }, range: flag.range });
      } else if (inv.name === "useradd" || inv.name === "usermod" || inv.name === "adduser") {
        const flag = c.args.find((a) => a.value === "-p" || a.value === "--password" || a.value.startsWith("--password="));
        if (flag) report({ messageId: "hash", data: { program: inv.name, flag: flag.value.split("=")[0] }, range: flag.range });
      }
    }
  },
});
