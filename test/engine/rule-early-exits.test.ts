/**
 * Shortcuts taken for speed must not change what is found: undefined-variable skips instructions
 * without a `$`, collectSuppressions skips statements and plain comments before its patterns,
 * secret-literal-value decides per command which program checks apply, and
 * build-tools-in-final-stage spots `apt-mark auto` without building a word list.
 */
import { audit } from "../../src/engine/index.js";
import { collectSuppressions, FILE_PRAGMAS, LINE_PRAGMAS } from "../../src/engine/suppress.js";
import { LineIndex } from "../../src/engine/text.js";
import buildTools from "../../rules/dockerfile/build-tools-in-final-stage.js";
import secretLiteral from "../../rules/dockerfile/secret-literal-value.js";
import undefinedVariable from "../../rules/dockerfile/undefined-variable.js";
import type { Rule } from "../../src/engine/rule.js";

const run = (rule: Rule, text: string) =>
  audit([{ path: "Dockerfile", content: text }], [rule]).findings.map((f) => `${f.ruleId}@${f.range?.start.line}:${f.range?.start.column} ${f.messageId}`);

describe("undefined-variable skips instructions with no `$`", () => {
  it("still puts their ARG and ENV names in scope", () => {
    expect(run(undefinedVariable, "FROM alpine:3.20\nARG A=1\nENV B=2\nRUN echo $A $B\nWORKDIR ${A}\n")).toEqual([]);
  });
  it("judges the references of instructions that have one, in flags, properties, arguments and heredocs", () => {
    const text = "FROM alpine:3.20\nARG LATER\nRUN echo ok\nCOPY --chown=$OWNER a /b\nLABEL x=$VAL_Y\nWORKDIR $LATE\nRUN <<EOF\necho $USED\nEOF\nENV USED=1 VAL_Y=2 OWNER=3\n";
    const again = run(undefinedVariable, text);
    expect(again).toEqual(run(undefinedVariable, text));
    expect(again.some((f) => f.startsWith("undefined-variable@4:"))).toBe(true);
    expect(again.some((f) => f.startsWith("undefined-variable@5:"))).toBe(true);
    expect(again.some((f) => f.startsWith("undefined-variable@8:"))).toBe(true);
  });
});

describe("collectSuppressions prefilters lines", () => {
  // No tool aliases (`buildkit:…`): a `check=skip=` name falls back to its plain lookup.
  const lookup = (name: string) => (name.includes(":") ? [] : [name.toLowerCase()]);
  /** The patterns applied to every trimmed comment line, as before the prefilter. */
  function slow(text: string) {
    const lines = text.split("\n");
    const fileWide = new Set<string>();
    const byLine = new Map<number, string[]>();
    let pending: string[] | null = null;
    // BuildKit's `# check=` counts only among the parser directives that open the file.
    let directives = true;
    lines.forEach((raw, i) => {
      const t = raw.trim();
      directives &&= /^#\s*(syntax|escape|check)\s*=/i.test(t);
      if (!t) return;
      if (!t.startsWith("#")) {
        if (pending) byLine.set(i + 1, pending);
        pending = null;
        return;
      }
      for (const re of FILE_PRAGMAS) {
        if (!directives && /check/.test(String(re))) continue;
        const m = re.exec(t);
        if (m) for (const n of m[1].split(/[,\s]+/).filter(Boolean)) fileWide.add(n.toLowerCase() === "all" ? "*" : n.toLowerCase());
      }
      for (const re of LINE_PRAGMAS) {
        const m = re.exec(t);
        if (m) for (const n of m[1].split(/[,\s]+/).filter(Boolean)) (pending ??= []).push(n.toLowerCase() === "all" ? "*" : n.toLowerCase());
      }
    });
    return { fileWide: [...fileWide].sort(), byLine: [...byLine].map(([l, ids]) => [l, [...new Set(ids)].sort()]) };
  }
  it("finds what every pattern on every comment finds", () => {
    const text = [
      "  # HADOLINT ignore=DL3008",
      "\tRUN apt-get install x",
      "# a plain comment",
      "#dockaudit ignore-file=apk-no-cache",
      "\u00a0# checkov:skip=CKV_DOCKER_2",
      "RUN y",
      "# dclint disable-next-line a, b",
      "",
      "  COPY . .",
      "#check=skip=JSONArgsRecommended",
      "# check this out: hadolint is fine",
      "RUN z",
    ].join("\n");
    const s = collectSuppressions(new LineIndex(text), lookup);
    expect({ fileWide: [...s.fileWide].sort(), byLine: [...s.byLine].map(([l, ids]) => [l, [...ids].sort()]) }).toEqual(slow(text));
    expect(s.byLine.get(2)).toEqual(new Set(["dl3008"]));
    // Line 10's `#check=skip=` is no parser directive (it is not among the lines opening the file).
    expect(s.pragmas.map((p) => p.line)).toEqual([1, 4, 5, 7]);
    const opening = `#check=skip=JSONArgsRecommended\n${text}`;
    expect(collectSuppressions(new LineIndex(opening), lookup).fileWide).toEqual(new Set(["jsonargsrecommended", "apk-no-cache"]));
    expect({ fileWide: [...collectSuppressions(new LineIndex(opening), lookup).fileWide].sort() }).toEqual({ fileWide: slow(opening).fileWide });
  });
});

describe("secret-literal-value decides per command which program checks apply", () => {
  it("checks -p of registry logins and MySQL clients and curl -u, and nothing of other programs", () => {
    const found = run(secretLiteral, "FROM alpine:3.20\nRUN docker login -u me -p hunter2x9 && mysql -pS3cretPw1 && curl -u me:Pa55word9 https://x && other -p hunter2x9 -pS3cretPw1 -u me:Pa55word9\n");
    expect(found.map((f) => f.split("@")[1])).toEqual(["2:27 option", "2:46 option", "2:69 option"]);
  });
});

describe("build-tools-in-final-stage spots `apt-mark auto`", () => {
  const base = "FROM debian:12\nRUN apt-get install -y gcc && ";
  it.each([
    ["apt-mark auto '.*' > /dev/null && apt-get purge -y --auto-remove", 0],
    ["sudo apt-mark auto gcc && apt-get purge -y --auto-remove", 0],
    ["echo auto && apt-mark showmanual && apt-get purge -y --auto-remove", 1],
    ["echo done", 1],
  ])("%s", (tail, count) => {
    expect(run(buildTools, `${base}${tail}\nCMD ["/app"]\n`)).toHaveLength(count);
  });
});

describe("tls-verification-disabled and package-signature-bypass test config patterns only on words that can match", () => {
  it("still finds config text in any program's words", async () => {
    const tls = (await import("../../rules/dockerfile/tls-verification-disabled.js")).default;
    const sig = (await import("../../rules/dockerfile/package-signature-bypass.js")).default;
    const text = [
      "FROM debian:12",
      "RUN echo sslVerify=0 >> /etc/yum.conf && echo 'Acquire::https::Verify-Peer \"false\";' > /etc/apt/apt.conf.d/x && echo CHECK_CERTIFICATE=off > ~/.wgetrc && echo strict-ssl=false > .npmrc",
      "RUN echo 'APT::Get::AllowUnauthenticated \"true\";' > /etc/apt/apt.conf.d/y && echo 'deb [trusted=yes] http://x ./' > /etc/apt/sources.list && echo gpgcheck=0 >> /etc/yum.conf && echo 'Acquire::AllowInsecureRepositories=1' > z",
      "RUN apt-get install --allow-unauthenticated x && apk add --allow-untrusted y && rpm -i --nosignature z && zypper --no-gpg-checks in q",
      "RUN curl -k https://x && wget --no-check-certificate https://y && git config --global http.sslVerify false && npm config set strict-ssl false && conda config --set ssl_verify no",
    ].join("\n");
    expect(run(tls, text).map((f) => f.split(" ")[0])).toEqual([
      "tls-verification-disabled@2:10", "tls-verification-disabled@2:47", "tls-verification-disabled@2:118", "tls-verification-disabled@2:160",
      "tls-verification-disabled@5:10", "tls-verification-disabled@5:31", "tls-verification-disabled@5:87", "tls-verification-disabled@5:126", "tls-verification-disabled@5:165",
    ]);
    expect(run(sig, text)).toHaveLength(8);
  });
});

describe("dependencyInstall answers null at once for tools it does not know", () => {
  it("keeps the answers for the tools it knows", async () => {
    const { dependencyInstall, DEPENDENCY_TOOLS } = await import("../../src/engine/dependency-installs.js");
    const { parseDockerfile } = await import("../../src/engine/parse/dockerfile.js");
    const script = "npm ci && pip install -r r.txt && yarn && go mod download && bundle install && composer install && cargo fetch && mvn dependency:go-offline && ./gradlew build && dotnet restore && poetry install && uv sync && apt-get install -y x && echo install";
    const model = parseDockerfile("Dockerfile", `FROM x\nRUN ${script}\n`);
    const found = model.instructions[1].script!.commands.map((c) => dependencyInstall(c)?.tool ?? null);
    expect(found).toEqual(["npm", "pip", "yarn", "go", "bundle", "composer", "cargo", "mvn", "gradlew", "dotnet", "poetry", "uv", null, null]);
    for (const tool of found) if (tool) expect(DEPENDENCY_TOOLS.has(tool)).toBe(true);
  });
});
