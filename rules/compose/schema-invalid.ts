import { consistencyIssues } from "../../src/engine/compose-consistency.js";
import { MAX_VALIDATED_STRING, validateComposeSchema, type SchemaIssue } from "../../src/engine/compose-schema.js";
import type { ComposeModel, YamlPath } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { dirname } from "../../src/engine/paths.js";
import { isOverrideFile } from "../../src/engine/service-lifecycle.js";

/** At most this many schema findings per file: past that, the first ones say enough. */
const MAX_ISSUES = 50;

/** A path segment as shown in a message: a long key is cut short. */
const segment = (seg: string) => (seg.length > 60 ? `${seg.slice(0, 40)}…` : seg);

const show = (path: YamlPath) =>
  path.reduce<string>((out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out ? `${out}.${segment(seg)}` : segment(seg)), "") || "the file";

export default defineComposeRule({
  meta: {
    id: "schema-invalid",
    code: "DC310",
    category: "reliability",
    severity: "error",
    description: "The file is not valid YAML, does not follow the Compose specification's schema, or sets what Compose refuses together.",
    aliases: ["invalid-yaml", "invalid-schema"],
    messages: {
      yaml: "The file is not valid YAML ({{problem}}), so Docker Compose cannot load it; fix the syntax here.",
      empty: "The file holds no Compose configuration (it is empty or only comments), so `docker compose` refuses it (\"empty compose file\"); add its services, or remove the file.",
      unknownKey: "`{{key}}` is not a key Compose allows in `{{where}}`, so `docker compose` refuses the file; fix the spelling, move it to the right level, or prefix a custom key with `x-`.",
      type: "`{{where}}` must be {{allowed}}, so `docker compose` refuses the file; change the value's type.",
      enum: "`{{where}}` must be one of {{allowed}}, so `docker compose` refuses the file.",
      required: "`{{where}}` lacks the required key `{{key}}`, so `docker compose` refuses the file.",
      other: "`{{where}}` {{detail}} under the Compose specification, so `docker compose` refuses the file.",
      distinct: "`{{where}}` is {{value}} but `{{other}}` is {{otherValue}}; Compose requires the two to be equal and refuses the file. Write the value in one place, `{{other}}`.",
      distinctMissing: "`{{where}}` is {{value}} but `{{other}}` is not set while `{{holder}}` is; Compose reads the missing value as 0, finds the two distinct and refuses the file. Move the value to `{{other}}`.",
      exclusive: "`{{where}}` and `{{other}}` exclude each other, so `docker compose` refuses the file; keep only one of them.",
      watchTarget: "`{{where}}` uses the `{{value}}` action without a `target`, so `docker compose` refuses the file; add the path in the container to sync to.",
      healthcheckTest: "`{{where}}` is `{{value}}`, but a list-form healthcheck test starts with `CMD`, `CMD-SHELL` or `NONE`, so `docker compose` refuses the file; put `CMD` (arguments run as written) or `CMD-SHELL` (one shell command) first.",
      platform: "`{{where}}` is `{{value}}`, which `build.platforms` does not list, so `docker compose` refuses the file; add it to `build.platforms` (or change the platform).",
      sharedNetworkPorts: "`{{where}}` publishes ports although the service joins the network of another container (`network_mode: {{value}}`), so Docker refuses to create it (\"conflicting options: port publishing and the container type network mode\"); publish the ports on that other service.",
      tooLongValue: "The value of `{{where}}` is {{detail}} characters long, more than the {{limit}} the schema check reads, so it was not checked against the Compose specification; shorten it or move the content to a file.",
      tooLongKey: "The key `{{where}}` is {{detail}} characters long, more than the {{limit}} the schema check reads, so it and what it holds were not checked against the Compose specification.",
    },
  },
  check({ model, project, report }) {
    for (const problem of model.problems) {
      report({ messageId: "yaml", data: { problem: problem.message.replace(/\s+/g, " ").trim() }, range: problem.range });
    }
    if (model.problems.length) return;
    if (!Object.keys(model.data).length && standsAlone(project.composeFiles, model.path)) {
      report({ messageId: "empty", range: model.index.range(0, 0) });
      return;
    }
    for (const issue of validateComposeSchema(model.data, model.doc).slice(0, MAX_ISSUES)) {
      if (issue.kind === "tooLong") {
        const key = issue.key !== null;
        const where = show(key ? [...issue.path, issue.key!] : issue.path);
        const data = { where, detail: issue.detail, limit: String(MAX_VALIDATED_STRING) };
        report({ messageId: key ? "tooLongKey" : "tooLongValue", data, range: rangeOf(model, issue), service: serviceOf(issue.path), severity: "info" });
        continue;
      }
      report({ messageId: issue.kind, data: dataOf(issue), range: rangeOf(model, issue), service: serviceOf(issue.path) });
    }
    // What Compose checks after the schema: settings of a service that contradict each other.
    const once = oncePerRange();
    for (const service of model.services) {
      for (const issue of consistencyIssues(service)) {
        const atValue = issue.kind === "watchTarget" || issue.kind === "healthcheckTest";
        const range = atValue ? model.locate(issue.path) : model.locateKey(issue.path);
        if (!once(range)) continue;
        const where = atValue ? show(issue.path) : show([...service.path, issue.key]);
        const missing = issue.kind === "distinct" && issue.otherValue === "nothing";
        const data = { where, other: issue.other, value: issue.value, otherValue: issue.otherValue, holder: issue.other.split(".").slice(0, -1).join(".") };
        report({ messageId: missing ? "distinctMissing" : issue.kind, data, range, service: service.name });
      }
    }
  },
});

/**
 * Compose skips an empty file merged with others (`-f compose.yaml -f empty.yaml`) and refuses a
 * project that ends up empty: an empty file is an error only where nothing is merged with it, not
 * as an override file or beside another Compose file of its directory.
 */
function standsAlone(files: readonly { path: string }[], path: string): boolean {
  return !isOverrideFile(path) && !files.some((f) => f.path !== path && dirname(f.path) === dirname(path));
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "empty",
};

function dataOf(issue: SchemaIssue): Record<string, string> {
  const allowed = issue.kind === "enum" ? issue.allowed.map((a) => `\`${a}\``) : issue.allowed.map((t) => TYPE_NAMES[t] ?? t);
  return {
    where: show(issue.path),
    key: issue.key ?? "",
    allowed: allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}` : allowed.join(""),
    detail: issue.detail,
  };
}

function rangeOf(model: ComposeModel, issue: SchemaIssue) {
  if ((issue.kind === "unknownKey" || issue.kind === "tooLong") && issue.key !== null) return model.locateKey([...issue.path, issue.key]);
  if (issue.kind === "required" || !issue.path.length) return model.locateKey(issue.path);
  const value = model.doc.getIn(issue.path);
  return value === null || value === undefined ? model.locateKey(issue.path) : model.locate(issue.path);
}

const serviceOf = (path: YamlPath) => (path[0] === "services" && typeof path[1] === "string" ? path[1] : undefined);
