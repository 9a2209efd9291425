import { isRecord, type ComposeModel, type ComposeService } from "../../src/engine/parse/compose.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { insertServiceKey } from "../../src/engine/service-key-order.js";
import { basename } from "../../src/engine/paths.js";
import { isOverrideService, lifecycleOf, serviceDefines } from "../../src/engine/service-lifecycle.js";
import type { Fix } from "../../src/engine/types.js";
import { hasMergeKey } from "../../src/engine/yaml-edit.js";

export default defineComposeRule({
  meta: {
    id: "restart-policy-missing",
    code: "DC302",
    category: "reliability",
    severity: "warning",
    description: "A long-running service has neither `restart:` nor `deploy.restart_policy`.",
    aliases: [],
    deploymentOnly: true,
    fixable: true,
    messages: {
      missing: "Service `{{service}}` has no restart policy, so it stays down after a crash or a host reboot; add `restart: unless-stopped` (or `deploy.restart_policy`).",
      noCondition: "Service `{{service}}` has a `deploy.restart_policy` without `condition`, which `docker compose` runs as no restart policy (and it replaces any `restart:`), so the service stays down after a crash or a host reboot; add `condition: any` (or `on-failure`).",
    },
  },
  check({ model, project, report }) {
    // `docker stack deploy` ignores `restart:` and restarts every task by default (condition any).
    if (isSwarmStack(model)) return;
    const once = oncePerRange();
    for (const service of fullServices(model)) {
      if (lifecycleOf(model, service) !== "long-running" || isOverrideService(project, model, service)) continue;
      const defines = serviceDefines(project, model, service, (d) => d.restart !== undefined || (isRecord(d.deploy) && d.deploy.restart_policy !== undefined));
      if (defines === false) {
        report({ messageId: "missing", data: { service: service.name }, range: model.locateKey(service.path), service: service.name, fix: restartFix(model, service) });
        continue;
      }
      // docker compose gives the engine `deploy.restart_policy.condition` as the policy's name, in
      // place of `restart:`; without a condition that name is empty, which the engine runs as "no".
      const deploy = isRecord(service.data.deploy) ? service.data.deploy : null;
      const policy = deploy && isRecord(deploy.restart_policy) ? deploy.restart_policy : null;
      if (!policy || (policy.condition !== undefined && policy.condition !== null)) continue;
      const range = model.locateKey([...service.path, "deploy", "restart_policy"]);
      if (once(range)) report({ messageId: "noCondition", data: { service: service.name }, range, service: service.name });
    }
  },
});

/**
 * deploy keys only Swarm acts on. Not update_config or rollback_config: they are often copied into
 * files that `docker compose` runs, which ignores them.
 */
const SWARM_ONLY = ["placement", "endpoint_mode"];

/**
 * A file written for `docker stack deploy`: its name says stack or swarm (`docker-compose.swarm.yml`,
 * `compose.stack.yaml`), or a service uses a deploy key only Swarm acts on, or `mode: global`.
 */
function isSwarmStack(model: ComposeModel): boolean {
  if (/(^|[-_.])(swarm|stack)([-_.]|$)/i.test(basename(model.path))) return true;
  return model.services.some((s) => {
    const deploy = s.data.deploy;
    return isRecord(deploy) && (SWARM_ONLY.some((k) => deploy[k] !== undefined) || deploy.mode === "global");
  });
}

/**
 * Adds `restart: unless-stopped`, the policy the message names, where service-keys-order puts it.
 * Not for a service that merges an anchor (`<<: *defaults`): the policy may belong with the
 * shared settings, which is the owner's choice.
 */
function restartFix(model: ComposeModel, service: ComposeService): Fix | undefined {
  if (hasMergeKey(model, service.path)) return undefined;
  const edit = insertServiceKey(model, service.path, "restart", "restart: unless-stopped");
  return edit && { description: "Restart the service unless it was stopped", edits: [edit] };
}
