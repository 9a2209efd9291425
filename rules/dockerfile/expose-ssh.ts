import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "expose-ssh",
    code: "DF110",
    category: "security",
    severity: "warning",
    description: "The image exposes port 22 (SSH).",
    aliases: ["DS-0004", "CKV_DOCKER_1", "kics:5907595b-5b6d-4142-b173-dbb0e73fbff8"],
    messages: {
      ssh: "Port 22 is exposed, which means an SSH server runs in the container: one more daemon and credential to attack. For a shell, use `docker exec` (or `kubectl exec`) and remove the SSH port, unless SSH is the service itself (Git over SSH, SFTP, a bastion).",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "EXPOSE")) {
      for (const word of ins.args) {
        if (/^22(\/tcp)?$/i.test(word.value)) report({ messageId: "ssh", range: word.range });
      }
    }
  },
});
