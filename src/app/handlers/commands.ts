export type Command = "recheck" | "help";

/** `/dockaudit recheck` or `/dockaudit help` alone on a line of the comment; anything else is not for us. */
export function parseCommand(body: string | null | undefined): Command | null {
  for (const line of (body ?? "").split(/\r?\n/)) {
    const m = /^\s*\/dockaudit(?:\s+(\S+))?\s*$/i.exec(line);
    if (!m) continue;
    const word = (m[1] ?? "help").toLowerCase();
    return word === "recheck" || word === "rerun" ? "recheck" : "help";
  }
  return null;
}

export const HELP_TEXT = [
  "**dockaudit** audits the Dockerfiles, Compose files and .dockerignore files this pull request changes.",
  "",
  "| Command | What it does |",
  "|---|---|",
  "| `/dockaudit recheck` | Audits the pull request's current head again and refreshes the `dockaudit` check and review. |",
  "| `/dockaudit help` | Shows this message. |",
  "",
  "Commands are taken from users with write or admin access to the repository. The configuration is `.github/dockaudit.yml` on the default branch.",
].join("\n");
