import { audit } from "../../src/engine/index.js";
import userMissing from "../../rules/dockerfile/user-missing.js";
import datastorePort from "../../rules/compose/datastore-port-published.js";
import execFormCmd from "../../rules/dockerfile/exec-form-cmd.js";
import fromPlatformFlag from "../../rules/dockerfile/from-platform-flag.js";
import versionField from "../../rules/compose/version-field-obsolete.js";

const rules = [userMissing, datastorePort];
const ids = (files: { path: string; content: string }[]) => audit(files, rules).findings.map((f) => `${f.file}:${f.range?.start.line} ${f.ruleId}`);

describe("suppression pragmas", () => {
  it("a dockaudit pragma on the line before an instruction suppresses that finding only", () => {
    expect(ids([{ path: "Dockerfile", content: "# dockaudit ignore=user-missing\nFROM python:3.12\n" }])).toEqual([]);
    expect(ids([{ path: "Dockerfile", content: "# dockaudit ignore=DC116\nFROM python:3.12\n" }])).toEqual(["Dockerfile:2 user-missing"]);
  });

  it("says when a dockaudit pragma names no rule, which suppresses nothing", () => {
    const report = audit([{ path: "Dockerfile", content: "FROM python:3.12\n# dockaudit ignore=user-mising, SC2086\nRUN x\n" }, { path: "compose.yaml", content: "# dockaudit ignore-file=datastore-port\nservices: {}\n" }], rules);
    expect(report.findings.map((f) => `${f.file}:${f.range?.start.line} ${f.ruleId} ${f.message}`)).toEqual([
      "Dockerfile:1 user-missing " + report.findings[0].message,
      "Dockerfile:2 suppression-unknown-rule `user-mising` names no rule (nor an alias of one), so this comment suppresses nothing by it; run `dockaudit rules` for the names.",
      "compose.yaml:1 suppression-unknown-rule `datastore-port` names no rule (nor an alias of one), so this comment suppresses nothing by it; run `dockaudit rules` for the names.",
    ]);
    // Other tools' pragmas name their own checks, which dockaudit need not mirror.
    expect(ids([{ path: "Dockerfile", content: "# hadolint ignore=DL9999\n# checkov:skip=CKV_OTHER_1\nFROM python:3.12\nUSER app\n" }])).toEqual([]);
  });

  it("hadolint, Checkov and BuildKit pragmas work through aliases", () => {
    expect(ids([{ path: "Dockerfile", content: "# checkov:skip=CKV_DOCKER_3\nFROM python:3.12\n" }])).toEqual([]);
    expect(ids([{ path: "Dockerfile", content: "# hadolint global ignore=DS-0002\nRUN true\nFROM python:3.12\n" }])).toEqual([]);
    expect(ids([{ path: "Dockerfile", content: "# check=skip=CKV_DOCKER_3\nFROM python:3.12\n" }])).toEqual([]);
  });

  it("a pragma separated by another statement does not apply", () => {
    expect(ids([{ path: "Dockerfile", content: "# dockaudit ignore=user-missing\nARG V=1\nFROM python:3.12\n" }])).toEqual(["Dockerfile:3 user-missing"]);
  });

  it("a Compose pragma applies to the key below it and everything inside it", () => {
    const compose = (pragmaAt: "service" | "port" | "none") =>
      `services:\n${pragmaAt === "service" ? "  # dockaudit ignore=datastore-port-published\n" : ""}  db:\n    image: postgres:16\n    ports:\n${pragmaAt === "port" ? "      # dockaudit ignore=DC116\n" : ""}      - "5432:5432"\n`;
    expect(ids([{ path: "compose.yaml", content: compose("none") }])).toEqual(["compose.yaml:5 datastore-port-published"]);
    expect(ids([{ path: "compose.yaml", content: compose("service") }])).toEqual([]);
    expect(ids([{ path: "compose.yaml", content: compose("port") }])).toEqual([]);
  });

  it("ignore-file and `all` silence a whole file", () => {
    expect(ids([{ path: "Dockerfile", content: "# dockaudit ignore-file=user-missing\nFROM python:3.12\n" }])).toEqual([]);
    expect(ids([{ path: "Dockerfile", content: "# dockaudit ignore=all\nFROM python:3.12\n" }])).toEqual([]);
  });

  describe("dclint's comments", () => {
    const dclintRules = [versionField, datastorePort];
    const body = 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n';
    const found = (content: string) => audit([{ path: "compose.yaml", content }], dclintRules).findings.map((f) => `${f.range?.start.line} ${f.ruleId}`);

    it("disable-line, above the line or at its end, with names or for every dclint check", () => {
      expect(found(`# dclint disable-line no-version-field\n${body}`)).toEqual(["6 datastore-port-published"]);
      expect(found(body.replace('"3.8"\n', '"3.8"  # dclint disable-line\n'))).toEqual(["5 datastore-port-published"]);
      expect(found(body.replace('"3.8"\n', '"3.8"  # dclint disable-line require-quotes-in-ports\n'))).toEqual(["1 version-field-obsolete", "5 datastore-port-published"]);
    });

    it("disable and disable-file on the first line that is not blank or ---, for the whole file", () => {
      expect(found(`# dclint disable no-version-field\n${body}`)).toEqual(["6 datastore-port-published"]);
      expect(found(`---\n\n# dclint disable-file\n${body}`)).toEqual(["8 datastore-port-published"]);
      expect(found(`# dclint disable\n${body}`)).toEqual(["6 datastore-port-published"]);
      // Further down, dclint reads `# dclint disable` as a plain comment.
      expect(found(body.replace("services:\n", "services:\n# dclint disable\n"))).toEqual(["1 version-field-obsolete", "6 datastore-port-published"]);
    });
  });

  describe("BuildKit's check directive", () => {
    const buildkitRules = [userMissing, execFormCmd, fromPlatformFlag];
    const found = (pragma: string) =>
      audit([{ path: "Dockerfile", content: `${pragma}\nFROM --platform=linux/amd64 python:3.12\nCMD python app.py\n` }], buildkitRules).findings.map((f) => f.ruleId).sort();

    it("takes BuildKit's bare check names, also beside error= in either order", () => {
      expect(found("# check=skip=JSONArgsRecommended,FromPlatformFlagConstDisallowed")).toEqual(["user-missing"]);
      expect(found("# check=skip=JSONArgsRecommended;error=true")).toEqual(["from-platform-flag", "user-missing"]);
      expect(found("# check=error=true;skip=FromPlatformFlagConstDisallowed")).toEqual(["exec-form-cmd", "user-missing"]);
    });

    it("is read only as a parser directive, in the run of directive lines at the top of the file", () => {
      expect(found("# syntax=docker/dockerfile:1\n# check=skip=all")).toEqual(["user-missing"]);
      // Below a blank line, another comment or an instruction (here inside a RUN's continuation),
      // BuildKit reads it as a comment.
      expect(found("\n# check=skip=all")).toEqual(["exec-form-cmd", "from-platform-flag", "user-missing"]);
      expect(found("# a comment\n# check=skip=all")).toEqual(["exec-form-cmd", "from-platform-flag", "user-missing"]);
      const inContinuation = "FROM --platform=linux/amd64 python:3.12\nRUN echo a \\\n  # check=skip=all\n  && echo b\nCMD python app.py\n";
      expect(audit([{ path: "Dockerfile", content: inContinuation }], buildkitRules).findings.map((f) => f.ruleId).sort()).toEqual(["exec-form-cmd", "from-platform-flag", "user-missing"]);
    });

    it("skips with `all` every rule that mirrors a BuildKit check, and no other", () => {
      expect(found("# check=skip=all")).toEqual(["user-missing"]);
      expect(found("# check=error=true")).toEqual(["exec-form-cmd", "from-platform-flag", "user-missing"]);
    });
  });
});
