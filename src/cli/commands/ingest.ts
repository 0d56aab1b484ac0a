import type { Command } from "commander";
import { ingestPaths, type IngestSummary } from "../../corpus/ingest.js";
import { EXIT } from "../exit-codes.js";
import { dataOption, maxBytesOption, publishedOption, readOptions, type ReadFlags } from "../options.js";
import { progressBar } from "../progress.js";
import { describeStore, openStore } from "../store.js";

interface Flags extends ReadFlags {
  data?: string;
  quiet?: boolean;
}

export function ingestCommand(program: Command): void {
  program
    .command("ingest")
    .description("read articles, analyse them and store them (the same content is stored once)")
    .argument("<paths...>", "files, directories, or - for standard input")
    .addOption(publishedOption())
    .addOption(maxBytesOption())
    .addOption(dataOption())
    .option("-q, --quiet", "print only problems")
    .action(async (paths: string[], flags: Flags) => {
      process.exitCode = await runIngest(paths, flags);
    });
}

export async function runIngest(paths: string[], flags: Flags): Promise<number> {
  const options = readOptions(flags);
  const db = await openStore(flags);
  const bar = progressBar("ingesting", flags.quiet);
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(db, paths, options, `ingest ${paths.join(" ")}`, {
      onRejected: (e) => bar.log(`claimtrace: rejected ${e.message}`),
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
    await db.close();
  }
  if (!flags.quiet)
    process.stdout.write(
      `stored ${summary.stored}, duplicate ${summary.duplicates}, rejected ${summary.rejected} (run ${summary.runId}, store ${describeStore(flags)})\n`,
    );
  return summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
}
