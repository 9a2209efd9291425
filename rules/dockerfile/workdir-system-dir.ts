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
      system: "WORKDIR `{{path}}` is inside `{{dir}}`, which the container runtime mounts over at start (procfs, sysfs or a /dev tmpfs), so files the build writes there vanish and the process works among kernel interfaces; use an application directory such as /app.",
      reserved: "WORKDIR `{{path}}` is inside `{{dir}}`, which belongs to the boot loader or the file system checker and has no use in a container image; use an application directory such as /app.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "WORKDIR")) {
      const word = ins.args[0];
      if (!word || !word.value.startsWith("/")) continue;
      const path = normalize(word.value.replace(/^["']|["']$/g, ""));
      const dir = SYSTEM_DIRS.find((d) => path === d || path.startsWith(`${d}/`));
      const mounted = dir === "/proc" || dir === "/sys" || dir === "/dev";
      if (dir) report({ messageId: mounted ? "system" : "reserved", data: { path: word.value, dir }, range: word.range });
    }
  },
});
