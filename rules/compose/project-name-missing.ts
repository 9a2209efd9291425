import { dirname } from "../../src/engine/paths.js";
import { includedPaths } from "../../src/engine/links.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isOverrideFile } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "project-name-missing",
    code: "DC402",
    category: "maintainability",
    severity: "info",
    description: "The Compose file has no top-level `name:`.",
    aliases: ["require-project-name-field"],
    messages: {
      missing: "The file sets no top-level `name:`, so the project (and its container, network and volume names) is named after whatever directory it is checked out in; add `name: <project>`.",
    },
  },
  check({ model, project, report }) {
    // An override file is merged into a base file, which is where the project name belongs.
    if (model.data.name !== undefined || model.problems.length || isOverrideFile(model.path)) return;
    // A fragment service (no image, build or extends) makes Compose reject the file on its own ("has
    // neither an image nor a build context"): it is merged with `-f` into a base that names the project.
    if (!model.services.length || model.services.some((s) => s.partial)) return;
    const dir = dirname(model.path);
    if (project.composeFiles.some((f) => f !== model && dirname(f.path) === dir && typeof f.data.name === "string")) return;
    // A file another one includes is part of that project and takes its name.
    if (project.composeFiles.some((f) => f !== model && includedPaths(f).includes(model.path))) return;
    report({ messageId: "missing", range: null });
  },
});
