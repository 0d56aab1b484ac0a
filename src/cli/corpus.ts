import { readDocuments } from "../corpus/read.js";
import { linkCorpus } from "../link/batch.js";
import type { LinkResult } from "../link/model.js";
import type { Document } from "../model/document.js";
import { runPipeline } from "../pipeline/pipeline.js";
import { linkUnlinked, loadLinkedDocuments, loadLinkResult } from "../store/links.js";
import { readOptions, reportRejection, type ReadFlags } from "./options.js";
import { openStore } from "./store.js";

export interface Corpus {
  docs: Document[];
  links: LinkResult;
  /** Inputs refused while reading files (always 0 for the store). */
  rejected: number;
}

/**
 * The corpus `analyze` and `export` work on: the given files, analysed and linked in memory (nothing stored),
 * or, with no paths, the store's documents and the ledger linked as they were ingested.
 */
export async function loadCorpus(
  paths: readonly string[],
  flags: ReadFlags & { data?: string },
): Promise<Corpus> {
  if (paths.length === 0) {
    const db = await openStore(flags);
    try {
      await linkUnlinked(db, (doc) => runPipeline(doc));
      return { docs: await loadLinkedDocuments(db), links: await loadLinkResult(db), rejected: 0 };
    } finally {
      await db.close();
    }
  }
  const docs: Document[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  for await (const event of readDocuments(paths, readOptions(flags))) {
    if (event.kind === "rejected") {
      rejected++;
      reportRejection(event.error);
    } else if (event.kind === "document" && !seen.has(event.doc.id)) {
      seen.add(event.doc.id);
      docs.push(event.doc);
    }
  }
  return { docs, links: linkCorpus(docs), rejected };
}
