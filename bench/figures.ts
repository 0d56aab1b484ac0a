// Cost of figures and dates: extraction time of the PolNeAR corpus with and without the figures and dates stages,
// measured in the same run (target: they add at most 25% to the extraction time). Runnable alone:
//   node --import tsx bench/figures.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

export async function benchFigures(rounds = 7): Promise<string> {
  const docs = articles();
  const words = countWords(docs.map((d) => d.text));
  const without = defaultStages.filter((s) => !OURS.has(s.name));
  const timeOf = (stages: typeof defaultStages) => {
    const t0 = performance.now();
    for (const d of docs) runPipeline(d, stages);
    return performance.now() - t0;
  };
  // warm up both, then alternate so drift in the machine's speed hits both sides alike
  timeOf(without);
  timeOf(defaultStages);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(timeOf(without));
    b.push(timeOf(defaultStages));
  }
  const base = Math.min(...a);
  const full = Math.min(...b);
  let figures = 0;
  let dates = 0;
  for (const d of docs) {
    const out = runPipeline(d, defaultStages);
    figures += out.layers.figures?.length ?? 0;
    dates += out.layers.dates?.length ?? 0;
  }
  const added = (full / base - 1) * 100;
  return [
    `figures + dates on ${docs.length} PolNeAR articles, ${words} words (best of ${rounds} alternating runs, one core):`,
    `  without (${without.map((s) => s.name).join(", ")})  ${base.toFixed(0)} ms`,
    `  with    (${defaultStages.map((s) => s.name).join(", ")})  ${full.toFixed(0)} ms`,
    `  figures + dates add ${added.toFixed(1)}% to extraction time (target ≤ 25%); ${figures} figures, ${dates} dates found`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await benchFigures());
