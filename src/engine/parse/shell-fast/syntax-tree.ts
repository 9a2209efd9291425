/** The parser's own syntax tree, holding only what `collect` reads. */

export type Part =
  | { k: "lit"; text: string }
  | { k: "sgl"; text: string }
  | { k: "dbl"; parts: Part[] }
  | { k: "param"; name: string; short: boolean; words: Word[] }
  | { k: "subst"; stmts: Stmt[] }
  /** `$((…))`: the expansions inside it, in order. */
  | { k: "arith"; words: Word[] };

export interface Word {
  node: "word";
  start: number;
  end: number;
  parts: Part[];
}

export interface Assign {
  start: number;
  name: string;
  value: Word | null;
}

export type Cmd =
  | { k: "call"; start: number; end: number; assigns: Assign[]; args: Word[] }
  | { k: "binary"; pipe: boolean; x: Stmt; y: Stmt }
  /** Declarations, subshells, blocks, if, for, while and case: their stmts and words in walk order. */
  | { k: "group"; kids: (Stmt | Word)[] };

export interface Stmt {
  node: "stmt";
  start: number;
  end: number;
  cmd: Cmd | null;
  redirs: Word[];
}
