import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

const APT = /^(apt-get|apt|aptitude)$/;
const RPM_MANAGERS = /^(yum|dnf|microdnf|tdnf)$/;

/** Option or config text that disables a signature check, whatever program writes it. */
const CONFIG_TEXT: [RegExp, string][] = [
  [/AllowUnauthenticated\W{1,3}(true|1|yes)\b/i, "APT AllowUnauthenticated"],
  [/AllowInsecureRepositories\W{1,3}(true|1|yes)\b/i, "APT AllowInsecureRepositories"],
  [/trusted=yes/i, "APT source [trusted=yes]"],
  [/\bgpgcheck\s*=\s*(0|false|no)\b/i, "gpgcheck=0"],
];

/** A word each pattern of CONFIG_TEXT holds. */
const CONFIG_WORD = /AllowUnauthenticated|AllowInsecureRepositories|trusted=yes|gpgcheck/i;

function flagged(program: string, word: string): string | null {
  // Every option flagged starts with `--`; any other word can only match CONFIG_TEXT.
  if (!word.startsWith("--") && !CONFIG_WORD.test(word)) return null;
  if (program === "apk" && word === "--allow-untrusted") return "apk --allow-untrusted";
  if (APT.test(program) && /^--(allow-unauthenticated|force-yes|allow-insecure-repositories)$/.test(word)) return `${program} ${word}`;
  if (program === "rpm" && /^--(nosignature|nodigest|nofiledigest|noverify)$/.test(word)) return `rpm ${word}`;
  if ((RPM_MANAGERS.test(program) || program === "rpm") && word === "--nogpgcheck") return `${program} --nogpgcheck`;
  if (program === "zypper" && /^--no-gpg-checks?$/.test(word)) return `zypper ${word}`;
  const found = CONFIG_TEXT.find(([re]) => re.test(word));
  // A repository of packages built locally in the same step (`deb [trusted=yes] file:///tmp/debs ./`) has no signature to check.
  if (found && /trusted=yes/i.test(word) && /\]\s*(file|copy):/.test(word)) return null;
  return found ? found[1] : null;
}

export default defineDockerfileRule({
  meta: {
    id: "package-signature-bypass",
    code: "DF112",
    category: "security",
    severity: "error",
    description: "A package manager is told to skip signature or digest verification.",
    aliases: ["CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"],
    messages: {
      bypass: "{{what}} installs packages without checking their signature, so a tampered mirror or a man-in-the-middle can put any code into the image; import the repository's signing key instead of skipping the check.",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      for (const word of inv.command?.args ?? []) {
        const what = flagged(inv.name, word.value);
        if (what) report({ messageId: "bypass", data: { what: `\`${what}\`` }, range: word.range });
      }
    }
  },
});
