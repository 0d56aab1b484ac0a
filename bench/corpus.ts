import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { plainTextDocument } from "../src/ingest/document.js";
import type { Document } from "../src/model/document.js";

/** Evaluation data lives beside the repository in ../shared and is read at run time, never copied in. */
export const EVAL_DATA =
  process.env.CLAIMTRACE_EVAL_DATA ?? fileURLToPath(new URL("../../shared/eval-data/", import.meta.url));

export interface BenchArticle {
  source: string;
  text: string;
  /** The date PolNeAR file names carry ("nyt_2016-09-02_…"), so that relative dates resolve. */
  publishedAt: string | null;
}

/** The raw articles of PolNeAR (all splits): a realistic news corpus for speed measurements. */
export function polnearArticles(limit = Infinity): BenchArticle[] {
  const articles: BenchArticle[] = [];
  for (const split of ["train", "dev", "test"]) {
    const dir = join(EVAL_DATA, "polnear", "data", split, "text");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (articles.length >= limit) return articles;
      const publishedAt = /_(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1] ?? null;
      articles.push({ source: name, text: readFileSync(join(dir, name), "utf8"), publishedAt });
    }
  }
  if (articles.length === 0)
    throw new Error(`no PolNeAR texts under ${EVAL_DATA} (set CLAIMTRACE_EVAL_DATA)`);
  return articles;
}

export function polnearTexts(limit = Infinity): string[] {
  return polnearArticles(limit).map((a) => a.text);
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
export function benchDocument(text: string, source = "bench", publishedAt: string | null = null): Document {
  return plainTextDocument(text, { source, publishedAt });
}
