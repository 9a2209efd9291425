import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { shippedStages } from "../../src/engine/stage-roles.js";

const flagsKey = (ins: DfInstruction) => ins.flags.map((f) => `${f.name}=${f.value ?? ""}`).sort().join(" ");
/**
 * Commands a RUN executes (exec form: one); more than two means the split is probably deliberate.
 * Scripts of a non-POSIX SHELL (PowerShell, cmd) or that do not parse cannot be counted.
 */
/** Commands of a RUN; Infinity when they cannot be counted (a script that does not parse, a cmd or PowerShell shell). */
const commandCount = (model: DockerfileModel, ins: DfInstruction) =>
  ins.execForm ? 1 : shellDialect(model, ins) && ins.script && !ins.script.error ? ins.script.commands.length : Infinity;

export default defineDockerfileRule({
  meta: {
    id: "run-consolidation",
    code: "DF210",
    category: "efficiency",
    severity: "info",
    description: "Consecutive short RUNs, or consecutive COPY/ADD to the same destination, that could be one instruction.",
    aliases: ["DL3059", "kics:0008c003-79aa-42d8-95b8-1c2fe37dbfe6"],
    messages: {
      run: "These {{count}} consecutive RUN instructions each add a layer and a cache step; chain the commands with `&&` in one RUN (keep separate RUNs only where you want separate cache points).",
      copy: "These {{count}} consecutive {{keyword}} instructions copy to the same destination `{{dest}}`, one layer each; list the sources in a single {{keyword}}.",
    },
  },
  check({ model, project, report }) {
    const shipped = shippedStages(model, project);
    const flush = (group: DfInstruction[], messageId: string, dest = "") => {
      if (group.length < 2) return;
      const range = { start: group[0].range.start, end: group[group.length - 1].range.end };
      report({ messageId, data: { count: group.length, keyword: group[0].keyword, dest }, range });
    };
    for (const stage of model.stages) {
      let runs: DfInstruction[] = [];
      let copies: DfInstruction[] = [];
      let dest = "";
      for (const ins of stage.instructions) {
        const short = ins.keyword === "RUN" && commandCount(model, ins) <= 2 && !ins.heredocs.length;
        if (short && runs.length && flagsKey(runs[0]) === flagsKey(ins)) runs.push(ins);
        else {
          flush(runs, "run");
          runs = short ? [ins] : [];
        }
        const target = (ins.keyword === "COPY" || ins.keyword === "ADD") && !ins.heredocs.length ? copyOperands(model, ins).dest?.value ?? null : null;
        const same = copies.length && target !== null && ins.keyword === copies[0].keyword && target === dest && flagsKey(copies[0]) === flagsKey(ins);
        if (same) copies.push(ins);
        else {
          if (shipped.has(stage)) flush(copies, "copy", dest);
          copies = target !== null ? [ins] : [];
          dest = target ?? "";
        }
      }
      flush(runs, "run");
      if (shipped.has(stage)) flush(copies, "copy", dest);
    }
  },
});
