import { isTrueValue } from "../../src/engine/compose-values.js";
import { bindSource, isRuntimeSocket, volumeSourceRange } from "../../src/engine/mounts.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "docker-socket-mount",
    code: "DC102",
    category: "security",
    severity: "error",
    description: "A service mounts the Docker (or another container runtime's) API socket.",
    aliases: ["kics:d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b"],
    messages: {
      socket: "Service `{{service}}` mounts the container runtime socket `{{source}}`; anything that can talk to it can start a privileged container and take over the host, read-only mount or not. Remove the mount, or put a filtering socket proxy in between that allows only the API calls the service needs.",
      apiSocket: "Service `{{service}}` sets `use_api_socket: true`, so Compose mounts the Docker API socket and the host user's registry credentials into it; anything that can talk to the socket can start a privileged container and take over the host. Remove it, or put a filtering socket proxy in between that allows only the API calls the service needs.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      for (const volume of service.volumes) {
        const source = volume.type === "npipe" ? volume.source : bindSource(volume);
        if (!source || !isRuntimeSocket(source)) continue;
        const range = volumeSourceRange(model, volume);
        if (!once(range)) continue;
        report({ messageId: "socket", data: { service: service.name, source: volume.source! }, range, service: service.name });
      }
      if (!isTrueValue(service.data.use_api_socket)) continue;
      const range = model.locateKey([...service.path, "use_api_socket"]);
      if (once(range)) report({ messageId: "apiSocket", data: { service: service.name }, range, service: service.name });
    }
  },
});
