import type { Command } from "commander";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ingestPaths } from "../../corpus/ingest.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/inputs.js";
import { countDocuments, loadDocuments } from "../../store/documents.js";
import { EXIT } from "../exit-codes.js";
import { dataOption } from "../options.js";
import { describeStore, openStore } from "../store.js";
import { parsePort, serveUntilStopped } from "./serve.js";

interface Flags {
  data?: string;
  serve: boolean;
  host: string;
  port: string;
}

/** The bundled example corpus: articles we wrote, as several outlets covering the same events. */
export const EXAMPLE_CORPUS = fileURLToPath(new URL("../../../examples/corpus/", import.meta.url));

export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "ingest the bundled example corpus into the store, summarise what was found, then serve the web UI over it",
    )
    .addOption(dataOption())
    .option("--no-serve", "stop after the summary instead of serving the web UI")
    .option("--host <host>", "address the web UI binds to", "127.0.0.1")
    .option("--port <port>", "port of the web UI", "8080")
    .action(async (flags: Flags) => {
      const port = parsePort(flags.port);
      const db = await openStore(flags, { thread: true });
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
        process.exitCode = run.rejected > 0 ? EXIT.rejected : EXIT.ok;
        if (!flags.serve) {
          out.write(`\nNext: claimtrace analyze --format json   (the whole store as claimtrace.report/1)\n`);
          return;
        }
        // The ingest page needs the write token: a fresh random one for this session unless one is given.
        const token = process.env.CLAIMTRACE_TOKEN || randomBytes(18).toString("base64url");
        await serveUntilStopped({ db, token, host: flags.host, port }, (url) =>
          out.write(
            `\nWeb UI:      ${url}\n` +
              `API:         ${url}api  (documented at ${url}api/openapi.json)\n` +
              `Write token: ${token}  (for the Ingest page${process.env.CLAIMTRACE_TOKEN ? ", from CLAIMTRACE_TOKEN" : ", made for this session"})\n` +
              `Ctrl-C stops the server. Next time: claimtrace serve, or claimtrace analyze --format json\n`,
          ),
        );
      } finally {
        await db.close();
      }
    });
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
