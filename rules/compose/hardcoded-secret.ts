import { environmentOf, isRecord, type ComposeModel, type ComposeService, type EnvVar } from "../../src/engine/parse/compose.js";
import { variableRefs } from "../../src/engine/parse/interpolation.js";
import { scalarSubRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { findKnownSecret, isDummySecret, urlPasswords } from "../../src/engine/secret-patterns.js";
import { isPlaceholder, isSecretName, isWeakSecret } from "../../src/engine/secrets.js";
import type { Range } from "../../src/engine/types.js";

export default defineComposeRule({
  meta: {
    id: "hardcoded-secret",
    code: "DC118",
    category: "security",
    severity: "error",
    description: "A credential is written into the Compose file as a literal environment value.",
    aliases: [],
    messages: {
      literal: "Service `{{service}}` sets `{{name}}` to a literal value in the Compose file, so the credential is in the repository and in every copy of it. Read it from the environment (`${{{name}}:?}`), an env_file kept out of git, or a Compose secret.",
      weak: "Service `{{service}}` sets `{{name}}` to a well-known default password, which is the first thing anyone tries. Generate a strong value and read it from the environment (`${{{name}}:?}`) or a Compose secret.",
      buildArg: "Service `{{service}}` passes `{{name}}` as a literal build argument, so the credential is in the repository and, once a RUN uses it, in the image's history. Pass it with `build.secrets` instead, which mounts it only for the RUN that needs it.",
      configContent: "Config `{{config}}` holds a {{kind}} in its inline `content`, so the credential is in the repository and in every copy of it. Declare it as a secret read from a file kept out of git or from the environment (`environment:`) instead.",
      fallbackUrl: "Service `{{service}}` sets `{{name}}` to a URL with a {{kind}} as the fallback of `${{{variable}}}`, so a deployment that forgets to set `{{variable}}` silently runs with a credential that is in the repository. Require it instead: `${{{variable}}:?{{variable}} must be set}`.",
      url: "Service `{{service}}` puts a {{kind}} in the URL in `{{name}}`, so the credential is in the repository. Build the URL from a variable (`${DB_PASSWORD:?}`) or pass the password separately through a secret.",
    },
  },
  check({ model, report }) {
    const seen = new Set<string>();
    const emit = (service: string, env: EnvVar, messageId: string, secret: string, range: Range | null, kind = "", variable = "") => {
      const key = range ? `${range.start.line}:${range.start.column}` : `${service}:${env.name}`;
      if (seen.has(key)) return; // one literal in an anchor shared by many services
      seen.add(key);
      report({ messageId, data: { service, name: env.name, kind, ...(variable && { variable }) }, range, service, secret });
    };
    for (const service of model.services) {
      const args = isRecord(service.data.build) ? environmentOf(service.data.build.args, [...service.path, "build", "args"]) : [];
      for (const env of [...service.environment, ...hookEnvironment(service), ...args]) {
        const value = env.value;
        if (value === null) continue;
        if (isSecretName(env.name) && !variableRefs(value).length && !isPlaceholder(value)) {
          const messageId = args.includes(env) ? "buildArg" : isWeakSecret(value) ? "weak" : "literal";
          emit(service.name, env, messageId, value, valueRange(model, env, 0, value.length));
          continue;
        }
        for (const pw of urlPasswords(value)) {
          // Compose uses the default of `${VAR:-default}` only when VAR is unset (or empty).
          const ref = variableRefs(value).find((r) => (r.operator === ":-" || r.operator === "-") && r.start < pw.start && pw.end < r.end);
          const kind = isWeakSecret(pw.password) ? "well-known default password" : "literal password";
          emit(service.name, env, ref ? "fallbackUrl" : "url", pw.password, valueRange(model, env, pw.start, pw.end), kind, ref?.name);
        }
      }
    }
    const configs = isRecord(model.data.configs) ? model.data.configs : {};
    for (const [name, config] of Object.entries(configs)) {
      const content = isRecord(config) && typeof config.content === "string" ? config.content : null;
      const found = content === null ? null : findKnownSecret(content);
      if (!found || isDummySecret(found.value)) continue;
      const path = ["configs", name, "content"];
      report({ messageId: "configContent", data: { config: name, kind: found.kind }, range: textRange(model, model.locate(path), found.value), secret: found.value });
    }
  },
});

/** Range of `text` written verbatim inside `range` (a block scalar holds it as written), else `range`. */
function textRange(model: ComposeModel, range: Range | null, text: string): Range | null {
  if (!range) return null;
  const start = model.index.offset(range.start);
  const at = model.text.slice(start, model.index.offset(range.end)).indexOf(text);
  return at < 0 ? range : model.index.range(start + at, start + at + text.length);
}

/** Range of `value.slice(start, end)` of an environment entry, in map (`KEY: value`) or list (`- KEY=value`) form. */
function valueRange(model: ComposeModel, env: EnvVar, start: number, end: number): Range | null {
  const listForm = typeof env.path[env.path.length - 1] === "number";
  const text = listForm ? `${env.name}=${env.value}` : env.value!;
  const offset = listForm ? env.name.length + 1 : 0;
  return scalarSubRange(model, model.locate(env.path), text, offset + start, offset + end);
}

/** The environment of the service's lifecycle hooks (`post_start`, `pre_stop`), written in the file like its own. */
function hookEnvironment(service: ComposeService): EnvVar[] {
  return ["post_start", "pre_stop"].flatMap((hook) => {
    const entries = service.data[hook];
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((entry, i) => (isRecord(entry) ? environmentOf(entry.environment, [...service.path, hook, i, "environment"]) : []));
  });
}
