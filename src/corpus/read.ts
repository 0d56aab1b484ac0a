import { InputError } from "../ingest/errors.js";
import { titleAfterCleaning, toDocument } from "../ingest/document.js";
import { listInputs, readBytes, readInput, type RawArticle, type ReadOptions } from "../ingest/inputs.js";
import type { Document } from "../model/document.js";
import { runPipeline } from "../pipeline/pipeline.js";

export type ReadEvent =
  | { kind: "document"; doc: Document }
  | { kind: "rejected"; error: InputError }
  /** Emitted after each input file, for progress display. */
  | { kind: "progress"; done: number; total: number };

/**
 * Reads every input under `paths` and runs the per-document pipeline on each article. Problems with one input
 * are yielded as rejections and the rest go on; anything else (a bug) propagates.
 */
export async function* readDocuments(
  paths: readonly string[],
  options: ReadOptions,
): AsyncGenerator<ReadEvent> {
  const { files, errors } = await listInputs(paths);
  for (const error of errors) yield { kind: "rejected", error };
  let done = 0;
  for (const file of files) {
    try {
      const { articles, errors: recordErrors } = await readInput(file, options);
      for (const error of recordErrors) yield { kind: "rejected", error };
      for (const article of articles)
        yield { kind: "document", doc: titleAfterCleaning(runPipeline(toDocument(article))) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield { kind: "rejected", error: e };
    }
    yield { kind: "progress", done: ++done, total: files.length };
  }
}

/** Articles from in-memory inputs (uploads, request bodies), as the same events as files give. */
export function* readBuffers(
  inputs: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  options: ReadOptions,
): Generator<ReadEvent> {
  for (const input of inputs) {
    try {
      const { articles, errors } = readBytes(input.name, input.bytes, options);
      for (const error of errors) yield { kind: "rejected", error };
      for (const article of articles) yield { kind: "document", doc: analyse(article) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield { kind: "rejected", error: e };
    }
  }
}

/** The per-document pipeline on one article. */
export function analyse(article: RawArticle) {
  return titleAfterCleaning(runPipeline(toDocument(article)));
}
