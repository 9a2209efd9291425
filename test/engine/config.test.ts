import { rules } from "../../src/audit.js";
import { ConfigError, DEFAULT_CONFIG, HARD_LIMITS, parseConfigText, resolveConfig, type RuleMeta } from "../../src/engine/index.js";

const metas = [
  { id: "apt-version-unpinned", code: "DF304", aliases: ["DL3008", "kics:abc"], target: "dockerfile", category: "reliability", severity: "info", description: "", messages: {} },
  { id: "image-tag-latest", code: "DF302", aliases: ["DL3007", "DS-0001"], target: "dockerfile", category: "reliability", severity: "warning", description: "", messages: {} },
  { id: "image-tag-missing", code: "DF301", aliases: ["DL3006", "DS-0001"], target: "dockerfile", category: "reliability", severity: "warning", description: "", messages: {} },
  {
    id: "untrusted-registry", code: "DF207", aliases: [], target: "dockerfile", category: "security", severity: "off", description: "", messages: {},
    options: { registries: [], quote: "double", labels: {}, strict: false, retries: 5 },
    optionTypes: { registries: "strings", quote: { oneOf: ["double", "single"] }, labels: { mapOf: { oneOf: ["url", "text"] } }, strict: "boolean", retries: "positive-integer" },
  },
] as RuleMeta[];

function problems(text: string): string[] {
  try {
    parseConfigText(text, metas);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.key}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("config", () => {
  it("gives the defaults for an empty file", () => {
    expect(parseConfigText("", metas)).toEqual(DEFAULT_CONFIG);
  });

  it("accepts rule ids, codes and aliases of other tools, case-insensitively", () => {
    const config = parseConfigText("rules:\n  dl3008: off\n  DF302: error\n", metas);
    expect(config.rules).toEqual({ "apt-version-unpinned": { severity: "off" }, "image-tag-latest": { severity: "error" } });
  });

  it("applies an alias shared by two rules to both", () => {
    expect(parseConfigText("rules:\n  DS-0001: info\n", metas).rules).toEqual({ "image-tag-latest": { severity: "info" }, "image-tag-missing": { severity: "info" } });
  });

  it("applies `<tool>:*` to every rule with an alias of that tool", () => {
    expect(parseConfigText('rules:\n  "KICS:*": error\n', metas).rules).toEqual({ "apt-version-unpinned": { severity: "error" } });
  });

  it("lets a setting for one rule win over a group setting, in either order", () => {
    expect(parseConfigText('rules:\n  DL3008: off\n  "kics:*": error\n', metas).rules["apt-version-unpinned"]).toEqual({ severity: "off" });
    expect(parseConfigText('rules:\n  "kics:*": error\n  DL3008: off\n', metas).rules["apt-version-unpinned"]).toEqual({ severity: "off" });
    expect(parseConfigText("rules:\n  image-tag-latest: off\n  DS-0001: info\n", metas).rules).toEqual({ "image-tag-latest": { severity: "off" }, "image-tag-missing": { severity: "info" } });
  });

  it("takes severity and options in the long form", () => {
    expect(parseConfigText("rules:\n  untrusted-registry:\n    severity: warning\n    options: { registries: [x] }\n", metas).rules["untrusted-registry"]).toEqual({ severity: "warning", options: { registries: ["x"] } });
  });

  it("refuses options a rule does not have, and option values of the wrong type, naming each", () => {
    const text = [
      "rules:",
      "  image-tag-latest:",
      "    options: { allow: [x] }",
      "  untrusted-registry:",
      "    options:",
      "      registries: ghcr.io",
      "      registry: [ghcr.io]",
      "      quote: backtick",
      "      labels: { a: url, b: uri }",
      "      strict: 'yes'",
      "      retries: 2.5",
      "",
    ].join("\n");
    expect(problems(text)).toEqual([
      "rules.image-tag-latest.options.allow: image-tag-latest has no options",
      "rules.untrusted-registry.options.registries: must be a list of strings",
      "rules.untrusted-registry.options.registry: unknown option (known: registries, quote, labels, strict, retries)",
      "rules.untrusted-registry.options.quote: must be one of double, single",
      "rules.untrusted-registry.options.labels.b: must be one of url, text",
      "rules.untrusted-registry.options.strict: must be true or false",
      "rules.untrusted-registry.options.retries: must be a whole number from 1",
    ]);
    expect(parseConfigText("rules:\n  untrusted-registry:\n    options: { quote: single, labels: { a: url }, strict: true, retries: 3 }\n", metas).rules["untrusted-registry"].options).toEqual({ quote: "single", labels: { a: "url" }, strict: true, retries: 3 });
  });

  it("takes ShellCheck codes with or without their SC prefix, bare numbers included", () => {
    const options = (value: string) => parseConfigText(`rules:\n  shellcheck:\n    options: { exclude: ${value} }\n`, rules.map((r) => r.meta)).rules.shellcheck.options;
    expect(options("[SC2086, 2046]")).toEqual({ exclude: ["SC2086", 2046] });
    expect(() => options("[2.5]")).toThrow(/rules\.shellcheck\.options\.exclude.*must be a list of codes/);
    expect(() => options("SC2086")).toThrow(/must be a list of codes/);
  });

  it("gives every option of the catalogue a type its default has", () => {
    for (const { meta } of rules) {
      expect([meta.id, Object.keys(meta.optionTypes ?? {})]).toEqual([meta.id, Object.keys(meta.options ?? {})]);
      if (meta.options) expect(resolveConfig({ rules: { [meta.id]: { options: meta.options } } }, rules.map((r) => r.meta)).rules[meta.id].options).toEqual(meta.options);
    }
  });

  it("reads a section whose entries are all commented out (a YAML null) as an empty one", () => {
    const text = "rules:\n  # DL3008: off\n  untrusted-registry:\n    severity: warning\n    options:\n      # registries: [ghcr.io]\nfiles:\n  compose:\n    # - deploy/*.yml\nignore:\n  # - vendor/**\nlimits:\n  # max_files: 10\n";
    expect(parseConfigText(text, metas)).toEqual({ ...DEFAULT_CONFIG, rules: { "untrusted-registry": { severity: "warning" } } });
    expect(problems("rules:\n  DL3008:\n")).toEqual(["rules.DL3008: must be a severity or { severity, options }"]);
  });

  it("reads the app keys", () => {
    const c = parseConfigText("fail_on: warning\nmin_grade: B\nonly_new: false\nmax_inline_comments: 5\ndrafts: true\nignore: [vendor/**]\nfiles:\n  compose: [deploy/*.yml]\n", metas);
    expect(c).toMatchObject({ failOn: "warning", minGrade: "B", onlyNew: false, maxInlineComments: 5, drafts: true, ignore: ["vendor/**"], files: { compose: ["deploy/*.yml"] } });
  });

  it("reads test_stacks:, negated patterns included, and names a bad one", () => {
    expect(parseConfigText("test_stacks: [deploy/compose.smoke.yaml, \"!ci/compose.yaml\"]\n", metas).testStacks).toEqual(["deploy/compose.smoke.yaml", "!ci/compose.yaml"]);
    expect(problems("test_stacks: deploy/*.yaml\n")).toEqual(["test_stacks: must be a list of glob strings"]);
  });

  it("names every bad key and why", () => {
    expect(problems("fail_on: often\nmin_grade: Z\nmax_inline_comments: 1000\nrules:\n  nope: off\n  DL3008: loud\nwat: 1\n")).toEqual([
      "wat: unknown key (known: rules, files, ignore, test_stacks, fail_on, min_grade, only_new, max_inline_comments, drafts, limits)",
      "rules.nope: no rule has this id or alias (run `dockaudit rules` for the list)",
      "rules.DL3008: severity must be one of error, warning, info, off",
      "fail_on: must be one of error, warning, info, none",
      "min_grade: must be one of A+, A, B, C, D, F",
      "max_inline_comments: must be a whole number from 0 to 100",
    ]);
  });

  it("gives the line of each bad key", () => {
    const text = "fail_on: often\nrules:\n  nope: off\n  untrusted-registry:\n    options:\n      labels:\n        org.example.url: uri\nignore:\n  - ok/**\n  - '+(a|b)'\n";
    try {
      parseConfigText(text, metas);
      throw new Error("no ConfigError");
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => [p.key, p.line])).toEqual([
        ["rules.nope", 3],
        ["rules.untrusted-registry.options.labels.org.example.url", 7],
        ["ignore[1]", 10],
        ["fail_on", 1],
      ]);
      expect((e as ConfigError).message).toContain("rules.nope (line 3): no rule has this id");
    }
  });

  it("says a finding the engine raises itself cannot be configured, rather than that it does not exist", () => {
    expect(problems("rules:\n  file-skipped: off\n  DA003: info\n")).toEqual([
      "rules.file-skipped: file-skipped is raised by the engine itself, not a rule, and cannot be configured (see docs/builtin-findings.md)",
      "rules.DA003: shell-not-parsed is raised by the engine itself, not a rule, and cannot be configured (see docs/builtin-findings.md)",
    ]);
  });

  it("keeps limits within the hard caps", () => {
    expect(parseConfigText("limits:\n  max_files: 10\n", metas).limits.maxFiles).toBe(10);
    expect(problems(`limits:\n  max_file_bytes: ${HARD_LIMITS.maxFileBytes + 1}\n`)).toEqual([`limits.max_file_bytes: must be at most ${HARD_LIMITS.maxFileBytes}`]);
    expect(problems("limits:\n  max_files: 0\n  speed: 3\n")).toEqual(["limits.max_files: must be a positive whole number", "limits.speed: unknown limit (known: max_file_bytes, max_files, max_total_bytes)"]);
  });

  it("names each glob it cannot read, by its place in the list", () => {
    expect(parseConfigText("files:\n  compose: ['deploy/*.yml']\nignore: ['legacy/**']\n", metas).ignore).toEqual(["legacy/**"]);
    expect(problems("files:\n  compose: ['ok/*.yml', '+(a|b).yml']\nignore: ['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}']\n")).toEqual([
      "files.compose[1]: `+(a|b).yml` uses an extended glob (`@(…)`, `+(…)`, `*(…)`, `?(…)`, `!(…)`), which dockaudit does not read",
      "ignore[0]: `{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}` expands to more than 256 alternatives through {…}",
    ]);
  });

  it("quotes a long glob cut short without splitting a character", () => {
    const [problem] = problems(`ignore: ['a${"😀".repeat(40)}+(x)']\n`);
    expect(problem).toBe(`ignore[0]: \`a${"😀".repeat(29)}…\` uses an extended glob (\`@(…)\`, \`+(…)\`, \`*(…)\`, \`?(…)\`, \`!(…)\`), which dockaudit does not read`);
  });

  it("refuses a negated files: pattern, which would make every other path a file of that kind", () => {
    expect(problems("files:\n  dockerfile: ['docker/*.df', '!legacy/Dockerfile']\n")).toEqual([
      "files.dockerfile[1]: `!legacy/Dockerfile` is negated: files: patterns add to the built-in ones, so it would make every other path a dockerfile; leave files out with ignore:",
    ]);
  });

  it("reports invalid YAML and a non-mapping file clearly", () => {
    expect(problems("rules: [unclosed\n")[0]).toMatch(/^\(file\): not valid YAML/);
    expect(problems("- a\n- b\n")).toEqual(["(file): must be a mapping"]);
    expect(() => resolveConfig("text", metas)).toThrow(ConfigError);
  });
});
