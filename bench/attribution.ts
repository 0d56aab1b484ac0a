// Attribution extraction speed on PolNeAR texts (target: ≥ 200,000 words/s per core), next to a bare
// tokenize + split-sentences pass measured in the same run. Runnable alone: node --import tsx bench/attribution.ts
import { attributionStage } from "../src/attribution/stage.js";
import { runPipeline } from "../src/pipeline/pipeline.js";
import { cleanStage } from "../src/pipeline/stages/clean.js";
import { segmentStage } from "../src/pipeline/stages/segment.js";
import { benchDocument, bestOf, countWords, polnearTexts } from "./corpus.js";


export async function benchAttribution(runs = 5): Promise<string> {
  const texts = polnearTexts();
  const words = countWords(texts);
  const docs = texts.map((t) => benchDocument(t));
  const segmented = docs.map((d) => runPipeline(d, [cleanStage, segmentStage]));
  const rate = (ms: number) => Math.round(words / (ms / 1000)).toLocaleString("en").padStart(11);
  let attributions = 0;
  // Reference: tokens and sentences only (the segment stage over the raw text, no cleaning).
  const reference = bestOf(runs, () => {
    for (const d of docs) segmentStage.run(d);
  });
  // The attribution stage alone, on documents already segmented.
  const stageOnly = bestOf(runs, () => {
    attributions = 0;
    for (const d of segmented) attributions += attributionStage.run(d).attributions?.length ?? 0;
  });
  // The whole per-document pipeline up to attributions: clean + segment + attributions.
  const pipeline = bestOf(runs, () => {
    for (const d of docs) runPipeline(d, [cleanStage, segmentStage, attributionStage]);
  });
  return [
    `attribution speed on ${texts.length} PolNeAR articles, ${words} words, ${attributions} attributions (best of ${runs}, one core):`,
    `  reference: tokenize + split sentences        ${rate(reference)} words/s`,
    `  attribution stage alone                      ${rate(stageOnly)} words/s  (${(stageOnly / reference).toFixed(2)}x the reference time)`,
    `  clean + segment + attributions (per document) ${rate(pipeline)} words/s  (${(pipeline / reference).toFixed(2)}x the reference time; target ≥ 200,000 words/s)`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchAttribution());
