import { baseImageRef } from "../../src/engine/image-refs.js";
import { runInvocations, type Invocation } from "../../src/engine/invocations.js";
import type { DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { officialUser } from "../../src/engine/official-images.js";
import { chainInstructions } from "../../src/engine/stage-roles.js";
import type { Fix } from "../../src/engine/types.js";
import { imageDefaultsToNonRoot, isRootUser } from "../../src/engine/users.js";

/** sudo options that, for root running as root, change nothing but the environment kept (-E). */
const KEEPS_ENV = /^(-E|--preserve-env(=.*)?)$/;
const HARMLESS = /^(--preserve-env(=.*)?|--set-home|--non-interactive|--stdin|--user=(root|#0))$/;

export default defineDockerfileRule({
  meta: {
    id: "sudo-in-run",
    code: "DF104",
    category: "security",
    severity: "warning",
    description: "RUN uses sudo.",
    aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1", "kics:8ada6e80-0ade-439e-b176-0b28f6bce35a"],
    fixable: true,
    messages: {
      sudo: "`sudo` in a RUN step means the image ships sudo and a sudo-capable user, and its TTY and environment handling is unpredictable in builds; switch with `USER root` for the step instead (or use gosu/su-exec at run time).",
      asUser: "`sudo -u {{user}}` in a RUN step keeps sudo in the image only to run a command as `{{user}}`, and sudo rewrites the environment and PATH the Dockerfile set; run the step under `USER {{user}}` instead (and switch back after it), or use `setpriv`/`gosu` for one command.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      if (inv.name !== "sudo") continue;
      const user = inv.command ? otherUser(inv.command.args.map((a) => a.value)) : null;
      const range = inv.command ? inv.command.nameWord.range : inv.range;
      if (user) report({ messageId: "asUser", data: { user }, range });
      else report({ messageId: "sudo", range, fix: dropSudoFix(model, inv) });
    }
  },
});

/** sudo's short options that take a value (`-g group`, `-C fd`, `-D dir`, `-p prompt`, …), `-u` aside. */
const VALUE_OPTIONS = "gCDprtTU";

/**
 * The user a sudo command runs as when it is not root (`-u app`, `-uapp`, `-Eu app`, `--user=app`,
 * `--user app`), read from its options up to the command; null for root or no `-u`.
 */
function otherUser(words: string[]): string | null {
  let user: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const v = words[i];
    if (v === "--" || !v.startsWith("-") || v === "-") break;
    if (v.startsWith("--")) {
      if (v.startsWith("--user=")) user = v.slice("--user=".length);
      else if (v === "--user") user = words[++i] ?? null;
      continue;
    }
    for (let j = 1; j < v.length; j++) {
      if (v[j] === "u") {
        user = v.slice(j + 1) || (words[++i] ?? null);
        break;
      }
      if (VALUE_OPTIONS.includes(v[j])) {
        if (j === v.length - 1) i++;
        break;
      }
    }
  }
  return user && user !== "root" && user !== "#0" ? user : null;
}

/**
 * Drops `sudo` and its options where the RUN already runs as root, so sudo would run the command
 * as the same user: only in shell form, with options that neither change the user, group or
 * directory (`-u app`, `-i`, `-s`) nor run it elsewhere (`-b`), and where sudo's environment
 * handling changes nothing the Dockerfile set. sudo resets the environment, so without `-E` the
 * stage must set no ENV or ARG before the RUN; and it looks commands up in its own secure_path, so
 * the stage must not set PATH.
 */
function dropSudoFix(model: DockerfileModel, inv: Invocation): Fix | undefined {
  const c = inv.command;
  const ins = inv.instruction;
  const stage = model.stages[ins.stageIndex];
  if (!c || c.assigns.length || ins.execForm || !stage || !model.instructions.includes(ins)) return undefined;
  const words = c.args;
  let i = 0;
  let keepsEnv = false;
  for (; i < words.length; i++) {
    const v = words[i].value;
    if (v === "--") {
      i++;
      break;
    }
    if (!v.startsWith("-") || v === "-") break;
    keepsEnv ||= KEEPS_ENV.test(v) || /^-[EHnS]*E/.test(v);
    if (HARMLESS.test(v)) continue;
    const bundle = /^-([EHnS]*)(u(.*))?$/.exec(v);
    if (!bundle || v === "-") return undefined;
    if (bundle[2] === undefined) continue;
    const user = bundle[3] || words[++i]?.value;
    if (user !== "root" && user !== "#0") return undefined;
  }
  const command = words[i];
  if (!command || /^[A-Za-z_][A-Za-z0-9_]*=/.test(command.value)) return undefined;
  const chain = chainInstructions(stage);
  const before = chain.slice(0, chain.indexOf(ins));
  if (!runsAsRoot(model, stage, before)) return undefined;
  if (before.some((b) => b.keyword === "ENV" && b.properties.some((p) => p.name === "PATH"))) return undefined;
  if (!keepsEnv && before.some((b) => b.keyword === "ENV" || b.keyword === "ARG")) return undefined;
  return { description: "Drop sudo", edits: [{ range: { start: c.nameWord.range.start, end: command.range.start }, text: "" }] };
}

/** True when the last USER before the RUN is root, or there is none and the base is an Official Image that runs as root. */
function runsAsRoot(model: DockerfileModel, stage: DfStage, before: readonly { keyword: string; args: { value: string }[] }[]): boolean {
  const users = before.filter((b) => b.keyword === "USER" && b.args.length);
  if (users.length) return isRootUser(users[users.length - 1].args[0].value) === true;
  const ref = baseImageRef(model, stage);
  return !!ref && officialUser(ref) === "root" && !imageDefaultsToNonRoot(ref);
}
