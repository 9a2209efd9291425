import type { DfStage } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

/** `/app`, `"/app"`, `$HOME/app`, `C:\app`, `c:/app`, `\app`. */
const ABSOLUTE = /^["']?([/\\$]|[A-Za-z]:[\\/])/;

export default defineDockerfileRule({
  meta: {
    id: "workdir-relative",
    code: "DF320",
    category: "reliability",
    severity: "warning",
    description: "WORKDIR is given a relative path before any WORKDIR of the file, so it depends on the base image's working directory.",
    aliases: ["DL3000", "buildkit:WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10", "kics:6b376af8-cfe8-49ab-a08d-f32de23661a4"],
    fixable: false,
    messages: {
      relative: "`WORKDIR {{path}}` is relative and no earlier WORKDIR of this file sets the directory, so where it lands depends on the base image's working directory. Use an absolute path.",
    },
  },
  check({ model, report }) {
    // Like BuildKit's WorkdirRelativePath: once a WORKDIR of the file (in the stage or the
    // stage it is built FROM) has run, the ones after it no longer depend on the base image.
    const workdirSet = new Set<DfStage>();
    for (const stage of model.stages) {
      let set = stage.baseStage ? workdirSet.has(stage.baseStage) : false;
      for (const ins of stage.instructions) {
        if (ins.keyword !== "WORKDIR" || !ins.args.length) continue;
        const path = ins.args.map((a) => a.value).join(" ");
        if (!set && !ABSOLUTE.test(path)) {
          report({
            messageId: "relative",
            data: { path },
            range: { start: ins.args[0].range.start, end: ins.args[ins.args.length - 1].range.end },
          });
        }
        set = true;
      }
      if (set) workdirSet.add(stage);
    }
  },
});
