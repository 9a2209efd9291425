import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `../shared/corpus` beside the clone (DOCKAUDIT_CORPUS overrides it); tests that need it skip with
 * a printed reason when it is absent.
 */
export const CORPUS = process.env.DOCKAUDIT_CORPUS ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");
export const hasCorpus = existsSync(CORPUS);

/** Like `describe`, but when the corpus is absent the body never runs: one skipped test says why. */
export function describeWithCorpus(name: string, body: () => void): void {
  if (hasCorpus) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it.skip(`needs the shared corpus at ${CORPUS}`, () => undefined);
  });
  // eslint-disable-next-line no-console
  console.log(`skipped "${name}": ${CORPUS} is absent (the shared corpus sits beside the clone in CI)`);
}
