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
    description: "WORKDIR is given a relative path, which depends on the previous working directory.",
    aliases: ["DL3000", "buildkit:WorkdirRelativePath", "DS-0009", "CKV_DOCKER_10", "kics:6b376af8-cfe8-49ab-a08d-f32de23661a4"],
    fixable: true,
    messages: {
      relative: "`WORKDIR {{path}}` is relative, so where it lands depends on the working directory that the base image or an earlier WORKDIR left behind. Use an absolute path.",
      resolved: "`WORKDIR {{path}}` is relative: it lands in `{{resolved}}` only through the WORKDIR before it, which a reader has to find first, and it moves if that one changes. Write `{{resolved}}`.",
    },
  },
  check({ model, report }) {
    const workdirAfter = new Map<DfStage, string | null>();
    for (const stage of model.stages) {
      // The working directory in effect, when this file alone determines it.
      let current = stage.baseStage ? workdirAfter.get(stage.baseStage) ?? null : null;
      for (const ins of stage.instructions) {
        if (ins.keyword !== "WORKDIR" || !ins.args.length) continue;
        const path = ins.args.map((a) => a.value).join(" ");
        if (ABSOLUTE.test(path)) {
          current = /^\/[^$"'\\]*$/.test(path) ? path : null;
          continue;
        }
        const range = { start: ins.args[0].range.start, end: ins.args[ins.args.length - 1].range.end };
        const literal = ins.args.length === 1 && /^[^$"'\\\s]+$/.test(path);
        const resolved = current !== null && literal ? join(current, path) : null;
        report({
          messageId: resolved ? "resolved" : "relative",
          data: { path, resolved: resolved ?? "" },
          range,
          fix: resolved ? { description: `Use the absolute path ${resolved}`, edits: [{ range, text: resolved }] } : undefined,
        });
        current = resolved;
      }
      workdirAfter.set(stage, current);
    }
  },
});

/** POSIX join with `.` and `..` resolved: join("/srv/app", "../data") → "/srv/data". */
function join(base: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of `${base}/${rel}`.split("/")) {
    if (!seg || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
}
