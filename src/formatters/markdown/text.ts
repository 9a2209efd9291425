/** Small Markdown helpers shared by the summary sections. */

/**
 * Escapes a value for a table cell: pipes and line breaks would break the row, `<` would start
 * HTML, and the rest of Markdown's punctuation (an image, a link, emphasis, a code span) would make
 * markup of the pull request's text.
 */
export function cell(value: string): string {
  return inertReferences(value.replace(/[\\`*_[\]>~&|]/g, "\\$&").replace(/</g, "&lt;").replace(LINE_BREAK, " "));
}

/**
 * Inline code inside a table cell. A pipe splits the row even inside a code span unless escaped,
 * and the escape is the only one a code span there takes: any other backslash shows as written.
 */
export function codeCell(value: string): string {
  return code(value.replace(/\|/g, "\\|"));
}

/** Any Markdown line ending: a bare carriage return ends a line too. */
export const LINE_BREAK = /\r\n?|\n/g;

/**
 * Messages quote the pull request's own text (service names, image references, commands), and a
 * backtick in it ends the code span around it: `@name` or `org/repo#1` would then notify that user
 * or mark that issue wherever the Markdown is posted (the bot's comments, a CI job posting the CLI's
 * summary), and so would `GH-12`, GitHub's other spelling of `#12`. A word joiner after such an
 * `@`, `#` or `GH-` keeps them inert. GitHub links none of them inside a
 * code span, so spans are left as written; anything else gets the joiner, right after a span's
 * closing backtick too, and after a backtick that opens no span (or is escaped).
 */
export function inertReferences(markdown: string): string {
  const inert = (text: string) =>
    text
      .replace(/(?<!\w)@(?=[A-Za-z0-9])/g, "@\u2060")
      .replace(/#(?=\d)/g, "#\u2060")
      .replace(/(?<!\w)(GH-)(?=\d)/gi, "$1\u2060");
  let out = "";
  let from = 0;
  for (let i = 0; i < markdown.length; ) {
    if (markdown[i] === "\\") {
      i += 2;
      continue;
    }
    if (markdown[i] !== "`") {
      i++;
      continue;
    }
    const run = runLength(markdown, i);
    const close = closingRun(markdown, i + run, run);
    if (close < 0) {
      i += run;
      continue;
    }
    out += inert(markdown.slice(from, i)) + markdown.slice(i, close + run);
    i = from = close + run;
  }
  return out + inert(markdown.slice(from));
}

/**
 * Message text as Markdown: code spans are kept as they are, and elsewhere the characters that
 * would make markup (emphasis, links, images, HTML, entities) are escaped. Rules put the pull
 * request's values in code spans, but not always: `**b**` in a port must show as written.
 */
export function plainOutsideCode(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const tick = text.indexOf("`", i);
    if (tick < 0) break;
    const run = runLength(text, tick);
    const close = closingRun(text, tick + run, run);
    out += escapeMarkup(text.slice(i, tick));
    if (close < 0) {
      out += "\\`".repeat(run);
      i = tick + run;
    } else {
      out += text.slice(tick, close + run);
      i = close + run;
    }
  }
  return out + escapeMarkup(text.slice(i));
}

/** Where a backtick run of exactly `length` starts at or after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** How many backticks follow one another from `at`. */
function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === "`") end++;
  return end - at;
}

const escapeMarkup = (text: string) => text.replace(/[\\*_[\]<>~&]/g, "\\$&");

/**
 * Inline code that survives backticks inside the value. A code span shows a line break as a space,
 * so one is written as a space: a new line could start a heading or a list.
 */
export function code(text: string): string {
  const value = text.replace(LINE_BREAK, " ");
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((100 * part) / whole)}%` : "–";
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}

/** GitHub's size limits behave like UTF-8 bytes, so budgets count bytes, not characters. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * The first `max` UTF-16 code units of `text`, one fewer when the cut would keep half of a
 * character outside the BMP (an emoji): a lone surrogate is not Unicode, and a strict JSON parser
 * refuses the request that carries it.
 */
export function cutChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes, at a line break when one is close. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let cut = Buffer.from(text, "utf8").subarray(0, Math.max(0, maxBytes)).toString("utf8");
  if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
  const newline = cut.lastIndexOf("\n");
  return newline > cut.length / 2 ? cut.slice(0, newline + 1) : cut;
}
