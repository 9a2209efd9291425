import { GENERATED } from "../fixtures/hostile/generate.js";
import { checkHostile, committedFixtures, type Expectation } from "./support.js";

/**
 * Each hostile file is audited with the full catalogue beside an ordinary Dockerfile and Compose
 * file. Whatever the file holds, the run returns (no exception, no hang: the jest timeout is the
 * guard; bench/hostile.ts measures), no rule fails on it, every range stays inside its file, the
 * ordinary files keep exactly the findings they have alone, and the hostile file gets what its
 * name says:
 * - "syntax": a finding of the syntax rule of its kind (dockerfile-syntax / schema-invalid) with
 *   a line, naming the problem;
 * - "skipped": a file-level file-skipped finding with the reason;
 * - "audited": the file is audited like any other (it is odd, not wrong).
 */
const EXPECT: Record<string, Expectation> = {
  "arg-only-no-stage.Dockerfile": "syntax",
  "backtick-escape-directive.Dockerfile": "audited",
  "backtick-escape-posix-shell.Dockerfile": "audited",
  "bom.Dockerfile": "audited",
  "comments-only.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "continuation-at-end-of-file.Dockerfile": "audited",
  "control-characters.Dockerfile": "audited",
  "crlf-line-endings.Dockerfile": "audited",
  "deep-subshell-nesting-in-run.Dockerfile": { expect: "syntax", message: /nested too deeply/, line: 2 },
  "empty.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "env-and-label-edge-cases.Dockerfile": "syntax",
  "flags-garbage.Dockerfile": { expect: "syntax", message: /--foo/, line: 1 },
  "from-without-image.Dockerfile": { expect: "syntax", line: 1 },
  "heredoc-variants.Dockerfile": "audited",
  "invalid-escape-directive.Dockerfile": "audited",
  "invalid-json-exec-form.Dockerfile": { expect: "syntax", message: /not valid JSON/, line: 2 },
  "json-exec-form-odd-values.Dockerfile": { expect: "syntax", message: /JSON array/ },
  "latin1-bytes.Dockerfile": "audited",
  "lone-carriage-returns.Dockerfile": "audited",
  "mixed-case-keywords.Dockerfile": "audited",
  "no-from-instruction.Dockerfile": { expect: "syntax", message: /no FROM/, line: 1 },
  "nul-bytes.Dockerfile": { expect: "skipped", message: /NUL bytes/ },
  "onbuild-chains.Dockerfile": "audited",
  "only-continuations.Dockerfile": "audited",
  "png-image-named-dockerfile.Dockerfile": { expect: "skipped", message: /NUL bytes/ },
  "secrets-with-odd-bytes.Dockerfile": "audited",
  "self-referencing-stage.Dockerfile": "audited",
  "stage-cycle.Dockerfile": "audited",
  "tabs-everywhere.Dockerfile": "audited",
  "unicode-and-emoji.Dockerfile": "audited",
  "unknown-instructions.Dockerfile": { expect: "syntax", message: /FORM.*not a Dockerfile instruction/, line: 1 },
  "unterminated-double-quote-in-run.Dockerfile": { expect: "syntax", message: /closing quote/, line: 2 },
  "unterminated-heredoc.Dockerfile": { expect: "syntax", message: /never closed/, line: 3 },
  "unterminated-single-quote-in-run.Dockerfile": { expect: "syntax", message: /closing quote/, line: 2 },
  "very-long-image-reference.Dockerfile": "audited",
  "whitespace-only.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "compose.anchors-and-merges-heavy.yaml": "audited",
  "compose.billion-laughs.yaml": { expect: "syntax", message: /alias bomb/, line: 13 },
  "compose.bom-crlf.yaml": "audited",
  "compose.comments-only.yaml": "audited",
  "compose.complex-keys.yaml": "audited",
  "compose.cyclic-depends-on.yaml": "audited",
  "compose.cyclic-extends.yaml": "audited",
  "compose.deep-flow-nesting.yaml": { expect: "syntax", message: /more than 100 levels/, line: 4 },
  "compose.duplicate-keys.yaml": { expect: "syntax", message: /unique/, line: 4 },
  "compose.empty.yaml": "audited",
  "compose.interpolation-edge-cases.yaml": "audited",
  "compose.key-is-only-a-colon.yaml": { expect: "syntax", line: 2 },
  "compose.latin1-bytes.yaml": "audited",
  "compose.missing-alias.yaml": { expect: "syntax", message: /no anchor &defaults/, line: 3 },
  "compose.multi-document.yaml": "audited",
  "compose.null-services.yaml": "syntax",
  "compose.nul-bytes.yaml": { expect: "skipped", message: /NUL bytes/ },
  "compose.numbers-as-service-names.yaml": "audited",
  "compose.ports-and-volumes-garbage.yaml": "syntax",
  "compose.recursive-alias.yaml": { expect: "syntax", message: /inside its own anchor/, line: 2 },
  "compose.recursive-merge.yaml": { expect: "syntax", message: /inside its own anchor/, line: 2 },
  "compose.self-depends-on.yaml": "audited",
  "compose.services-as-list.yaml": { expect: "syntax", message: /must be a mapping/, line: 2 },
  "compose.tabs-indentation.yaml": { expect: "syntax", message: /Tabs/, line: 2 },
  "compose.tags-and-binary.yaml": "audited",
  "compose.top-level-list.yaml": { expect: "syntax", message: /mapping at the top level/, line: 1 },
  "compose.top-level-scalar.yaml": { expect: "syntax", message: /mapping at the top level/, line: 1 },
  "compose.unicode-service-names.yaml": "audited",
  "compose.unterminated-quote.yaml": "syntax",
  "compose.whitespace-only.yaml": "audited",
  "compose.wrong-types-everywhere.yaml": "syntax",
  "compose.yaml-syntax-error.yaml": { expect: "syntax", line: 5 },
  "dockerignore-garbage/.dockerignore": "audited",
};

describe("hostile files of the corpus", () => {
  const fixtures = committedFixtures();

  it("has at least 50 files, each with an expectation", () => {
    expect(fixtures.length + GENERATED.length).toBeGreaterThanOrEqual(50);
    expect(fixtures.map((f) => f.name).filter((n) => !(n in EXPECT))).toEqual([]);
    expect(Object.keys(EXPECT).filter((n) => !fixtures.some((f) => f.name === n))).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (name, f) => checkHostile(name, f.content, EXPECT[name] ?? "audited"), 120_000);
});

