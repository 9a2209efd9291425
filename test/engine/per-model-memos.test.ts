import { createHash } from "node:crypto";
import { audit } from "../../src/engine/index.js";
import { utf8Length } from "../../src/engine/run.js";
import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { dependencyInstall } from "../../src/engine/dependency-installs.js";
import { allRunCommands } from "../../src/engine/execform.js";
import { fingerprint, foldAnchor, foldedFingerprint } from "../../src/engine/fingerprint.js";
import { everyInstruction, instructionsNamed } from "../../src/engine/instruction-index.js";
import { runInvocations } from "../../src/engine/invocations.js";
import { findKnownSecret, SHORTEST_TOKEN, TOKEN_FORMATS } from "../../src/engine/secret-patterns.js";
import { unwrapCommand } from "../../src/engine/package-managers.js";
import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile, shellText, type DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { packageInstall, toolCommand } from "../../src/engine/pinning.js";
import { buildProject } from "../../src/engine/project.js";
import { chainInstructions, productionStages, shippedStages, stageChain, stageCommand, targetStages } from "../../src/engine/stage-roles.js";
import { formatMessage } from "../../src/engine/rule.js";
import { rules } from "../../rules/index.js";

const DOCKERFILE = [
  "FROM python:3.12 AS base",
  "RUN apt-get update && sudo apt-get install -y gcc curl && pip install -r requirements-dev.txt",
  'RUN ["sh", "-c", "apk add --no-cache git && npm ci"]',
  'RUN ["yum", "install", "-y", "make"]',
  "ENTRYPOINT [\"/entry.sh\"]",
  "FROM base AS runtime",
  "ONBUILD RUN python3 -m pip install flask",
  "CMD gunicorn app:app",
  "FROM base AS worker",
  "CMD celery worker",
  "FROM runtime AS dev",
  "CMD flask run --debug",
  "",
].join("\n");

const parse = (text = DOCKERFILE) => parseDockerfile("Dockerfile", text);
const emptyProject = (model: DockerfileModel) => buildProject({ dockerfiles: [model], composeFiles: [], dockerignores: [] });

/** The lists the helpers return, as plain data (instructions by line, commands by name and range). */
function snapshot(model: DockerfileModel) {
  const project = emptyProject(model);
  const line = (i: { range: { start: { line: number } } }) => i.range.start.line;
  return {
    runCommands: allRunCommands(model).map(({ instruction, command }) => [line(instruction), command.name, command.range]),
    byRun: [...commandsByRun(model)].map(([ins, cmds]) => [line(ins), cmds.map((c) => [c.tool, c.command.name, c.command.args.map((a) => a.value)])]),
    invocations: runInvocations(model).map((inv) => [line(inv.instruction), inv.name, inv.args, inv.range]),
    installs: allRunCommands(model).map(({ command }) => packageInstall(command)?.packages.map((p) => p.value) ?? null),
    deps: allRunCommands(model).map(({ command }) => dependencyInstall(command)?.word.value ?? null),
    unwrapped: allRunCommands(model).map(({ command }) => unwrapCommand(command).name),
    chains: model.stages.map((s) => [stageChain(s).map((c) => c.index), chainInstructions(s).map(line)]),
    commands: model.stages.map((s) => {
      const { entrypoint, cmd } = stageCommand(s);
      return [entrypoint && line(entrypoint), cmd && line(cmd)];
    }),
    targets: targetStages(model, project).map((s) => s.index),
    shipped: [...shippedStages(model, project)].map((s) => s.index),
    production: productionStages(model, project).map((s) => s.index),
  };
}

describe("per-model memos", () => {
  it("give the same results as on a fresh model, however often they are asked", () => {
    const model = parse();
    const first = snapshot(model);
    expect(snapshot(model)).toEqual(first);
    expect(snapshot(parse())).toEqual(first);
    expect(first.runCommands.map((c) => c[1])).toEqual(["apt-get", "sudo", "pip", "apk", "npm", "yum", "python3"]);
    expect(first.installs).toEqual([null, ["gcc", "curl"], [], ["git"], null, ["make"], ["flask"]]);
    expect(first.deps).toEqual([null, null, "install", null, "ci", null, null]);
    expect(first.commands).toEqual([[5, null], [5, 8], [5, 10], [5, 12]]);
  });

  it("are kept per model: another model of the same text gets its own lists", () => {
    const a = parse();
    const b = parse();
    expect(allRunCommands(a)).toBe(allRunCommands(a));
    expect(allRunCommands(a)).not.toBe(allRunCommands(b));
    expect(commandsByRun(a)).toBe(commandsByRun(a));
    expect(commandsByRun(a)).not.toBe(commandsByRun(b));
    expect(runInvocations(a)).not.toBe(runInvocations(b));
    expect(chainInstructions(a.stages[1])).not.toBe(chainInstructions(b.stages[1]));
    // Nothing of one model leaks into the other's lists.
    const own = new Set(a.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i])));
    for (const { instruction } of allRunCommands(a)) expect(own.has(instruction)).toBe(true);
    for (const [ins] of commandsByRun(a)) expect(own.has(ins)).toBe(true);
    for (const inv of runInvocations(a)) expect(own.has(inv.instruction)).toBe(true);
    const other = parse("FROM alpine\nRUN apk add curl\n");
    expect(allRunCommands(other).map((c) => c.command.name)).toEqual(["apk"]);
  });

  it("answer per command object for the command helpers", () => {
    const [c] = allRunCommands(parse()).map((x) => x.command).filter((x) => x.name === "sudo");
    expect(toolCommand(c)).toBe(toolCommand(c));
    expect(toolCommand(c).tool).toBe("apt-get");
    expect(packageInstall(c)).toBe(packageInstall(c));
    expect(unwrapCommand(c).name).toBe("apt-get");
  });

  it("recompute stage roles when the same model is audited with another project", () => {
    const model = parse();
    expect(targetStages(model, emptyProject(model)).map((s) => s.index)).toEqual([3]);
    const compose = parseCompose("compose.yaml", "services:\n  worker:\n    build: { context: ., target: worker }\n");
    const withWorker = buildProject({ dockerfiles: [model], composeFiles: [compose], dockerignores: [] });
    expect(targetStages(model, withWorker).map((s) => s.index)).toEqual([3, 2]);
    expect(productionStages(model, withWorker).map((s) => s.index)).toEqual([2]);
    expect([...shippedStages(model, withWorker)].map((s) => s.index).sort()).toEqual([0, 1, 2, 3]);
    expect(targetStages(model, emptyProject(model)).map((s) => s.index)).toEqual([3]);
  });

  it("leave audit reports the same on a second run over the same files", () => {
    const files = [{ path: "Dockerfile", content: DOCKERFILE }];
    expect(audit(files, rules)).toEqual(audit(files, rules));
  });
});

describe("fingerprint", () => {
  const reference = (p: { ruleId: string; file: string; scope: string; anchorText: string; occurrence: number }) =>
    createHash("sha1")
      .update([p.ruleId, p.file, p.scope, p.anchorText.replace(/\s+/g, " ").trim(), String(p.occurrence)].join("\u0000"))
      .digest("hex")
      .slice(0, 16);

  it("keeps the values persisted in pull-request comments", () => {
    const cases = [
      { ruleId: "apt-no-install-recommends", file: "Dockerfile", scope: "", anchorText: "RUN apt-get install \\\n   -y  curl\t", occurrence: 0 },
      { ruleId: "x", file: "a/compose.yaml", scope: "db", anchorText: "  - \"5432:5432\"  # ünïcödé ✓ 𝄞", occurrence: 3 },
      { ruleId: "file-skipped", file: "", scope: "", anchorText: "", occurrence: 0 },
    ];
    for (const c of cases) {
      expect(fingerprint(c)).toBe(reference(c));
      expect(foldedFingerprint(c.ruleId, c.file, c.scope, foldAnchor(c.anchorText), c.occurrence)).toBe(reference(c));
    }
    // A value computed before the engine hashed anchors folded once per statement.
    expect(fingerprint(cases[0])).toBe("d2651d53a4fb3587");
  });
});

describe("formatMessage with cut templates", () => {
  const reference = (template: string, data: Record<string, string | number> = {}) =>
    template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));

  it("fills placeholders exactly as a regex replace does", () => {
    const templates = ["plain", "", "{{a}}", "x {{ a }} y {{b}}{{a}} z", "{{missing}} and {{a}}", "{{ not closed", "{{a}}{{", "{{{a}}}", "`${{name}}` here"];
    const data = { a: "$& $1 {{b}}", b: 7, name: "HOME" };
    for (const t of templates) {
      expect(formatMessage(t, data)).toBe(reference(t, data));
      expect(formatMessage(t, data)).toBe(reference(t, data));
      expect(formatMessage(t)).toBe(reference(t));
    }
  });
});

describe("shellText on one line", () => {
  it("keeps the text, turning only a final carriage return into a space", () => {
    expect(shellText("echo hi", "\\")).toBe("echo hi");
    expect(shellText("echo hi\r", "\\")).toBe("echo hi ");
    expect(shellText("echo \r hi", "\\")).toBe("echo \r hi");
    expect(shellText("echo hi \\", "\\")).toBe("echo hi \\");
    expect(shellText("echo hi `", "`")).toBe("echo hi `");
    expect(shellText("", "\\")).toBe("");
  });
});

describe("findKnownSecret's length gate", () => {
  it("skips only texts too short for any token format", () => {
    const samples = ["AKIA" + "A".repeat(16), "ghp_" + "a".repeat(36), "github_pat_" + "a".repeat(22), "glpat-" + "a".repeat(20), "xoxb-" + "a".repeat(10), "sk_live_" + "a".repeat(16), "AIza" + "a".repeat(35), "npm_" + "a".repeat(36), "-----BEGIN PRIVATE KEY-----"];
    TOKEN_FORMATS.forEach(([re], i) => {
      const m = re.exec(samples[i]);
      expect(m?.[0].length).toBeGreaterThanOrEqual(SHORTEST_TOKEN);
      expect(findKnownSecret(samples[i])?.value).toBe(m?.[0]);
    });
    // The shortest formats cannot match fewer characters: their fixed parts plus their least repeat.
    expect(/\bxox[abprs]-[A-Za-z0-9-]{10,}/.exec("xoxb-" + "a".repeat(9))).toBeNull();
    expect(findKnownSecret("https://u:hunter2@x")?.value).toBe("hunter2");
  });
});

describe("instruction index", () => {
  it("lists every instruction, each ONBUILD trigger right after its ONBUILD, once per model", () => {
    const model = parse();
    const reference = model.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i]));
    expect(everyInstruction(model)).toEqual(reference);
    for (const keyword of ["FROM", "RUN", "CMD", "ONBUILD", "ENTRYPOINT", "COPY"]) expect(instructionsNamed(model, keyword)).toEqual(reference.filter((i) => i.keyword === keyword));
    expect(everyInstruction(model)).toBe(everyInstruction(model));
    const other = parse();
    expect(everyInstruction(other)).not.toBe(everyInstruction(model));
    expect(everyInstruction(other).some((i) => everyInstruction(model).includes(i))).toBe(false);
    expect(instructionsNamed(parse("FROM alpine\n"), "RUN")).toEqual([]);
  });
});

describe("utf8Length", () => {
  const reference = (text: string) => {
    let bytes = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) bytes += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
    return bytes;
  };
  it("counts as the character walk did, lone surrogates as three bytes", () => {
    for (const t of ["", "abc", "é", "€", "𝄞", "\ud834", "\udd1e", "a\ud834b", "\ud834\ud834\udd1e", "\udd1e\ud834", "x\u0000y", "ü".repeat(1000)]) expect(utf8Length(t)).toBe(reference(t));
  });
});
