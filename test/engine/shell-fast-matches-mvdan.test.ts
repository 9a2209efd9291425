import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCompose } from "../../src/engine/parse/compose.js";
import { offsetAfterFlags, parseDockerfile, shellText, type DfInstruction, type DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { parseShellFast } from "../../src/engine/parse/shell-fast.js";
import { parseShell, parseShellWithMvdan, type ShellScript } from "../../src/engine/parse/shell.js";
import { LineIndex } from "../../src/engine/text.js";
import { CORPUS, describeWithCorpus } from "../helpers/corpus.js";

// parseShell tries a hand-written parser first and falls back to mvdan-sh when it returns null.
// Whatever it handles must come out exactly as mvdan-sh has it: commands, words, ranges, pipes.

function both(text: string, baseOffset = 0, index = new LineIndex(text)): { fast: ShellScript | null; slow: ShellScript } {
  return { fast: parseShellFast(text, baseOffset, index), slow: parseShellWithMvdan(text, baseOffset, index) };
}

/** Scripts the fast parser must handle, each checked against mvdan-sh. */
const HANDLED = [
  "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*",
  "a | b | c",
  "a && b || c | d |& e",
  "a | b > f; c &",
  "a |\n b && \n c",
  "A=b c",
  'A=b B="x y" C=$(d) cmd arg',
  "A= b",
  "A+=x cmd",
  "A=1",
  "A=1 | b",
  "--opt=x y",
  "echo a\\\nb",
  "echo a\\\n b",
  'echo "a"\\\n b',
  "echo $x\\\n b",
  "echo a\\\n\\\n b c",
  "\\\necho a \\\n  b",
  "a \\\n| b",
  "a\\\n&& b",
  'echo "a\\\nb" \'c\\\nd\'',
  'echo "a\\$b\\"c\\\\d\\ae" a\\$b\\"c\\\\d\\ae',
  "echo $'a\\nb' $'a\\'b' $\"x\" ${x:-y} $10 $ a$ $% $} $@ ${#x}",
  "echo ${a:-$(b)} ${c/d/e} ${x:0:2} ${x##*/} ${x%%[0-9]*} ${@} ${1} ${10} ${x-} ${x:+a b}",
  'echo "a$" "$" "$\'x\'" "a$ b" "$(x)" "${y:-$z}"',
  'echo `a b` "`c`"',
  "echo $x$y${z}w\"q\"'r' \"\" ''",
  "x=$(a) b $(c) > $(d)",
  ">o echo",
  "2>&1 echo a2>x 2>&1 b",
  'echo a &>/dev/null; echo b &>> log; echo c >| f; cat <> f; cat <<< "$x"; exec 3<&0 4>&-',
  "a 2&>x",
  "a #c\nb",
  "a;#c",
  "a&&#c\nb",
  "# only a comment",
  "",
  "a #c\n\n\n  # another\nb # and a third",
  "export A=$(x) B c",
  'export PATH="/x:$PATH" && local -r y=1; readonly Z',
  "{ a; b; } > f",
  "{ a;}",
  "(a; b) | c 2>&1",
  "if a; then b; elif c; then d; else e; fi > f | g",
  "if ! a; then b; fi\\\n && c",
  "if(a); then b; fi",
  "for x in a b; do c $x; done",
  "for x in; do c; done",
  "for x in a\ndo c\ndone",
  'while read l; do echo "$l"; done < file',
  "until a; do b; done",
  "case $x in a|b) c;; *) d;; esac",
  "case x in (a) b;; esac",
  "case x in a) ;; esac",
  "case x in esac",
  "f() { a; } > x; b",
  "! a | b",
  "a && ! b",
  "! a && b",
  "[ -f x ] || { echo missing >&2; exit 1; }",
  'echo "é" 😀 | grep -q \'ü\' && echo $HOME/é',
  "echo $(a # comment with ) paren\n)",
  "echo $( ) $()",
  "echo a#b a}b {a,b} ~/x *.txt ] }",
  'set -eux; \\\n\tdpkgArch="$(dpkg --print-architecture)"; \\\n\tcase "$dpkgArch" in \\\n\t\tamd64) arch=x64 ;; \\\n\t\t*) echo >&2 "unsupported: $dpkgArch"; exit 1 ;; \\\n\tesac',
  "cd /app && a=$(b | c) && d \"$(e f | g)\" | h",
  "echo $((1 + 2))",
  "make -j$(($(nproc) - 1)) install",
  "make -j\"$(( $(nproc --all) * 2 ))\" && echo $(( (a + $b) % 3 ))${c}x",
  "X=$((-1 + +${N:-2} / (3)))y cmd $(( $(a) + $(b | c) ))",
  "echo $(($((1)) * $((2))))",
  "echo \"$((x))\" '$((y))' $((\tz\t))",
  "composer install `if [ \"$TESTING\" != \"true\" ]; then echo \"--no-dev\"; fi` --prefer-dist",
  "echo `for i in a b; do echo $i; done` `while a; do b; done` `echo \"a b\"`",
  "echo \"`echo \"x\"`\"",
  'echo ${x:-"q"} "${y:+"a b"}" ${z/"/"/"-"}',
  'RUSTFLAGS="${L:+-C x=}$L" \\\n  ${J:+env J="${J}"} \\\n  xx-cargo build --bin q',
  '$x=1 cmd ${a:-b=c}',
];

/** Scripts it must leave to mvdan-sh: errors, and what it does not implement or cannot be sure of. */
const NOT_HANDLED = [
  "echo a; ; b",
  "a;;",
  ";a",
  "a |",
  "a\n| b",
  "{ a }",
  "if a; then fi",
  "! ! a",
  "a | ! b",
  "echo 'unterminated",
  'echo "unterminated',
  "echo $(a",
  "echo a\\",
  "cat <<EOF\nhi\nEOF",
  "diff <(a) <(b)",
  "[[ -f x ]] && y",
  "(( i++ ))",
  "echo $((i++))",
  "echo $((a--b))",
  "echo $((2 ** 3))",
  "echo $((x << 1))",
  "echo $((a ? b : c))",
  "echo $((a[1]))",
  "echo $((x = 1))",
  "echo $((x += 1))",
  "echo $((1 +))",
  "echo $(( ))",
  "echo $((0x1f))",
  "echo $((1 2))",
  "echo $((1\n+ 2))",
  "echo $((1 + 2)",
  "echo $(( (1) ) )",
  "let x=1",
  "time a",
  "coproc a",
  "function f { a; }",
  "arr=(a b)",
  "a[0]=x",
  "declare -a arr=(x y)",
  "A=1 export B",
  "echo *(x) !(y)",
  "!(x)",
  "case x in a) b;& c) ;;& esac",
  '"s"2>x',
  "{fd}>x echo",
  "a # c \\\nb",
  'echo a#b "x"#c',
  "echo \\\\\\\nfor",
  "i\\\nf true; then a; fi",
  "echo ${x:-'q'}",
  "$'a'=b c",
  "a\rb",
  "a\u0000b",
  "echo \ud800",
  "echo \u0080 x",
  "\ufeffecho a",
  "$$(a)",
  "( (a) )",
  "echo `a \\` b`",
  "echo `case x in a) b;; esac`",
  "echo `fi`",
  "echo `a \"b`",
  "echo `echo 'q'`",
  "(".repeat(200) + "a" + ")".repeat(200),
];

describe("the fast shell parser agrees with mvdan-sh", () => {
  it.each(HANDLED.map((s) => [s]))("handles %j exactly as mvdan-sh does", (script) => {
    const { fast, slow } = both(script);
    expect(slow.error).toBeUndefined();
    expect(fast).toEqual(slow);
  });

  it.each(NOT_HANDLED.map((s) => [s]))("leaves %j to mvdan-sh", (script) => {
    expect(parseShellFast(script, 0, new LineIndex(script))).toBeNull();
  });

  it("agrees on characters from all over Unicode, in every kind of word", () => {
    const points = [...Array.from({ length: 0x400 }, (_, i) => 0x80 + i), ...Array.from({ length: 0x600 }, (_, i) => 0x480 + i * 17), ...Array.from({ length: 0x100 }, (_, i) => 0xff00 + i), ...Array.from({ length: 290 }, (_, i) => 0x10000 + i * 3500)];
    const mismatches: string[] = [];
    let handled = 0;
    for (const point of points) {
      const c = String.fromCodePoint(point);
      // The fast parser leaves every `<non-ASCII>=` word to mvdan-sh, so the line with one is also
      // checked alone, the line before it without it: otherwise nothing here would be compared.
      const words = `echo ${c} a${c}b "${c}" '${c}' \\${c} $x${c} \${x:-${c}} x # ${c}`;
      for (const script of [words, `${words}\n${c}=1 ${c}`, `${c}=1 ${c}`]) {
        const { fast, slow } = both(script);
        if (fast === null) continue;
        if (script === words) handled++;
        if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push(`${point.toString(16)}: ${JSON.stringify(script)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Only the C1 control characters (U+0080 to U+009F) are left to mvdan-sh here.
    expect(handled).toBe(points.length - 0x20);
  });

  it("agrees inside a larger document, away from its start", () => {
    const doc = "FROM alpine\nRUN é😀 \\\n  " + "a | b && c $(d) \\\n  e";
    const base = doc.indexOf("é");
    const { fast, slow } = both(doc.slice(base), base, new LineIndex(doc));
    expect(fast).not.toBeNull();
    expect(fast).toEqual(slow);
  });

  it("parseShell gives mvdan-sh's result, errors included", () => {
    for (const script of [...HANDLED, ...NOT_HANDLED]) {
      const index = new LineIndex(script);
      expect(parseShell(script, 0, index)).toEqual(parseShellWithMvdan(script, 0, index));
    }
  });
});

describe("the fast shell parser on hostile input", () => {
  const time = (f: () => unknown): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };

  it.each([
    ["deep subshells", "(".repeat(100_000) + "a" + ")".repeat(100_000)],
    ["deep substitutions", "echo " + "$(".repeat(100_000) + "a" + ")".repeat(100_000)],
    ["deep parameter words", "echo " + "${a:-".repeat(100_000) + "b" + "}".repeat(100_000)],
    ["deep blocks", "{ ".repeat(100_000) + "a" + "; }".repeat(100_000)],
  ])("gives up on %s without overflowing the stack", (_name, script) => {
    expect(parseShellFast(script, 0, new LineIndex(script))).toBeNull();
  });

  // Generous bounds for shared machines: a quadratic pass over these would take minutes.
  it("parses long scripts in linear time", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => `echo ${i}`).join(" && ");
    const pipes = Array.from({ length: 20_000 }, (_, i) => `cat f${i}`).join(" | ");
    const words = "echo " + "x ".repeat(150_000);
    const literal = "echo " + "y".repeat(1_000_000);
    const comments = "a\n#\\\n".repeat(100_000);
    const body = "if a; then " + "b; ".repeat(150_000) + "fi";
    const quotes = "echo '" + "'".repeat(200_000);
    for (const script of [chain, pipes, words, literal, comments, quotes, body]) {
      expect(time(() => parseShellFast(script, 0, new LineIndex(script)))).toBeLessThan(20_000);
    }
    expect(parseShellFast(chain, 0, new LineIndex(chain))?.commands).toHaveLength(20_000);
    expect(parseShellFast(pipes, 0, new LineIndex(pipes))?.pipes).toHaveLength(19_999);
    expect(parseShellFast(body, 0, new LineIndex(body))?.commands).toHaveLength(150_001);
  });
});

/** Every script the engine hands to parseShell for a Dockerfile, the way parseDockerfile cuts it. */
function dockerfileScripts(model: DockerfileModel): { text: string; base: number }[] {
  const out: { text: string; base: number }[] = [];
  const add = (ins: DfInstruction) => {
    if (!["RUN", "CMD", "ENTRYPOINT"].includes(ins.keyword) || !ins.argsRange) return;
    if (ins.execForm) {
      const c = ins.execForm.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
      if (c > 0 && ins.execForm[c + 1] !== undefined) out.push({ text: ins.execForm[c + 1], base: -1 });
      return;
    }
    const start = model.index.offset(ins.argsRange.start);
    const skip = ins.flags.length ? offsetAfterFlags(ins.argsText, ins.flags.length) : 0;
    const body = ins.argsText.slice(skip);
    if (ins.heredocs.length && /^\s*<<-?["']?\w+["']?\s*(\n|$)/.test(body)) {
      for (const h of ins.heredocs) if (h.contentRange) out.push({ text: h.content, base: model.index.offset(h.contentRange.start) });
      return;
    }
    out.push({ text: shellText(body, model.escape), base: start + skip });
  };
  for (const ins of model.instructions) {
    add(ins);
    if (ins.trigger) add(ins.trigger);
  }
  return out;
}

/** `command:`, `entrypoint:` and `healthcheck.test` scripts of a Compose file, with their `sh -c` scripts. */
function composeScripts(text: string): string[] {
  const model = parseCompose("compose.yaml", text);
  const out: string[] = [];
  const shellArg = (list: unknown[]) => {
    const c = list.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(String(w)));
    if (c > 0 && typeof list[c + 1] === "string") out.push(list[c + 1] as string);
  };
  for (const service of model.services) {
    for (const key of ["command", "entrypoint"]) {
      const value = service.data[key];
      if (typeof value === "string") out.push(value);
      else if (Array.isArray(value)) shellArg(value);
    }
    const test = (service.data.healthcheck as { test?: unknown } | undefined)?.test;
    if (typeof test === "string") out.push(test);
    else if (Array.isArray(test) && test[0] === "CMD-SHELL" && typeof test[1] === "string") out.push(test[1]);
  }
  return out;
}

function corpusFiles(): { kind: string; abs: string }[] {
  const dir = join(CORPUS, "real");
  const manifest = readFileSync(join(dir, "MANIFEST.tsv"), "utf8");
  return manifest
    .split("\n")
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split("\t"))
    .filter(([, , kind]) => kind === "dockerfile" || kind === "compose")
    .map(([repo, , kind, , path]) => ({ kind, abs: join(dir, repo.replace("/", "__"), path) }));
}

describeWithCorpus("the fast shell parser on the corpus", () => {
  it("agrees with mvdan-sh on every script it handles, and handles most of them", () => {
    let scripts = 0;
    let handled = 0;
    let chars = 0;
    let handledChars = 0;
    const mismatches: string[] = [];
    for (const file of corpusFiles()) {
      let text: string;
      try {
        text = readFileSync(file.abs, "utf8");
      } catch {
        continue;
      }
      const found =
        file.kind === "dockerfile"
          ? (() => {
              const model = parseDockerfile(file.abs, text);
              return dockerfileScripts(model).map((s) => (s.base < 0 ? { text: s.text, base: 0, index: new LineIndex(s.text) } : { ...s, index: model.index }));
            })()
          : composeScripts(text).map((s) => ({ text: s, base: 0, index: new LineIndex(s) }));
      for (const { text: script, base, index } of found) {
        const { fast, slow } = both(script, base, index);
        scripts++;
        chars += script.length;
        if (fast === null) continue;
        handled++;
        handledChars += script.length;
        if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push(script);
      }
    }
    const share = handledChars / chars;
    // eslint-disable-next-line no-console
    console.log(`fast shell parser: ${handled} of ${scripts} corpus scripts, ${(100 * share).toFixed(1)}% of their characters`);
    expect(mismatches).toEqual([]);
    expect(scripts).toBeGreaterThan(1000);
    expect(handled / scripts).toBeGreaterThan(0.95);
    expect(share).toBeGreaterThan(0.93);
  });
});

// Scripts from a small grammar of words, quotes, expansions, operators and compound commands, with
// the odd stray character: whatever the fast parser handles must match mvdan-sh.
const LITERALS = fc.constantFrom("a", "echo", "-y", "x1", "2", "a=b", "é", "😀", "~/x", "*", "a#", "\\$", "\\ ", "\\\\", "\\\n", "in", "fi", "[");
const ODD = fc.constantFrom("=", "}", "{", "#", "!", "[a", "do", "esac", "$((1))", "$[1]", "((", "<(x)", "a[1]=", "\\", "\r", "`a\\`b`");
const EXPANSIONS = fc.constantFrom("'s q'", "''", "$x", "$1", "$@", "$$", "$", "${x}", "${x:-d}", "${x#*/}", "${#x}", "${x/a/b}", "${x:1:2}", "$'a\\'b'", '$"d"', "`c`", "$((1+x))", "$(( $(a) - ${b} ))", "$((-(2)*$y))", "`if a; then b; fi`", '`echo "q" x`', '${x:-"d e"}', '${x:+"$(c)"}', '"${x#"*/"}"');
const IN_QUOTES = fc.constantFrom("a b", '\\"', "\\\\", "\\$", "$x", "${y}", "'", "\\\n", "#", "$", "\\a");
const REDIRECTS = fc.constantFrom(" > f", " 2>&1", " >>log", " < in", " &>/dev/null", " <<< w", " >&2", " 2>/dev/null", ">f");
const SEPARATORS = fc.constantFrom("; ", "\n", " & ", ";\n", " \\\n ", "\n# note\n", ";");
const AND_OR = fc.constantFrom(" && ", " || ", " &&\n  ", " \\\n  && ", "&&");
const PIPES = fc.constantFrom(" | ", " |& ", " |\n ", "|");

const joinWith = (items: string[], seps: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(seps, { minLength: items.length, maxLength: items.length }).map((s) => items.map((item, i) => item + (i < items.length - 1 ? s[i] : "")).join(""));

function wordArb(depth: number): fc.Arbitrary<string> {
  const nested = depth > 0 ? [scriptArb(depth - 1).map((s) => `$(${s})`), scriptArb(depth - 1).map((s) => `\${x:-$(${s})}`)] : [];
  const quoted = fc.array(fc.oneof(IN_QUOTES, ...nested.slice(0, 1)), { maxLength: 3 }).map((parts) => `"${parts.join("")}"`);
  const part = fc.oneof({ weight: 30, arbitrary: LITERALS }, { weight: 1, arbitrary: ODD }, { weight: 5, arbitrary: EXPANSIONS }, { weight: 4, arbitrary: quoted }, ...nested.map((arbitrary) => ({ weight: 1, arbitrary })));
  return fc.array(part, { minLength: 1, maxLength: 2 }).map((parts) => parts.join(""));
}

const scripts = new Map<number, fc.Arbitrary<string>>();
function scriptArb(depth: number): fc.Arbitrary<string> {
  const known = scripts.get(depth);
  if (known) return known;
  const word = wordArb(depth);
  const simple = fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom("A", "B_1", "x"), fc.constantFrom("=", "+="), fc.option(word, { nil: "" })), { maxLength: 1 }),
      fc.array(word, { minLength: 1, maxLength: 3 }),
      fc.array(REDIRECTS, { maxLength: 1 }),
      fc.constantFrom(" ", " ", " \\\n  ", "\t"),
    )
    .map(([assigns, words, redirs, gap]) => [...assigns.map(([n, op, v]) => n + op + v), ...words].join(gap) + redirs.join(""));
  const declaration = fc
    .tuple(fc.constantFrom("export", "local", "readonly"), fc.array(fc.tuple(fc.constantFrom("A", "-r", "B"), fc.option(word, { nil: "" })), { maxLength: 3 }))
    .map(([kw, args]) => [kw, ...args.map(([n, v]) => (v && !n.startsWith("-") ? `${n}=${v}` : n))].join(" "));
  const compound: fc.Arbitrary<string>[] = [];
  if (depth > 0) {
    const inner = scriptArb(depth - 1);
    const end = fc.constantFrom("; ", ";", "\n", ";\n", "\n# c\n", " &\n", "; \\\n ");
    compound.push(
      inner.map((s) => `(${s})`),
      fc.tuple(inner, end).map(([s, e]) => `{ ${s}${e}}`),
      fc.tuple(inner, end, inner, end, fc.option(inner), end).map(([c, e1, t, e2, e, e3]) => `if ${c}${e1}then ${t}${e2}${e ? `else ${e}${e3}` : ""}fi`),
      fc.tuple(fc.array(word, { maxLength: 3 }), end, inner, end).map(([items, e1, body, e2]) => `for i in ${items.join(" ")}${e1}do ${body}${e2}done`),
      fc.tuple(inner, end, inner, end).map(([c, e1, b, e2]) => `while ${c}${e1}do ${b}${e2}done`),
      fc.tuple(word, word, inner, fc.constantFrom(";;", " ;;\n", "\n;;")).map(([w, p, b, dsemi]) => `case ${w} in ${p}|b) ${b}${dsemi} *) ;; esac`),
      fc.tuple(inner, end).map(([s, e]) => `f() { ${s}${e}}`),
    );
  }
  const command = fc.oneof({ weight: 10, arbitrary: simple }, { weight: 1, arbitrary: declaration }, ...compound.map((arbitrary) => ({ weight: 1, arbitrary })));
  const pipeline = fc.tuple(fc.constantFrom("", "", "", "! "), fc.array(command, { minLength: 1, maxLength: 2 })).chain(([bang, cmds]) => joinWith(cmds, PIPES).map((p) => bang + p));
  const list = fc.array(pipeline, { minLength: 1, maxLength: 2 }).chain((pipelines) => joinWith(pipelines, AND_OR));
  const script = fc.array(list, { minLength: 1, maxLength: 2 }).chain((lists) => joinWith(lists, SEPARATORS));
  scripts.set(depth, script);
  return script;
}

describe("the fast shell parser on generated scripts", () => {
  it.each([
    ["flat scripts", 0, 500, 0.3],
    ["scripts with nested commands", 1, 300, 0.1],
  ])("returns null or exactly what mvdan-sh gives (%s)", (_name, depth, numRuns, floor) => {
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(scriptArb(depth), (script) => {
        runs++;
        const { fast, slow } = both(script);
        if (fast === null) return;
        handled++;
        expect(fast).toEqual(slow);
      }),
      { numRuns },
    );
    expect(handled / runs).toBeGreaterThan(floor);
  });
});
