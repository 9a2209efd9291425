import { pipArgsStart, runInvocations, shortBundleHas } from "../../src/engine/invocations.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

/** curl short options that take a value: a `k` after one of them belongs to that value. */
const CURL_VALUE_LETTERS = "oudHXAeEFTxrmwbcCKUYyzQtP";
const OFF = /^(0|false|no|off)$/i;

/** Environment variables that switch certificate checks off, with the test for their value. */
const ENV_SWITCHES: [RegExp, (v: string) => boolean][] = [
  [/^NODE_TLS_REJECT_UNAUTHORIZED$/, (v) => v.trim() === "0"],
  [/^PYTHONHTTPSVERIFY$/, (v) => v.trim() === "0"],
  [/^GIT_SSL_NO_VERIFY$/, (v) => v.trim() !== "" && !OFF.test(v.trim())],
  [/^NPM_CONFIG_STRICT_SSL$/i, (v) => OFF.test(v.trim())],
  [/^YARN_ENABLE_STRICT_SSL$/, (v) => OFF.test(v.trim())],
  [/^PIP_TRUSTED_HOST$/, (v) => v.trim() !== ""],
];

/** Settings written into config files or passed as options (yum.conf, apt.conf, .wgetrc, .npmrc, git -c). */
const CONFIG_TEXT: [RegExp, string][] = [
  [/\bsslverify\s*=\s*(0|false|no)\b/i, "sslverify=false"],
  [/Verify-(Peer|Host)\W{1,3}false\b/i, "APT Verify-Peer/Verify-Host false"],
  [/\bcheck_certificate\s*=\s*off\b/i, "wget check_certificate=off"],
  [/\bstrict-ssl\s*=\s*false\b/i, "strict-ssl=false"],
];
/** A word each pattern of CONFIG_TEXT holds: most words hold none, and skip the patterns. */
const CONFIG_WORD = /verify|check_certificate|strict-ssl/i;

export default defineDockerfileRule({
  meta: {
    id: "tls-verification-disabled",
    code: "DF111",
    category: "security",
    severity: "error",
    description: "A build step or the image environment turns off TLS certificate verification.",
    aliases: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16"],
    messages: {
      disabled: "{{what}} turns off TLS certificate verification, so anyone on the network path can feed tampered packages or data into the build or the app; install the missing CA certificate instead of disabling the check.",
    },
  },
  check({ model, report }) {
    const hit = (what: string, range: Range) => report({ messageId: "disabled", data: { what: `\`${what}\`` }, range });
    const envSwitch = (name: string, value: string) => ENV_SWITCHES.some(([re, bad]) => re.test(name) && bad(value));
    for (const ins of everyInstruction(model)) {
      if (ins.keyword !== "ENV" && ins.keyword !== "ARG") continue;
      for (const p of ins.properties) if (envSwitch(p.name, p.value)) hit(`${p.name}=${p.value}`, p.range);
    }
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (!c) continue;
      for (const a of c.assigns) if (envSwitch(a.name, a.value)) hit(`${a.name}=${a.value}`, c.nameWord.range);
      const pipStart = pipArgsStart(inv);
      const words = c.args;
      // The program decides once per command which option checks apply.
      const name = inv.name;
      const curl = name === "curl";
      const wget = name === "wget";
      const git = name === "git";
      const nodePm = name === "npm" || name === "pnpm" || name === "yarn";
      const conda = name === "conda";
      for (let i = 0; i < words.length; i++) {
        const w = words[i].value;
        const next = words[i + 1]?.value ?? "";
        let what: string | null = null;
        if (curl && (w === "--insecure" || shortBundleHas(w, "k", CURL_VALUE_LETTERS))) what = `curl ${w}`;
        else if (wget && w === "--no-check-certificate") what = `wget ${w}`;
        else if (pipStart >= 0 && i >= pipStart && (w === "--trusted-host" || w.startsWith("--trusted-host=") || /\.trusted-host$/.test(w))) what = `pip ${w.split("=")[0]}`;
        else if (git && /^http\.(.+\.)?sslverify(=(false|0|no))?$/i.test(w) && (/=/.test(w) || OFF.test(next))) what = `git ${w}`;
        else if (nodePm && (/^(strict-ssl|enableStrictSsl)$/.test(w) && OFF.test(next))) what = `${name} ${w} ${next}`;
        else if (nodePm && /^--strict-ssl=(false|0)$/.test(w)) what = `${name} ${w}`;
        else if (conda && w === "ssl_verify" && OFF.test(next)) what = `conda ssl_verify ${next}`;
        else if (CONFIG_WORD.test(w)) {
          const found = CONFIG_TEXT.find(([re]) => re.test(w));
          if (found) what = found[1];
        }
        if (what) hit(what, words[i].range);
      }
    }
  },
});
