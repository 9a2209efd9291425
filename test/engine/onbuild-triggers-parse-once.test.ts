import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";

// Each ONBUILD trigger used to be parsed from a copy of the whole file up to it (blanked), which
// made a file with thousands of ONBUILDs quadratic (5,000 took 18 s). All triggers now share one
// parse with the file's own lines and columns.
describe("ONBUILD triggers", () => {
  it("keep the file's positions and keywords", () => {
    const model = parseDockerfile("Dockerfile", "FROM alpine:3.20\nONBUILD RUN apt-get install -y curl\nONBUILD   COPY . /app\nONBUILD\nUSER app\n");
    const triggers = model.instructions.filter((i) => i.keyword === "ONBUILD").map((i) => i.trigger && [i.trigger.keyword, i.trigger.range]);
    expect(triggers).toEqual([
      ["RUN", { start: { line: 2, column: 9 }, end: { line: 2, column: 36 } }],
      ["COPY", { start: { line: 3, column: 11 }, end: { line: 3, column: 22 } }],
      undefined,
    ]);
    const run = model.instructions[1].trigger!;
    expect(run.script?.commands.map((c) => [c.name, c.range.start])).toEqual([["apt-get", { line: 2, column: 13 }]]);
  });

  it("honour the backtick escape directive inside a trigger's continuation", () => {
    const model = parseDockerfile("Dockerfile", "# escape=`\nFROM alpine:3.20\nONBUILD RUN echo a `\n  && echo b\nUSER app\n");
    const trigger = model.instructions[1].trigger!;
    expect(trigger.keyword).toBe("RUN");
    expect(trigger.range.end.line).toBe(4);
    expect(trigger.script?.commands.map((c) => c.name)).toEqual(["echo", "echo"]);
  });

  it("parse 5,000 triggers in one pass", () => {
    const text = "FROM alpine:3.20\n" + Array.from({ length: 5000 }, (_, i) => `ONBUILD RUN echo ${i}\n`).join("");
    const model = parseDockerfile("Dockerfile", text);
    const triggers = model.instructions.filter((i) => i.trigger);
    expect(triggers).toHaveLength(5000);
    expect(triggers[4999].trigger!.range.start).toEqual({ line: 5001, column: 9 });
    expect(triggers[4999].trigger!.argsText).toBe("echo 4999");
  }, 180_000);
});
