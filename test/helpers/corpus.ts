import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared/corpus` beside the clone; tests that need it skip with a printed reason when absent. */
export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");
export const hasCorpus = existsSync(CORPUS);

export function describeWithCorpus(name: string, body: () => void): void {
  if (hasCorpus) {
    describe(name, body);
  } else {
    describe.skip(name, body);
    // eslint-disable-next-line no-console
    console.log(`skipped "${name}": ${CORPUS} is absent (the shared corpus sits beside the clone in CI)`);
  }
}
