/**
 * A reader that stops early (`dockaudit check . | head`) closes the pipe: the rest of the output
 * has nowhere to go, which is no error of the program, and its exit code stands.
 */
export function ignoreClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
}
