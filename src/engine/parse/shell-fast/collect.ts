import type { LineIndex } from "../../text.js";
import type { Range } from "../../types.js";
import type { ShellCommand, ShellScript, ShellWord } from "../shell.js";
import type { Cmd, Part, Stmt, Word } from "./syntax-tree.js";

type Node = Stmt | Word | Part | Cmd;

/** Commands and pipes in the order of mvdan-sh's `syntax.Walk`, with an explicit stack. */
export function collect(text: string, baseOffset: number, index: LineIndex, stmts: Stmt[]): ShellScript {
  const commands: ShellCommand[] = [];
  const pipes: Range[] = [];
  const range = (start: number, end: number): Range => index.range(baseOffset + start, baseOffset + end);
  const word = (w: Word): ShellWord => ({ value: wordValue(w.parts), raw: text.slice(w.start, w.end), range: range(w.start, w.end), dynamic: isDynamic(w.parts) });
  const stack: Node[] = [];
  for (let i = stmts.length - 1; i >= 0; i--) stack.push(stmts[i]);
  const pushAll = (nodes: readonly Node[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  };
  while (stack.length) {
    const node = stack.pop()!;
    if ("node" in node) {
      if (node.node === "word") pushAll(node.parts);
      else {
        pushAll(node.redirs);
        if (node.cmd) stack.push(node.cmd);
      }
      continue;
    }
    switch (node.k) {
      case "call": {
        if (node.args.length) {
          const words = node.args.map(word);
          commands.push({
            name: words[0].value,
            nameWord: words[0],
            args: words.slice(1),
            assigns: node.assigns.map((a) => ({ name: a.name, value: a.value ? wordValue(a.value.parts) : "" })),
            range: range(node.start, node.end),
          });
        }
        pushAll(node.args);
        for (let i = node.assigns.length - 1; i >= 0; i--) {
          const value = node.assigns[i].value;
          if (value) stack.push(value);
        }
        break;
      }
      case "binary":
        if (node.pipe) pipes.push(range(node.x.start, node.y.end));
        stack.push(node.y, node.x);
        break;
      case "group":
        pushAll(node.kids);
        break;
      case "dbl":
        pushAll(node.parts);
        break;
      case "param":
        pushAll(node.words);
        break;
      case "subst":
        pushAll(node.stmts);
        break;
      case "arith":
        pushAll(node.words);
        break;
      default:
        break;
    }
  }
  return { commands, pipes };
}

function wordValue(parts: readonly Part[]): string {
  let out = "";
  for (const p of parts) {
    if (p.k === "lit") out += p.text.includes("\\") ? p.text.replace(/\\(.)/g, "$1") : p.text;
    else if (p.k === "sgl") out += p.text;
    else if (p.k === "dbl") out += wordValue(p.parts);
    else if (p.k === "param") out += p.short ? `$${p.name}` : `\${${p.name}}`;
    else if (p.k === "subst") out += "$(...)";
  }
  return out;
}

function isDynamic(parts: readonly Part[]): boolean {
  return parts.some((p) => (p.k === "dbl" ? isDynamic(p.parts) : p.k !== "lit" && p.k !== "sgl"));
}
