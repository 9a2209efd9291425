import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import compiledAhead from "../../src/engine/schema/compose-validator.generated.js";

const generated = compiledAhead as ValidateFunction;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const GENERATED = "src/engine/schema/compose-validator.generated.ts";

/**
 * The validator Ajv compiles at run time from the schema as written, with the options the file
 * records but Ajv's own inlining: the generated one splits the service validator into functions,
 * which may change where in the schema an error is found (schemaPath) and nothing else.
 */
function compiledNow(): ValidateFunction {
  const { inlineRefs: _split, ...options } = JSON.parse(/^\/\/ Ajv options: (.*)$/m.exec(read(GENERATED))![1]);
  const { $schema: _draft, ...schema } = JSON.parse(read("src/engine/schema/compose-spec.json"));
  return new Ajv(options).compile(schema);
}

const withoutSchemaPath = (errors: ValidateFunction["errors"]) => (errors ?? null)?.map(({ schemaPath: _where, ...e }) => e) ?? null;

const documents = [
  "services:\n  web:\n    image: nginx\n",
  "services:\n  web:\n    image: nginx\n    ports: [8080]\n    restart: sometimes\n    bogus: 1\n",
  "services:\n  web:\n    build: {context: ., dockerfile: 3}\n    healthcheck: {test: 5, retries: x}\n",
  "services:\n  db:\n    image: postgres\n    deploy: {resources: {limits: {memory: [1]}}}\n    environment: {A: {b: 1}}\n",
  "version: 3\nservices: []\nnetworks: {x: {driver: 1}}\nvolumes: 7\nx-extra: whatever\n",
  "services:\n  a:\n    image: x\n    depends_on: {b: {condition: maybe}}\n    ulimits: {nofile: {soft: a}}\n",
];

describe("the Compose validator compiled ahead of time", () => {
  it("is the code the schema and options give today (else: npm run schema:compile)", () => {
    expect(() => execFileSync(process.execPath, ["scripts/compose-validator.mjs", "--check"], { cwd: new URL("../..", import.meta.url), stdio: "pipe" })).not.toThrow();
  });

  it.each(documents.map((d, i) => [i, d]))("reports what a run-time compilation reports, document %i", (_i, text) => {
    const now = compiledNow();
    const data = parse(text as string);
    const valid = generated(data);
    expect(valid).toBe(now(data));
    expect(withoutSchemaPath(generated.errors)).toEqual(withoutSchemaPath(now.errors));
  });

  it("keeps each validator function small enough for V8 to optimize (the 370 KB service validator never was)", () => {
    const code = read(GENERATED);
    const starts = [...code.matchAll(/function validate\d+\(/g)].map((m) => m.index!);
    const sizes = starts.map((start, i) => (starts[i + 1] ?? code.length) - start);
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThan(60_000);
  });

  it("leaves out the uniqueness of the lists Compose merges, and keeps it for the other lists", () => {
    const repeated = (list: string, item: string) => parse(`services:\n  web:\n    image: x\n    ${list}: [${item}, ${item}]\n`);
    const errorsOf = (data: unknown) => (generated(data) ? [] : generated.errors!.map((e) => `${e.instancePath} ${e.keyword}`));
    for (const [list, item] of [["ports", '"80:80"'], ["volumes", "{type: tmpfs, target: /t}"], ["expose", "80"], ["environment", "A=1"]]) {
      expect([list, errorsOf(repeated(list, item))]).toEqual([list, []]);
      expect(compiledNow()(repeated(list, item))).toBe(false);
    }
    expect(errorsOf(repeated("cap_add", "NET_ADMIN"))).toEqual(["/services/web/cap_add uniqueItems"]);
    expect(errorsOf(repeated("labels", "a=1"))).toEqual(["/services/web/labels type", "/services/web/labels uniqueItems", "/services/web/labels oneOf"]);
  });

  it("finds errors in the invalid documents, so the comparison above compares something", () => {
    const invalid = documents.slice(1).filter((d) => !generated(parse(d)));
    expect(invalid).toHaveLength(documents.length - 1);
    expect(generated(parse(documents[0]))).toBe(true);
  });
});
