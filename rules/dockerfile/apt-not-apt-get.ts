import { allRunCommands } from "../../src/engine/execform.js";
import { packageCommand, subcommandOf } from "../../src/engine/package-managers.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Edit } from "../../src/engine/types.js";

/**
 * apt subcommands that apt-get runs the same way; `upgrade` too once given `--with-new-pkgs`:
 * `apt upgrade` installs the new packages an upgrade needs, `apt-get upgrade` holds those upgrades
 * back.
 */
const SAME_IN_APT_GET = new Set(["install", "update", "upgrade", "dist-upgrade", "remove", "purge", "autoremove", "clean", "autoclean", "source", "build-dep", "download", "reinstall"]);

export default defineDockerfileRule({
  meta: {
    id: "apt-not-apt-get",
    code: "DF315",
    category: "reliability",
    severity: "info",
    description: "`apt` is used in a script; its interface is meant for people, not for builds.",
    aliases: ["DL3027", "CKV_DOCKER_9", "kics:b84a0b47-2e99-4c9f-8933-98bcabe2b94d"],
    fixable: true,
    messages: {
      apt: "`apt` is the interactive front end: its output and behaviour may change between releases and it warns that it has no stable CLI. Use `apt-get` (or `apt-cache` for queries) in a Dockerfile.",
    },
  },
  check({ model, report }) {
    for (const { instruction, command: raw } of allRunCommands(model)) {
      const found = packageCommand(raw);
      if (found?.manager !== "apt") continue;
      const word = found.command.nameWord;
      const subWord = subcommandOf(found.command);
      const sub = subWord?.value;
      const exec = !!instruction.execForm;
      const literal = exec ? word.raw === '"apt"' : word.raw === "apt";
      const edits: Edit[] = [{ range: exec ? shrink(word.range) : word.range, text: "apt-get" }];
      if (subWord && sub === "upgrade" && !found.command.args.some((a) => a.value === "--with-new-pkgs")) {
        edits.push({ range: { start: subWord.range.end, end: subWord.range.end }, text: exec ? ', "--with-new-pkgs"' : " --with-new-pkgs" });
      }
      report({
        messageId: "apt",
        range: word.range,
        fix: literal && sub && SAME_IN_APT_GET.has(sub) ? { description: sub === "upgrade" ? "Use apt-get upgrade --with-new-pkgs" : "Use apt-get", edits } : undefined,
      });
    }
  },
});

/** The range inside the quotes of a JSON string token on one line. */
const shrink = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) => ({
  start: { line: r.start.line, column: r.start.column + 1 },
  end: { line: r.end.line, column: r.end.column - 1 },
});
