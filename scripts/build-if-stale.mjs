// Runs `tsc -p tsconfig.build.json` unless dist/ is newer than every source file and config it is
// built from. Each build rewrites every output, so one output's time stands for the whole build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, "dist", "bench", "run.js");
const SKIP = new Set(["node_modules", "peers"]);

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (!SKIP.has(entry)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const sources = ["src", "rules", "bench", "tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((p) => join(root, p)).filter(existsSync);
const built = existsSync(output) ? statSync(output).mtimeMs : -1;
if (built > Math.max(...sources.map(newest))) {
  console.log("dist/ is up to date: not rebuilt");
} else {
  const run = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  process.exit(run.status ?? 1);
}
