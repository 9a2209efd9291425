export type Command = "recheck" | "help";

/**
 * A line of the comment that starts with `/dockaudit`: its first word is the command (words after
 * it are the author's own); anything else is not for us, nor is a line inside a fenced code block,
 * where the command is shown, not given.
 */
export function parseCommand(body: string | null | undefined): Command | null {
  let fence: string | null = null;
  for (const line of (body ?? "").split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null) continue;
    const m = /^\s*\/dockaudit(?:\s+([^\s,.;:!?]+))?(?:[\s,.;:!?].*)?$/i.exec(line);
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
