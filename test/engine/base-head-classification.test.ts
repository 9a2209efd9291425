import { auditFiles } from "../../src/audit.js";
import { compareFindings } from "../../src/formatters/markdown.js";
import type { Finding } from "../../src/engine/index.js";

// What a pull request's audit calls new or fixed, with the full catalogue: edits that leave a
// finding's own statement alone must neither add nor fix it, and a real new problem must count once.
const summary = (fs: readonly Finding[]) => fs.map((f) => `${f.ruleId}@${f.range?.start.line ?? "-"}${f.service ? `[${f.service}]` : ""}`);

function compare(base: string, head: string, path = "Dockerfile") {
  const c = compareFindings(auditFiles([{ path, content: base }]).findings, auditFiles([{ path, content: head }]).findings);
  return { added: summary(c.added), fixed: summary(c.fixed) };
}

const unchanged = { added: [], fixed: [] };

describe("duplicate statements", () => {
  const twice = "FROM debian:12\nRUN apt-get install -y curl\nUSER app\nRUN apt-get install -y curl\nCMD [\"x\"]\n";

  it("stay existing when one of them gains or loses trailing whitespace", () => {
    const spaced = twice.replace("USER app\nRUN apt-get install -y curl", "USER app\nRUN apt-get install -y curl  ");
    expect(compare(twice, spaced)).toEqual(unchanged);
    expect(compare(spaced, twice)).toEqual(unchanged);
  });

  it("count one fixed when one is removed, one new when a third is added", () => {
    const once = twice.replace("USER app\nRUN apt-get install -y curl\n", "USER app\n");
    expect(compare(twice, once).added).toEqual([]);
    expect(compare(twice, once).fixed).toEqual(["apt-no-install-recommends@4", "apt-version-unpinned@4"]);
    const thrice = twice.replace("CMD", "ENV A=b\nRUN apt-get install -y curl\nCMD");
    expect(compare(twice, thrice)).toEqual({ added: ["apt-no-install-recommends@6", "apt-version-unpinned@6"], fixed: [] });
  });

  it("never share a fingerprint, whatever whitespace ends them", () => {
    const findings = auditFiles([{ path: "Dockerfile", content: twice.replace("curl\nUSER", "curl \nUSER") }]).findings;
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });
});
