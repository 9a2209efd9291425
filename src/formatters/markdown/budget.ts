import { byteLength } from "./text.js";

/** GitHub's cap on a check run's summary (and on review and comment bodies, give or take one). */
export const GITHUB_TEXT_LIMIT = 65_535;

/**
 * Accumulates Markdown blocks until a byte budget is spent. `add` refuses a block that does not
 * fit (returning false) so callers can stop and say what they left out.
 */
export class Budget {
  private parts: string[] = [];
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get remaining(): number {
    return this.maxBytes - this.used;
  }

  fits(block: string, reserve = 0): boolean {
    return byteLength(block) + 1 + reserve <= this.remaining;
  }

  add(block: string, reserve = 0): boolean {
    if (!this.fits(block, reserve)) return false;
    this.parts.push(block);
    this.used += byteLength(block) + 1;
    return true;
  }

  toString(): string {
    return this.parts.join("\n");
  }
}
