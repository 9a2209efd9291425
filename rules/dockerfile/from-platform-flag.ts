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
      } else if (!value.includes("$") && !namesPlatform(stage.name, value)) {
        report({ messageId: "constant", data: { value }, range: flag.range });
      }
    }
  },
});

const ARCH_ALIASES: Record<string, string> = { x86_64: "amd64", "x86-64": "amd64", aarch64: "arm64", armhf: "arm", armel: "arm", i386: "386", i486: "386", i586: "386", i686: "386" };
const KNOWN_OS = new Set(["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "android", "ios", "js", "wasip1", "plan9", "dragonfly"]);

/**
 * True when the stage name holds the OS or the architecture of a constant platform, as in the
 * per-architecture stages picked with `FROM build_${TARGETARCH}`: BuildKit's
 * FromPlatformFlagConstDisallowed accepts those. BuildKit stage names are lower case.
 */
function namesPlatform(stageName: string | null, platform: string): boolean {
  const name = stageName?.toLowerCase();
  if (!name) return false;
  const { os, arch } = platformParts(platform);
  return [os, arch].some((part) => part !== "" && name.includes(part));
}

/** OS and architecture of `os[/arch[/variant]]` or a lone `arch`, normalised as containerd's platforms.Parse does. */
function platformParts(platform: string): { os: string; arch: string } {
  const [first, second] = platform.toLowerCase().split("/");
  if (second === undefined) return KNOWN_OS.has(first) ? { os: first, arch: "" } : { os: "", arch: ARCH_ALIASES[first] ?? first };
  return { os: first === "macos" ? "darwin" : first, arch: ARCH_ALIASES[second] ?? second };
}
