export const SPACE = 32;
export const TAB = 9;
export const NL = 10;
export const BACKSLASH = 92;

export const DIGITS = /^[0-9]+$/;

export const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
export const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `$@ $* $# $? $- $$ $!` */
export const isSpecialParam = (c: number): boolean => c === 64 || c === 42 || c === 35 || c === 63 || c === 45 || c === 36 || c === 33;
/** Ends an unquoted word: blanks, newline and `; & | < > ( )`. */
export const isWordEnd = (c: number): boolean =>
  c < 0 || c === SPACE || c === TAB || c === NL || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41;
export const isKeywordChar = (c: number): boolean => (c >= 97 && c <= 122) || c === 123 || c === 125 || c === 91 || c === 93 || c === 33;
