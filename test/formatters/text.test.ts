import { auditFiles } from "../../src/audit.js";
import { renderText } from "../../src/formatters/text.js";

describe("text output", () => {
  it("shows control characters from the audited files and their paths as escapes, so they cannot drive the terminal", () => {
    const report = auditFiles([
      { path: "x\u001b[2Jy\nz/Dockerfile", content: "FROM ubuntu:22.04\nUSER 1000\nCMD [\"app\"]\n" },
      { path: "compose.yaml", content: 'services:\n  "s\\e[31mX\\u009b1m":\n    image: "ng\\e]8;;http://evil\\e\\\\inx\\r"\n' },
    ]);
    for (const color of [false, true]) {
      const text = renderText(report, { color });
      const withoutOwnColours = text.replace(/\u001b\[\d+m/g, "");
      expect(withoutOwnColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(text).toContain("x\\x1b[2Jy\\nz/Dockerfile");
      expect(text).toContain("s\\x1b[31mX\\x9b1m");
      expect(withoutOwnColours.split("\n").filter((l) => l.startsWith("x")).length).toBe(1);
    }
  });

  it("counts in the singular when there is one", () => {
    const report = auditFiles([{ path: "Dockerfile", content: "FROM node:20.1.0\nUSER node\nHEALTHCHECK CMD true\n" }]);
    expect(renderText(report, { color: false })).toContain("1 finding (0 errors, 0 warnings, 1 info) in 1 file, 0 services");
  });

  it("shows bidirectional overrides as escapes, so a path reads in the order it is", () => {
    const report = auditFiles([{ path: "a\u202egnp.Dockerfile", content: "FROM ubuntu:22.04\nUSER 1000\nCMD [\"app\"]\n" }]);
    expect(renderText(report, { color: false })).toContain("a\\u202egnp.Dockerfile");
  });
});
