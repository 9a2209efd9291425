import { audit, type Finding, type Report } from "../../src/engine/index.js";
import { renderMarkdown, gradeTitle } from "../../src/formatters/markdown.js";
import { compareFindings } from "../../src/formatters/markdown/compare.js";
import { countsLine, filesLine, severityBreakdown } from "../../src/formatters/markdown/counts.js";
import { findingLine, groupByFile, lineLabel } from "../../src/formatters/markdown/findings.js";
import { gradeTable } from "../../src/formatters/markdown/grades.js";
import { coverageLine, healthcheckCell, portsCell, restartCell, serviceMatrix, userCell } from "../../src/formatters/markdown/services.js";
import { byteLength, cell, code, cutToBytes, inertReferences } from "../../src/formatters/markdown/text.js";
import { mermaidTopology } from "../../src/formatters/markdown/topology.js";
import { TEST_RULES } from "../app/support/test-rules.js";

const compose = [
  "services:",
  "  web:",
  "    build: ./web",
  "    ports:",
  '      - "8080:80"',
  "    depends_on:",
  "      db:",
  "        condition: service_healthy",
  "    networks: [front, back]",
  "  db:",
  "    image: postgres:16",
  "    user: postgres",
  "    restart: unless-stopped",
  "    ports:",
  '      - "127.0.0.1:5432:5432"',
  "    healthcheck:",
  '      test: ["CMD", "pg_isready"]',
  "    networks: [back]",
  "",
].join("\n");
const dockerfile = "FROM node:latest\nRUN BAD thing\nUSER 1000\n";

const head = audit([{ path: "compose.yaml", content: compose }, { path: "web/Dockerfile", content: dockerfile }], TEST_RULES);
const base = audit([{ path: "web/Dockerfile", content: "FROM node:latest\nRUN BAD old\n" }], TEST_RULES);

describe("renderMarkdown", () => {
  it("renders the CLI's report: grade table, counts, services, topology, findings by file with doc links", () => {
    const md = renderMarkdown(head);
    expect(md).toMatch(/^## dockaudit: overall [A-F][+]? \(\d+\/100\)/);
    expect(md).toContain("| Category | Grade | Score |");
    expect(md).toContain("### Services");
    expect(md).toContain("```mermaid");
    expect(md).toContain(`### Findings (${head.findings.length})`);
    expect(md).toContain("**`web/Dockerfile`**");
    for (const f of head.findings) expect(md).toContain(`](${f.docsUrl})`);
  });

  it("with a base: score changes, new / fixed / remaining, new ones marked", () => {
    const md = renderMarkdown(head, { base });
    expect(md).toContain("| Category | Grade | Score | Change from base |");
    expect(md).toMatch(/\*\*\d+ new\*\*/);
    expect(md).toContain("**1 fixed**");
    expect(md).toContain("Fixed by this change (1)");
    expect(md).toContain("🆕");
  });

  it("stays under the limit with thousands of findings, cut with a note, never failing", () => {
    const one = head.findings[0];
    const findings = Array.from({ length: 5000 }, (_, i) => ({ ...one, file: `dir-${i % 40}/Dockerfile`, fingerprint: String(i), message: `${i} ${"é".repeat(80)}` }));
    const many: Report = { ...head, findings };
    const md = renderMarkdown(many);
    expect(byteLength(md)).toBeLessThanOrEqual(65_535);
    expect(md).toMatch(/Not shown to stay under GitHub's 65,535-character limit: \d+ findings/);
    const small = renderMarkdown(many, { maxLength: 3000 });
    expect(byteLength(small)).toBeLessThanOrEqual(3000);
  });

  it("shortens a finding that quotes a huge line, rather than leaving out it and every finding after it", () => {
    const [first, ...rest] = head.findings;
    const huge = { ...first, message: `Image \`${"a".repeat(70_000)}😀:latest\` has no pinned tag.` };
    const md = renderMarkdown({ ...head, findings: [huge, ...rest] });
    expect(byteLength(md)).toBeLessThanOrEqual(65_535);
    expect(md).not.toContain("Not shown");
    expect(md).toContain(`Image \\\`${"a".repeat(100)}`);
    expect(md).toContain("… (shortened)");
    for (const f of rest) expect(md).toContain(findingLine(f));
  });

  it("closes a collapsed section even when it is cut", () => {
    const many = audit([{ path: "Dockerfile", content: `FROM node:20\n${Array.from({ length: 300 }, (_, i) => `RUN BAD ${i}`).join("\n")}\n` }], TEST_RULES);
    const md = renderMarkdown(many, { sections: [{ title: "Hidden", findings: many.findings, collapsed: true }], maxLength: 8000 });
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it("keeps the first notes (the app's conclusion reason comes first) when all of them do not fit", () => {
    const notes = ["Failing: 1 finding at or above the `fail_on` severity.", ...Array.from({ length: 800 }, (_, i) => `Note ${i}: ${"x".repeat(100)}`)];
    const md = renderMarkdown(head, { notes });
    expect(byteLength(md)).toBeLessThanOrEqual(65_535);
    expect(md).toContain("> Failing: 1 finding at or above the `fail_on` severity.");
    expect(md).toMatch(/Not shown to stay under GitHub's 65,535-character limit: \d+ notes/);
  });

  it("shows notes first and custom sections with an intro", () => {
    const md = renderMarkdown(head, { notes: ["Partial results."], sections: [{ title: "Picked", findings: head.findings.slice(0, 1), intro: "Just one." }] });
    expect(md).toContain("> Partial results.");
    expect(md).toContain("### Picked (1)\n\nJust one.");
  });
});

describe("grades", () => {
  it("titles each category with its grade and score change", () => {
    expect(gradeTitle(head)).toMatch(/^Security [A-F][+]? · Reliability [A-F][+]? · Efficiency [A-F][+]? · Maintainability [A-F][+]?$/);
    const worse: Report = { ...head, scores: { ...head.scores, security: { score: head.scores.security.score - 12, grade: "C" } } };
    expect(gradeTitle(worse, head)).toContain("Security C (−12)");
  });

  it("says unchanged, or the arrow, points and grade change", () => {
    const table = gradeTable(head, head);
    expect(table).toContain("| unchanged |");
    const better: Report = { ...head, scores: { ...head.scores, efficiency: { score: 95, grade: "A" } } };
    expect(gradeTable(better, { ...head, scores: { ...head.scores, efficiency: { score: 75, grade: "C" } } })).toContain("▲ +20 (C → A)");
  });
});

describe("counts", () => {
  it("breaks findings down by severity, leaving out empty ones", () => {
    expect(severityBreakdown([])).toBe("none");
    expect(severityBreakdown(head.findings)).toMatch(/error|warning|info/);
  });

  it("lists the audited files by kind", () => {
    expect(filesLine(head)).toBe("Audited 2 files (1 Dockerfile, 1 Compose file).");
  });

  it("reports new, fixed and remaining with a comparison", () => {
    const c = compareFindings(base.findings, head.findings);
    expect(countsLine(head, c)).toMatch(new RegExp(`^\\*\\*${c.added.length} new\\*\\*.*\\*\\*1 fixed\\*\\* · ${head.findings.length} remaining`));
  });
});

describe("compareFindings", () => {
  const f = (fingerprint: string, file = "Dockerfile", message = "m"): Finding => ({ ruleId: "r", code: "X", messageId: "m", severity: "error", category: "security", file, range: null, message, fingerprint, docsUrl: "" });

  it("matches by fingerprint as multisets", () => {
    const c = compareFindings([f("a"), f("b"), f("b")], [f("b"), f("c")]);
    expect(c.added.map((x) => x.fingerprint)).toEqual(["c"]);
    expect(c.fixed.map((x) => x.fingerprint).sort()).toEqual(["a", "b"]);
    expect(c.unchanged.map((x) => x.fingerprint)).toEqual(["b"]);
  });

  it("follows moved files by rule and message", () => {
    const c = compareFindings([f("old", "infra/Dockerfile", "same"), f("gone", "infra/Dockerfile", "fixed one")], [f("new", "docker/Dockerfile", "same")], new Map([["infra/Dockerfile", "docker/Dockerfile"]]));
    expect(c.added).toEqual([]);
    expect(c.unchanged.map((x) => x.fingerprint)).toEqual(["new"]);
    expect(c.fixed.map((x) => x.fingerprint)).toEqual(["gone"]);
  });
});

describe("services", () => {
  it("has one row per service with image or build, user, healthcheck, restart, limits, ports", () => {
    const table = serviceMatrix(head.services);
    expect(table.split("\n")).toHaveLength(4);
    expect(table).toContain("| `db` | `postgres:16` |");
    expect(table).toContain("build `web/Dockerfile`");
    expect(table).toContain("✅ compose");
    expect(table).toContain("`unless-stopped`");
  });

  it("leaves override fragments out with a note, and caps the rows", () => {
    const fragment = { ...head.services[0], partial: true };
    expect(serviceMatrix([fragment])).toContain("1 override fragment");
    expect(serviceMatrix(Array(60).fill(head.services[1]), 50)).toContain("10 more services not shown");
  });

  it("shows as many rows as fit when the whole matrix would pass the limit, the services with the most severe findings first", () => {
    // 40 services; only the last one in the file publishes a port on every interface (a warning).
    const lines = ["services:"];
    for (let i = 0; i < 40; i++) {
      lines.push(`  svc-${i}:`, `    image: registry.example.com/platform-team/service-number-${i}:1.0.${i}`, "    ports:", `      - "${i === 39 ? "" : "127.0.0.1:"}${8000 + i}:80"`);
    }
    const many = audit([{ path: "compose.yaml", content: `${lines.join("\n")}\n` }], TEST_RULES);
    expect(many.findings.map((f) => f.service)).toEqual(["svc-39"]);
    const md = renderMarkdown(many, { maxLength: 5000 });
    expect(byteLength(md)).toBeLessThanOrEqual(5000);
    const rows = md.split("\n").filter((l) => l.startsWith("| `svc-"));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toContain("`svc-39`");
    expect(md).toContain(`_${40 - rows.length} more services not shown (those with the fewest and least severe findings)._`);
    expect(md).toMatch(new RegExp(`Not shown to stay under GitHub's 5,000-character limit: ${40 - rows.length} of 40 service rows`));
    // The rows kept read in the matrix's own order after the most severe ones.
    expect(rows.slice(1).map((r) => Number(/svc-(\d+)/.exec(r)![1]))).toEqual(Array.from({ length: rows.length - 1 }, (_, i) => i));
  });

  it("marks ports published on every interface, and root users", () => {
    expect(portsCell({ ...head.services[0], ports: [{ published: "8080", target: "80", hostIp: null, protocol: "tcp" }] })).toBe("🌐 `8080→80`");
    expect(portsCell({ ...head.services[0], ports: [{ published: "5432", target: "5432", hostIp: "127.0.0.1", protocol: "tcp" }] })).toBe("`127.0.0.1:5432→5432`");
    const both = [{ published: "50000", target: "50000", hostIp: null, protocol: "tcp" }, { published: "50000", target: "50000", hostIp: null, protocol: "udp" }];
    expect(portsCell({ ...head.services[0], ports: both })).toBe("🌐 `50000→50000`<br>🌐 `50000→50000/udp`");
    expect(userCell({ ...head.services[0], runsAsRoot: true, user: "root", userSource: "dockerfile" })).toBe("⚠️ `root` (Dockerfile)");
  });

  it("gives coverage ratios with the base's beside them", () => {
    expect(coverageLine(head.coverage)).toMatch(/^non-root \d\/2 = \d+% · healthcheck 1\/2 = 50% · restart policy 1\/2 = 50%/);
    expect(coverageLine(head.coverage, head.coverage)).toContain("(base 50%)");
    expect(coverageLine({ ...head.coverage, services: 0 })).toBe("");
  });

  it("does not ask a healthcheck or restart policy of run-once jobs and services scaled to zero", () => {
    const jobs = audit(
      [{ path: "compose.yaml", content: `${compose}  migrate:\n    image: flyway/flyway:10\n    restart: "no"\n  idle:\n    image: nginx:1\n    deploy: {replicas: 0}\n` }],
      TEST_RULES,
    );
    const byName = new Map(jobs.services.map((s) => [s.name, s]));
    expect(byName.get("migrate")?.lifecycle).toBe("run-once");
    expect(byName.get("idle")?.lifecycle).toBe("scaled-to-zero");
    expect(healthcheckCell(byName.get("migrate")!)).toBe("– run-once job");
    expect(restartCell(byName.get("idle")!)).toBe("– scaled to 0");
    expect(healthcheckCell(byName.get("web")!)).toBe("❌ none");
    expect(coverageLine(jobs.coverage)).toContain("healthcheck 1/2 = 50% · restart policy 1/2 = 50% (2 run-once or scaled-to-zero services not counted)");
    expect(coverageLine({ ...jobs.coverage, services: 2, longRunning: 0 })).toContain("healthcheck and restart policy not asked of the 2 run-once or scaled-to-zero services");
  });
});

describe("mermaidTopology", () => {
  it("draws services, depends_on with its condition, networks and published ports", () => {
    const chart = mermaidTopology(head.services);
    expect(chart).toContain("flowchart LR");
    expect(chart).toContain('subgraph F0["compose.yaml"]');
    expect(chart).toMatch(/f0_web -->\|"healthy"\| f0_db/);
    expect(chart).toContain('f0__net_front{{"front"}}');
    expect(chart).toContain('host -->|"8080→80"| f0_web');
    expect(chart).toContain('host -->|"127.0.0.1:5432→5432"| f0_db');
  });

  it("escapes names Mermaid would misread and draws nothing for too many services", () => {
    const odd = { ...head.services[1], name: 'we"ird.name', image: "a<b>" };
    const chart = mermaidTopology([odd]);
    expect(chart).toContain("we#quot;ird.name");
    expect(chart).toContain("a#lt;b#gt;");
    expect(chart).toMatch(/f0_we_22_ird_2e_name/);
    expect(mermaidTopology(Array(41).fill(head.services[1]))).toBe("");
  });

  it("keeps a line break in a name or an image inside its label, so no line of the pull request's text closes the code fence", () => {
    const odd = { ...head.services[1], name: "web\r\n```", image: "a\n```\n@victim\n```mermaid\nb", networks: ["x\ny"] };
    const chart = mermaidTopology([odd]);
    const lines = chart.split("\n");
    expect(lines.filter((l) => l.startsWith("```"))).toEqual(["```mermaid", "```"]);
    expect(lines.at(-1)).toBe("```");
    expect(chart).toContain('["web #96;#96;#96;<br/>a #96;#96;#96; @victim #96;#96;#96;mermaid b"]');
    expect(chart).toContain('{{"x y"}}');
  });

  it("draws nothing Mermaid would refuse as over its 50,000-character limit", () => {
    const long = (i: number) => ({ ...head.services[1], name: `s${i}`, image: `registry.test/${"x".repeat(20_000)}:${i}` });
    expect(mermaidTopology([long(1), long(2)]).length).toBeLessThan(50_000);
    expect(mermaidTopology([long(1), long(2), long(3)])).toBe("");
  });

  it("gives services and networks whose names escape alike nodes of their own", () => {
    const base = head.services[1];
    const chart = mermaidTopology([
      { ...base, name: "a-b", networks: ["front"], dependsOn: [] },
      { ...base, name: "a_2d", networks: [], dependsOn: [] },
      { ...base, name: "net_front", networks: [], dependsOn: [] },
    ]);
    const nodes = chart.split("\n").filter((l) => /^ {4}\S+[[{]/.test(l)).map((l) => l.trim().split(/[[{]/)[0]);
    expect(nodes).toHaveLength(4);
    expect(new Set(nodes).size).toBe(4);
    expect(mermaidTopology([])).toBe("");
  });
});

describe("findings", () => {
  it("labels lines, ranges ending at column 1 and file-level findings", () => {
    const base: Finding = { ruleId: "r", code: "X", messageId: "m", severity: "warning", category: "security", file: "f", range: { start: { line: 3, column: 1 }, end: { line: 5, column: 1 } }, message: "m", fingerprint: "x", docsUrl: "u" };
    expect(lineLabel(base)).toBe("L3–4");
    expect(lineLabel({ ...base, range: { start: { line: 3, column: 2 }, end: { line: 3, column: 9 } } })).toBe("L3");
    expect(lineLabel({ ...base, range: null })).toBe("file");
    expect(findingLine(base, { added: new Set(["x"]) })).toBe("- ⚠️ **L3–4** [`r`](u) X 🆕 — m");
  });

  it("keep @mentions and issue references from the audited text inert", () => {
    const base: Finding = { ruleId: "r", code: "X", messageId: "m", severity: "warning", category: "security", file: "f", range: null, message: "Service `a` @victim `b` #7", fingerprint: "x", docsUrl: "u" };
    expect(findingLine(base)).toBe("- ⚠️ **file** [`r`](u) X — Service `a` @\u2060victim `b` #\u20607");
    expect(cell("@team")).toBe("@\u2060team");
  });

  it("keep a mention inert right after a code span, or after a backtick that opens none; leave code spans as written", () => {
    // A value with a backtick in a span that is not the placeholder's own (`image: {{image}}`) ends the span early.
    const base: Finding = { ruleId: "r", code: "X", messageId: "m", severity: "warning", category: "security", file: "f", range: null, message: "Service `web` has `image: x`@victim #3` and a build", fingerprint: "x", docsUrl: "u" };
    expect(findingLine(base)).toBe("- ⚠️ **file** [`r`](u) X — Service `web` has `image: x`@\u2060victim #\u20603\\` and a build");
    expect(inertReferences("`@victim and #1")).toBe("`@\u2060victim and #\u20601");
    expect(inertReferences("`@scope/pkg #4` x")).toBe("`@scope/pkg #4` x");
    // GitHub links GH-26 to issue 26 as it does #26.
    expect(inertReferences("see GH-26, gh-7 and `GH-1`, not XGH-2")).toBe("see GH-\u206026, gh-\u20607 and `GH-1`, not XGH-2");
    expect(inertReferences("\\`a` @b")).toBe("\\`a` @\u2060b");
    expect(inertReferences("\\`@b \\` `x`")).toBe("\\`@\u2060b \\` `x`");
  });

  it("groups by file in path order", () => {
    const a = { ...head.findings[0], file: "b" };
    const b = { ...head.findings[0], file: "a" };
    expect(groupByFile([a, b]).map((g) => g.file)).toEqual(["a", "b"]);
  });
});

describe("text helpers", () => {
  it("escapes table cells and backticks in code", () => {
    expect(cell("a|b\nc")).toBe("a\\|b c");
    // A value shows as written: no image, link, emphasis or code span of the pull request's making.
    expect(cell("![t](https://x.test/t.png) **b** `c` _d_ ~e~ &amp; <i>")).toBe("!\\[t\\](https://x.test/t.png) \\*\\*b\\*\\* \\`c\\` \\_d\\_ \\~e\\~ \\&amp; &lt;i\\>");
    expect(code("x`y")).toBe("``x`y``");
  });

  it("cuts to a byte budget without splitting a character", () => {
    const cut = cutToBytes("é".repeat(100), 51);
    expect(byteLength(cut)).toBeLessThanOrEqual(51);
    expect(cut).not.toContain("\uFFFD");
  });
});

describe("pull-request text in the summary", () => {
  const hostile = audit(
    [
      { path: "compose.yaml", content: 'services:\n  "we|b":\n    build:\n      context: .\n      target: "t|x"\n    image: "a\\\\b"\n    mem_limit: "<img src=x>"\n' },
      { path: "x\n# Injected/Dockerfile", content: "FROM node:20\nUSER 1000\n" },
    ],
    TEST_RULES,
  );
  const text = renderMarkdown(hostile);

  it("keeps every row of the service matrix at seven cells whatever the names hold", () => {
    const rows = text.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.length).toBe(1);
    for (const row of rows) expect(row.replace(/`[^`]*`/g, (span) => span.replace(/\\\|/g, "")).split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  it("shows HTML in a value as text, not as markup", () => {
    expect(text).not.toContain("<img");
  });

  it("shows markup in a message's values as written, outside code spans and in them", () => {
    const base: Finding = { ruleId: "r", code: "X", messageId: "m", severity: "warning", category: "security", file: "f", range: null, message: "port **b** as [x](https://evil.test) <b> in `a*b_[c]` and ``x`<y`` and a stray `tick", fingerprint: "x", docsUrl: "u" };
    expect(findingLine(base)).toBe("- ⚠️ **file** [`r`](u) X — port \\*\\*b\\*\\* as \\[x\\](https://evil.test) \\<b\\> in `a*b_[c]` and ``x`<y`` and a stray \\`tick");
  });

  it("keeps a line break in a path from starting a heading or any other block", () => {
    expect(text).not.toMatch(/^# Injected/m);
  });
});
