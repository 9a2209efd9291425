/**
 * One measuring process for one peer linter, loaded through its library API from the
 * benchmark-only folder bench/peers/ (never a dependency of dockaudit). Each pass loops over the
 * given files in this one process, reading each from disk as the peer's own CLI would.
 * A file the peer throws on is reported (index and error) and counted out of the pass; the
 * benchmark then re-runs the pass without it. If the peer takes the whole process down, the
 * progress lines name the file it was working on.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { collectYoungGarbage } from "./collect-garbage.js";
import { progress, serve, type Request } from "./ipc.js";
import { repoRoot } from "./corpus.js";
import type { PeerName } from "./peer-driver-types.js";


const PEERS_DIR = join(repoRoot(), "bench", "peers");
const require = createRequire(join(PEERS_DIR, "package.json"));

type LintOne = (abs: string) => number;

interface DclintModule {
  DCLinter: new (config: { rules: Record<string, never>; quiet: boolean; debug: boolean; exclude: string[] }) => {
    lintFiles(paths: string[], recursive: boolean): { messages: unknown[] }[];
  };
}

function load(peer: PeerName): LintOne {
  switch (peer) {
    case "dclint": {
      const { DCLinter } = require("dclint") as DclintModule;
      // No config file: every rule at its default level, as `dclint file.yml` runs.
      const linter = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] });
      return (abs) => linter.lintFiles([abs], false).reduce((n, r) => n + r.messages.length, 0);
    }
    case "dockerfilelint": {
      const lib = require("dockerfilelint") as { run(configDir: string, content: string): unknown[] };
      // The directory it looks for a .dockerfilelintrc in: none there, so its default rules.
      return (abs) => lib.run(PEERS_DIR, readFileSync(abs, "utf8")).length;
    }
    case "dockerfile-utils": {
      const lib = require("dockerfile-utils") as { validate(content: string): unknown[] };
      return (abs) => lib.validate(readFileSync(abs, "utf8")).length;
    }
  }
}

function version(peer: PeerName): string {
  return (require(`${peer}/package.json`) as { version: string }).version;
}

let lint: LintOne | null = null;

serve((req: Request) => {
  switch (req.cmd) {
    case "init": {
      const peer = req.peer as PeerName;
      const t0 = performance.now();
      lint = load(peer);
      return { loadMs: performance.now() - t0, version: version(peer), pid: process.pid };
    }
    case "pass": {
      if (!lint) throw new Error("init first");
      const files = req.files as string[];
      const withProgress = req.progress === true;
      const crashed: { index: number; error: string }[] = [];
      let issues = 0;
      collectYoungGarbage();
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < files.length; i++) {
        if (withProgress) progress(i);
        try {
          issues += lint(files[i]);
        } catch (e) {
          crashed.push({ index: i, error: e instanceof Error ? e.message.split("\n")[0] : String(e) });
        }
      }
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, files: files.length, issues, crashed, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
    }
    default:
      throw new Error(`unknown command ${req.cmd}`);
  }
});
