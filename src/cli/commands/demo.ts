import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { ingestPaths } from "../../corpus/ingest.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/inputs.js";
import { countDocuments, loadDocuments } from "../../store/documents.js";
import { EXIT } from "../exit-codes.js";
import { dataOption } from "../options.js";
import { describeStore, openStore } from "../store.js";

/** The bundled example corpus: articles we wrote, as several outlets covering the same events. */
export const EXAMPLE_CORPUS = fileURLToPath(new URL("../../../examples/corpus/", import.meta.url));

export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled example corpus into the store and summarise what was found")
    .addOption(dataOption())
    .action(async (flags: { data?: string }) => {
      const db = await openStore(flags);
      try {
        const run = await ingestPaths(db, [EXAMPLE_CORPUS], { maxBytes: DEFAULT_MAX_BYTES }, "demo", {
          onRejected: (e) => process.stderr.write(`claimtrace: rejected ${e.message}\n`),
        });
        const docs = await loadDocuments(db);
        const out = process.stdout;
        out.write(
          `Example corpus: stored ${run.stored} new, ${run.duplicates} already stored, ${run.rejected} rejected.\n`,
        );
        out.write(`Store ${describeStore(flags)} now holds ${await countDocuments(db)} documents:\n`);
        for (const d of docs) {
          const sentences = d.layers.sentences?.length ?? 0;
          const furniture = d.excluded.length;
          out.write(
            `  ${d.publishedAt ?? "(undated)  "}  ${(d.outlet ?? "?").padEnd(22)} ${truncate(d.title ?? d.source, 60).padEnd(60)}  ${sentences} sentences, ${furniture} excluded\n`,
          );
        }
        out.write(`\nNext: claimtrace analyze --format json   (the whole store as claimtrace.report/1)\n`);
        process.exitCode = run.rejected > 0 ? EXIT.rejected : EXIT.ok;
      } finally {
        await db.close();
      }
    });
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
