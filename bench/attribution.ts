// Attribution extraction speed on PolNeAR texts (target: ≥ 200,000 words/s per core), next to a bare
// tokenize + split-sentences pass measured in the same run. Runnable alone: node --import tsx bench/attribution.ts
// With CLAIMTRACE_ATTRIBUTION_MODEL naming a trained model (claimtrace train-attributions), the stage with the
// learned tagger is measured too. Without PolNeAR, the example corpus's .txt articles are used instead.
import { readdirSync, readFileSync } from "node:fs";
import { LearnedTagger } from "../src/attribution/learned/model.js";
import { attributionStageWith } from "../src/attribution/stage.js";
import { runPipeline } from "../src/pipeline/pipeline.js";
import { cleanStage } from "../src/pipeline/stages/clean.js";
import { segmentStage } from "../src/pipeline/stages/segment.js";
import { benchDocument, bestOf, countWords, polnearTexts } from "./corpus.js";

const EXAMPLES = new URL("../examples/corpus/", import.meta.url);

function benchTexts(): { texts: string[]; corpus: string } {
  try {
    const texts = polnearTexts();
    return { texts, corpus: `${texts.length} PolNeAR articles` };
  } catch {
    const one = readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(new URL(f, EXAMPLES), "utf8"));
    // Repeated so that a pass lasts long enough to time.
    const texts = Array.from({ length: 100 }, () => one).flat();
    return { texts, corpus: `the example corpus's ${one.length} .txt articles ×100 (PolNeAR not found)` };
  }
}

export async function benchAttribution(runs = 5): Promise<string> {
  const { texts, corpus } = benchTexts();
  const words = countWords(texts);
  const docs = texts.map((t) => benchDocument(t));
  const segmented = docs.map((d) => runPipeline(d, [cleanStage, segmentStage]));
  const rate = (ms: number) => Math.round(words / (ms / 1000)).toLocaleString("en").padStart(11);
  const rulesStage = attributionStageWith(() => null);
  let attributions = 0;
  // Reference: tokens and sentences only (the segment stage over the raw text, no cleaning).
  const reference = bestOf(runs, () => {
    for (const d of docs) segmentStage.run(d);
  });
  // The attribution stage alone, on documents already segmented.
  const stageOnly = bestOf(runs, () => {
    attributions = 0;
    for (const d of segmented) attributions += rulesStage.run(d).attributions?.length ?? 0;
  });
  // The whole per-document pipeline up to attributions: clean + segment + attributions.
  const pipeline = bestOf(runs, () => {
    for (const d of docs) runPipeline(d, [cleanStage, segmentStage, rulesStage]);
  });
  const lines = [
    `attribution speed on ${corpus}, ${words} words, ${attributions} attributions (best of ${runs}, one core):`,
    `  reference: tokenize + split sentences        ${rate(reference)} words/s`,
    `  attribution stage alone                      ${rate(stageOnly)} words/s  (${(stageOnly / reference).toFixed(2)}x the reference time)`,
    `  clean + segment + attributions (per document) ${rate(pipeline)} words/s  (${(pipeline / reference).toFixed(2)}x the reference time; target ≥ 200,000 words/s)`,
  ];
  const modelPath = process.env.CLAIMTRACE_ATTRIBUTION_MODEL;
  if (modelPath) {
    const model = LearnedTagger.load(modelPath);
    const learnedStage = attributionStageWith(() => model);
    let learned = 0;
    const learnedOnly = bestOf(runs, () => {
      learned = 0;
      for (const d of segmented) learned += learnedStage.run(d).attributions?.length ?? 0;
    });
    const learnedPipeline = bestOf(runs, () => {
      for (const d of docs) runPipeline(d, [cleanStage, segmentStage, learnedStage]);
    });
    lines.push(
      `  with the learned tagger (${modelPath}; ${learned} attributions):`,
      `  attribution stage alone, rules + learned      ${rate(learnedOnly)} words/s  (${(learnedOnly / reference).toFixed(2)}x the reference time; ${(learnedOnly / stageOnly).toFixed(2)}x rules only)`,
      `  clean + segment + attributions, + learned    ${rate(learnedPipeline)} words/s  (${(learnedPipeline / reference).toFixed(2)}x the reference time; target ≥ 200,000 words/s)`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchAttribution());
