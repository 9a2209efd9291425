import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

const SYSTEM_DIRS = ["/proc", "/sys", "/dev", "/boot", "/initrd", "/lost+found"];

/** Resolves `.` and `..` segments of an absolute path. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (!part || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

export default defineDockerfileRule({
  meta: {
    id: "workdir-system-dir",
    code: "DF115",
    category: "security",
    severity: "error",
    description: "WORKDIR points into a kernel or boot directory such as /proc, /dev or /boot.",
    aliases: ["DS-0030"],
    messages: {
      system: "WORKDIR `{{path}}` is inside `{{dir}}`, which the runtime mounts over or reserves for the kernel and boot loader, so files written there vanish or touch host interfaces; use an application directory such as /app.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "WORKDIR")) {
      const word = ins.args[0];
      if (!word || !word.value.startsWith("/")) continue;
      const path = normalize(word.value.replace(/^["']|["']$/g, ""));
      const dir = SYSTEM_DIRS.find((d) => path === d || path.startsWith(`${d}/`));
      if (dir) report({ messageId: "system", data: { path: word.value, dir }, range: word.range });
    }
  },
});
