import { DockerfileParser, From } from "dockerfile-ast";

// src/engine/parse/ast-from-search.ts replaces FROM's two separator searches with ones linear in
// the line; they must answer exactly what the library's own did.
type Search = (this: From, documentOffset: number, content: string, search: string) => number;
const library = From.prototype as unknown as { indexOf: Search; lastIndexOf: Search };
const original = { indexOf: library.indexOf, lastIndexOf: library.lastIndexOf };

beforeAll(async () => {
  await import("../../src/engine/parse/ast-from-search.js");
});

const fromOf = (image: string, escape = "\\") =>
  DockerfileParser.parse(`${escape === "\\" ? "" : `# escape=${escape}\n`}FROM ${image} AS x\n`).getInstructions()[0] as From;

/** A reproducible stream of image references built from separators, names and variables. */
function* images(count: number): Generator<string> {
  const parts = ["a", "b1", "/", ":", "@", ".", "-", "$V", "${V}", "${V:-x:y}", "${V:-a/b@c.d}", "${A}${B:-:}", "sha256", "5000", "${X:-${Y:-z:1}}", "\\$V", "`$V", "\\\n", "`\n"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    let image = "";
    for (let n = 1 + (next() % 9); n > 0; n--) image += parts[next() % parts.length];
    yield image;
  }
}

describe("FROM's separator searches outside variables", () => {
  it("find the same first and last separators as the library, on 3000 generated references", () => {
    expect(library.indexOf).not.toBe(original.indexOf);
    let compared = 0;
    // Both escape characters, and images split over lines by a continuation.
    for (const [n, image] of [...images(3000)].entries()) {
      const from = fromOf(image, n % 2 ? "`" : "\\");
      const range = from.getImageRange();
      if (!range) continue;
      const doc = (from as unknown as { document: { offsetAt(p: object): number; getText(): string } }).document;
      const offset = doc.offsetAt(range.start);
      const content = doc.getText().slice(offset, doc.offsetAt(range.end));
      for (const sep of ["@", ":", "/", "."]) {
        expect([image, sep, library.indexOf.call(from, offset, content, sep)]).toEqual([image, sep, original.indexOf.call(from, offset, content, sep)]);
        expect([image, sep, library.lastIndexOf.call(from, offset, content, sep)]).toEqual([image, sep, original.lastIndexOf.call(from, offset, content, sep)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("split references with variables into registry, name, tag and digest (the library's own answers)", () => {
    const parts = (image: string) => {
      const from = fromOf(image);
      return [from.getRegistry(), from.getImageName(), from.getImageTag(), from.getImageDigest()];
    };
    expect(parts("${REG:-r.io:5000}/app:${TAG:-1.2}")).toEqual([null, "${REG:-r.io:5000}/app", "${TAG:-1.2}", null]);
    expect(parts("registry.example.com:5000/team/app:${TAG}@sha256:${SUM}")).toEqual(["registry.example.com:5000", "team/app:${TAG}", null, "sha256:${SUM}"]);
    expect(parts("${a:-b}${a:-b}")).toEqual([null, "${a:-b}${a:-b}", null, null]);
    expect(parts("node:20")).toEqual([null, "node", "20", null]);
  });
});
