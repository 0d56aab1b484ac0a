import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { toDocument } from "../src/ingest/document.js";
import type { Document } from "../src/model/document.js";

/** Evaluation data lives beside the repository in ../shared and is read at run time, never copied in. */
export const EVAL_DATA = process.env.CLAIMTRACE_EVAL_DATA ?? fileURLToPath(new URL("../../shared/eval-data/", import.meta.url));

/** The raw article texts of PolNeAR (all splits): a realistic news corpus for speed measurements. */
export function polnearTexts(limit = Infinity): string[] {
  const texts: string[] = [];
  for (const split of ["train", "dev", "test"]) {
    const dir = join(EVAL_DATA, "polnear", "data", split, "text");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (texts.length >= limit) return texts;
      texts.push(readFileSync(join(dir, name), "utf8"));
    }
  }
  if (texts.length === 0) throw new Error(`no PolNeAR texts under ${EVAL_DATA} (set CLAIMTRACE_EVAL_DATA)`);
  return texts;
}

export function countWords(texts: readonly string[]): number {
  let words = 0;
  for (const t of texts) words += t.split(/\s+/).filter(Boolean).length;
  return words;
}

/** Best of several timed runs of `fn`, in milliseconds (the minimum is the least disturbed by the machine). */
export function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** A plain-text document for benchmarks, before any stage has run. */
export function benchDocument(text: string): Document {
  return toDocument({
    source: "bench",
    format: "txt",
    text,
    encoding: "UTF-8",
    excluded: [],
    title: null,
    byline: null,
    outlet: null,
    url: null,
    language: "en",
    publishedAt: null,
    publishedAtSource: "none",
  });
}
