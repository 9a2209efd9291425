import { audit } from "../../src/engine/index.js";
import { rules } from "../../rules/index.js";

const BOM = "\uFEFF";
const COMPOSE = "name: shop\nservices:\n  db:\n    image: postgres:latest\n    ports: [\"5432:5432\"]\n";
const DOCKERFILE = "FROM node:latest\nRUN apt-get update\nCOPY . /app\n";

const summary = (files: { path: string; content: string }[]) =>
  audit(files, rules, { tree: files.map((f) => f.path) }).findings.map((f) => `${f.file}:${f.range?.start.line}:${f.range?.start.column} ${f.ruleId}`);

describe("a file that starts with a byte-order mark", () => {
  it("is read like the same file without it", () => {
    const plain = [{ path: "compose.yaml", content: COMPOSE }, { path: "Dockerfile", content: DOCKERFILE }, { path: ".dockerignore", content: "node_modules\n" }];
    const marked = plain.map((f) => ({ ...f, content: BOM + f.content }));
    const expected = summary(plain);
    expect(expected).toContain("compose.yaml:5:13 datastore-port-published");
    // The mark takes the first column of the first line, as in the file GitHub shows.
    expect(summary(marked)).toEqual(expected.map((s) => s.replace(/:1:(\d+) /, (_, c) => `:1:${Number(c) + 1} `)));
  });

  it("never makes a Compose file invalid YAML", () => {
    const findings = audit([{ path: "compose.yaml", content: BOM + COMPOSE }], rules).findings;
    expect(findings.filter((f) => f.ruleId === "schema-invalid")).toEqual([]);
  });
});
