import { GENERATED } from "../fixtures/hostile/generate.js";
import { checkHostile } from "./support.js";

// The large hostile files (5 MB, 1 MB lines, 2,000 services, 10,000 environment entries, 10,000
// levels of nesting...), generated at test time and checked like the committed ones. Apart from
// hostile-files.test.ts so that jest runs the two in parallel.
describe("generated hostile files", () => {
  it.each(GENERATED.map((g) => [g.name, g] as const))("%s", (name, g) => checkHostile(name, g.build(), g.expect), 300_000);
});
