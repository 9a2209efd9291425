import { referencesOf, type Reference } from "../../src/engine/compose-references.js";
import type { ComposeService } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";

interface Edge {
  to: string;
  ref: Reference;
}

export default defineComposeRule({
  meta: {
    id: "depends-on-cycle",
    code: "DC313",
    category: "reliability",
    severity: "error",
    description: "Services depend on each other in a cycle (`depends_on`, `links`, `volumes_from`, `network_mode: service:`), which Compose refuses.",
    aliases: [],
    messages: {
      cycle: "Service `{{service}}` depends on `{{target}}` (`{{via}}`), which closes the dependency cycle {{cycle}}; `docker compose` refuses the project (\"cycle found\") since no service of the cycle can start first. Remove one of these dependencies.",
    },
  },
  check({ model, report }) {
    if (model.problems.length) return;
    const services = new Map<string, ComposeService>();
    for (const s of model.services) if (!services.has(s.name)) services.set(s.name, s);
    const edges = new Map<string, Edge[]>();
    for (const [name, s] of services) edges.set(name, referencesOf(s).filter((r) => r.section === "services" && r.via !== "extends" && services.has(r.name)).map((ref) => ({ to: ref.name, ref })));
    // Depth-first in file order, with an explicit stack: an edge into a service still on the path closes a cycle.
    const state = new Map<string, "open" | "done">();
    const reported = new Set<string>();
    for (const root of services.keys()) {
      if (state.has(root)) continue;
      const path: { name: string; next: number }[] = [{ name: root, next: 0 }];
      state.set(root, "open");
      while (path.length) {
        const top = path[path.length - 1];
        const edge = edges.get(top.name)![top.next++];
        if (!edge) {
          state.set(top.name, "done");
          path.pop();
          continue;
        }
        const seen = state.get(edge.to);
        if (seen === undefined) {
          state.set(edge.to, "open");
          path.push({ name: edge.to, next: 0 });
          continue;
        }
        if (seen === "done") continue;
        const members = path.slice(path.findIndex((p) => p.name === edge.to)).map((p) => p.name);
        const identity = [...members].sort().join(" ");
        if (reported.has(identity)) continue;
        reported.add(identity);
        const cycle = [...members, edge.to].map((n) => `\`${n}\``).join(" → ");
        const range = edge.ref.key ? model.locateKey(edge.ref.path) : model.locate(edge.ref.path);
        report({ messageId: "cycle", data: { service: top.name, target: edge.to, via: edge.ref.via, cycle }, range, service: top.name, identity: `cycle ${identity}` });
      }
    }
  },
});
