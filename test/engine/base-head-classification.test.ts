import { auditFiles, rules } from "../../src/audit.js";
import { compareFindings } from "../../src/formatters/markdown.js";
import { audit, DEFAULT_CONFIG, type Finding } from "../../src/engine/index.js";

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

describe("settings shared through a YAML anchor", () => {
  const common = "x-common: &common\n  privileged: true\n  environment:\n    API_TOKEN: s3cr3tvalue99\n\nservices:\n";
  const api = "  api:\n    <<: *common\n    image: example/api:1.2\n";
  const worker = "  worker:\n    <<: *common\n    image: example/worker:1.2\n";
  const shared = (c: ReturnType<typeof compare>) => ({
    added: c.added.filter((f) => /^(privileged|hardcoded-secret)@/.test(f)),
    fixed: c.fixed.filter((f) => /^(privileged|hardcoded-secret)@/.test(f)),
  });

  it("stay existing when the services merging them are reordered", () => {
    expect(compare(common + api + worker, common + worker + api, "compose.yaml")).toEqual(unchanged);
  });

  it("stay existing when the first service merging them is removed, or one is added before it", () => {
    expect(shared(compare(common + api + worker, common + worker, "compose.yaml"))).toEqual(unchanged);
    const jobs = "  jobs:\n    <<: *common\n    image: example/jobs:1.2\n";
    expect(shared(compare(common + api + worker, common + jobs + api + worker, "compose.yaml"))).toEqual(unchanged);
  });

  it("are new when a service sets one in its own block", () => {
    const own = api.replace("image: example/api:1.2\n", "image: example/api:1.2\n    privileged: true\n");
    expect(shared(compare(common + api + worker, common + own + worker, "compose.yaml"))).toEqual({ added: ["privileged@10[api]"], fixed: [] });
  });
});

describe("an instruction rewritten over continuation lines", () => {
  const oneLine = "FROM debian:12\nRUN apt-get update && apt-get install -y curl wget\nUSER app\n";

  it("keeps its findings when split, joined back, or commented inside", () => {
    const split = oneLine.replace("update && apt-get install -y curl wget", "update \\\n    && apt-get install -y \\\n      curl \\\n      wget");
    const commented = split.replace("      curl \\\n", "      # the client\n      curl \\\n");
    expect(compare(oneLine, split)).toEqual(unchanged);
    expect(compare(split, oneLine)).toEqual(unchanged);
    expect(compare(split, commented)).toEqual(unchanged);
    expect(compare(oneLine.replace(/\n/g, "\r\n"), split.replace(/\n/g, "\r\n"))).toEqual(unchanged);
  });

  it("with the escape character a directive sets", () => {
    const windows = "# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\n";
    expect(compare(windows, windows.replace("update && ", "update `\n    && "))).toEqual(unchanged);
  });

  it("counts as new when the command it runs changes", () => {
    const split = oneLine.replace("curl wget", "curl \\\n      wget \\\n      git");
    expect(compare(oneLine, split).added).toContain("apt-version-unpinned@4");
  });
});

describe("a base image version bump", () => {
  const app = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n';

  it("keeps the findings about its stage (no USER, no HEALTHCHECK)", () => {
    expect(compare(app, app.replace("3.12-slim", "3.13-slim"))).toEqual(unchanged);
    const pinned = app.replace("python:3.12-slim", "registry.local:5000/python:3.12-slim@sha256:aaaa");
    expect(compare(pinned, pinned.replace("3.12-slim@sha256:aaaa", "3.13-slim@sha256:bbbb"))).toEqual(unchanged);
  });

  it("still brings what the new tag itself causes", () => {
    expect(compare(app, app.replace("3.12-slim", "latest"))).toEqual({ added: ["image-tag-latest@1"], fixed: [] });
  });
});

describe("a Compose image version bump", () => {
  const compose = "name: shop\nservices:\n  app:\n    build: .\n    image: \"ghcr.io/acme/app:1.4.2\"\n    restart: always\n  db:\n    image: postgres:16.2\n    restart: always\n";

  it("keeps the findings that point at the image line", () => {
    expect(compare(compose, compose.replace("app:1.4.2", "app:1.4.3").replace("16.2", "16.3"), "compose.yaml")).toEqual(unchanged);
  });

  it("still brings what the new tag itself causes", () => {
    expect(compare(compose, compose.replace("postgres:16.2", "postgres:latest"), "compose.yaml")).toEqual({ added: ["image-tag-unpinned@8[db]"], fixed: [] });
  });
});

describe("a file skipped for the run's size limit", () => {
  const config = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxTotalBytes: 200 } };
  const small = { path: "a/Dockerfile", content: "FROM alpine:3.20\nUSER 1000\n" };
  const big = `FROM alpine:3.20\n${"RUN echo one two three four five six\n".repeat(6)}USER 1000\n`;

  it("stays the same finding when an edit changes the sizes its reason quotes", () => {
    const skipped = (content: string) => audit([small, { path: "b/Dockerfile", content }], rules, { config }).findings.filter((f) => f.ruleId === "file-skipped");
    const [before, after] = [skipped(big), skipped(big.replace("USER", "ENV A=1\nUSER"))];
    expect(before).toHaveLength(1);
    expect(after[0].message).not.toBe(before[0].message);
    expect(compareFindings(before, after)).toMatchObject({ added: [], fixed: [] });
  });
});

describe("a comment added at the end of a flagged Compose line", () => {
  const compose = 'name: p\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n    ports:\n      - "5432:5432"\n    restart: always\n';

  it("leaves its finding existing", () => {
    const explained = compose.replace("privileged: true", "privileged: true  # the GPU driver needs it").replace('"5432:5432"', '"5432:5432" # for the migration job');
    expect(compare(compose, explained, "compose.yaml")).toEqual(unchanged);
  });

  it("but a # inside quotes is part of the value", () => {
    const withHash = compose.replace("    restart: always\n", "    restart: always\n    environment:\n      DB_PASSWORD: \"hunter2 #1\"\n");
    expect(compare(withHash, withHash.replace("hunter2 #1", "hunter2 #2"), "compose.yaml")).toEqual({ added: ["hardcoded-secret@10[web]"], fixed: ["hardcoded-secret@10[web]"] });
  });
});

describe("a Compose file whose quotes a formatter rewrites", () => {
  const compose = "name: p\nservices:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports:\n      - '8080:80'\n";

  it("keeps the findings on the requoted lines", () => {
    expect(compare(compose, compose.replace("'8080:80'", '"8080:80"'), "compose.yaml")).toEqual(unchanged);
  });

  it("but dropping the quotes changes the value, and its findings", () => {
    expect(compare(compose, compose.replace("'8080:80'", "8080:80"), "compose.yaml").added).toContain("ports-quoted@7[web]");
  });
});

describe("services that clash, reordered", () => {
  const a = '  a:\n    image: x:1\n    container_name: app\n    ports:\n      - "127.0.0.1:8080:80"\n    restart: always\n';
  const b = '  b:\n    image: y:1\n    container_name: app\n    ports:\n      - "8080:3000"\n    restart: always\n';
  const c = "  c:\n    image: z:1\n    container_name: app\n    restart: always\n";
  const clashes = (x: ReturnType<typeof compare>) => ({
    added: x.added.filter((f) => f.startsWith("duplicate-")),
    fixed: x.fixed.filter((f) => f.startsWith("duplicate-")),
  });

  it("keep the clash existing, though it is now reported on the other service", () => {
    expect(compare(`name: p\nservices:\n${a}${b}`, `name: p\nservices:\n${b}${a}`, "compose.yaml")).toEqual(unchanged);
    expect(compare(`name: p\nservices:\n${a}${b}${c}`, `name: p\nservices:\n${c}${b}${a}`, "compose.yaml")).toEqual(unchanged);
  });

  it("count one more clash when a third service takes the same name", () => {
    expect(clashes(compare(`name: p\nservices:\n${a}${b}`, `name: p\nservices:\n${c}${a}${b}`, "compose.yaml"))).toEqual({ added: ["duplicate-container-name@15[b]"], fixed: [] });
  });
});
