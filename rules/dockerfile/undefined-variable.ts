import type { DfInstruction, DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { baseImageRef, globalArgs } from "../../src/engine/image-refs.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { closest } from "../../src/engine/suggest.js";
import type { Range } from "../../src/engine/types.js";
import {
  ALWAYS_DEFINED_ARGS,
  assignedInScript,
  expandVariables,
  isValidImageRef,
  mayComeFromImage,
  PLATFORM_ARGS,
  PREDEFINED_ARGS,
  variableRefs,
  type VariableRef,
} from "../../src/engine/variables.js";

/** Instructions whose arguments Docker expands itself (RUN, CMD and ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(["ADD", "COPY", "ENV", "ARG", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]);
/** `${X:-default}`, `${X:+alt}`, `${X:?error}`, `${X:=value}` deal with an unset X on purpose. */
type Problem = { messageId: string; data: Record<string, string> };
/** Findings per file: a generated file with thousands of unset references gets the first ones. */
const MAX_FINDINGS = 100;
const HANDLES_UNSET = new Set([":-", "-", ":+", "+", ":?", "?", ":=", "="]);

export default defineDockerfileRule({
  meta: {
    id: "undefined-variable",
    code: "DF329",
    category: "reliability",
    severity: "warning",
    description: "A variable is used where no ARG or ENV defines it, so it expands to an empty string.",
    aliases: ["buildkit:UndefinedVar", "buildkit:UndefinedArgInFrom", "buildkit:InvalidDefaultArgInFrom", "DL3044"],
    messages: {
      fromUndeclared: "`${{name}}` in FROM is not declared by an ARG before the first FROM, so it expands to an empty string.{{hint}}",
      fromInvalid: "With the defaults of its ARGs this FROM names {{ref}}, which is not a valid image reference, so a build without `--build-arg` fails. Give the ARG a default value.",
      platformOnly: "`${{name}}` is a platform ARG that BuildKit sets in the global scope only, so it is empty inside a stage that does not declare it. Add `ARG {{name}}` to this stage to use it.",
      globalOnly: "`${{name}}` is declared by an ARG before the first FROM, which is not visible inside a stage, so it is empty here. Add `ARG {{name}}` to this stage to use the value.",
      beforeDefinition: "`${{name}}` is used before this stage defines it with {{keyword}} further down, so it is empty here. Move the {{keyword}} above this line.",
      otherStage: "`${{name}}` is only defined in stage `{{stage}}`; ARG and ENV do not carry over to stages that are not built FROM it, so it is empty here. Define it in this stage too.",
      typo: "`${{name}}` is not defined by any ARG or ENV in this stage. Did you mean `${{guess}}`?",
      undefined: "`${{name}}` is not defined by any ARG or ENV in this stage, and a `scratch` image has no environment of its own, so it expands to an empty string.",
      sameEnv: "`${{name}}` refers to `{{name}}` set earlier in this same ENV, but ENV expands variables with the values from before the instruction, so it is empty here. Set `{{name}}` in an ENV of its own first.",
    },
  },
  check({ model, project, report }) {
    // Global ARGs with their defaults, each expanded with the ones above it, as Docker does.
    const { declared: globals, values: known } = globalArgs(model);
    // Build args that Compose passes (`build.args`) make an ARG without default usable in FROM.
    const passed = new Set(project.servicesBuilding(model.path).flatMap((s) => buildArgNames(s.compose.data.build)));
    const at = (ins: DfInstruction, ref: VariableRef, base: number): Range => model.index.range(base + ref.start, base + ref.end);

    for (const stage of model.stages) checkFrom(model, stage, globals, known, passed, report, at);

    // Where each name is defined: by stage, and by position inside its stage.
    const definedIn = new Map<string, DfStage[]>();
    const positions = new Map<DfStage, Map<string, { position: number; keyword: string }[]>>();
    for (const stage of model.stages) {
      const own = new Map<string, { position: number; keyword: string }[]>();
      stage.instructions.forEach((ins, position) => {
        if (ins.keyword !== "ARG" && ins.keyword !== "ENV") return;
        for (const p of ins.properties) {
          const here = own.get(p.name);
          if (here) here.push({ position, keyword: ins.keyword });
          else own.set(p.name, [{ position, keyword: ins.keyword }]);
          const stages = definedIn.get(p.name);
          if (!stages) definedIn.set(p.name, [stage]);
          else if (stages[stages.length - 1] !== stage) stages.push(stage);
        }
      });
      positions.set(stage, own);
    }

    // A stage built FROM another one inherits both its ARGs and its ENVs (BuildKit keeps a parent
    // stage's build args in the child's scope).
    const scopeAfter = new Map<DfStage, Set<string>>();
    let reported = 0;
    for (const stage of model.stages) {
      const scope = new Set(stage.baseStage ? scopeAfter.get(stage.baseStage) : []);
      const image = baseImageRef(model, stage);
      stage.instructions.forEach((ins, position) => {
        if (mentionsVariable(model, ins)) checkRefs(ins, position);
        if (ins.keyword === "ARG" || ins.keyword === "ENV") for (const p of ins.properties) scope.add(p.name);
      });
      scopeAfter.set(stage, scope);

      // The references of one instruction, judged against the scope before it.
      function checkRefs(ins: DfInstruction, position: number): void {
        const memo = new Map<string, Problem | null>();
        const problem = (ref: VariableRef, script: string | null): Problem | null => {
          const name = ref.name;
          if ((ref.operator && HANDLES_UNSET.has(ref.operator)) || scope.has(name) || ALWAYS_DEFINED_ARGS.has(name)) return null;
          if (!memo.has(name)) memo.set(name, judge(name, script));
          return memo.get(name)!;
        };
        const judge = (name: string, script: string | null): Problem | null => {
          if (script !== null && assignedInScript(name, script)) return null;
          const platform = PLATFORM_ARGS.has(name);
          if (!platform && mayComeFromImage(name, image)) return null;
          const later = positions.get(stage)!.get(name)?.find((d) => d.position > position);
          if (later) return { messageId: "beforeDefinition", data: { name, keyword: later.keyword } };
          if (globals.has(name)) return { messageId: "globalOnly", data: { name } };
          if (platform) return { messageId: "platformOnly", data: { name } };
          const other = definedIn.get(name)?.find((s) => s !== stage);
          if (other) return { messageId: "otherStage", data: { name, stage: other.name ?? String(other.index) } };
          if (script !== null) return null;
          if (image?.toLowerCase() === "scratch") return { messageId: "undefined", data: { name } };
          const guess = closest(name, [...scope, ...globals.keys()].slice(0, 500));
          return guess ? { messageId: "typo", data: { name, guess } } : null;
        };
        const emit = (d: Problem & { range: Range }) => {
          if (reported++ < MAX_FINDINGS) report(d);
        };

        // Docker's own expansion: flag values (COPY --chown=$U, RUN --mount=…) and the arguments of
        // EXPANDED instructions, property by property for ENV, ARG and LABEL.
        const segments: { text: string; base: number; prop: number }[] = ins.flags.flatMap((f) =>
          f.valueRange ? [{ text: model.index.slice(f.valueRange), base: model.index.offset(f.valueRange.start), prop: -1 }] : [],
        );
        if (EXPANDED.has(ins.keyword) && ins.argsRange) {
          if (ins.properties.length) {
            ins.properties.forEach((p, prop) => {
              if (p.valueRange) segments.push({ text: model.index.slice(p.valueRange), base: model.index.offset(p.valueRange.start), prop });
            });
          } else segments.push({ text: ins.argsText, base: model.index.offset(ins.argsRange.start), prop: -1 });
        }
        // The first property of this instruction that sets each name.
        const setHere = new Map<string, number>();
        ins.properties.forEach((p, i) => setHere.has(p.name) || setHere.set(p.name, i));
        for (const seg of segments) {
          for (const ref of variableRefs(seg.text, model.escape)) {
            const range = at(ins, ref, seg.base);
            const earlier = seg.prop > 0 && (setHere.get(ref.name) ?? Infinity) < seg.prop;
            if (ins.keyword === "ENV" && earlier && !scope.has(ref.name)) {
              emit({ messageId: "sameEnv", data: { name: ref.name }, range });
              continue;
            }
            if (ins.keyword === "ARG" && earlier) continue;
            const found = problem(ref, null);
            if (found) emit({ ...found, range });
          }
        }

        // The shell's expansion in shell-form RUN: only names this file defines elsewhere are judged.
        if (ins.keyword === "RUN" && !ins.execForm && ins.argsRange) {
          const bodies = ins.heredocs.length
            ? ins.heredocs.flatMap((h) => (h.contentRange ? [{ text: h.content, base: model.index.offset(h.contentRange.start) }] : []))
            : [{ text: ins.argsText, base: model.index.offset(ins.argsRange.start) }];
          for (const body of bodies) {
            memo.clear();
            for (const ref of variableRefs(body.text)) {
              const found = problem(ref, body.text);
              if (found) emit({ ...found, range: at(ins, ref, body.base) });
            }
          }
        }
      }
    }
  },
});

/**
 * False when none of the texts the rule scans for an instruction (flag values, property values or
 * its arguments, heredoc bodies) holds a `$`: it then has no reference to judge.
 */
function mentionsVariable(model: DockerfileModel, ins: DfInstruction): boolean {
  if (ins.argsText.includes("$")) return true;
  for (const f of ins.flags) if (f.valueRange && model.index.slice(f.valueRange).includes("$")) return true;
  for (const p of ins.properties) if (p.valueRange && model.index.slice(p.valueRange).includes("$")) return true;
  for (const h of ins.heredocs) if (h.content.includes("$")) return true;
  return false;
}

function checkFrom(
  model: DockerfileModel,
  stage: DfStage,
  globals: ReadonlyMap<string, string | null>,
  known: ReadonlyMap<string, string>,
  passed: Set<string>,
  report: (d: { messageId: string; data?: Record<string, string>; range: Range }) => void,
  at: (ins: DfInstruction, ref: VariableRef, base: number) => Range,
): void {
  const from = stage.from;
  const segments = [...from.flags.flatMap((f) => (f.valueRange ? [f.valueRange] : [])), ...(stage.image ? [stage.image.range] : [])];
  let allKnown = true;
  for (const range of segments) {
    const base = model.index.offset(range.start);
    for (const ref of variableRefs(model.index.slice(range))) {
      if (passed.has(ref.name)) allKnown = false;
      if (globals.has(ref.name)) continue;
      if (PREDEFINED_ARGS.has(ref.name)) {
        allKnown = false;
        continue;
      }
      if (ref.operator && HANDLES_UNSET.has(ref.operator)) continue;
      allKnown = false;
      const guess = closest(ref.name, globals.keys());
      const hint = guess ? ` Did you mean \`$${guess}\`?` : ` Declare \`ARG ${ref.name}=…\` at the top of the file.`;
      report({ messageId: "fromUndeclared", data: { name: ref.name, hint }, range: at(from, ref, base) });
    }
  }
  const image = stage.image;
  if (!image || !allKnown || !image.ref.includes("$")) return;
  // Docker's word expansion also removes the quotes: FROM alpine:"${TAG}".
  const ref = expandVariables(image.ref, known).replace(/["']/g, "");
  if (ref.toLowerCase() !== "scratch" && !isValidImageRef(ref)) report({ messageId: "fromInvalid", data: { ref: ref ? `\`${ref}\`` : "an empty image" }, range: image.range });
}

/** Names of Compose `build.args`, in map or list form. */
function buildArgNames(build: unknown): string[] {
  const args = build && typeof build === "object" ? (build as Record<string, unknown>).args : null;
  if (Array.isArray(args)) return args.map((a) => String(a).split("=")[0]);
  return args && typeof args === "object" ? Object.keys(args) : [];
}
