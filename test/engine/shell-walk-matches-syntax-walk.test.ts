import sh from "mvdan-sh";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { goAccess, parseShell, wrapperAccess } from "../../src/engine/parse/shell.js";
import { LineIndex } from "../../src/engine/text.js";
import { CORPUS, hasCorpus } from "../helpers/corpus.js";

// parseShell walks mvdan-sh's Go objects directly (ten times faster than its JavaScript wrappers)
// with its own stack. Both must find exactly what mvdan-sh's own syntax.Walk finds.
const { syntax } = sh;
const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));

/** Offsets of every command and pipe, found with the library's recursive walker. */
function reference(script: string): string[] {
  const out: string[] = [];
  syntax.Walk(parser.Parse(script, ""), (node) => {
    if (!node) return true;
    const type = syntax.NodeType(node);
    if ((type === "CallExpr" && node.Args.length) || (type === "BinaryCmd" && (node.Op === 12 || node.Op === 13))) {
      out.push(`${type}@${node.Pos().Offset()}-${node.End().Offset()}`);
    }
    return true;
  });
  return out;
}

function ours(script: string, access: typeof goAccess): string[] {
  const index = new LineIndex(script);
  const result = parseShell(script, 0, index, access);
  const at = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) => {
    const bytes = (p: { line: number; column: number }) => Buffer.byteLength(script.slice(0, index.offset(p)));
    return `${bytes(r.start)}-${bytes(r.end)}`;
  };
  return [...result.commands.map((c) => ({ key: `CallExpr@${at(c.range)}`, start: index.offset(c.range.start) })), ...result.pipes.map((p) => ({ key: `BinaryCmd@${at(p)}`, start: index.offset(p.start) }))]
    .map((x) => x.key)
    .sort();
}

const SCRIPTS = [
  "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*",
  "a $(b $(c)) | d; if x; then y; elif z; then w; else v; fi; for i in $(ls); do echo \"$(q)\"; done",
  "case $(r) in a) s;; b|c) t ;; esac; f() { g; }; x=$(h) k=${a:-$(l)}; [[ $(m) == n ]]; (( $(n) + 1 ))",
  "cat <<E\n$(o)\nE\nwhile read l; do p \"$l\"; done < <(u) |& tee log",
  "time t; coproc c { x; }; declare a=$(y); let z=$(w)+1; arr=($(v) u); ${e/a/$(f)}",
  "X=é echo 'é' \"b$c\" ${d:-x} `e f` | g 😀 && h",
  "for ((i=0; i<$(n); i++)); do echo $i; done; select s in a b; do break; done",
  "[ -f x ] || { echo missing >&2; exit 1; }; ! grep -q y z; echo {a,b}$(c)",
];

function corpusScripts(): string[] {
  if (!hasCorpus) return [];
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/dockerfile/i.test(name) && out.length < 400) {
        for (const m of readFileSync(path, "utf8").matchAll(/^RUN\s+((?:.*\\\r?\n)*.*)/gim)) out.push(m[1].replace(/\\\r?\n/g, " "));
      }
    }
  };
  visit(CORPUS);
  return out.filter((s) => {
    try {
      parser.Parse(s, "");
      return true;
    } catch {
      return false;
    }
  });
}

describe("the shell walker", () => {
  const scripts = [...SCRIPTS, ...corpusScripts()];

  it.each(SCRIPTS)("finds what syntax.Walk finds: %s", (script) => {
    const expected = reference(script).sort();
    expect(ours(script, goAccess)).toEqual(expected);
    expect(ours(script, wrapperAccess)).toEqual(expected);
  });

  it("gives the same commands through Go objects and through wrappers on every corpus script", () => {
    for (const script of scripts) {
      const index = new LineIndex(script);
      expect(parseShell(script, 0, index, goAccess)).toEqual(parseShell(script, 0, index, wrapperAccess));
    }
  });

  it("also finds commands in a slice offset, which this syntax.Walk skips", () => {
    const script = "echo ${g:$(h):2}";
    expect(parseShell(script, 0, new LineIndex(script)).commands.map((c) => c.name)).toEqual(["echo", "h"]);
  });

  it("decodes non-ASCII words from the Go objects' UTF-8", () => {
    const script = "X=é echo 'ü' \"😀$v\" naïve";
    const result = parseShell(script, 0, new LineIndex(script), goAccess);
    expect(result.commands[0].assigns).toEqual([{ name: "X", value: "é" }]);
    expect(result.commands[0].args.map((a) => a.value)).toEqual(["ü", "😀$v", "naïve"]);
    expect(result.commands[0].args[2].range).toEqual({ start: { line: 1, column: 21 }, end: { line: 1, column: 26 } });
  });
});
