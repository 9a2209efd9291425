/**
 * Knowledge about Python application servers started from a command line (a Compose `command:`,
 * a Dockerfile CMD): which of them would serve with a single worker process.
 */
export interface SingleWorker {
  tool: "uvicorn" | "gunicorn";
  /** Index of the word to point at: the server's name, or its `--workers 1` flag. */
  at: number;
  /** True when a worker count of 1 is written out (`-w 1`), false when it is uvicorn's default. */
  explicit: boolean;
}

const base = (w: string): string => w.slice(w.lastIndexOf("/") + 1);
const SERVERS = new Set(["uvicorn", "gunicorn"]);

/**
 * Finds `uvicorn` without `--workers` (or with `--workers 1`) and without `--reload`, and
 * `gunicorn -w 1` / `--workers=1`, in one command line's words (`python -m uvicorn` too).
 * `env` holds the variables the process gets: uvicorn and gunicorn read WEB_CONCURRENCY.
 */
export function singleWorkerServer(words: readonly string[], env: Readonly<Record<string, string | null>> = {}): SingleWorker | null {
  let at = words.findIndex((w, i) => SERVERS.has(base(w)) || (w === "-m" && SERVERS.has(words[i + 1] ?? "")));
  if (at < 0) return null;
  if (words[at] === "-m") at++;
  const tool = base(words[at]) as SingleWorker["tool"];
  const args = words.slice(at + 1);
  if (tool === "gunicorn" && gunicornThreaded(args)) return null;
  const flags = tool === "uvicorn" ? ["--workers"] : ["-w", "--workers"];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const flag = flags.find((f) => a === f || a.startsWith(`${f}=`) || (f === "-w" && /^-w\d+$/.test(a)));
    if (!flag) continue;
    const value = a === flag ? args[i + 1] ?? "" : a.slice(flag.length).replace(/^=/, "");
    return value.trim() === "1" ? { tool, at: at + 1 + i, explicit: true } : null;
  }
  if (tool === "gunicorn") return null; // its default comes from config files too
  if (args.includes("--reload") || "WEB_CONCURRENCY" in env || "UVICORN_WORKERS" in env) return null;
  return { tool, at, explicit: false };
}

/**
 * True when gunicorn's `--threads N` (`--threads=N`) gives each worker more than one thread: the
 * gthread worker then serves N requests at once. A count written with a variable is taken as more.
 */
export function gunicornThreaded(args: readonly string[]): boolean {
  const at = args.findIndex((a) => a === "--threads" || a.startsWith("--threads="));
  if (at < 0) return false;
  const count = args[at] === "--threads" ? args[at + 1] ?? "" : args[at].slice("--threads=".length);
  return !/^\d+$/.test(count) || Number(count) > 1;
}
