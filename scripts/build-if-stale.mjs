// Runs `tsc -p tsconfig.build.json` unless dist/ is newer than every source file and config it is
// built from. Each build rewrites every output, so the entry points' times stand for the whole
// build; a missing one makes it stale.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY_POINTS = ["bench/run.js", "src/app/server.js", "src/app/audit-worker-thread.js", "src/cli/main.js"];
const SKIP = new Set(["node_modules", "peers"]);

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!SKIP.has(entry)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const sources = ["src", "rules", "bench", "tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((p) => join(root, p)).filter(existsSync);
const built = Math.min(...ENTRY_POINTS.map((p) => join(root, "dist", p)).map((p) => (existsSync(p) ? statSync(p).mtimeMs : -1)));
if (built > Math.max(...sources.map(newest))) {
  console.log("dist/ is up to date: not rebuilt");
} else {
  const run = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  process.exit(run.status ?? 1);
}
