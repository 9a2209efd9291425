import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

/** `80`, `80/tcp`, `8000-8010/udp`. */
const PORT_SPEC = /^(\d{1,10})(?:-(\d{1,10}))?(?:\/([A-Za-z]+))?$/;
/** `8080:80`, `127.0.0.1:8080:80/tcp`: a host mapping, which EXPOSE cannot express. */
const MAPPING = /^(?:\d{1,3}(?:\.\d{1,3}){3}:)?(?:\d{1,5}:)?(\d{1,5}(?:-\d{1,5})?(?:\/[A-Za-z]+)?)$/;

export default defineDockerfileRule({
  meta: {
    id: "expose-invalid",
    code: "DF327",
    category: "reliability",
    severity: "warning",
    description: "EXPOSE has a port out of range, a host mapping or IP, or a wrong protocol.",
    aliases: ["DL3011", "buildkit:ExposeInvalidFormat", "buildkit:ExposeProtoCasing", "DS-0008", "kics:71bf8cf8-f0a1-42fa-b9d2-d10525e0a38e"],
    fixable: true,
    messages: {
      range: "Port `{{port}}` is outside 0–65535, which Docker rejects. Use the port the service actually listens on.",
      mapping: "`EXPOSE {{value}}` holds a host address or port; EXPOSE only documents the container port, and publishing is decided by `docker run -p` or Compose `ports:`. Write `EXPOSE {{container}}`.",
      protoCase: "The protocol in `{{value}}` must be lower case; write `{{fixed}}`.",
      proto: "`{{proto}}` is not a protocol EXPOSE knows; use `tcp`, `udp` or `sctp`.",
      format: "`{{value}}` is not a port: EXPOSE takes `port`, `port/protocol` or a range `start-end`.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "EXPOSE")) {
      for (const word of ins.args) {
        const value = word.value;
        if (value.includes("$")) continue;
        const spec = PORT_SPEC.exec(value);
        if (!spec) {
          const mapped = MAPPING.exec(value);
          if (mapped && value.includes(":")) {
            report({ messageId: "mapping", data: { value, container: mapped[1] }, range: word.range, fix: { description: `Keep the container port ${mapped[1]}`, edits: [{ range: word.range, text: mapped[1] }] } });
          } else report({ messageId: "format", data: { value }, range: word.range });
          continue;
        }
        const [, start, end, proto] = spec;
        const bad = [start, end].find((p) => p !== undefined && Number(p) > 65535);
        if (bad) report({ messageId: "range", data: { port: bad }, range: word.range });
        else if (end !== undefined && Number(end) < Number(start)) report({ messageId: "format", data: { value }, range: word.range });
        if (!proto) continue;
        const lower = proto.toLowerCase();
        const tail = { start: { line: word.range.end.line, column: word.range.end.column - proto.length }, end: word.range.end };
        // The protocol as written at the end of the word; a word split by a line continuation or
        // quoted is reported whole, and its protocol is not rewritten.
        const verbatim = tail.start.column >= 1 && model.index.slice(tail) === proto;
        const protoRange = verbatim ? tail : word.range;
        if (!["tcp", "udp", "sctp"].includes(lower)) report({ messageId: "proto", data: { proto }, range: protoRange });
        else if (lower !== proto) {
          const fix = verbatim ? { description: "Lower-case the protocol", edits: [{ range: protoRange, text: lower }] } : undefined;
          report({ messageId: "protoCase", data: { value, fixed: value.replace(proto, lower) }, range: protoRange, fix });
        }
      }
    }
  },
});
