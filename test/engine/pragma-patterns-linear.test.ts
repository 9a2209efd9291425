import { bestOfThree } from "../support/best-of-three.js";
import { FILE_PRAGMAS, LINE_PRAGMAS } from "../../src/engine/suppress.js";

/**
 * Every comment line of a file is tried against the pragma patterns, so each must stay linear on
 * a long hostile line: option lists full of separators and blanks, runs of name characters, no
 * final match. A backtracking pattern takes minutes on these; a linear one a few milliseconds.
 */
const BUDGET_MS = 250;
const LENGTH = 200_000;
const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length));
const BODIES = [fill(";    "), fill(" ; "), fill("a;"), fill("a, "), fill("=a "), fill("\t"), fill("skip=a;"), fill("ignore=a,")];
const PREFIXES = ["# check=", "# check=skip=", "# dockaudit ignore=", "# dockaudit ignore-file=", "# hadolint ignore=", "# hadolint global ignore=", "# checkov:skip=", "# dclint disable-file ", "# dclint disable-next-line "];

describe("pragma patterns", () => {
  it.each([...FILE_PRAGMAS, ...LINE_PRAGMAS].map((re) => [String(re), re] as const))("%s stays linear on long hostile lines", (_, re) => {
    for (const prefix of PREFIXES) {
      for (const body of BODIES) {
        const line = `${prefix}${body}#`;
        expect(bestOfThree(() => re.test(line), BUDGET_MS)).toBeLessThan(BUDGET_MS);
      }
    }
  });
});
