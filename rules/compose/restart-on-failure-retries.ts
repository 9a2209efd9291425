import { isMap, isScalar } from "yaml";
import { resolvedOrNull } from "../../src/engine/compose-values.js";
import { isRecord, type ComposeModel, type YamlPath } from "../../src/engine/parse/compose.js";
import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange, verbatimScalar } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import type { Fix } from "../../src/engine/types.js";
import { insertKey, keyName, ownedNode } from "../../src/engine/yaml-edit.js";

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
    deploymentOnly: true,
    fixable: true,
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
        // With a deploy policy in its place, only a count written here goes unused (the policy is judged below).
        if (m && Number(m[1]) !== retries && !(policy && m[1] === undefined)) {
          // docker compose runs `deploy.restart_policy` in place of `restart:` when both are set.
          const messageId = policy ? "replaced" : isLimit(m[1]) ? "count" : "unlimited";
          const data = { service: service.name, count: m[1] ?? "", retries, restart };
          const range = model.locate([...service.path, "restart"]);
          // With a deploy policy in its place the count is never used: no count to write.
          const fix = policy ? undefined : valueFix(model, [...service.path, "restart"], /^on-failure(:\d+)?$/, `on-failure:${retries}`);
          if (once(range)) report({ messageId, data, range, service: service.name, fix });
        }
      }
      if (!policy || policy.condition !== "on-failure") continue;
      const path = [...service.path, "deploy", "restart_policy"];
      if (policy.max_attempts === undefined || policy.max_attempts === null) {
        const range = model.locate([...path, "condition"]);
        if (once(range)) report({ messageId: "unlimited", data: { service: service.name, retries }, range, service: service.name, fix: maxAttemptsFix(model, path, retries) });
      } else if (resolvedOrNull(String(policy.max_attempts)) !== null && Number(interpolate(String(policy.max_attempts))) !== retries) {
        const count = interpolate(String(policy.max_attempts)).trim();
        const range = model.locate([...path, "max_attempts"]);
        const fix = valueFix(model, [...path, "max_attempts"], /^\d+$/, String(retries));
        if (once(range)) report({ messageId: isLimit(count) ? "count" : "unlimited", data: { service: service.name, count: String(policy.max_attempts), retries }, range, service: service.name, fix });
      }
    }
  },
});

/** Rewrites the scalar at `path` to `text` when its source, quotes aside, is `pattern` (no variable). */
function valueFix(model: ComposeModel, path: YamlPath, pattern: RegExp, text: string): Fix | undefined {
  const node = ownedNode(model, path);
  if (!isScalar(node) || (node.type !== "PLAIN" && node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE")) return undefined;
  const value = String(node.value);
  const inner = pattern.test(value) ? verbatimScalar(model, model.locate(path), value) : null;
  return inner ? { description: `Restart on failure ${text.replace(/^on-failure:/, "")} times at most`, edits: [{ range: inner, text }] } : undefined;
}

/** Adds `max_attempts` to a block `restart_policy`, right under its `condition`. */
function maxAttemptsFix(model: ComposeModel, path: YamlPath, retries: number): Fix | undefined {
  const node = ownedNode(model, path);
  if (!isMap(node)) return undefined;
  const condition = node.items.findIndex((p) => keyName(p.key) === "condition");
  const edit = condition >= 0 ? insertKey(model, path, `max_attempts: ${retries}`, condition + 1) : undefined;
  return edit && { description: `Restart on failure ${retries} times at most`, edits: [edit] };
}
