import { everyInstruction } from "../../src/engine/instruction-index.js";
import { commandName } from "../../src/engine/query.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { ShellWord } from "../../src/engine/parse/shell.js";
import { findKnownSecret, isDummySecret, isPathValue } from "../../src/engine/secret-patterns.js";
import { isPlaceholder, isSecretName, isWeakSecret } from "../../src/engine/secrets.js";
import type { Range } from "../../src/engine/types.js";

const literal = (v: string) => !isPlaceholder(v) && !v.trim().startsWith("$") && !isDummySecret(v) && !isPathValue(v);
/** `--password value` style options whose next word is the secret. */
const VALUE_FLAGS = new Set(["--password", "--passwd", "--pass", "--token", "--api-key", "--apikey", "--secret", "--client-secret", "--access-key", "--secret-key"]);
/** Programs whose own options the word checks know: `-p` of a registry login or of the MySQL clients, curl's `-u`. */
interface Program {
  registryLogin: boolean;
  mysql: boolean;
  curl: boolean;
}
const OTHER: Program = { registryLogin: false, mysql: false, curl: false };
const PROGRAMS = new Map<string, Program>([
  ...["mysql", "mysqladmin", "mysqldump", "mariadb", "mariadb-admin", "mariadb-dump"].map((n): [string, Program] => [n, { ...OTHER, mysql: true }]),
  ...["docker", "podman", "buildah", "skopeo", "helm", "nerdctl"].map((n): [string, Program] => [n, { ...OTHER, registryLogin: true }]),
  ["curl", { ...OTHER, curl: true }],
]);

export default defineDockerfileRule({
  meta: {
    id: "secret-literal-value",
    code: "DF106",
    category: "security",
    severity: "error",
    description: "A credential is written literally in the Dockerfile (ENV, ARG, LABEL or a command line).",
    aliases: [],
    messages: {
      named: "`{{name}}` is given a literal credential, which is now in the repository and in every copy of the image; remove it, inject it at run time or as a build secret (`RUN --mount=type=secret`), and rotate it.",
      weak: "`{{name}}` is set to a well-known default password, which anyone who reads the Dockerfile or pulls the image knows; remove it and inject a generated secret at run time.",
      option: "`{{option}}` passes a literal credential on the command line, where it stays in the image history; read it from a build secret (`RUN --mount=type=secret`) instead, and rotate it.",
      known: "This value contains what looks like a {{kind}}; anything in a Dockerfile is in the repository and the image history. Remove it, rotate it, and provide it as a build or run-time secret.",
    },
  },
  check({ model, report }) {
    const reported = new Set<string>();
    const hit = (messageId: string, data: Record<string, string>, range: Range | null, secret: string) => {
      const key = range ? `${range.start.line}:${range.start.column}` : "";
      if (!range || reported.has(key)) return;
      reported.add(key);
      report({ messageId, data, range, secret });
    };
    const named = (name: string, value: string, range: Range | null) => {
      if (isSecretName(name) && literal(value)) hit(isWeakSecret(value) ? "weak" : "named", { name }, range, value);
    };
    const known = (text: string, range: Range | null) => {
      const found = findKnownSecret(text);
      if (found) hit("known", { kind: found.kind }, range, found.value);
    };
    for (const ins of everyInstruction(model)) {
      for (const p of ins.properties) {
        named(p.name, p.value, p.valueRange ?? p.range);
        known(p.value, p.valueRange ?? p.range);
      }
      if (ins.execForm && ins.keyword !== "SHELL") known(ins.execForm.join(" "), ins.argsRange);
      for (const h of ins.heredocs) if (ins.keyword !== "RUN") known(h.content, h.contentRange);
      for (const c of ins.script?.commands ?? []) {
        const name = commandName(c);
        for (const a of c.assigns) named(a.name, a.value, c.nameWord.range);
        // What the program is decides once per command which word checks apply.
        const program = PROGRAMS.get(name) ?? OTHER;
        for (let i = 0; i < c.args.length; i++) checkWord(program, c.args[i], c.args[i - 1]);
      }
    }

    function checkWord(program: Program, w: ShellWord, prev: ShellWord | undefined) {
      const v = w.value;
      const eq = v.indexOf("=");
      if (v.startsWith("--") && eq > 2) {
        const option = v.slice(0, eq);
        const value = v.slice(eq + 1);
        if (isSecretName(option.slice(2).replace(/-/g, "_")) && !/-(stdin|file|env|prompt)$/.test(option) && literal(value)) hit("option", { option }, w.range, value);
      }
      if (prev && VALUE_FLAGS.has(prev.value) && literal(v) && !v.startsWith("-")) hit("option", { option: prev.value }, w.range, v);
      if (prev && prev.value === "-p" && program.registryLogin && literal(v)) hit("option", { option: "-p" }, w.range, v);
      if (program.mysql && /^-p.+/.test(v) && literal(v.slice(2))) hit("option", { option: "-p" }, w.range, v.slice(2));
      if (program.curl) {
        const userpass = prev && (prev.value === "-u" || prev.value === "--user") ? v : /^-u.+:/.test(v) ? v.slice(2) : null;
        const pass = userpass && userpass.includes(":") ? userpass.slice(userpass.indexOf(":") + 1) : null;
        if (pass && literal(pass)) hit("option", { option: "curl -u" }, w.range, pass);
      }
      known(v, w.range);
    }
  },
});
