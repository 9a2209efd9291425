import { volumeEntryText } from "../../src/engine/mounts.js";
import { oncePerRange, scalarSubRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

const SHARED = /^r?(shared|slave)$/;

export default defineComposeRule({
  meta: {
    id: "mount-propagation-shared",
    code: "DC121",
    category: "security",
    severity: "warning",
    description: "A bind mount uses shared or slave propagation, linking the container's mounts with the host's.",
    aliases: ["kics:baa452f0-1f21-4a25-ace5-844e7a5f410d"],
    messages: {
      shared: "Service `{{service}}` mounts `{{target}}` with `{{propagation}}` propagation, so mounts made on the host appear in the container{{both}}. Use the default `rprivate` propagation unless the service manages host mounts on purpose.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      for (const volume of service.volumes) {
        const propagation = volume.propagation;
        if (!propagation || !SHARED.test(propagation)) continue;
        const text = volumeEntryText(model, volume);
        const at = text === null ? -1 : text.lastIndexOf(propagation);
        const range = text === null ? model.locate([...volume.path, "bind", "propagation"]) : scalarSubRange(model, model.locate(volume.path), text, at, at + propagation.length);
        if (!once(range)) continue;
        report({
          messageId: "shared",
          data: { service: service.name, target: volume.target, propagation, both: propagation.includes("shared") ? " and mounts made in the container propagate back to the host" : "" },
          range,
          service: service.name,
        });
      }
    }
  },
});
