#!/usr/bin/env node
import { main } from "./run.js";

// A reader that stops early (`dockaudit check . | head`) closes the pipe: the rest of the output
// has nowhere to go, which is no error of the run, and the run's exit code stands.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
}

process.exitCode = main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
});
