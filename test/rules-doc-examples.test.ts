import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyFixes, audit, DEFAULT_CONFIG, type SourceFile } from "../src/engine/index.js";
import { rules } from "../rules/index.js";
import { createShellchecker } from "../src/shellcheck.js";

/**
 * Each rule's doc page shows an "Incorrect" and a "Correct" example; a page whose examples do not
 * behave as it says teaches the wrong thing. Each example is audited as the page presents it,
 * with the rule switched on whatever its default: the rule must report the incorrect one and stay
 * silent on the correct one. A page states the options an example needs in a comment the page
 * does not render: `<!-- options: {"registries": ["registry.acme.io"]} -->`.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Example {
  files: SourceFile[];
  options: Record<string, unknown> | undefined;
}

const hasShellcheck = !spawnSync("shellcheck", ["--version"], { encoding: "utf8" }).error;
if (!hasShellcheck) console.log("skipped the shellcheck page's examples: no `shellcheck` on PATH (apt-get install shellcheck)");

/** The fenced blocks of one `## section`, each as a file: a first line `# path: <name>` names it. */
function examples(page: string, section: string): Example | null {
  const body = page.split(/^## /m).find((s) => s.startsWith(`${section}\n`));
  if (!body) return null;
  const files: SourceFile[] = [];
  for (const m of body.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const named = /^# path: (\S+)\n/.exec(m[2]);
    const path = named?.[1] ?? (m[1] === "yaml" ? "compose.yaml" : m[1] === "dockerfile" ? "Dockerfile" : null);
    if (!path) continue;
    files.push({ path, content: m[2] });
  }
  const options = /<!-- options: (.*) -->/.exec(page)?.[1];
  return files.length ? { files, options: options ? (JSON.parse(options) as Record<string, unknown>) : undefined } : null;
}

const findingsOf = (ex: Example, id: string) => {
  const config = { ...DEFAULT_CONFIG, rules: { [id]: { severity: "warning" as const, ...(ex.options ? { options: ex.options } : {}) } } };
  const shellcheck = id === "shellcheck" ? createShellchecker() : undefined;
  return audit(ex.files, rules, { config, tree: ex.files.map((f) => f.path), shellcheck }).findings;
};
const ruleIds = (ex: Example, id: string) => findingsOf(ex, id).filter((f) => f.ruleId === id);

/** The example with the rule's fixes applied, pass after pass as `dockaudit check --fix` does. */
function fixed(ex: Example, id: string): Example {
  let files = ex.files;
  for (let pass = 0; pass < 10; pass++) {
    const fixable = ruleIds({ ...ex, files }, id).filter((f) => f.fix);
    if (!fixable.length) break;
    files = files.map((file) => ({ ...file, content: applyFixes(file.content, fixable.filter((f) => f.file === file.path)).output }));
  }
  return { ...ex, files };
}

const SYNTAX_RULES = new Set(["dockerfile-syntax", "schema-invalid"]);

/** Fixable rules whose page shows a case their Fix section says gets no fix (a variable source, a list-form depends_on…). */
const EXAMPLE_WITHOUT_FIX = new Set(["add-instead-of-copy", "depends-on-not-healthy", "from-platform-flag", "logging-rotation-missing", "pipefail-missing", "pointless-command", "sudo-in-run", "unnamed-stage-ref", "workdir-relative"]);

const pages = rules.filter((r) => r.meta.id !== "shellcheck" || hasShellcheck);

describe.each(pages.map((r) => [r.meta.id, r.meta.target] as const))("rules/%s.md", (id, target) => {
  const page = readFileSync(join(root, "rules", target, `${id}.md`), "utf8");

  it("reports its Incorrect example", () => {
    const ex = examples(page, "Incorrect");
    expect(ex).not.toBeNull();
    expect(ruleIds(ex!, id).length).toBeGreaterThan(0);
  });

  it("stays silent on its Correct example", () => {
    const ex = examples(page, "Correct");
    expect(ex).not.toBeNull();
    expect(ruleIds(ex!, id).map((f) => `${f.file}:${f.range?.start.line} ${f.message}`)).toEqual([]);
  });

  const fixable = rules.find((r) => r.meta.id === id)!.meta.fixable;
  if (fixable) it("fixes its Incorrect example: the finding goes, the file stays valid", () => {
    const ex = examples(page, "Incorrect")!;
    const withFix = ruleIds(ex, id).filter((f) => f.fix).length;
    if (EXAMPLE_WITHOUT_FIX.has(id)) {
      expect(withFix).toBe(0);
      return;
    }
    expect(withFix).toBeGreaterThan(0);
    const after = fixed(ex, id);
    expect(after.files).not.toEqual(ex.files);
    expect(ruleIds(after, id).filter((f) => f.fix).map((f) => f.message)).toEqual([]);
    const syntax = (e: Example) => findingsOf(e, id).filter((f) => SYNTAX_RULES.has(f.ruleId)).length;
    expect(syntax(after)).toBeLessThanOrEqual(syntax(ex));
  });
});
