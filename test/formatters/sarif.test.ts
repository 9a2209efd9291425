import { createRequire } from "node:module";
import { auditFiles, rules } from "../../src/audit.js";
import { renderSarif } from "../../src/formatters/sarif.js";
import { prefixFromCwd } from "../../src/cli/run.js";
import { sarifBase } from "../../src/cli/sarif-base.js";

const require = createRequire(import.meta.url);
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

const ajv = new (AjvDraft04.default ?? AjvDraft04)({ strict: false, allErrors: true, unicodeRegExp: false, logger: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const files = [
  { path: "api/Dockerfile", content: "FROM python:3.12-slim\nCOPY . /app\n" },
  { path: "compose.yaml", content: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n" },
  { path: "big/Dockerfile", content: "\u0000binary" },
];

describe("SARIF output", () => {
  const report = auditFiles(files);
  const text = renderSarif(report, rules.map((r) => r.meta), { name: "dockaudit", version: "1.2.3", informationUri: "https://example.test" }, (m) => `https://docs.test/${m.id}`);
  const sarif = JSON.parse(text);

  it("validates against the SARIF 2.1.0 schema", () => {
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("carries 1-based regions, rule indexes and fingerprints", () => {
    const results = sarif.runs[0].results as { ruleId: string; ruleIndex?: number; locations: { physicalLocation: { region?: { startLine: number; startColumn: number } } }[]; partialFingerprints: Record<string, string> }[];
    const port = results.find((r) => r.ruleId === "datastore-port-published")!;
    expect(port.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 9 });
    expect(sarif.runs[0].tool.driver.rules[port.ruleIndex!].id).toBe("datastore-port-published");
    expect(port.partialFingerprints["dockaudit/v1"]).toMatch(/^[0-9a-f]{16}$/);
  });

  it("describes fixes as replacements", () => {
    const port = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "datastore-port-published");
    expect(port.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 5, startColumn: 10, endLine: 5, endColumn: 10 },
      insertedContent: { text: "127.0.0.1:" },
    });
  });

  it("leaves file-level findings without a region", () => {
    const skipped = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "file-skipped");
    expect(skipped.locations[0].physicalLocation.region).toBeUndefined();
    expect(skipped.locations[0].physicalLocation.artifactLocation.uri).toBe("big/Dockerfile");
  });
});

describe("SARIF locations and rules for any path and any finding", () => {
  const odd = auditFiles([
    { path: "c:1/a#b/q?x/50%/Dockerfile", content: "FROM python:3.12-slim\nCOPY . /app\n" },
    { path: "bin/Dockerfile", content: "\u0000binary" },
  ]);
  const sarif = JSON.parse(renderSarif(odd, rules.map((r) => r.meta), { name: "dockaudit", version: "1.2.3", informationUri: "https://example.test" }, (m) => `https://docs.test/${m.id}`));
  const results = sarif.runs[0].results as { ruleId: string; ruleIndex?: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];

  it("percent-encodes every character of a path that a URI reference would read as a scheme, query or fragment", () => {
    const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect(uris).toContain("c%3A1/a%23b/q%3Fx/50%25/Dockerfile");
    for (const uri of uris) expect(decodeURIComponent(uri.split("/").pop()!)).toBe("Dockerfile");
  });

  it("describes the engine's own findings in the rule list too", () => {
    const skipped = results.find((r) => r.ruleId === "file-skipped")!;
    expect(skipped.ruleIndex).toBeDefined();
    expect(sarif.runs[0].tool.driver.rules[skipped.ruleIndex!]).toMatchObject({ id: "file-skipped", shortDescription: { text: expect.any(String) } });
    expect(validate(sarif)).toBe(true);
  });

  it("puts the audited directory's path before every artifact URI, fixes included", () => {
    const prefixed = JSON.parse(renderSarif(auditFiles(files), rules.map((r) => r.meta), { name: "dockaudit", version: "1.2.3", informationUri: "https://example.test" }, () => "", { prefix: "services/" }));
    const uris = prefixed.runs[0].results.flatMap((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; fixes?: { artifactChanges: { artifactLocation: { uri: string } }[] }[] }) => [
      ...r.locations.map((l) => l.physicalLocation.artifactLocation.uri),
      ...(r.fixes ?? []).flatMap((x) => x.artifactChanges.map((c) => c.artifactLocation.uri)),
    ]);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri.startsWith("services/")).toBe(true);
    expect(uris).toContain("services/api/Dockerfile");
  });
});

describe("the SARIF base of a CLI run", () => {
  const render = (base: Parameters<typeof renderSarif>[4]) => JSON.parse(renderSarif(auditFiles(files), rules.map((r) => r.meta), { name: "dockaudit", version: "1.2.3", informationUri: "https://example.test" }, () => "https://docs.test/x", base));

  it("is the git work tree's root above the audited directory, whatever the working directory", () => {
    const inRepo = (dir: string) => dir === "/work/repo";
    expect(sarifBase("/work/repo/services/api", inRepo)).toEqual({ prefix: "services/api/", srcRoot: "file:///work/repo/" });
    expect(sarifBase("/work/repo", inRepo)).toEqual({ prefix: "", srcRoot: "file:///work/repo/" });
    expect(sarifBase("/elsewhere/x y", inRepo)).toEqual({ absolute: "file:///elsewhere/x%20y/" });
  });

  it("gives valid SARIF either way: relative URIs against %SRCROOT%, or absolute file URIs without a base id", () => {
    const relative = render({ prefix: "services/", srcRoot: "file:///work/repo/" });
    expect(validate(relative)).toBe(true);
    expect(relative.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: expect.stringMatching(/^services\//), uriBaseId: "%SRCROOT%" });
    const absolute = render({ absolute: "file:///elsewhere/x/" });
    expect(validate(absolute)).toBe(true);
    const locations = absolute.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: object } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    expect(locations).toContainEqual({ uri: "file:///elsewhere/x/compose.yaml" });
    expect(absolute.runs[0].originalUriBaseIds).toBeUndefined();
  });
});

describe("the config-glob path prefix of a CLI run", () => {
  it("is the audited root's path from the working directory, when the root lies under it", () => {
    expect(prefixFromCwd("/repo/services", "/repo")).toBe("services/");
    expect(prefixFromCwd("/repo/a/b", "/repo")).toBe("a/b/");
    expect(prefixFromCwd("/repo/..hidden", "/repo")).toBe("..hidden/");
  });

  it("is empty at the working directory, outside it, or without one", () => {
    expect(prefixFromCwd("/repo", "/repo")).toBe("");
    expect(prefixFromCwd("/elsewhere/x", "/repo")).toBe("");
    expect(prefixFromCwd("/", "/repo")).toBe("");
    expect(prefixFromCwd("/repo/x", null)).toBe("");
  });
});
