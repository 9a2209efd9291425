import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { ComposeModel, ComposeService } from "../../src/engine/parse/compose.js";
import type { Project } from "../../src/engine/project.js";
import { oncePerRange, serviceNodes, verbatimScalar } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { NO_NEW_PRIVILEGES_OFF, noNewPrivileges, noNewPrivilegesSetting, securityOpts, securityOptsOf, type SecurityOpt } from "../../src/engine/security-opts.js";
import { insertServiceKey } from "../../src/engine/service-key-order.js";
import { isWindowsService, serviceDefines, servicesLacking } from "../../src/engine/service-lifecycle.js";
import type { Edit, Fix } from "../../src/engine/types.js";
import { appendEntry, hasMergeKey, removeEntry } from "../../src/engine/yaml-edit.js";

export default defineComposeRule({
  meta: {
    id: "no-new-privileges-missing",
    code: "DC109",
    category: "security",
    severity: "info",
    description: "A service does not set `security_opt: [no-new-privileges:true]`.",
    aliases: ["kics:27fcc7d6-c49b-46e0-98f1-6c082a6a2750"],
    fixable: true,
    messages: {
      missing: "Service `{{service}}` does not set `no-new-privileges:true`, so setuid binaries in the image can still raise a process's privileges. Add it under `security_opt`.",
      disabled: "Service `{{service}}` sets `no-new-privileges` to false, so setuid binaries in the image can raise a process's privileges. Set it to true.",
      rejected: "Service `{{service}}` sets `{{entry}}` under `security_opt`, which the Docker daemon refuses (it reads the entry exactly: lower case, no spaces, a value of true or false), so the container cannot be created. Write `no-new-privileges:true`.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of servicesLacking(project, model, (d) => noNewPrivileges(securityOptsOf(d, [])).enabled)) {
      // The Windows daemon reads no security option but a credential spec.
      if (isWindowsService(project, model, service)) continue;
      const { opt, rejected } = noNewPrivileges(securityOpts(service));
      const owned = ownsSecurityOpt(project, model, service);
      // Without a valid entry left, the last refused one becomes `no-new-privileges:true`; the others
      // are deleted (an explicit false has its own fix): no fix writes an entry the list already has.
      for (const entry of rejected) {
        const range = model.locate(entry.path);
        if (!once(range)) continue;
        const replace = !opt && entry === rejected[rejected.length - 1];
        const fix = !owned ? undefined : replace ? replaceFix(model, service, entry) : deleteFix(model, service, entry);
        report({ messageId: "rejected", severity: "error", data: { service: service.name, entry: entry.text ?? "" }, range, service: service.name, fix });
      }
      const fix = owned ? (opt ? enableFix(model, service, opt) : addFix(model, service)) : undefined;
      // With the refused entries fixed the option is on (a valid entry was, or the last refused one becomes
      // `no-new-privileges:true`): only an explicit false still needs saying.
      if (rejected.length && !(opt && noNewPrivilegesSetting(opt) === "off")) continue;
      if (opt) {
        const range = model.locate(opt.path);
        if (once(range)) report({ messageId: "disabled", data: { service: service.name }, range, service: service.name, fix });
        continue;
      }
      const hasOpts = service.data.security_opt !== undefined;
      report({
        messageId: "missing",
        data: { service: service.name },
        range: model.locateKey(hasOpts ? [...service.path, "security_opt"] : service.path),
        service: service.name,
        fix,
      });
    }
  },
});

/**
 * The service's `security_opt` is its own to edit: written in one document, in a service that is
 * not anchored and merges no anchor, with no list from an extends base or a Compose file beside
 * it that Compose would merge with it (the merged list is what counts, and an edit here may not
 * decide it).
 */
function ownsSecurityOpt(project: Project, model: ComposeModel, service: ComposeService): boolean {
  const node = model.doc.getIn(service.path, true) as Node | undefined;
  if (model.documents > 1 || !isMap(node) || node.anchor || hasMergeKey(model, service.path)) return false;
  return serviceDefines(project, model, service, (d) => d !== service.data && d.security_opt !== undefined) === false;
}

const ENTRY = "no-new-privileges:true";

/** Adds the entry to the service's list, or the list with it where service-keys-order puts `security_opt`. */
function addFix(model: ComposeModel, service: ComposeService): Fix | undefined {
  let edit: Edit | undefined;
  if (service.data.security_opt === undefined) {
    edit = insertServiceKey(model, service.path, "security_opt", `security_opt:\n${" ".repeat(sequenceIndent(model, service))}- ${ENTRY}`);
  } else if (Array.isArray(service.data.security_opt)) {
    edit = appendEntry(model, [...service.path, "security_opt"], ENTRY);
  }
  return edit && { description: "Set no-new-privileges", edits: [edit] };
}

/**
 * How far the file indents a block sequence past its key: as most of the lists written under
 * service keys are (`ports:` then `  - 80:80`, or `- 80:80` at the key's column; the first such
 * list on a tie), else as far as the service's keys are indented past its name.
 */
function sequenceIndent(model: ComposeModel, service: ComposeService): number {
  const column = (offset: number) => model.index.position(offset).column;
  const counts = new Map<number, number>();
  for (const { node } of serviceNodes(model)) {
    for (const pair of node.items) {
      const value = pair.value as Node | null;
      const first = isSeq(value) && !value.flow ? (value.items[0] as Node | undefined) : undefined;
      if (!first?.range || !isScalar(pair.key) || !pair.key.range) continue;
      const start = model.index.position(first.range[0]);
      const dash = model.index.line(start.line).lastIndexOf("-", start.column - 1);
      const offset = Math.max(0, dash + 1 - column(pair.key.range[0]));
      if (dash >= 0) counts.set(offset, (counts.get(offset) ?? 0) + 1);
    }
  }
  if (counts.size) return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const name = model.locateKey(service.path);
  const node = model.doc.getIn(service.path, true) as YAMLMap;
  const key = node.items[0]?.key as Node | undefined;
  return name && key?.range ? column(key.range[0]) - name.start.column : 2;
}

/**
 * Replaces an entry the daemon refuses with `no-new-privileges:true`, inside its quotes; a plain
 * entry of a flow list gets double quotes, as appendEntry writes one.
 */
function replaceFix(model: ComposeModel, service: ComposeService, opt: SecurityOpt): Fix | undefined {
  const raw = (service.data.security_opt as unknown[])[opt.path[opt.path.length - 1] as number];
  const node = model.doc.getIn(opt.path, true) as Node | undefined;
  const list = model.doc.getIn([...service.path, "security_opt"], true) as Node | undefined;
  if (typeof raw !== "string" || raw.includes("$") || !isScalar(node) || node.anchor || !list || list.anchor) return undefined;
  const inner = verbatimScalar(model, model.locate(opt.path), raw);
  if (!inner) return undefined;
  const text = node.type === "PLAIN" && isSeq(list) && list.flow ? `"${ENTRY}"` : ENTRY;
  return { description: "Set no-new-privileges", edits: [{ range: inner, text }] };
}

/** Deletes an entry the daemon refuses, when another entry sets the option. */
function deleteFix(model: ComposeModel, service: ComposeService, opt: SecurityOpt): Fix | undefined {
  const edit = removeEntry(model, [...service.path, "security_opt"], opt.path[opt.path.length - 1] as number);
  return edit && { description: "Remove the entry the daemon refuses", edits: [edit] };
}

/** Replaces the `false` (or `0`, `f`) of `no-new-privileges:false` (or `=false`) with `true`. */
function enableFix(model: ComposeModel, service: ComposeService, opt: SecurityOpt): Fix | undefined {
  if (!NO_NEW_PRIVILEGES_OFF.has(opt.value)) return undefined;
  const entries = service.data.security_opt as unknown[];
  const raw = entries[opt.path[opt.path.length - 1] as number];
  if (typeof raw !== "string" || raw.includes("$")) return undefined;
  const node = model.doc.getIn(opt.path, true) as Node | undefined;
  const list = model.doc.getIn([...service.path, "security_opt"], true) as Node | undefined;
  if (!node || node.anchor || !list || list.anchor) return undefined;
  const inner = verbatimScalar(model, model.locate(opt.path), raw);
  const value = /[:=]\s*(\S+)\s*$/.exec(raw);
  if (!inner || !value || value[1].toLowerCase() !== opt.value) return undefined;
  // Compose refuses a list that repeats an entry: when the list already switches it on with the
  // same words, the false goes instead.
  const enabled = `${raw.slice(0, value.index + value[0].indexOf(value[1], 1))}true`;
  if (entries.includes(enabled)) return deleteFix(model, service, opt);
  const start = model.index.offset(inner.start) + value.index + value[0].indexOf(value[1], 1);
  return { description: "Set no-new-privileges to true", edits: [{ range: model.index.range(start, start + value[1].length), text: "true" }] };
}
