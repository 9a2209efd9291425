import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules } from "../rules/index.js";
import { rulesMarkdown } from "../src/cli/rules.js";

describe("docs/rules.md", () => {
  it("is the table generated from rule meta (run `npm run docs:rules` after changing a rule)", () => {
    const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "rules.md"), "utf8");
    expect(doc).toBe(rulesMarkdown(rules.map((r) => r.meta)));
  });
});
