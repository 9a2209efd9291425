/**
 * What becomes of a failed write of the output. A reader that stops early (`dockaudit check . | head`)
 * closes the pipe: the rest of the output has nowhere to go, which is no error of the program, and
 * its exit code stands. Any other failure (a full disk, an I/O error) loses the report, which must
 * not pass for a run that printed it: it is named on stderr and the run exits 2.
 */
export function outputGuard(stderr: NodeJS.WriteStream = process.stderr): { failed: () => boolean; onError: (e: unknown) => void } {
  let failed = false;
  const onError = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EPIPE" || failed) return;
    failed = true;
    try {
      stderr.write(`dockaudit: could not write the output: ${code ?? (e as Error).message}\n`);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
  };
  return { failed: () => failed, onError };
}

const rethrowUnlessClosed = (e: unknown) => {
  if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
};

/** Routes the streams' asynchronous write errors (a pipe's) to `onError`; by default only a closed pipe is ignored. */
export function ignoreClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr], onError: (e: unknown) => void = rethrowUnlessClosed): void {
  for (const stream of streams) stream.on("error", onError);
}
