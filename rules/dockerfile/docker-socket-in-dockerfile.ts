import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

const SOCKET = /docker\.sock\b/;
/** The socket's path as written: `/tmp/docker.sock` in `unix:///tmp/docker.sock`. */
const SOCKET_PATH = /[^\s:=,;"'[\]]*docker\.sock\b/;

export default defineDockerfileRule({
  meta: {
    id: "docker-socket-in-dockerfile",
    code: "DF118",
    category: "security",
    severity: "error",
    description: "The Dockerfile mounts, declares or points to the Docker daemon socket.",
    aliases: [],
    messages: {
      socket: "This {{what}} refers to the Docker socket `{{path}}`; a container that can reach the daemon's socket can start privileged containers and owns the host. Build images without it, or talk to a rootless daemon or a socket proxy with a narrow API.",
    },
  },
  check({ model, report }) {
    const hit = (what: string, range: Range | null, text: string) => range && report({ messageId: "socket", data: { what, path: (SOCKET_PATH.exec(text)?.[0] ?? "docker.sock").replace(/^\/+/, "/") }, range });
    for (const ins of everyInstruction(model)) {
      if (ins.keyword === "VOLUME") {
        if (ins.execForm) {
          const socket = ins.execForm.find((v) => SOCKET.test(v));
          if (socket !== undefined) hit("VOLUME", ins.argsRange, socket);
        } else for (const w of ins.args) if (SOCKET.test(w.value)) hit("VOLUME", w.range, w.value);
      } else if (ins.keyword === "ENV" || ins.keyword === "ARG") {
        for (const p of ins.properties) if (SOCKET.test(p.value)) hit(`${ins.keyword} value`, p.valueRange ?? p.range, p.value);
      } else if (ins.keyword === "RUN") {
        for (const f of ins.flags) if (f.name === "mount" && SOCKET.test(f.value ?? "")) hit("RUN mount", f.range, f.value ?? "");
        for (const c of ins.script?.commands ?? []) {
          for (const a of c.args) if (SOCKET.test(a.value)) hit("RUN command", a.range, a.value);
        }
      }
    }
  },
});
