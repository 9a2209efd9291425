import type { LineIndex } from "./text.js";

/** Names in a pragma are rule ids, codes or aliases; `lookup` turns each into rule ids. */
export interface Suppressions {
  fileWide: Set<string>;
  /** Rule ids suppressed for the statement that starts on a line (1-based). */
  byLine: Map<number, Set<string>>;
  /** Every pragma with its line, for the suppression-used rule. */
  pragmas: { line: number; names: string[] }[];
  /** Names in dockaudit's own pragmas that no rule has (nor ShellCheck, whose SC codes the shellcheck rule reads). */
  unknown: { line: number; name: string }[];
}

export const LINE_PRAGMAS: RegExp[] = [
  /^#\s*dockaudit\s+ignore\s*=\s*([^#]+)/i,
  /^#\s*hadolint\s+ignore\s*=\s*([^#]+)/i,
  /^#\s*checkov:skip\s*=\s*([\w,\s-]+)/i,
  /^#\s*dclint\s+disable-next-line\s+([\w,\s-]+)/i,
];
/**
 * dclint's comment for one line: on its own line for the next one, or at the end of the line it
 * is about; without names it disables every dclint check there.
 */
const DCLINT_DISABLE_LINE = /^#\s*dclint\s+disable-line(?![\w-])([\w,\s-]*)/i;
LINE_PRAGMAS.push(DCLINT_DISABLE_LINE);
/**
 * BuildKit's check directive, whose `skip` lists BuildKit check names or `all`, beside other
 * options in any order: `# check=skip=JSONArgsRecommended,StageNameCasing;error=true`.
 */
// Each option before `skip` ends at its own `;` (no blanks matched twice): linear on any line.
const BUILDKIT_CHECK_SKIP = /^#\s*check\s*=(?:[^#;]*;)*\s*skip\s*=\s*([\w,\s-]+)/i;

export const FILE_PRAGMAS: RegExp[] = [
  /^#\s*dockaudit\s+ignore-file\s*=\s*([^#]+)/i,
  /^#\s*hadolint\s+global\s+ignore\s*=\s*([^#]+)/i,
  BUILDKIT_CHECK_SKIP,
  /^#\s*dclint\s+disable-file(?![\w-])([\w,\s-]*)/i,
];
/** dclint's `# dclint disable [names]`: for the whole file, read only on its first line that is not blank or `---`. */
const DCLINT_DISABLE = /^#\s*dclint\s+disable(?![\w-])([\w,\s-]*)/i;
FILE_PRAGMAS.push(DCLINT_DISABLE);
/** dclint's checks, every one mirrored by a rule: a dclint comment without names disables them all. */
const DCLINT_CHECKS = [
  "no-build-and-image", "no-duplicate-container-names", "no-duplicate-exported-ports", "no-quotes-in-volumes", "no-unbound-port-interfaces",
  "no-version-field", "require-project-name-field", "require-quotes-in-ports", "service-container-name-regex", "service-dependencies-alphabetical-order",
  "service-image-require-explicit-tag", "service-keys-order", "service-ports-alphabetical-order", "services-alphabetical-order", "top-level-properties-order",
];
const DCLINT_PRAGMAS = new Set<RegExp>([DCLINT_DISABLE_LINE, DCLINT_DISABLE, FILE_PRAGMAS[3]]);

/**
 * A parser directive line (`# syntax=…`, `# escape=…`, `# check=…`). BuildKit reads directives only
 * in an unbroken run of such lines at the top of the file: any other line (a blank one, another
 * comment, an instruction) ends the run, and a `# check=` below it is a plain comment to BuildKit,
 * so it skips nothing (one inside a RUN's continuation, say).
 */
const DIRECTIVE = /^#\s*(syntax|escape|check)\s*=/i;
const ONLY_AS_DIRECTIVE = new Set<RegExp>([BUILDKIT_CHECK_SKIP]);

/** Pragmas that name one tool's checks: their names are that tool's aliases first (`buildkit:Name`). */
const TOOL_OF_PRAGMA = new Map<RegExp, string>([[BUILDKIT_CHECK_SKIP, "buildkit"]]);

const HASH = 35; // #
/** A word each pattern of FILE_PRAGMAS and LINE_PRAGMAS holds (`check` covers `checkov`). */
const PRAGMA_WORD = /dockaudit|hadolint|check|dclint/i;
const PRAGMA_GROUPS = [[FILE_PRAGMAS, true], [LINE_PRAGMAS, false]] as const;
/** dockaudit's own pragmas, whose names must be its rules' (other tools' name their own checks, which need no mirror). */
const OWN_PRAGMAS = new Set<RegExp>([LINE_PRAGMAS[0], FILE_PRAGMAS[0]]);

export function collectSuppressions(index: LineIndex, lookup: (name: string) => string[]): Suppressions {
  const result: Suppressions = { fileWide: new Set(), byLine: new Map(), pragmas: [], unknown: [] };
  let pending: Set<string> | null = null;
  let directives = true;
  /** No line but blanks and `---` seen yet: dclint reads `# dclint disable` only on the first other line. */
  let opening = true;
  const idsOf = (re: RegExp, names: string[]) =>
    !names.length && DCLINT_PRAGMAS.has(re) ? DCLINT_CHECKS.flatMap(lookup) : names.flatMap((n) => ruleIdsOf(n, TOOL_OF_PRAGMA.get(re), lookup));
  for (let line = 1; line <= index.lineCount; line++) {
    const raw = index.line(line);
    // Most lines start with a printable ASCII character other than `#`: a statement, no trim needed.
    const first = raw.charCodeAt(0);
    const statement = first > 32 && first < 127 && first !== HASH;
    const text = statement ? raw : raw.trim();
    if (directives) directives = !statement && DIRECTIVE.test(text);
    if (!text) continue;
    const firstLine = opening && text !== "---";
    if (text !== "---") opening = false;
    if (statement || !text.startsWith("#")) {
      // dclint's comment at the end of the line it is about (`image: nginx  # dclint disable-line`).
      const hash = raw.lastIndexOf("#");
      const tail = hash > 0 && /\s/.test(raw[hash - 1]) ? DCLINT_DISABLE_LINE.exec(raw.slice(hash)) : null;
      if (tail) {
        const names = tail[1].split(/[,\s]+/).filter(Boolean);
        result.pragmas.push({ line, names });
        for (const id of idsOf(DCLINT_DISABLE_LINE, names)) (pending ??= new Set()).add(id);
      }
      if (pending) result.byLine.set(line, pending);
      pending = null;
      continue;
    }
    // Every pragma names its tool; a plain comment is not matched against each pattern.
    if (!PRAGMA_WORD.test(text)) continue;
    for (const [pragmas, fileWide] of PRAGMA_GROUPS) {
      for (const re of pragmas) {
        if (!directives && ONLY_AS_DIRECTIVE.has(re)) continue;
        if (!firstLine && re === DCLINT_DISABLE) continue;
        const m = re.exec(text);
        if (!m) continue;
        const names = m[1].split(/[,\s]+/).filter(Boolean);
        result.pragmas.push({ line, names });
        if (OWN_PRAGMAS.has(re)) for (const n of names) if (!ruleIdsOf(n, undefined, lookup).length && !/^SC\d+$/i.test(n)) result.unknown.push({ line, name: n });
        const ids = idsOf(re, names);
        if (fileWide) ids.forEach((id) => result.fileWide.add(id));
        else ids.forEach((id) => (pending ??= new Set()).add(id));
      }
    }
  }
  return result;
}

/**
 * The rules a pragma's name suppresses. `all` is every rule, or in a tool's pragma every rule that
 * mirrors one of its checks (BuildKit's `check=skip=all` skips BuildKit's checks, not the others).
 */
function ruleIdsOf(name: string, tool: string | undefined, lookup: (name: string) => string[]): string[] {
  if (!tool) return name.toLowerCase() === "all" ? ["*"] : lookup(name);
  if (name.toLowerCase() === "all") return lookup(`${tool}:*`);
  const own = lookup(`${tool}:${name}`);
  return own.length ? own : lookup(name);
}

export function isSuppressed(s: Suppressions, ruleId: string, lines: number[]): boolean {
  if (s.fileWide.has(ruleId) || s.fileWide.has("*")) return true;
  return lines.some((l) => {
    const set = s.byLine.get(l);
    return !!set && (set.has(ruleId) || set.has("*"));
  });
}
