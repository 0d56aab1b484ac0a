import type { Command } from "commander";
import { Option } from "commander";
import { reportToJson } from "../../contract/document-json.js";
import { readDocuments } from "../../corpus/read.js";
import type { Document } from "../../model/document.js";
import { linkToJson, type LinkJson } from "../../link/json.js";
import { runPipeline } from "../../pipeline/pipeline.js";
import { linkUnlinked, loadLinkedDocuments, loadLinkResult } from "../../store/links.js";
import { EXIT } from "../exit-codes.js";
import {
  dataOption,
  maxBytesOption,
  publishedOption,
  readOptions,
  reportRejection,
  type ReadFlags,
} from "../options.js";
import { openStore } from "../store.js";
import { write } from "./extract.js";

interface Flags extends ReadFlags {
  data?: string;
}

export function analyzeCommand(program: Command): void {
  program
    .command("analyze")
    .description(
      "analyse a corpus as a whole and print one claimtrace.report/1 JSON object: the given files (in memory), or the store when no path is given",
    )
    .argument("[paths...]", "files, directories, or - for standard input; none means everything in the store")
    .addOption(new Option("--format <format>", "output format").choices(["json"]).default("json"))
    .addOption(publishedOption())
    .addOption(maxBytesOption())
    .addOption(dataOption())
    .action(async (paths: string[], flags: Flags) => {
      const docs: Document[] = [];
      let rejected = 0;
      let links: LinkJson | undefined;
      if (paths.length === 0) {
        // The store: its documents with their claims, and the ledger linked as they were ingested.
        const db = await openStore(flags);
        try {
          await linkUnlinked(db, (doc) => runPipeline(doc));
          docs.push(...(await loadLinkedDocuments(db)));
          links = linkToJson(await loadLinkResult(db));
        } finally {
          await db.close();
        }
      } else {
        const seen = new Set<string>();
        for await (const event of readDocuments(paths, readOptions(flags))) {
          if (event.kind === "rejected") {
            rejected++;
            reportRejection(event.error);
          } else if (event.kind === "document" && !seen.has(event.doc.id)) {
            seen.add(event.doc.id);
            docs.push(event.doc);
          }
        }
      }
      // Files are analysed and linked in memory; nothing is stored.
      await write(JSON.stringify(reportToJson(docs, links)) + "\n");
      process.exitCode = rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
}
