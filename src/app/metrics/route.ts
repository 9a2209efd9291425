/** Segments whose successor is a variable, and its name. */
const VARIABLE_AFTER: Record<string, string> = { trees: "{sha}", blobs: "{sha}", commits: "{ref}", collaborators: "{username}", users: "{username}" };

/**
 * A request's route with its variable parts replaced, for a metric label that stays a short list:
 * `GET https://api.github.com/repos/acme/web/pulls/12/files?page=2` →
 * `GET /repos/{owner}/{repo}/pulls/{id}/files`. Pure.
 */
export function routeOf(method: string, url: string): string {
  let path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/[?#].*$/, "").replace(/^\/api\/v3(?=\/)/, "");
  if (path === "/api/graphql") path = "/graphql";
  const parts = path.split("/");
  const out = [parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i];
    const prev = parts[i - 1];
    if (parts[1] === "repos" && i === 2) out.push("{owner}");
    else if (parts[1] === "repos" && i === 3) out.push("{repo}");
    else if (prev === "contents") {
      out.push("{path}");
      break;
    } else if (VARIABLE_AFTER[prev] && i > 1) out.push(VARIABLE_AFTER[prev]);
    else if (/^\d+$/.test(p)) out.push("{id}");
    else out.push(p);
  }
  return `${method.toUpperCase()} ${out.join("/") || "/"}`;
}
