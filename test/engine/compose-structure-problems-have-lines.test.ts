import { parseCompose, MAX_YAML_DEPTH } from "../../src/engine/parse/compose.js";

// Problems the yaml library raised while converting to data (alias bombs, recursive merges, missing
// anchors) came without a position, and some with a programmer's message ("Maximum call stack size
// exceeded", "please use YAML.parseAllDocuments()"). Every problem now has a line.
const problems = (text: string) => parseCompose("compose.yaml", text).problems.map((p) => [p.message, p.range && [p.range.start.line, p.range.start.column]]);

describe("Compose structure problems", () => {
  it("points an alias bomb at the alias that expands most", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const text = `${levels.join("\n")}\nservices:\n  web:\n    image: *i\n`;
    expect(problems(text)).toEqual([[expect.stringContaining("alias bomb"), [12, 12]]]);
  });

  it("does not mistake many uses of one small anchor for a bomb", () => {
    const services = Array.from({ length: 12_000 }, (_, i) => `  s${i}: {image: "nginx:1.27", environment: *env}`).join("\n");
    const model = parseCompose("compose.yaml", `x-env: &env {A: "1"}\nservices:\n${services}\n`);
    expect(model.problems).toEqual([]);
    expect(model.services).toHaveLength(12_000);
  });

  it("refuses an alias inside its own anchor (the data would contain itself)", () => {
    expect(problems("x: &x [*x]\nservices: {}\n")).toEqual([[expect.stringContaining("inside its own anchor"), [1, 8]]]);
    expect(problems("base: &b\n  <<: *b\n  image: x\nservices: {}\n")).toEqual([[expect.stringContaining("inside its own anchor"), [2, 7]]]);
  });

  it("hands rules an empty document when walking it would loop or explode", () => {
    for (const text of ["base: &b\n  <<: *b\nservices: {}\n", "x: &x [*x]\n", "services:\n  web:\n    <<: *nope\n"]) {
      const model = parseCompose("compose.yaml", text);
      expect(model.problems).toHaveLength(1);
      expect(model.doc.contents).toBeNull();
      expect(model.locate(["services", "web"])).toBeNull();
    }
    const duplicates = parseCompose("compose.yaml", "services:\n  web: {}\n  web: {}\n");
    expect(duplicates.doc.contents).not.toBeNull();
  });

  it("names an alias without an anchor", () => {
    expect(problems("services:\n  web:\n    <<: *defaults\n    image: x\n")).toEqual([["the alias *defaults has no anchor &defaults before it", [3, 9]]]);
  });

  it("names a merge of something that is not a mapping", () => {
    expect(problems("services:\n  web:\n    <<: [1]\n    image: x\n")).toEqual([["`<<` merges only mappings or aliases of mappings", [3, 10]]]);
  });

  it("refuses nesting deeper than the limit at the first node too deep", () => {
    const text = "services:\n  web:\n    labels: " + "[".repeat(MAX_YAML_DEPTH) + "]".repeat(MAX_YAML_DEPTH) + "\n";
    const [[message, at]] = problems(text);
    expect(message).toContain(`more than ${MAX_YAML_DEPTH} levels`);
    expect(at).toEqual([3, 13 + MAX_YAML_DEPTH - 3]);
    expect(parseCompose("compose.yaml", text).data).toEqual({});
  });

  it("says a YAML nested past the parser's stack is too deep, once", () => {
    expect(problems("services: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n")).toEqual([["the YAML is nested too deeply to parse", [1, expect.any(Number)]]]);
  });

  it("puts an error about something left open at the end of the last line, not on the line after the final break", () => {
    const ranges = (text: string) => parseCompose("compose.yaml", text).problems.map((p) => p.range);
    const at = (line: number, column: number) => [{ start: { line, column }, end: { line, column } }];
    expect(ranges('services:\n  a:\n    image: x:1\n    ports: ["80:80",\n')).toEqual(at(4, 21));
    expect(ranges('services:\r\n  a:\r\n    image: "x:1\r\n')).toEqual(at(3, 16));
    expect(ranges('services:\n  a:\n    image: "x:1')).toEqual(at(3, 16));
  });

  it("refuses a file of more than 100 documents at the first one past the limit", () => {
    const text = Array.from({ length: 150 }, (_, i) => `services:\n  s${i}: {image: "nginx:1.27"}\n`).join("---\n");
    expect(problems(text)).toEqual([["the file holds 150 YAML documents; a Compose file holds a few, so past 100 it is not read", [301, 1]]]);
  });

  it("explains documents Compose cannot merge in the author's terms", () => {
    expect(problems("services: {}\n---\nservices: [web]\n")).toEqual([["`services` is a mapping in one document and not in another, so Compose cannot merge the documents", [3, 11]]]);
  });
});
