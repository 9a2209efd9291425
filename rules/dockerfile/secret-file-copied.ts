import { imageStages } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { trimSlashes } from "../../src/engine/paths.js";

/** Template `.env` files hold no secrets. */
const ENV_TEMPLATE = /^\.env\.(example|sample|template|tpl|tmpl|dist|defaults?|schema|test|ci)$/i;

/** What kind of credential a copied path is, or null. */
export function credentialFile(path: string): string | null {
  const clean = trimSlashes(path.replace(/^["']|["']$/g, ""));
  const parts = clean.split("/");
  const base = parts[parts.length - 1];
  const parent = parts[parts.length - 2] ?? "";
  if (/^\.env(\.[\w-]+)?$/i.test(base) && !ENV_TEMPLATE.test(base)) return "environment file with secrets";
  if (/^id_(rsa|dsa|ecdsa|ed25519)$/.test(base)) return "SSH private key";
  if (base === ".ssh") return "SSH directory";
  const publicKey = /pub|gpg|\.asc$/i.test(base);
  if (!publicKey && (/\.(key|p12|pfx|jks|keystore)$/i.test(base) || (/\.pem$/i.test(base) && /key|priv/i.test(base)))) return "private key or keystore";
  if (/^\.(netrc|pypirc|git-credentials|dockercfg)$/.test(base)) return "credentials file";
  if ((parent === ".aws" && base === "credentials") || (parent === ".docker" && base === "config.json") || (parent === ".kube" && base === "config")) return "credentials file";
  if (/^(credentials|service[-_]?account([-_.][\w-]+)?|[\w-]*-sa-key)\.json$/i.test(base) || base === "kubeconfig") return "credentials file";
  return null;
}

export default defineDockerfileRule({
  meta: {
    id: "secret-file-copied",
    code: "DF107",
    category: "security",
    severity: "error",
    description: "A key or credential file is copied into the final image.",
    aliases: ["DS-0031"],
    messages: {
      copied: "`{{path}}` ({{what}}) is copied into the image, where anyone who pulls it can read it even if a later step deletes it; use `RUN --mount=type=secret` for build-time use, or mount it at run time.",
    },
  },
  check({ model, report }) {
    for (const stage of imageStages(model)) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
        for (const src of copyOperands(model, ins).sources) {
          const what = credentialFile(src.value);
          if (what) report({ messageId: "copied", data: { path: src.value, what }, range: src.range });
        }
      }
    }
  },
});
