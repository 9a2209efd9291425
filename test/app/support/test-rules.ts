import { defineComposeRule, defineDockerfileRule, type Rule } from "../../../src/engine/index.js";

/**
 * A small rule set the app tests control, so their expectations do not move while the real
 * catalogue grows. One test runs the real catalogue to prove the wiring.
 */
export const latestTag = defineDockerfileRule({
  meta: { id: "t-latest", code: "TT001", category: "maintainability", severity: "warning", description: "Tags should be pinned.", aliases: [], fixable: true, messages: { latest: "Image `{{image}}` uses the latest tag." } },
  check({ model, report }) {
    for (const stage of model.stages) {
      const img = stage.image;
      if (img?.tag === "latest" && img.tagRange) report({ messageId: "latest", data: { image: img.name }, range: img.tagRange, fix: { description: "Pin version 1.0", edits: [{ range: img.tagRange, text: "1.0" }] } });
    }
  },
});

export const badRun = defineDockerfileRule({
  meta: { id: "t-bad", code: "TT002", category: "security", severity: "error", description: "BAD must not appear.", aliases: [], messages: { bad: "This instruction says BAD ({{what}})." } },
  check({ model, report }) {
    for (const ins of model.instructions) if (ins.argsText.includes("BAD")) report({ messageId: "bad", data: { what: ins.argsText.replace(/\s+/g, " ").slice(0, 40) }, range: ins.range });
  },
});

export const passwordEnv = defineDockerfileRule({
  meta: { id: "t-secret", code: "TT003", category: "security", severity: "error", description: "Secrets must not be baked in.", aliases: [], messages: { secret: "ENV {{name}} holds the secret `{{value}}`." } },
  check({ model, report }) {
    for (const ins of model.instructions) {
      if (ins.keyword !== "ENV") continue;
      for (const p of ins.properties) if (p.name === "PASSWORD") report({ messageId: "secret", data: { name: p.name, value: p.value }, range: p.range, secret: p.value });
    }
  },
});

export const fileLevel = defineDockerfileRule({
  meta: { id: "t-file", code: "TT004", category: "reliability", severity: "info", description: "A file-level remark.", aliases: [], messages: { file: "The whole file is marked FILELEVEL." } },
  check({ model, report }) {
    if (model.text.includes("# FILELEVEL")) report({ messageId: "file", range: null });
  },
});

export const publishedPort = defineComposeRule({
  meta: { id: "t-port", code: "TT101", category: "security", severity: "warning", description: "Ports should be bound to loopback.", aliases: [], messages: { port: "Service `{{service}}` publishes {{port}}." } },
  check({ model, report }) {
    for (const s of model.services) for (const p of s.ports) if (p.published && !p.hostIp) report({ messageId: "port", data: { service: s.name, port: p.published }, range: model.locate(p.path), service: s.name });
  },
});

export const TEST_RULES: readonly Rule[] = [latestTag, badRun, passwordEnv, fileLevel, publishedPort];
