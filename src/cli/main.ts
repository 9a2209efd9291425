#!/usr/bin/env node
import { ignoreClosedPipes, outputGuard } from "./closed-pipe.js";
import { main } from "./run.js";

const guard = outputGuard();
ignoreClosedPipes(undefined, guard.onError);
/** A file or terminal is written synchronously, so its errors are thrown rather than emitted. */
const write = (stream: NodeJS.WriteStream) => (s: string) => {
  try {
    stream.write(s);
  } catch (e) {
    guard.onError(e);
  }
};
const code = main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr), isTTY: !!process.stdout.isTTY, env: process.env });
process.exitCode = guard.failed() ? 2 : code;
process.on("beforeExit", () => {
  if (guard.failed()) process.exitCode = 2;
});
