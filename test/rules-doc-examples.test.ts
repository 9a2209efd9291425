import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { audit, DEFAULT_CONFIG, type SourceFile } from "../src/engine/index.js";
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

const ruleIds = (ex: Example, id: string) => {
  const config = { ...DEFAULT_CONFIG, rules: { [id]: { severity: "warning" as const, ...(ex.options ? { options: ex.options } : {}) } } };
  const shellcheck = id === "shellcheck" ? createShellchecker() : undefined;
  return audit(ex.files, rules, { config, tree: ex.files.map((f) => f.path), shellcheck }).findings.filter((f) => f.ruleId === id);
};

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
    if (!ex) return;
    expect(ruleIds(ex, id).map((f) => `${f.file}:${f.range?.start.line} ${f.message}`)).toEqual([]);
  });
});
