import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

const SOCKET = /docker\.sock\b/;

export default defineDockerfileRule({
  meta: {
    id: "docker-socket-in-dockerfile",
    code: "DF118",
    category: "security",
    severity: "error",
    description: "The Dockerfile mounts, declares or points to the Docker daemon socket.",
    aliases: [],
    messages: {
      socket: "This {{what}} refers to the Docker socket; a container that can reach /var/run/docker.sock can start privileged containers and owns the host. Build images without it, or talk to a rootless daemon or a socket proxy with a narrow API.",
    },
  },
  check({ model, report }) {
    const hit = (what: string, range: Range | null) => range && report({ messageId: "socket", data: { what }, range });
    for (const ins of everyInstruction(model)) {
      if (ins.keyword === "VOLUME") {
        if (ins.execForm) {
          if (ins.execForm.some((v) => SOCKET.test(v))) hit("VOLUME", ins.argsRange);
        } else for (const w of ins.args) if (SOCKET.test(w.value)) hit("VOLUME", w.range);
      } else if (ins.keyword === "ENV" || ins.keyword === "ARG") {
        for (const p of ins.properties) if (SOCKET.test(p.value)) hit(`${ins.keyword} value`, p.valueRange ?? p.range);
      } else if (ins.keyword === "RUN") {
        for (const f of ins.flags) if (f.name === "mount" && SOCKET.test(f.value ?? "")) hit("RUN mount", f.range);
        for (const c of ins.script?.commands ?? []) {
          for (const a of c.args) if (SOCKET.test(a.value)) hit("RUN command", a.range);
        }
      }
    }
  },
});
