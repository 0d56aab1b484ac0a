import cliProgress from "cli-progress";

/** A progress bar on stderr for long batches, only when a person is watching (a terminal). */
export function progressBar(label: string, quiet = false) {
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done: number, total: number) {
      if (quiet || !process.stderr.isTTY || total < 10) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} files`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    /** Prints a line above the bar without breaking it. */
    log(line: string) {
      if (bar) process.stderr.write(`\r\x1b[2K${line}\n`);
      else process.stderr.write(`${line}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
