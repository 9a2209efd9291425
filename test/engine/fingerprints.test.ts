import { audit } from "../../src/engine/index.js";
import datastorePort from "../../rules/compose/datastore-port-published.js";
import { foldAnchor, LONGEST_ANCHOR } from "../../src/engine/fingerprint.js";

const fingerprints = (content: string) => audit([{ path: "compose.yaml", content }], [datastorePort]).findings.map((f) => f.fingerprint);

const BASE = "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n  cache:\n    image: redis:7\n    ports:\n      - \"6379:6379\"\n";

describe("fingerprints", () => {
  it("stay the same when unrelated lines move the finding", () => {
    const moved = `# a comment\nname: shop\n${BASE.replace("image: postgres:16\n", "image: postgres:16\n    environment:\n      A: b\n")}`;
    expect(fingerprints(moved)).toEqual(fingerprints(BASE));
  });

  it("change when the statement itself changes", () => {
    expect(fingerprints(BASE.replace("\"5432:5432\"", "\"5433:5432\""))[0]).not.toBe(fingerprints(BASE)[0]);
  });

  it("tell apart identical statements in different services", () => {
    const twice = "services:\n  a:\n    image: postgres:16\n    ports: [\"5432:5432\"]\n  b:\n    image: postgres:16\n    ports: [\"5432:5432\"]\n";
    const fps = fingerprints(twice);
    expect(fps).toHaveLength(2);
    expect(new Set(fps).size).toBe(2);
  });

  it("hash a statement longer than LONGEST_ANCHOR through one digest of the whole of it", () => {
    const long = (end: string) => `services: {db: {image: "postgres:16", ports: ["5432:5432"], command: "${"x".repeat(LONGEST_ANCHOR)}${end}"}}\n`;
    expect(fingerprints(long("a"))).toEqual(fingerprints(long("a")));
    expect(fingerprints(long("a"))[0]).not.toBe(fingerprints(long("b"))[0]);
    expect(foldAnchor(`a  b ${"y".repeat(LONGEST_ANCHOR)}`)).toHaveLength(4096 + 1 + 40);
    expect(foldAnchor(" short   anchor ")).toBe("short anchor");
  });
});
