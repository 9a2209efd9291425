import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isNode, parseDocument, visit, type Document } from "yaml";
import { fastParserMatchesLibrary, parseYamlDocument } from "../../src/engine/yaml-parse.js";
import { CORPUS, hasCorpus } from "../helpers/corpus.js";

const OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false, strict: false, logLevel: "error" } as const;

/** Everything of a parsed document a rule can see: errors, warnings, each node with its range, tag and value. */
function dump(doc: Document): unknown {
  const nodes: unknown[] = [];
  visit(doc, (key, node) => {
    if (isNode(node)) nodes.push([key, node.constructor.name, node.range, node.tag, node.anchor, "value" in node ? String(node.value) : null, node.comment, node.commentBefore]);
  });
  return {
    errors: doc.errors.map((e) => [e.code, e.message, e.pos]),
    warnings: doc.warnings.map((e) => [e.code, e.message, e.pos]),
    nodes,
    directives: doc.directives?.toString(),
    contents: doc.errors.length ? null : doc.toJS({ maxAliasCount: -1 }),
    range: doc.range,
    comment: doc.comment,
  };
}

const SAMPLES = [
  "",
  "services:\n  web:\n    image: nginx\n",
  "# only a comment\n",
  "services: {web: {image: nginx, ports: [\"80:80\", 443]}}\n",
  "x: &a {k: 1}\ny: *a\nz:\n  <<: *a\n  k: 2\n",
  "a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\nc: 'single ''quoted'''\nd: \"double \\\"quoted\\\" \\u00e9\"\n",
  "%YAML 1.2\n---\nservices: {}\n...\n",
  "a: 1\n---\nb: 2\n",
  "a: 1\n---\n",
  "a: [1, 2\nb: }\n",
  "a:\n\t- tab\n",
  "key: value: another\n",
  "? complex key\n: value\n",
  "- !reset null\n- !!str 1\n- !custom {a: 1}\n",
  "a: @reserved\n",
  "\uFEFFa: 1\r\nb: 2\r\n",
  "a: \"unterminated\n",
  "[a, b]: c\n",
  "a: 1\na: 2\n",
];

describe("the yaml parser without its per-token environment read", () => {
  it("copies the installed library's Parser#next (update yaml-parse.ts's copy when the library changes)", () => {
    expect(fastParserMatchesLibrary).toBe(true);
  });

  it("parses every sample exactly as the library's parseDocument does", () => {
    for (const text of SAMPLES) {
      expect([text, dump(parseYamlDocument(text, OPTIONS))]).toEqual([text, dump(parseDocument(text, OPTIONS))]);
    }
  });

  it("falls back to the library's parser when told the copy does not match", () => {
    const text = SAMPLES[4];
    expect(dump(parseYamlDocument(text, OPTIONS, false))).toEqual(dump(parseDocument(text, OPTIONS)));
  });

  (hasCorpus ? it : it.skip)("parses every Compose file of the corpus exactly as the library does", () => {
    const files: string[] = [];
    const walk = (dir: string, depth: number) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (depth < 8) walk(path, depth + 1);
        } else if (/(^|[-.])(docker-)?compose[^/]*\.ya?ml$/.test(name)) files.push(path);
      }
    };
    walk(CORPUS, 0);
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      expect([path, dump(parseYamlDocument(text, OPTIONS))]).toEqual([path, dump(parseDocument(text, OPTIONS))]);
    }
  });
});
