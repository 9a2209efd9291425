import fc from "fast-check";
import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { LineIndex } from "../../src/engine/text.js";
import type { Range } from "../../src/engine/types.js";
import { anyText, composeText, dockerfileText } from "./generators.js";

// Both parsers take any text without throwing and give ranges inside it. numRuns stays modest:
// the suite runs on two shared cores.
const RUNS = 150;

function outside(index: LineIndex, range: Range | null | undefined): boolean {
  if (!range) return false;
  const bad = (p: { line: number; column: number }) => p.line < 1 || p.line > index.lineCount || p.column < 1 || p.column > index.line(p.line).length + 1;
  return bad(range.start) || bad(range.end) || range.start.line > range.end.line || (range.start.line === range.end.line && range.start.column > range.end.column);
}

function checkDockerfile(text: string): void {
  const model = parseDockerfile("Dockerfile", text);
  const index = new LineIndex(text);
  for (const ins of everyInstruction(model)) {
    const ranges = [ins.range, ins.keywordRange, ins.argsRange, ...ins.args.map((a) => a.range), ...ins.flags.map((f) => f.range), ...ins.properties.map((p) => p.range)];
    const script = ins.script;
    if (script) ranges.push(...script.commands.flatMap((c) => [c.range, c.nameWord.range, ...c.args.map((a) => a.range)]), ...script.pipes, script.error?.range ?? null);
    const bad = ranges.filter((r) => outside(index, r));
    if (bad.length) throw new Error(`${ins.keyword} has ranges outside the file: ${JSON.stringify(bad)}`);
  }
  for (const stage of model.stages) if (outside(index, stage.image?.range) || outside(index, stage.nameRange)) throw new Error(`stage ${stage.index} range outside the file`);
}

function checkCompose(text: string): void {
  const model = parseCompose("compose.yaml", text);
  const index = new LineIndex(text);
  const bad = model.problems.filter((p) => !p.range || outside(index, p.range));
  if (bad.length) throw new Error(`problems without a range inside the file: ${JSON.stringify(bad)}`);
  for (const s of model.services) {
    for (const path of [s.path, [...s.path, "image"], [...s.path, "ports", 0], [...s.path, "environment"], ...s.environment.map((e) => e.path), ...s.ports.map((p) => p.path)]) {
      if (outside(index, model.locate(path)) || outside(index, model.locateKey(path))) throw new Error(`locate(${JSON.stringify(path)}) outside the file`);
    }
  }
}

describe("parseDockerfile", () => {
  it("never throws and keeps ranges inside the text, on arbitrary text", () => {
    fc.assert(fc.property(anyText, (t) => checkDockerfile(t)), { numRuns: RUNS });
  });
  it("never throws and keeps ranges inside the text, on Dockerfile-like text", () => {
    fc.assert(fc.property(dockerfileText, (t) => checkDockerfile(t)), { numRuns: RUNS * 2 });
  });
  it("is deterministic", () => {
    fc.assert(
      fc.property(dockerfileText, (t) => {
        const shape = (text: string) => JSON.stringify(parseDockerfile("Dockerfile", text).instructions.map((i) => [i.keyword, i.range, i.args, i.execForm, i.script?.commands, i.script?.error, i.trigger?.range]));
        expect(shape(t)).toBe(shape(t));
      }),
      { numRuns: 50 },
    );
  });
});

describe("parseCompose", () => {
  it("never throws and locates problems inside the text, on arbitrary text", () => {
    fc.assert(fc.property(anyText, (t) => checkCompose(t)), { numRuns: RUNS });
  });
  it("never throws and locates problems inside the text, on Compose-like YAML", () => {
    fc.assert(fc.property(composeText, (t) => checkCompose(t)), { numRuns: RUNS * 2 });
  });
});
