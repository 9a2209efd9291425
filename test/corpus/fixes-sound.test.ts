/**
 * Are the engine's fixes sound on real files? Each project of the real corpus is audited as a
 * whole (with its tree, as bench/corpus.ts does), fixed the way `dockaudit check --fix` fixes it
 * (fixUntilSettled), and audited again. A fixed file must still parse, mean the same except for
 * what the fixes meant to change, keep its comments where they were, lose the findings that were
 * fixed and gain none; a second --fix must change nothing. The app's one-click suggestion of each
 * fix must make the same file as the fix.
 *
 * It runs twice: with the default config (what users get) and with every rule on, so that the
 * fixes of the rules that are off by default (the ordering rules, volumes-unquoted) are checked too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { groupByProject, loadCorpus } from "../../bench/corpus.js";
import { auditFiles, rules } from "../../src/audit.js";
import { applyFixes, DEFAULT_CONFIG, fixUntilSettled, type Config, type FileKind, type Finding, type Report, type SourceFile } from "../../src/engine/index.js";
import { parsePortString } from "../../src/engine/parse/compose-short-syntax.js";
import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile, type DfInstruction } from "../../src/engine/parse/dockerfile.js";
import { comparePos } from "../../src/engine/text.js";
import { fixSpanOf } from "../../src/app/review/lines.js";
import { suggestionText } from "../../src/app/review/suggestion.js";
import { CORPUS, describeWithCorpus } from "../helpers/corpus.js";

const EVERY_RULE_ON: Config = {
  ...DEFAULT_CONFIG,
  rules: Object.fromEntries(rules.filter((r) => r.meta.severity === "off").map((r) => [r.meta.id, { severity: "warning" as const }])),
};

/**
 * Findings a fix may bring up that were not there before, by rule, each with the reason. None is
 * needed on the corpus today: a finding whose message quotes the fixed text (`apt update` becoming
 * `apt-get update`) or that moves to another service when services are sorted is the same finding,
 * which `pair` matches by rule, file and message id.
 */
const MAY_APPEAR: Record<string, string> = {};

interface Outcome {
  /** The report before fixing, each report after a pass, the final one last. */
  reports: Report[];
  /** The findings fixed in each pass (pass k's come from reports[k]). */
  passes: Finding[][];
  before: SourceFile[];
  after: SourceFile[];
  changed: string[];
  settled: boolean;
  /** What a second --fix over the fixed files changes. */
  refixed: string[];
  kinds: Map<string, FileKind>;
}

function fixProject(files: SourceFile[], tree: string[], config: Config): Outcome {
  const reports = [auditFiles(files, { tree, config })];
  const reaudit = (fixed: readonly SourceFile[]) => {
    const report = auditFiles(fixed, { tree, config });
    reports.push(report);
    return report;
  };
  const result = fixUntilSettled(files, reports[0], reaudit);
  const passes = reports.slice(0, -1).map((r) => result.applied.filter((f) => r.findings.includes(f)));
  const again = fixUntilSettled(result.files, result.report, (fixed) => auditFiles(fixed, { tree, config }));
  return {
    reports,
    passes,
    before: files,
    after: result.files,
    changed: result.changed,
    settled: result.settled,
    refixed: again.changed,
    kinds: new Map(reports[0].files.map((f) => [f.path, f.kind])),
  };
}

/**
 * Matches the findings of `after` with those of `before`: the same message first, then the same
 * rule, file, service and message id (lines move, messages quote the text a fix changed), then the
 * same rule, file and message id (a finding on an anchor shared by several services is reported on
 * the first of them, which sorting the services changes). A finding without a fix, then one whose
 * fix was not applied (`fixed`), is preferred as the partner, so that a fixed finding is not taken
 * for an identical one that stayed (two `${SMTP_PORT}:1025` entries, one left for the next pass).
 */
function pair(before: readonly Finding[], after: readonly Finding[], fixed: ReadonlySet<Finding> = new Set()): { added: Finding[]; kept: Set<Finding> } {
  const levels = [
    (f: Finding) => `${f.ruleId}\0${f.file}\0${f.service ?? ""}\0${f.messageId}\0${f.message}`,
    (f: Finding) => `${f.ruleId}\0${f.file}\0${f.service ?? ""}\0${f.messageId}`,
    (f: Finding) => `${f.ruleId}\0${f.file}\0${f.messageId}`,
  ];
  const kept = new Set<Finding>();
  let rest = [...after];
  for (const level of levels) {
    const open = new Map<string, Finding[]>();
    for (const f of before) if (!kept.has(f)) (open.get(level(f)) ?? open.set(level(f), []).get(level(f))!).push(f);
    const next: Finding[] = [];
    for (const f of rest) {
      const candidates = open.get(level(f)) ?? [];
      const i = [candidates.findIndex((c) => !c.fix), candidates.findIndex((c) => !fixed.has(c)), 0].find((j) => j >= 0)!;
      if (!candidates.length) next.push(f);
      else kept.add(candidates.splice(i, 1)[0]);
    }
    rest = next;
  }
  return { added: rest, kept };
}

const describeFinding = (f: Finding) => `${f.file}:${f.range?.start.line ?? "file"} ${f.ruleId}: ${f.message.slice(0, 140)}`;

/** What the re-audit says about the fixes: fixed findings that stayed, and findings that appeared. */
function findingProblems(o: Outcome): string[] {
  const problems: string[] = [];
  o.passes.forEach((fixed, k) => {
    const { kept } = pair(o.reports[k].findings, o.reports[k + 1].findings, new Set(fixed));
    for (const f of fixed) if (kept.has(f)) problems.push(`pass ${k + 1} fixed but left ${describeFinding(f)}`);
  });
  const first = o.reports[0].findings;
  const { added, kept } = pair(first, o.reports[o.reports.length - 1].findings, new Set(o.passes[0]));
  for (const f of o.passes[0] ?? []) if (kept.has(f)) problems.push(`fixed but back after all passes: ${describeFinding(f)}`);
  for (const f of added) if (!(f.ruleId in MAY_APPEAR)) problems.push(`new after fixing: ${describeFinding(f)}`);
  return problems;
}

/** Comment lines (and trailing comments) of a file, with how often each occurs. */
function commentTexts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /(?:^|\s)(#.*)$/.exec(line);
    if (m) counts.set(m[1].trim(), (counts.get(m[1].trim()) ?? 0) + 1);
  }
  return counts;
}

function lostComments(before: string, after: string): string[] {
  const left = commentTexts(after);
  const lost: string[] = [];
  for (const [text, n] of commentTexts(before)) if ((left.get(text) ?? 0) < n) lost.push(text);
  return lost;
}

/**
 * The key each full-line comment of a YAML file belongs to: a block of comment lines (no blank line
 * inside, none indented less than its first) belongs to the key right below it at its indentation,
 * else to the key it sits in. Comments above the first key are the file's header.
 */
function commentOwners(text: string): Map<string, number> {
  const lines = text.split(/\r?\n/);
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const isComment = (l: string | undefined) => l !== undefined && l.trimStart().startsWith("#");
  const labelOf = (l: string) => {
    const t = l.trim();
    if (t.startsWith("-")) return "-";
    return /^("[^"]*"|'[^']*'|[^:#]+?)\s*:(\s|$)/.exec(t)?.[1] ?? t;
  };
  const stack: { indent: number; label: string }[] = [];
  const owners = new Map<string, number>();
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const indent = indentOf(line);
    if (isComment(line)) {
      let j = i;
      while (isComment(lines[j]) && indentOf(lines[j]) >= indent) j++;
      const parents = stack.filter((s) => s.indent < indent).map((s) => s.label);
      const next = lines[j];
      const owner = !content ? "(header)" : (next?.trim() && indentOf(next) === indent ? [...parents, labelOf(next)] : parents).join(" > ");
      for (let k = i; k < j; k++) {
        const key = `${owner}\0${lines[k].trim()}`;
        owners.set(key, (owners.get(key) ?? 0) + 1);
      }
      i = j - 1;
      continue;
    }
    content = true;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    stack.push({ indent, label: labelOf(line) });
  }
  return owners;
}

/** Comments that no longer sit with the key they described (a file's header may become any key's). */
function movedComments(before: string, after: string): string[] {
  const left = commentOwners(after);
  const headers = new Map([...left].filter(([k]) => k.startsWith("(header)\0")).map(([k, n]) => [k.slice(k.indexOf("\0") + 1), n]));
  const moved: string[] = [];
  for (const [key, n] of commentOwners(before)) {
    const [owner, comment] = key.split("\0");
    let missing = n - Math.min(n, left.get(key) ?? 0);
    if (missing && owner === "(header)") continue;
    const asHeader = Math.min(missing, headers.get(comment) ?? 0);
    headers.set(comment, (headers.get(comment) ?? 0) - asHeader);
    missing -= asHeader;
    if (missing) moved.push(`${comment.slice(0, 80)} (was under ${owner})`);
  }
  return moved;
}

/** The command names of a shell-form RUN in source order (`apt` as `apt-get`, which apt-not-apt-get's fix may make it). */
const runCommands = (ins: DfInstruction) =>
  [...(ins.script?.commands ?? [])].sort((x, y) => comparePos(x.range.start, y.range.start)).map((c) => (c.name === "apt" ? "apt-get" : c.name));

const isSubsequence = (part: string[], whole: string[]) => {
  let at = 0;
  for (const name of whole) if (at < part.length && part[at] === name) at++;
  return at === part.length;
};

/**
 * The last of the consecutive RUNs from `from` on that run-consolidation's fix merged into `into`:
 * `into` runs their commands in order, with at most what the other fixes add (`rm -rf
 * /var/lib/apt/lists/*`, `yarn cache clean`). `from` itself when it merged none.
 */
function mergedRuns(instructions: DfInstruction[], from: number, into: DfInstruction | undefined): number {
  if (into?.keyword !== "RUN" || instructions[from].keyword !== "RUN") return from;
  const target = runCommands(into);
  const found = runCommands(instructions[from]);
  let k = from;
  while (instructions[k + 1]?.keyword === "RUN" && isSubsequence([...found, ...runCommands(instructions[k + 1])], target)) found.push(...runCommands(instructions[++k]));
  return k;
}

/**
 * A Dockerfile after its fixes: the same instructions (up to the keyword a fix replaces, the
 * consecutive RUNs a fix merges into one that runs their commands in order, and but the overridden
 * CMD, ENTRYPOINT and HEALTHCHECK and the RUN of only `ps` or `free` a fix deletes), ENV and LABEL
 * values and comments.
 */
function dockerfileProblems(path: string, before: string, after: string, fixedBy: Set<string>): string[] {
  const a = parseDockerfile(path, before);
  const b = parseDockerfile(path, after);
  const problems: string[] = [];
  const becomes = (x: string, y: string) =>
    x === y || (fixedBy.has("add-instead-of-copy") && x === "ADD" && y === "COPY") || (fixedBy.has("maintainer-deprecated") && x === "MAINTAINER" && y === "LABEL");
  // The corpus has no RUN of only `ps` or `free` today: instruction-delete-sound.test.ts checks that deletion.
  const deletable = (k: string) =>
    (fixedBy.has("duplicate-singleton-instruction") && ["CMD", "ENTRYPOINT", "HEALTHCHECK"].includes(k)) || (fixedBy.has("pointless-command") && k === "RUN");
  const ka = a.instructions.map((i) => i.keyword);
  const kb = b.instructions.map((i) => i.keyword);
  // Each instruction left pairs with the next one before that it became; only deletable ones are skipped.
  const pairs: [number, number][] = [];
  let i = 0;
  for (let j = 0; j < kb.length && i < ka.length; i++) {
    const merged = fixedBy.has("run-consolidation") ? mergedRuns(a.instructions, i, b.instructions[j]) : i;
    if (merged > i) {
      pairs.push([i, j++]);
      i = merged;
    } else if (becomes(ka[i], kb[j])) pairs.push([i, j++]);
    else if (!deletable(ka[i])) break;
  }
  const whole = pairs.length === kb.length && ka.slice(i).every(deletable);
  if (!whole) problems.push(`instructions changed: ${ka.join(" ")} -> ${kb.join(" ")}`);
  // The ENV and LABEL instructions that were ENV or LABEL before (not the label a MAINTAINER became).
  const kept = pairs.filter(([x]) => ka[x] === "ENV" || ka[x] === "LABEL");
  const properties = (m: typeof a, side: 0 | 1) => kept.map((pair) => m.instructions[pair[side]].properties.map((p) => [p.name, p.value]));
  if (whole && !isDeepStrictEqual(properties(a, 0), properties(b, 1))) problems.push("ENV or LABEL values changed");
  if (a.stages.map((s) => s.name).join() !== b.stages.map((s) => s.name).join() && !fixedBy.has("unnamed-stage-ref")) problems.push("stage names changed");
  return problems;
}

/** A port mapping as Compose reads it, with the variables' defaults. */
const portOf = (entry: unknown) => {
  if (typeof entry !== "string" && typeof entry !== "number") return entry;
  const { hostIp, published, target, protocol } = parsePortString(String(entry));
  return { hostIp: hostIp ?? "", published, target, protocol };
};

/** Compares two lists of entries, in order unless a sorting fix ran; `same` says whether an entry became the other. */
function sameList(a: unknown[], b: unknown[], sorted: boolean, same: (x: unknown, y: unknown) => boolean): boolean {
  if (a.length !== b.length) return false;
  if (!sorted) return a.every((x, i) => same(x, b[i]));
  const open = [...a];
  return b.every((y) => {
    const i = open.findIndex((x) => same(x, y));
    return i >= 0 && open.splice(i, 1).length === 1;
  });
}

/**
 * A Compose file after its fixes: valid YAML, the same services with the same values, and the
 * same top-level keys, but for the changes the applied fixes were meant to make.
 */
function composeProblems(path: string, before: string, after: string, fixedBy: Set<string>): string[] {
  const a = parseCompose(path, before);
  const b = parseCompose(path, after);
  const problems: string[] = [];
  const newProblems = b.problems.map((p) => p.message).filter((m) => !a.problems.some((p) => p.message === m));
  if (newProblems.length) problems.push(`YAML problems: ${newProblems.join("; ")}`);
  const order = (keys: string[], rule: string) => (fixedBy.has(rule) ? [...keys].sort() : keys);
  const top = (d: Record<string, unknown>) => Object.keys(d).filter((k) => !(k === "version" && fixedBy.has("version-field-obsolete")));
  if (!isDeepStrictEqual(order(top(a.data), "top-level-order"), order(top(b.data), "top-level-order"))) problems.push(`top-level keys: ${top(a.data).join()} -> ${top(b.data).join()}`);
  for (const key of top(a.data)) {
    if (key !== "services" && !isDeepStrictEqual(a.data[key], b.data[key])) problems.push(`top-level \`${key}\` changed`);
  }
  const sa = (a.data.services ?? {}) as Record<string, unknown>;
  const sb = (b.data.services ?? {}) as Record<string, unknown>;
  if (!isDeepStrictEqual(order(Object.keys(sa), "services-order"), order(Object.keys(sb), "services-order"))) problems.push(`services: ${Object.keys(sa).join()} -> ${Object.keys(sb).join()}`);
  const loopback = fixedBy.has("port-all-interfaces") || fixedBy.has("datastore-port-published");
  const samePort = (x: unknown, y: unknown) => {
    const [px, py] = [portOf(x), portOf(y)];
    if (isDeepStrictEqual(px, py)) return true;
    // The loopback fixes bind a port published on every interface to 127.0.0.1, nothing else.
    const onAll = (p: unknown) => typeof p === "object" && p !== null && ((p as { hostIp: string }).hostIp === "" || (p as { hostIp: string }).hostIp === "0.0.0.0");
    return loopback && onAll(px) && isDeepStrictEqual({ ...(px as object), hostIp: "127.0.0.1" }, py);
  };
  for (const name of Object.keys(sa)) {
    const x = sa[name] as Record<string, unknown> | null;
    const y = sb[name] as Record<string, unknown> | null;
    if (!x || !y || typeof x !== "object" || typeof y !== "object") {
      if (!isDeepStrictEqual(x, y)) problems.push(`service ${name} changed`);
      continue;
    }
    const common = (s: Record<string, unknown>, t: Record<string, unknown>) => Object.keys(s).filter((k) => k in t);
    if (!isDeepStrictEqual(order(common(x, y), "service-keys-order"), order(common(y, x), "service-keys-order"))) problems.push(`${name}: keys reordered`);
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const [vx, vy] = [x[key], y[key]];
      if (isDeepStrictEqual(vx, vy)) continue;
      if ((key === "ports" || key === "expose") && Array.isArray(vx) && Array.isArray(vy) && sameList(vx, vy, fixedBy.has("ports-order"), key === "ports" ? samePort : (p, q) => String(p) === String(q))) continue;
      if (key === "depends_on" && Array.isArray(vx) && Array.isArray(vy) && sameList(vx, vy, fixedBy.has("depends-on-order"), isDeepStrictEqual)) continue;
      if (key === "depends_on" && fixedBy.has("depends-on-not-healthy") && isHealthierDependsOn(vx, vy)) continue;
      if (key === "logging" && vx === undefined && fixedBy.has("logging-rotation-missing")) continue;
      if (key === "restart" && vx === undefined && vy === "unless-stopped" && fixedBy.has("restart-policy-missing")) continue;
      if (key === "security_opt" && fixedBy.has("no-new-privileges-missing") && isNoNewPrivilegesAdded(vx, vy)) continue;
      if (fixedBy.has("restart-on-failure-retries") && isRetryCountSet(key, vx, vy)) continue;
      if (fixedBy.has("compose-exec-form-command-line") && isSplitProgram(key, vx, vy)) continue;
      problems.push(`${name}.${key}: ${JSON.stringify(vx)?.slice(0, 200)} -> ${JSON.stringify(vy)?.slice(0, 200)}`);
    }
  }
  return problems;
}

/**
 * An `entrypoint`, `command` or healthcheck `CMD` list whose program item (a whole command line)
 * became one item per word, or a `["CMD", "<shell syntax>"]` test that became `CMD-SHELL`, and
 * nothing else changed.
 */
function isSplitProgram(key: string, before: unknown, after: unknown): boolean {
  const split = (x: unknown, y: unknown) => Array.isArray(x) && typeof x[0] === "string" && isDeepStrictEqual([...x[0].trim().split(/\s+/), ...x.slice(1)], y);
  if (key === "entrypoint" || key === "command") return split(before, after);
  if (key !== "healthcheck" || !before || !after || typeof before !== "object" || typeof after !== "object") return false;
  const { test: a, ...restBefore } = before as Record<string, unknown>;
  const { test: b, ...restAfter } = after as Record<string, unknown>;
  if (!isDeepStrictEqual(restBefore, restAfter) || !Array.isArray(a) || !Array.isArray(b) || a[0] !== "CMD") return false;
  return b[0] === "CMD-SHELL" ? a.length === 2 && isDeepStrictEqual(a.slice(1), b.slice(1)) : b[0] === "CMD" && split(a.slice(1), b.slice(1));
}

/** `depends_on` where some `service_started` conditions (written or implied) became `service_healthy`, and nothing else changed. */
function isHealthierDependsOn(before: unknown, after: unknown): boolean {
  if (!before || !after || typeof before !== "object" || typeof after !== "object" || Array.isArray(before) || Array.isArray(after)) return false;
  const a = before as Record<string, Record<string, unknown> | null>;
  const b = after as Record<string, Record<string, unknown> | null>;
  if (!isDeepStrictEqual(Object.keys(a).sort(), Object.keys(b).sort())) return false;
  return Object.keys(a).every((dep) => {
    if (isDeepStrictEqual(a[dep], b[dep])) return true;
    const was = a[dep] ?? {};
    return (was.condition ?? "service_started") === "service_started" && isDeepStrictEqual({ ...was, condition: "service_healthy" }, b[dep]);
  });
}

/**
 * `security_opt` whose entries other than `no-new-privileges` ones are unchanged, in order, and whose last
 * `no-new-privileges` entry now switches it on (one added at the end, a false made true, an entry the daemon
 * refuses replaced or deleted), with no more such entries than before (at least the one added).
 */
function isNoNewPrivilegesAdded(before: unknown, after: unknown): boolean {
  if (!Array.isArray(after) || (before !== undefined && !Array.isArray(before))) return false;
  const was = (before ?? []) as unknown[];
  const nnp = (x: unknown) => typeof x === "string" && /^\s*no-new-privileges\s*([:=]|$)/i.test(x);
  if (!isDeepStrictEqual(was.filter((x) => !nnp(x)), after.filter((x) => !nnp(x)))) return false;
  const set = after.filter(nnp);
  const last = set[set.length - 1];
  return set.length <= Math.max(1, was.filter(nnp).length) && typeof last === "string" && /^no-new-privileges([:=](1|t|T|true|True|TRUE))?$/.test(last);
}

/** `restart: on-failure[:N]` given another count, or `deploy.restart_policy.max_attempts` set or changed, and nothing else. */
function isRetryCountSet(key: string, before: unknown, after: unknown): boolean {
  if (key === "restart") return typeof before === "string" && /^on-failure(:\d+)?$/.test(before) && typeof after === "string" && /^on-failure:\d+$/.test(after);
  if (key !== "deploy" || !before || !after || typeof before !== "object" || typeof after !== "object") return false;
  const policy = (d: object) => (d as { restart_policy?: Record<string, unknown> }).restart_policy;
  const [a, b] = [policy(before), policy(after)];
  if (!a || !b || typeof b.max_attempts !== "number") return false;
  return isDeepStrictEqual({ ...before, restart_policy: { ...a, max_attempts: b.max_attempts } }, after);
}

function fileProblems(o: Outcome): string[] {
  const problems: string[] = [];
  const fixedBy = (path: string) => new Set(o.passes.flat().filter((f) => f.file === path).map((f) => f.ruleId));
  for (const path of o.changed) {
    const before = o.before.find((f) => f.path === path)!.content;
    const after = o.after.find((f) => f.path === path)!.content;
    const found: string[] = lostComments(before, after).map((c) => `comment lost: ${c}`);
    if (o.kinds.get(path) === "dockerfile") found.push(...dockerfileProblems(path, before, after, fixedBy(path)));
    if (o.kinds.get(path) === "compose") {
      found.push(...composeProblems(path, before, after, fixedBy(path)));
      found.push(...movedComments(before, after).map((c) => `comment moved away: ${c}`));
    }
    problems.push(...found.map((p) => `${path}: ${p}`));
  }
  return problems;
}

/**
 * The app posts a fix as a ```suggestion that replaces the finding's lines and those its fix edits
 * (when all of them are in the diff, as here: every file is new): committed, it must make the file
 * the fix makes.
 */
function suggestionProblems(o: Outcome): string[] {
  const problems: string[] = [];
  for (const f of o.reports[0].findings) {
    const span = fixSpanOf(f);
    const content = o.before.find((s) => s.path === f.file)?.content;
    const suggestion = span && content !== undefined ? suggestionText(f, content, span.first, span.last) : null;
    if (suggestion === null || !span || content === undefined) continue;
    // The suggestion is written with LF; GitHub keeps the file's line breaks: compared without CRs.
    // Its lines (none for "") replace the span's.
    const lines = content.replace(/\r/g, "").split("\n");
    const written = suggestion === "" ? [] : suggestion.slice(0, -1).split("\n");
    const committed = [...lines.slice(0, span.first - 1), ...written, ...lines.slice(span.last)].join("\n");
    if (committed !== applyFixes(content, [f]).output.replace(/\r/g, "")) problems.push(`suggestion differs from the fix: ${describeFinding(f)}`);
  }
  return problems;
}

describeWithCorpus("the fixes on every project of the real corpus", () => {
  const corpus = loadCorpus(join(CORPUS, "real"));
  const projects = [...groupByProject(corpus)].map(([project, group]) => ({
    project,
    files: group.map((f) => ({ path: f.path, content: readFileSync(f.abs, "utf8") })),
    tree: group.map((f) => f.path),
  }));

  it("has the corpus's projects", () => {
    expect(projects.length).toBeGreaterThan(40);
  });

  describe.each([
    ["the default config", DEFAULT_CONFIG],
    ["every rule on", EVERY_RULE_ON],
  ])("with %s", (_, config) => {
    let fixedSomewhere = 0;

    it.each(projects.map((p) => [p.project, p] as const))("%s: fixes settle, keep each file sound and remove what they fix", (_name, p) => {
      const o = fixProject(p.files, p.tree, config);
      fixedSomewhere += o.changed.length;
      expect({ settled: o.settled, refixed: o.refixed }).toEqual({ settled: true, refixed: [] });
      expect(findingProblems(o)).toEqual([]);
      expect(fileProblems(o)).toEqual([]);
      expect(suggestionProblems(o)).toEqual([]);
    });

    it("fixed files at all", () => {
      expect(fixedSomewhere).toBeGreaterThan(100);
    });
  });
});
