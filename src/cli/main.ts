#!/usr/bin/env node
import { ignoreClosedPipes } from "./closed-pipe.js";
import { main } from "./run.js";

ignoreClosedPipes();
process.exitCode = main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
});
