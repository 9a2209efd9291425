import { resolvedOrNull } from "../../src/engine/compose-values.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

/** A retry count that limits anything: Docker reads a maximum of 0 (`on-failure:0`, `max_attempts: 0`) as no limit. */
const isLimit = (count: string | undefined): boolean => count !== undefined && Number(count) !== 0;

export default defineComposeRule({
  meta: {
    id: "restart-on-failure-retries",
    code: "DC311",
    category: "reliability",
    severity: "off",
    description: "An `on-failure` restart policy retries a number of times other than the CIS benchmark's 5.",
    aliases: ["kics:2fc99041-ddad-49d5-853f-e35e70a48391"],
    options: { retries: 5 },
    optionTypes: { retries: "positive-integer" },
    messages: {
      count: "Service `{{service}}` restarts on failure up to {{count}} times; the CIS Docker Benchmark (5.14) asks for {{retries}}, so a crash-looping container neither gives up too early nor restarts forever.",
      unlimited: "Service `{{service}}` restarts on failure without a limit, so a crash-looping container restarts forever; cap it at {{retries}} attempts (CIS Docker Benchmark 5.14), e.g. `on-failure:{{retries}}`.",
      replaced: "Service `{{service}}` sets `restart: {{restart}}`, but docker compose runs its `deploy.restart_policy` instead, so this retry count is never used; remove the `restart:` line.",
    },
  },
  check({ model, options, report }) {
    const retries = Number(options.retries ?? 5);
    const once = oncePerRange();
    for (const service of model.services) {
      const deploy = isRecord(service.data.deploy) ? service.data.deploy : null;
      const policy = deploy && isRecord(deploy.restart_policy) ? deploy.restart_policy : null;
      const restart = service.data.restart;
      if (typeof restart === "string") {
        const m = /^on-failure(?::(\d+))?$/.exec(interpolate(restart).trim());
        if (m && Number(m[1]) !== retries) {
          // docker compose runs `deploy.restart_policy` in place of `restart:` when both are set.
          const messageId = policy ? "replaced" : isLimit(m[1]) ? "count" : "unlimited";
          const data = { service: service.name, count: m[1] ?? "", retries, restart };
          const range = model.locate([...service.path, "restart"]);
          if (once(range)) report({ messageId, data, range, service: service.name });
        }
      }
      if (!policy || policy.condition !== "on-failure") continue;
      const path = [...service.path, "deploy", "restart_policy"];
      if (policy.max_attempts === undefined || policy.max_attempts === null) {
        const range = model.locate([...path, "condition"]);
        if (once(range)) report({ messageId: "unlimited", data: { service: service.name, retries }, range, service: service.name });
      } else if (resolvedOrNull(String(policy.max_attempts)) !== null && Number(interpolate(String(policy.max_attempts))) !== retries) {
        const count = interpolate(String(policy.max_attempts)).trim();
        const range = model.locate([...path, "max_attempts"]);
        if (once(range)) report({ messageId: isLimit(count) ? "count" : "unlimited", data: { service: service.name, count: String(policy.max_attempts), retries }, range, service: service.name });
      }
    }
  },
});
