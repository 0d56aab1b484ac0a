/**
 * PolNeAR evaluation: `npm run eval:polnear -- --split dev|test|train [--floor] [--limit N] [--errors source|cue|content]`.
 * Reads the corpus from ../shared/eval-data (or $CLAIMTRACE_EVAL_DATA) at run time; nothing of it is copied
 * into the repository. Tune on train/dev; run test once per reported result.
 *
 * Rules + learned tagger: `--learned` trains the tagger on `--train-on train` (or `train,dev`; `--train-limit N`
 * files, `--epochs E`, `--bits B`) before evaluating, and `--save PATH` keeps the model (outside the repository);
 * `--model PATH` evaluates a model trained before. The trained model is never committed: it is derived from PolNeAR.
 */
import { readFileSync } from "node:fs";
import { LearnedTagger, POLNEAR_NEW_CUE_MARGIN } from "../src/attribution/learned/model.js";
import { polnearTrainingDocuments } from "../src/attribution/learned/polnear.js";
import { prepareDocument, trainTagger } from "../src/attribution/learned/train.js";
import { prf } from "./lib/score.js";
import { evaluate, formatResult, polnearAvailable, evalDataRoot, ROLES, type EvalResult, type Role } from "./lib/polnear.js";
import { normalise } from "./lib/score.js";

export const FLOORS_FILE = new URL("./polnear-floors.json", import.meta.url);

/** Floors on dev exact-span F1 (percent) that CI holds the extractor to. */
export function readFloors(): Record<Role, number> {
  return JSON.parse(readFileSync(FLOORS_FILE, "utf8")).dev as Record<Role, number>;
}

export function floorFailures(r: EvalResult, floors: Record<Role, number>): string[] {
  return ROLES.filter((role) => 100 * prf(r.roles[role].exact).f < floors[role]).map(
    (role) => `${role}: exact F1 ${(100 * prf(r.roles[role].exact).f).toFixed(1)} < floor ${floors[role]}`,
  );
}

function printErrors(r: EvalResult, role: Role, max: number): void {
  let shown = 0;
  for (const { file, text, predicted } of r.details) {
    const key = (s: { start: number; end: number }) => {
      const n = normalise(text, s);
      return n ? `${n.start}:${n.end}` : "";
    };
    const gold = file.relations.flatMap((g) => (role === "content" ? g.content : role === "cue" ? g.cue : (g.source ?? [])));
    const pred = predicted.flatMap((a) => (role === "content" ? a.content : a[role] ? [a[role]!] : []));
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set(pred.map(key));
    const ctx = (s: { start: number; end: number }) => `${text.slice(Math.max(0, s.start - 50), s.start)}[[${text.slice(s.start, s.end)}]]${text.slice(s.end, s.end + 30)}`.replace(/\n/g, "¶");
    for (const p of pred) if (!goldKeys.has(key(p)) && shown++ < max) console.log(`FP ${role}: ${ctx(p)}`);
    for (const g of gold) if (!predKeys.has(key(g)) && shown++ < max) console.log(`FN ${role}: ${ctx(g)}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const split = opt("--split") ?? "dev";
  if (!["train", "dev", "test"].includes(split)) throw new Error(`--split must be train, dev or test (got ${split})`);
  if (!polnearAvailable()) {
    console.error(`PolNeAR not found under ${evalDataRoot()} (set CLAIMTRACE_EVAL_DATA)`);
    process.exit(2);
  }
  const limit = opt("--limit") ? Number(opt("--limit")) : undefined;
  let model: LearnedTagger | null = null;
  if (opt("--model")) model = LearnedTagger.load(opt("--model")!);
  else if (args.includes("--learned")) {
    const trainOn = (opt("--train-on") ?? "train").split(",");
    if (trainOn.includes(split)) throw new Error(`--train-on ${trainOn.join(",")} includes the split evaluated (${split})`);
    const t0 = performance.now();
    const docs = polnearTrainingDocuments(evalDataRoot(), trainOn, opt("--train-limit") ? Number(opt("--train-limit")) : Infinity).map(prepareDocument);
    const t1 = performance.now();
    model = trainTagger(docs, {
      epochs: opt("--epochs") ? Number(opt("--epochs")) : undefined,
      bits: opt("--bits") ? Number(opt("--bits")) : undefined,
      stages: opt("--stages") ? (Number(opt("--stages")) as 1 | 2 | 3) : undefined,
      newCueMargin: POLNEAR_NEW_CUE_MARGIN,
      folds: opt("--folds") ? Number(opt("--folds")) : undefined,
      seed: opt("--seed") ? Number(opt("--seed")) : undefined,
      onEpoch: (stage, e, errors) => console.error(`${stage}, epoch ${e}: ${errors} token errors`),
      trainedOn: { corpus: "PolNeAR", splits: trainOn },
    });
    console.log(`trained on ${trainOn.join("+")}: ${docs.length} annotation files; features ${((t1 - t0) / 1000).toFixed(1)} s, training ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    if (opt("--save")) model.save(opt("--save")!);
  }
  if (model && opt("--new-cue-margin")) model.newCueMargin = Number(opt("--new-cue-margin"));
  const r = evaluate(split, { limit, model });
  console.log(formatResult(r));
  const errors = opt("--errors") as Role | undefined;
  if (errors) printErrors(r, errors, Number(opt("--max") ?? 60));
  if (args.includes("--floor")) {
    const failures = floorFailures(r, readFloors());
    if (failures.length) {
      console.error(`below floor:\n  ${failures.join("\n  ")}`);
      process.exit(1);
    }
    console.log("floors held");
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) await main();
