import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "from-platform-flag",
    code: "DF328",
    category: "reliability",
    severity: "info",
    description: "FROM --platform is set to a constant, or redundantly to $TARGETPLATFORM.",
    aliases: ["DL3029", "DL3065", "buildkit:FromPlatformFlagConstDisallowed", "buildkit:RedundantTargetPlatform", "kics:b16e8501-ef3c-44e1-a543-a093238099c9"],
    fixable: true,
    messages: {
      constant: "`--platform={{value}}` pins this stage to one platform, so building for another target (e.g. arm64 Macs or Graviton) silently produces an image of the wrong architecture, run under emulation. Remove it, or use `$BUILDPLATFORM` for build-only stages.",
      redundant: "`--platform={{value}}` is what Docker does anyway: stages are built for the target platform by default. Remove the flag.",
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === "platform");
      if (!flag || flag.value === null) continue;
      const value = flag.value;
      if (/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(value)) {
        const next = stage.from.args[0]?.range.start ?? flag.range.end;
        report({ messageId: "redundant", data: { value }, range: flag.range, fix: { description: "Remove --platform", edits: [{ range: { start: flag.range.start, end: next }, text: "" }] } });
      } else if (!value.includes("$")) {
        report({ messageId: "constant", data: { value }, range: flag.range });
      }
    }
  },
});
