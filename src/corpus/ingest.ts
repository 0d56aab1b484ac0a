import type { ReadOptions } from "../ingest/inputs.js";
import type { InputError } from "../ingest/errors.js";
import type { Database } from "../store/database.js";
import type { Document } from "../model/document.js";
import {
  finishRun,
  recordRejection,
  saveDocuments,
  startRun,
  type RunCounts,
  type SaveOutcome,
} from "../store/documents.js";
import { LINK_BATCH, linkDocuments, linkUnlinked } from "../store/links.js";
import { analyzeIfGrown } from "../store/maintenance.js";
import { runPipeline } from "../pipeline/pipeline.js";
import { readDocuments, type ReadEvent } from "./read.js";

export interface IngestHooks {
  onRejected?(error: InputError): void;
  onProgress?(done: number, total: number): void;
  onDocument?(doc: Document, outcome: SaveOutcome): void;
}

export interface IngestSummary extends RunCounts {
  runId: number;
}

/** Reads, analyses and stores every input under `paths` as one ingestion run. */
export function ingestPaths(
  db: Database,
  paths: readonly string[],
  options: ReadOptions,
  command: string,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  return ingestEvents(db, readDocuments(paths, options), command, hooks);
}

/** Stores analysed documents (from files, uploads or request bodies) as one ingestion run. */
export async function ingestEvents(
  db: Database,
  events: AsyncIterable<ReadEvent> | Iterable<ReadEvent>,
  command: string,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  const runId = await startRun(db, command);
  const counts: RunCounts = { stored: 0, duplicates: 0, rejected: 0 };
  // Documents are stored, then joined to the ledger (entities, events, figure groups), a batch at a time: a batch
  // costs a fixed number of statements. A batch is stored whole or not at all; one stored but not linked (a run
  // stopped in between) is linked by linkUnlinked on the next run.
  const batch: Document[] = [];
  const flush = async () => {
    const docs = batch.splice(0);
    const outcomes = await saveDocuments(db, docs, runId);
    await linkDocuments(db, docs.filter((_, i) => outcomes[i] === "stored"));
    docs.forEach((doc, i) => {
      const outcome = outcomes[i]!;
      hooks.onDocument?.(doc, outcome);
      if (outcome === "stored") counts.stored++;
      else counts.duplicates++;
    });
  };
  for await (const event of events) {
    if (event.kind === "document") {
      if (batch.push(event.doc) >= LINK_BATCH) await flush();
    } else if (event.kind === "rejected") {
      counts.rejected++;
      await recordRejection(db, runId, event.error.input, event.error.reason);
      hooks.onRejected?.(event.error);
    } else hooks.onProgress?.(event.done, event.total);
  }
  await flush();
  // Documents stored but never linked (by an older version, or a run stopped between the two steps).
  await linkUnlinked(db, (doc) => runPipeline(doc));
  await analyzeIfGrown(db);
  await finishRun(db, runId, counts);
  return { runId, ...counts };
}
