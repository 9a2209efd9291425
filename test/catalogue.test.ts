import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules } from "../rules/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ruleFiles = (target: string) =>
  readdirSync(join(root, "rules", target))
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.slice(0, -3));

describe("rule catalogue", () => {
  it("registers exactly the rule files of each folder", () => {
    for (const target of ["dockerfile", "compose"]) {
      const registered = rules.filter((r) => r.meta.target === target).map((r) => r.meta.id).sort();
      expect(registered).toEqual(ruleFiles(target).sort());
    }
  });

  it("has unique ids and catalogue codes", () => {
    const ids = rules.map((r) => r.meta.id);
    const codes = rules.map((r) => r.meta.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))("%s has a doc page, a table test and complete meta", (id, rule) => {
    const { meta } = rule;
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.code).toMatch(/^D[FC]\d{3}$/);
    expect(meta.description.length).toBeGreaterThan(10);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    const doc = join(root, "rules", meta.target, `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, "utf8");
    expect(text.startsWith(`# ${id} (${meta.code})`)).toBe(true);
    for (const section of ["## What it checks", "## Why", "## Incorrect", "## Correct", "## Options", "## When not to use it", "## References"]) {
      expect(text).toContain(section);
    }
    expect(existsSync(join(root, "test", "rules", meta.target, `${id}.test.ts`))).toBe(true);
    if (meta.fixable) expect(text).toContain("## Fix");
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))("%s's page states its meta: category, severity, fixable, aliases", (id, rule) => {
    const { meta } = rule;
    const header = readFileSync(join(root, "rules", meta.target, `${id}.md`), "utf8").split("\n").find((l) => l.startsWith("**Category:**")) ?? "";
    expect(header).toContain(`**Category:** ${meta.category}`);
    // ShellCheck's findings take their severity from ShellCheck's level; the page says so.
    expect(header).toContain(id === "shellcheck" ? "**Default severity:** per" : `**Default severity:** ${meta.severity}`);
    if (meta.fixable) expect(header).toContain("**Fixable:** yes");
    else expect(header).not.toContain("**Fixable:** yes");
    for (const alias of meta.aliases) expect(header).toContain(alias.replace(/^(kics|buildkit):/, ""));
  });
});
