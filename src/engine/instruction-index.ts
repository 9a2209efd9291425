import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";

/**
 * A file's instructions (ONBUILD triggers included), listed once per model: some forty rules walk
 * them, and a generator per rule per file costs more than the walk. The lists are shared, so
 * callers only read them.
 */
interface Index {
  all: readonly DfInstruction[];
  byKeyword: Map<string, readonly DfInstruction[]>;
}

const indexes = new WeakMap<DockerfileModel, Index>();

function indexOf(model: DockerfileModel): Index {
  let index = indexes.get(model);
  if (index) return index;
  const all: DfInstruction[] = [];
  const byKeyword = new Map<string, DfInstruction[]>();
  const add = (ins: DfInstruction) => {
    all.push(ins);
    const list = byKeyword.get(ins.keyword);
    if (list) list.push(ins);
    else byKeyword.set(ins.keyword, [ins]);
  };
  for (const ins of model.instructions) {
    add(ins);
    if (ins.trigger) add(ins.trigger);
  }
  indexes.set(model, (index = { all, byKeyword }));
  return index;
}

const NONE: readonly DfInstruction[] = Object.freeze([]);

/** Every instruction of the file, ONBUILD triggers included (each right after its ONBUILD), in order. */
export function everyInstruction(model: DockerfileModel): readonly DfInstruction[] {
  return indexOf(model).all;
}

/** everyInstruction with this (upper-case) keyword. */
export function instructionsNamed(model: DockerfileModel, keyword: string): readonly DfInstruction[] {
  return indexOf(model).byKeyword.get(keyword) ?? NONE;
}
