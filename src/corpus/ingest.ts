import type { ReadOptions } from "../ingest/inputs.js";
import type { InputError } from "../ingest/errors.js";
import type { Database } from "../store/database.js";
import { finishRun, recordRejection, saveDocument, startRun, type RunCounts } from "../store/documents.js";
import { readDocuments } from "./read.js";

export interface IngestHooks {
  onRejected?(error: InputError): void;
  onProgress?(done: number, total: number): void;
}

export interface IngestSummary extends RunCounts {
  runId: number;
}

/** Reads, analyses and stores every input under `paths` as one ingestion run. */
export async function ingestPaths(
  db: Database,
  paths: readonly string[],
  options: ReadOptions,
  command: string,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  const runId = await startRun(db, command);
  const counts: RunCounts = { stored: 0, duplicates: 0, rejected: 0 };
  for await (const event of readDocuments(paths, options)) {
    if (event.kind === "document") {
      const outcome = await saveDocument(db, event.doc, runId);
      if (outcome === "stored") counts.stored++;
      else counts.duplicates++;
    } else if (event.kind === "rejected") {
      counts.rejected++;
      await recordRejection(db, runId, event.error.input, event.error.reason);
      hooks.onRejected?.(event.error);
    } else hooks.onProgress?.(event.done, event.total);
  }
  await finishRun(db, runId, counts);
  return { runId, ...counts };
}
