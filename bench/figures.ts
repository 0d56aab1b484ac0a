// Cost of figures and dates: extraction time of the PolNeAR corpus with and without the figures and dates stages,
// measured in the same run (target: they add at most 25% to the extraction time). Runnable alone:
//   node --import tsx bench/figures.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentToJson } from "../src/contract/document-json.js";
import { toDocument } from "../src/ingest/document.js";
import type { Document } from "../src/model/document.js";
import { defaultStages, runPipeline } from "../src/pipeline/pipeline.js";
import { EVAL_DATA, countWords } from "./corpus.js";

const OURS = new Set(["dates", "figures"]);

/** PolNeAR articles with the publication date their file names carry ("nyt_2016-09-02_…"), so dates resolve. */
function articles(): Document[] {
  const docs: Document[] = [];
  for (const split of ["train", "dev", "test"]) {
    const dir = join(EVAL_DATA, "polnear", "data", split, "text");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const publishedAt = /_(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1] ?? null;
      docs.push(
        toDocument({
          source: name,
          format: "txt",
          text: readFileSync(join(dir, name), "utf8"),
          encoding: "UTF-8",
          excluded: [],
          title: null,
          byline: null,
          outlet: null,
          url: null,
          language: "en",
          publishedAt,
          publishedAtSource: publishedAt ? "record" : "none",
        }),
      );
    }
  }
  if (docs.length === 0) throw new Error(`no PolNeAR texts under ${EVAL_DATA} (set CLAIMTRACE_EVAL_DATA)`);
  return docs;
}

interface Raw {
  source: string;
  text: string;
  publishedAt: string | null;
}

/** PolNeAR articles as raw records, with the publication date their file names carry ("nyt_2016-09-02_…"). */
function raws(): Raw[] {
  return articles().map((d) => ({ source: d.source, text: d.text, publishedAt: d.publishedAt }));
}

function ingest(r: Raw): Document {
  return toDocument({
    source: r.source,
    format: "txt",
    text: r.text,
    encoding: "UTF-8",
    excluded: [],
    title: null,
    byline: null,
    outlet: null,
    url: null,
    language: "en",
    publishedAt: r.publishedAt,
    publishedAtSource: r.publishedAt ? "record" : "none",
  });
}

/**
 * Two measures, each with and without the figures and dates stages, alternating runs in one process and keeping
 * the best of each (the least disturbed by other work on the machine):
 *  - pipeline: the per-document stages alone, on documents ingested beforehand;
 *  - extraction: what `claimtrace extract --format jsonl` does per article after reading it: build the document,
 *    run the stages, serialise the claimtrace.document/1 line (figures and dates included when they run).
 */
export async function benchFigures(rounds = 7): Promise<string> {
  const records = raws();
  const docs = records.map(ingest);
  const words = countWords(records.map((r) => r.text));
  const without = defaultStages.filter((s) => !OURS.has(s.name));
  const pipeline = (stages: typeof defaultStages) => () => {
    for (const d of docs) runPipeline(d, stages);
  };
  const extraction = (stages: typeof defaultStages) => () => {
    let bytes = 0;
    for (const r of records) bytes += JSON.stringify(documentToJson(runPipeline(ingest(r), stages))).length;
    return bytes;
  };
  const time = (fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const pairs: Array<[string, () => unknown, () => unknown]> = [
    ["pipeline", pipeline(without), pipeline(defaultStages)],
    ["extraction", extraction(without), extraction(defaultStages)],
  ];
  const lines = [`figures + dates on ${docs.length} PolNeAR articles, ${words} words (best of ${rounds} alternating runs, one core):`];
  for (const [name, base, full] of pairs) {
    base();
    full(); // warm up
    let a = Infinity;
    let b = Infinity;
    for (let r = 0; r < rounds; r++) {
      a = Math.min(a, time(base));
      b = Math.min(b, time(full));
    }
    lines.push(`  ${name.padEnd(10)} without ${a.toFixed(0).padStart(5)} ms   with ${b.toFixed(0).padStart(5)} ms   figures + dates add ${((b / a - 1) * 100).toFixed(1)}%`);
  }
  let figures = 0;
  let dates = 0;
  for (const d of docs) {
    const out = runPipeline(d, defaultStages);
    figures += out.layers.figures?.length ?? 0;
    dates += out.layers.dates?.length ?? 0;
  }
  lines.push(`  stages without: ${without.map((s) => s.name).join(", ")}; with: ${defaultStages.map((s) => s.name).join(", ")}`);
  lines.push(`  target: figures + dates add at most 25% to extraction time; ${figures} figures and ${dates} dates found`);
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await benchFigures());
