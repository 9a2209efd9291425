/** What ends a list of statements: the end of the text, a `)`, a `;;`, or one of some reserved words. */
export interface Stop {
  eof?: boolean;
  paren?: boolean;
  caseItem?: boolean;
  words?: ReadonlySet<string>;
}

export const STOP_EOF: Stop = { eof: true };
export const STOP_PAREN: Stop = { paren: true };
export const STOP_BLOCK: Stop = { words: new Set(["}"]) };
export const STOP_THEN: Stop = { words: new Set(["then"]) };
export const STOP_IF_BODY: Stop = { words: new Set(["elif", "else", "fi"]) };
export const STOP_FI: Stop = { words: new Set(["fi"]) };
export const STOP_DO: Stop = { words: new Set(["do"]) };
export const STOP_DONE: Stop = { words: new Set(["done"]) };
export const STOP_CASE_ITEM: Stop = { caseItem: true, words: new Set(["esac"]) };
