import { runPipeline, defaultStages } from "../src/pipeline/pipeline.js";
import { cleanStage } from "../src/pipeline/stages/clean.js";
import { segmentStage } from "../src/pipeline/stages/segment.js";
import { tokenize } from "../src/pipeline/stages/tokenize.js";
import { benchDocument, bestOf, countWords, polnearTexts } from "./corpus.js";


/**
 * Words per second of the per-document pipeline on PolNeAR texts, next to a bare tokenizer pass measured in
 * the same run (the reference): the ratio, not the absolute figure, is what compares across machines.
 */
export async function benchPipeline(): Promise<string> {
  const texts = polnearTexts();
  const words = countWords(texts);
  const docs = texts.map((t) => benchDocument(t));
  const rate = (ms: number) => Math.round(words / (ms / 1000));
  const bare = bestOf(3, () => {
    for (const t of texts) tokenize(t);
  });
  const cleanSegment = bestOf(3, () => {
    for (const d of docs) runPipeline(d, [cleanStage, segmentStage]);
  });
  const full = bestOf(3, () => {
    for (const d of docs) runPipeline(d, defaultStages);
  });
  const lines = [
    `pipeline speed on ${texts.length} PolNeAR articles, ${words} words (best of 3, one core):`,
    `  reference: bare tokenizer           ${rate(bare).toLocaleString("en")} words/s`,
    `  clean + segment                     ${rate(cleanSegment).toLocaleString("en")} words/s  (${(cleanSegment / bare).toFixed(2)}x the reference time)`,
    `  full pipeline (${defaultStages.map((s) => s.name).join(", ")})  ${rate(full).toLocaleString("en")} words/s  (${(full / bare).toFixed(2)}x the reference time)`,
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchPipeline());
