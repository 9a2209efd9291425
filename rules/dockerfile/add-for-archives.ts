import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { isArchivePath } from "../../src/engine/sources.js";
import type { Range } from "../../src/engine/types.js";

const UNPACKERS = new Set(["unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat"]);
const basename = (p: string) => p.replace(/^["']|["']$/g, "").split(/[/\\]/).pop() ?? "";

export default defineDockerfileRule({
  meta: {
    id: "add-for-archives",
    code: "DF410",
    category: "maintainability",
    severity: "info",
    description: "A local archive is copied with COPY and then extracted in a RUN, which ADD does in one step.",
    aliases: ["DL3010"],
    messages: {
      archive: "`{{file}}` is copied and then unpacked by a later RUN, which leaves the archive in a layer of the image; `ADD {{file}} <dir>` unpacks a local tar archive in one step without keeping it.",
    },
  },
  check({ model, report }) {
    // Per stage, like hadolint: archives remembered from COPY, matched by base name in tar/unzip calls.
    const archives = new Map<string, { stage: number; name: string; range: Range }>();
    const reported = new Set<string>();
    const extracts = [...runInvocations(model)].filter((inv) => {
      if (UNPACKERS.has(inv.name)) return true;
      if (inv.name !== "tar") return false;
      return inv.args.some((a, i) => a === "--extract" || a === "--get" || (/^-[A-Za-z]*x/.test(a) && !a.startsWith("--")) || (i === 0 && /^[A-Za-wyz]*x[A-Za-z]*$/.test(a)));
    });
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword === "COPY" && !ins.flags.some((f) => f.name === "from")) {
          const { sources, dest } = copyOperands(model, ins);
          const named = dest && sources.length && isArchivePath(dest.value) ? [{ ...sources[0], value: dest.value }] : sources.filter((s) => isArchivePath(s.value));
          for (const s of named) archives.set(`${stage.index}:${basename(s.value)}`, { stage: stage.index, name: basename(s.value), range: s.range });
        }
        if (ins.keyword !== "RUN") continue;
        for (const inv of extracts.filter((e) => e.instruction === ins)) {
          for (const arg of inv.args) {
            const key = `${stage.index}:${basename(arg)}`;
            const found = !arg.startsWith("-") && archives.get(key);
            if (!found || reported.has(key)) continue;
            reported.add(key);
            report({ messageId: "archive", data: { file: found.name }, range: found.range });
          }
        }
      }
    }
  },
});
