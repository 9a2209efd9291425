import { audit, defineDockerfileRule } from "../../src/engine/index.js";

/** Reports the value of every ENV named `KEY`, as a secret rule would, with the given wording. */
const reporting = (message: string, service?: string) =>
  defineDockerfileRule({
    meta: { id: "t-mask", code: "TT900", category: "security", severity: "error", description: "test", aliases: [], messages: { m: message } },
    check({ model, report }) {
      for (const ins of model.instructions) {
        for (const p of ins.properties) if (p.name === "KEY") report({ messageId: "m", data: { value: p.value, service: service ?? "" }, range: p.range, service, secret: p.value });
      }
    },
  });

const messageOf = (value: string, message: string, service?: string) =>
  audit([{ path: "Dockerfile", content: `FROM alpine:3.20\nENV KEY=${value}\n` }], [reporting(message, service)]).findings.find((f) => f.ruleId === "t-mask")!.message;

describe("secret masking in messages", () => {
  it("masks the secret where the rule's data shows it", () => {
    expect(messageOf("hunter2-long", "value `{{value}}`")).toBe("value `hu********`");
  });

  it("never masks the rule's own wording", () => {
    expect(messageOf("now", "is now in the repository: `{{value}}`")).toBe("is now in the repository: `now`");
    expect(messageOf("hunter2-long", "no hunter2-long here: {{value}}")).toBe("no hunter2-long here: hu********");
  });

  it("leaves a secret of a few characters and the finding's own service name as they are", () => {
    expect(messageOf("no", "value `{{value}}`, now")).toBe("value `no`, now");
    expect(messageOf("temporal", "service `{{service}}` uses `{{value}}`", "temporal")).toBe("service `temporal` uses `te******`");
  });
});
