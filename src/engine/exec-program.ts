/**
 * The program element of an exec-form command (`CMD ["npm start"]`, Compose
 * `entrypoint: ["npm start"]`) that holds a whole command line: the runtime execs a program
 * literally named `npm start`, which does not exist ("executable file not found in $PATH").
 */
export interface CommandLine {
  /** The element split on whitespace: `["npm", "start"]`. */
  words: string[];
  /**
   * True when every word means the same as a separate element: no quotes, expansions, globs,
   * redirections or operators, which only a shell would interpret, and no shell builtin.
   */
  plain: boolean;
}

/** A program name looked up in PATH: `npm`, `python3`, `docker-entrypoint.sh`. */
const BARE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
/** A Unix path without spaces in its own name: `/usr/bin/curl`, `./start.sh`. */
const UNIX_PATH = /^\.{0,2}\/?(?:[A-Za-z0-9_.+@-]+\/)*[A-Za-z0-9_.+@-]+$/;
/** A word that means the same with and without a shell. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Shell builtins with no program of the same name: splitting them into words still fails. */
const SHELL_ONLY = new Set(["cd", "export", "source", ".", "eval", "set", "unset", "ulimit", "umask", "alias", "trap", "exit", "return", "shift", "readonly", "wait", "read", "local", "declare", "typeset", "hash", "times", "getopts"]);

/**
 * The command line an exec-form program element holds, or null when it is a program name that
 * may be real. A bare name followed by more words (`npm start`) is a command line; so is a path
 * followed by an option or by another absolute path (`/usr/bin/curl -f …`, `./run.sh /etc/app`).
 * A path that may itself contain a space (`/opt/My App/bin/x`, `C:\Program Files\…`), and a
 * first word with a backslash or a `$` (`$APP serve`, whose program is not known) are left alone.
 */
export function commandLine(value: string): CommandLine | null {
  const text = value.trim();
  if (!/\s/.test(text) || /^[A-Za-z]:/.test(text)) return null;
  const words = text.split(/\s+/);
  const [first, second] = words;
  if (/[\\$]/.test(first)) return null;
  const isCommandLine = BARE_NAME.test(first) || (first.includes("/") && UNIX_PATH.test(first) && /^[-/]/.test(second));
  if (!isCommandLine) return null;
  return { words, plain: !SHELL_ONLY.has(first) && words.every((w) => PLAIN.test(w)) };
}

/** An option and its value in one element (`--smp 1`): only meaningful to a program that splits it. */
const JOINED_OPTION = /^--?[A-Za-z][\w.-]*\s+\S/;

/**
 * True when arguments after the program hold an option and its value in one element
 * (`["redpanda start", "--smp 1"]`): whatever receives them splits them into words itself (an
 * image entrypoint script that expands them unquoted), so the program element is not exec'd as is.
 */
export function splitByReceiver(args: readonly string[]): boolean {
  return args.some((a) => JOINED_OPTION.test(a.trim()));
}
