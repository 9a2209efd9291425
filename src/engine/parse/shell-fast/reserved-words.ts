export const RESERVED = new Set([
  "if", "then", "elif", "else", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "select",
  "function", "time", "coproc", "{", "}", "[[", "]]", "!", "let", "export", "declare", "local", "readonly", "typeset", "nameref",
]);
export const DECLARATIONS = new Set(["export", "declare", "local", "readonly", "typeset", "nameref"]);
/** What `Cursor.keywordAt` returns when it cannot tell. */
export const UNCERTAIN = "\0";

export const couldBeReserved = (run: string): boolean => [...RESERVED].some((r) => r.startsWith(run));
