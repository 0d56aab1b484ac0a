// Cost of figures and dates: extraction time of the PolNeAR corpus with and without the figures and dates stages,
// and with and without the figures stage alone, measured in the same run (target: figure extraction adds at most
// 25% to the extraction time; read as the figures stage, see the target line). Part of `npm run bench`; alone: npm run bench -- figures
import { fileURLToPath } from "node:url";
import { documentToJson } from "../src/contract/document-json.js";
import type { Document } from "../src/model/document.js";
import { defaultStages, runPipeline } from "../src/pipeline/pipeline.js";
import { benchDocument, countWords, polnearArticles, type BenchArticle } from "./corpus.js";

const OURS = new Set(["dates", "figures"]);

type Raw = BenchArticle;

const raws = (): Raw[] => polnearArticles();

function ingest(r: Raw): Document {
  return benchDocument(r.text, r.source, r.publishedAt);
}

/**
 * Two measures, each with and without the figures and dates stages, alternating runs in one process and keeping
 * the best of each (the least disturbed by other work on the machine):
 *  - pipeline: the per-document stages alone, on documents ingested beforehand;
 *  - extraction: what `claimtrace extract --format jsonl` does per article after reading it: build the document,
 *    run the stages, serialise the claimtrace.document/1 line (figures and dates included when they run).
 */
export async function benchFigures(rounds = 11): Promise<string> {
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
  // CPU time of this process rather than wall-clock time: on a shared machine other processes' load stretches wall
  // time unevenly between the alternating runs, while the work done is the same.
  const time = (fn: () => unknown) => {
    const t0 = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t0);
    return (used.user + used.system) / 1000;
  };
  // The figures stage reads the dates layer (a number inside a date is no figure), so "figures alone" keeps the
  // dates stage in both runs: what the figures stage itself adds, next to what figures and dates add together.
  const withoutFigures = defaultStages.filter((s) => s.name !== "figures");
  const pairs: Array<[string, () => unknown, () => unknown, string]> = [
    ["pipeline", pipeline(without), pipeline(defaultStages), "figures + dates"],
    ["extraction", extraction(without), extraction(defaultStages), "figures + dates"],
    ["extraction", extraction(withoutFigures), extraction(defaultStages), "figures alone"],
  ];
  const added: Record<string, number> = {};
  const lines = [`figures + dates on ${docs.length} PolNeAR articles, ${words} words (best of ${rounds} alternating runs, CPU time):`];
  for (const [name, base, full, what] of pairs) {
    base();
    full(); // warm up
    let a = Infinity;
    let b = Infinity;
    // ABBA: a run leaves garbage that the next run's collector pays for, so each side follows the other as often
    // as it precedes it
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) {
        a = Math.min(a, time(base));
        b = Math.min(b, time(full));
      } else {
        b = Math.min(b, time(full));
        a = Math.min(a, time(base));
      }
    }
    added[`${name} ${what}`] = (b / a - 1) * 100;
    lines.push(`  ${name.padEnd(10)} without ${a.toFixed(0).padStart(5)} ms   with ${b.toFixed(0).padStart(5)} ms   ${what} add ${((b / a - 1) * 100).toFixed(1)}%`);
  }
  let figures = 0;
  let dates = 0;
  for (const d of docs) {
    const out = runPipeline(d, defaultStages);
    figures += out.layers.figures?.length ?? 0;
    dates += out.layers.dates?.length ?? 0;
  }
  lines.push(`  stages without: ${without.map((s) => s.name).join(", ")}; with: ${defaultStages.map((s) => s.name).join(", ")}`);
  // The target is read as the figures stage: the dates stage is its own layer, which also dates the attributions
  // (their statement dates), and runs whether or not figures are extracted. Both are printed.
  const alone = added["extraction figures alone"]!;
  lines.push(
    `  target: figure extraction adds at most 25% to extraction time: figures stage ${alone.toFixed(1)}%, ${alone <= 25 ? "met" : "NOT met"}` +
      ` (with the dates stage too: ${added["extraction figures + dates"]!.toFixed(1)}%); ${figures} figures and ${dates} dates found`,
  );
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await benchFigures());
