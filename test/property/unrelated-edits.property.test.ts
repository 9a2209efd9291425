import fc from "fast-check";
import { auditFiles } from "../../src/audit.js";
import { compareFindings } from "../../src/formatters/markdown.js";
import { realistic, serviceEntry } from "./generators.js";

// What a pull request's audit calls new: an edit that leaves every statement's meaning alone (a
// comment or blank line, line endings, trailing whitespace, indentation, a RUN split over
// continuation lines, a base image version bump, services reordered, quotes rewritten, comments at
// the end of lines) must make no finding new and none fixed.

function changes(path: string, base: string, head: string): string[] {
  const c = compareFindings(auditFiles([{ path, content: base }]).findings, auditFiles([{ path, content: head }]).findings);
  return [...c.added.map((f) => `+ ${f.ruleId}@${f.range?.start.line ?? "-"}`), ...c.fixed.map((f) => `- ${f.ruleId}@${f.range?.start.line ?? "-"}`)];
}

/** One instruction as written, and the same instruction after an edit that keeps its meaning. */
const restyled = (ins: string) =>
  fc.constantFrom(
    ins,
    `${ins}  `,
    `    ${ins}`,
    ins.replace(/ && /g, " \\\n    && "),
    ins.replace(/ && /g, " && \\\n    "),
    ins.replace(/^FROM (\S+?):[\w.-]+/, "FROM $1:99.1"),
  );

const dockerfile = fc.array(realistic, { minLength: 1, maxLength: 10 }).chain((lines) =>
  fc.record({
    lines: fc.constant(lines),
    edited: fc.tuple(...lines.map(restyled)),
    inserted: fc.array(fc.tuple(fc.nat(lines.length), fc.constantFrom("# a note", "", "   ")), { maxLength: 3 }),
    eol: fc.constantFrom("\n", "\r\n"),
  }),
);

describe("unrelated edits of a Dockerfile", () => {
  it("make no finding new and none fixed", () => {
    fc.assert(
      fc.property(dockerfile, ({ lines, edited, inserted, eol }) => {
        const head = [...edited];
        for (const [at, text] of [...inserted].sort((a, b) => b[0] - a[0])) head.splice(at, 0, text);
        const base = `${lines.join("\n")}\n`;
        expect(changes("Dockerfile", base, `${head.join("\n")}\n`.replace(/\n/g, eol))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});

const NAMES = ["web", "db", "cache", "worker", "api"];
/** Service entries, merging the shared anchor often: its findings are reported for one service only. */
const entry = fc.oneof({ weight: 4, arbitrary: serviceEntry }, { weight: 1, arbitrary: fc.constant("<<: *defaults") });
const compose = fc.record({
  head: fc.constantFrom(
    "",
    "name: shop\n",
    "x-defaults: &defaults\n  restart: always\n  logging:\n    driver: json-file\n",
    "x-defaults: &defaults\n  privileged: true\n  environment:\n    API_TOKEN: s3cr3tvalue99\n",
    "x-defaults: &defaults\n  privileged: true\n  environment:\n    API_TOKEN: s3cr3tvalue99\n",
  ),
  services: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), fc.array(entry, { maxLength: 5 }))))),
  comments: fc.array(fc.nat(4), { maxLength: 2 }),
  indent: fc.constantFrom("  ", "    "),
  eol: fc.constantFrom("\n", "\r\n"),
  trailing: fc.boolean(),
  reversed: fc.boolean(),
  requoted: fc.boolean(),
  noted: fc.boolean(),
});


/** A Compose file with its services indented by `unit`, and a comment line before the services listed in `comments`. */
function composeOf(head: string, services: [string, string[]][], unit: string, comments: number[] = [], trailing = false): string {
  const block = services.map(([name, entries], i) => {
    const body = entries.length ? "\n" + entries.map((e) => e.replace(/^/gm, unit + unit)).join("\n") : " {}";
    return `${comments.includes(i) ? `${unit}# about ${name}\n` : ""}${unit}${name}:${body}`;
  });
  const text = `${head}services:\n${block.join("\n")}\n`;
  return trailing ? text.replace(/^(\s*[\w-]+: [^|>\s][^\n]*)$/gm, "$1 ") : text;
}

describe("unrelated edits of a Compose file", () => {
  it("make no finding new and none fixed", () => {
    fc.assert(
      fc.property(compose, ({ head, services, comments, indent, eol, trailing, reversed, requoted, noted }) => {
        const base = composeOf(head, services, "  ");
        let edited = composeOf(head, reversed ? [...services].reverse() : services, indent, comments, trailing);
        // Double quotes rewritten as single ones; a comment at the end of each value line.
        if (requoted) edited = edited.replace(/"([^"'\\]*)"/g, "'$1'");
        if (noted) edited = edited.replace(/^(\s*(?:- )?[\w<-]+: \S[^\n]*|\s*- \S[^\n]*)$/gm, "$1  # note");
        edited = edited.replace(/\n/g, eol);
        expect(changes("compose.yaml", base, edited)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
