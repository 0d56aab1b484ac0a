import type { Command } from "commander";
import { Option } from "commander";
import { documentToJson } from "../../contract/document-json.js";
import { readDocuments } from "../../corpus/read.js";
import { EXIT } from "../exit-codes.js";
import { maxBytesOption, publishedOption, readOptions, reportRejection, type ReadFlags } from "../options.js";

export function extractCommand(program: Command): void {
  program
    .command("extract")
    .description(
      "analyse articles and print one claimtrace.document/1 JSON line per document (nothing is stored)",
    )
    .argument("<paths...>", "files, directories, or - for standard input")
    .addOption(new Option("--format <format>", "output format").choices(["jsonl"]).default("jsonl"))
    .addOption(publishedOption())
    .addOption(maxBytesOption())
    .action(async (paths: string[], flags: ReadFlags) => {
      let rejected = 0;
      const seen = new Map<string, string>();
      for await (const event of readDocuments(paths, readOptions(flags))) {
        if (event.kind === "rejected") {
          rejected++;
          reportRejection(event.error);
        } else if (event.kind === "document") {
          const first = seen.get(event.doc.id);
          if (first) {
            process.stderr.write(`claimtrace: skipped ${event.doc.source}: same content as ${first}\n`);
            continue;
          }
          seen.set(event.doc.id, event.doc.source);
          await write(JSON.stringify(documentToJson(event.doc)) + "\n");
        }
      }
      process.exitCode = rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
}

/** Writes to stdout respecting back-pressure, so huge outputs piped into a slow reader do not pile up in memory. */
export function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}
