/**
 * NewsQuant evaluation (CQE, EMNLP 2023): 590 news sentences with gold quantities. Scores value F1 and value+unit F1
 * exactly as the CQE evaluation script does (evaluate_models.py `calculate_metrics`), so the numbers compare with
 * the published ones (CQE: 92.0 value, 85.6 value+unit). The data are read at run time from ../shared/eval-data
 * (or $CLAIMTRACE_EVAL_DATA) and never copied into this repository.
 *
 *   npm run eval:newsquant              scores
 *   npm run eval:newsquant -- --errors  also lists every sentence with a miss or a spurious quantity
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readQuantities, type Quantity } from "../src/figures/grammar.js";

export interface GoldQuantity {
  value: string;
  unit: string;
  normalized_unit: string;
  change: string;
}

export interface NewsQuantSentence {
  text: string;
  quantities: GoldQuantity[];
}

export interface Prediction {
  value: number | [number, number];
  unit: string;
}

export interface Scores {
  sentences: number;
  gold: number;
  predicted: number;
  value: { p: number; r: number; f1: number };
  valueUnit: { p: number; r: number; f1: number };
}

const here = dirname(fileURLToPath(import.meta.url));

/** The eval-data folder: $CLAIMTRACE_EVAL_DATA, else ../shared/eval-data next to the repository. */
export function evalDataDir(): string {
  return process.env.CLAIMTRACE_EVAL_DATA ?? resolve(here, "..", "..", "shared", "eval-data");
}

export function newsQuantPath(): string {
  return join(evalDataDir(), "newsquant", "data", "formatted_test_set", "NewsQuant.json");
}

export function loadNewsQuant(path = newsQuantPath()): NewsQuantSentence[] | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as NewsQuantSentence[];
}

/** What our grammar reads in a sentence, in the evaluation's terms: every quantity that is an amount. */
export function predict(text: string): Prediction[] {
  return readQuantities(text)
    .filter((q: Quantity) => q.role === "quantity")
    .map((q) => ({
      value: q.value !== null ? q.value : ([q.first ?? 0, q.second ?? 0] as [number, number]),
      unit: q.unit ?? "-",
    }));
}

function decodeGold(v: string): number | [number, number] {
  if (!v.includes("E") && !v.startsWith("-") && v.includes("-")) {
    const [a, b] = v.split("-");
    return [Number(a), Number(b)];
  }
  return Number(v);
}

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

function valuesMatch(gold: number | [number, number], model: number | [number, number]): boolean {
  if (Array.isArray(gold) && Array.isArray(model)) return isClose(model[0], gold[0]) && isClose(model[1], gold[1]);
  if (Array.isArray(gold) || Array.isArray(model)) return false;
  return isClose(model, gold);
}

function prf(tp: number, gold: number, predicted: number): { p: number; r: number; f1: number } {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 1000) / 10;
  return { p: round(p), r: round(r), f1: round(f1) };
}

/** CQE's matching, step for step: greedy per gold quantity over predictions sorted by unit. */
export function score(data: readonly NewsQuantSentence[], errors?: string[]): Scores {
  let gold = 0;
  let predicted = 0;
  let correctValue = 0;
  let correctUnit = 0;
  for (const sentence of data) {
    const preds = predict(sentence.text);
    gold += sentence.quantities.length;
    predicted += preds.length;
    let tags = [...preds].sort((a, b) => cmp(a.unit, b.unit));
    const gts = [...sentence.quantities].sort((a, b) => cmp(a.normalized_unit, b.normalized_unit));
    let remaining = gts.length;
    const misses: string[] = [];
    for (const g of gts) {
      const gv = decodeGold(g.value);
      const gu = g.normalized_unit.toLowerCase();
      let valueFound = false;
      let unitFound = false;
      for (const t of tags) {
        if (!valuesMatch(gv, t.value)) continue;
        valueFound = true;
        if (remaining > 0) {
          correctValue++;
          remaining--;
        }
        if (t.unit.toLowerCase() === gu) {
          correctUnit++;
          unitFound = true;
          tags = tags.filter((x) => x !== t);
          break;
        }
      }
      if (!valueFound) misses.push(`  miss  ${g.value} ${g.normalized_unit}`);
      else if (!unitFound) misses.push(`  unit  ${g.value} gold "${g.normalized_unit}"`);
    }
    if (errors) {
      const spurious = preds.filter((p) => !gts.some((g) => valuesMatch(decodeGold(g.value), p.value)));
      for (const p of spurious) misses.push(`  extra ${JSON.stringify(p.value)} ${p.unit}`);
      for (const m of misses) if (m.startsWith("  unit")) {
        const pred = preds.map((p) => `${JSON.stringify(p.value)}:${p.unit}`).join(", ");
        misses.push(`        ours: ${pred}`);
        break;
      }
      if (misses.length) errors.push(sentence.text, ...misses);
    }
  }
  return { sentences: data.length, gold, predicted, value: prf(correctValue, gold, predicted), valueUnit: prf(correctUnit, gold, predicted) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function main(): Promise<void> {
  const data = loadNewsQuant();
  if (!data) {
    console.error(`NewsQuant not found at ${newsQuantPath()} (set CLAIMTRACE_EVAL_DATA to the eval-data folder)`);
    process.exit(2);
  }
  const errors: string[] | undefined = process.argv.includes("--errors") ? [] : undefined;
  const t0 = performance.now();
  const s = score(data, errors);
  const ms = performance.now() - t0;
  if (errors) console.log(errors.join("\n"));
  console.log(`NewsQuant: ${s.sentences} sentences, ${s.gold} gold quantities, ${s.predicted} predicted (${ms.toFixed(0)} ms)`);
  console.log(`value       P ${s.value.p.toFixed(1)}  R ${s.value.r.toFixed(1)}  F1 ${s.value.f1.toFixed(1)}   (CQE 92.0)`);
  console.log(`value+unit  P ${s.valueUnit.p.toFixed(1)}  R ${s.valueUnit.r.toFixed(1)}  F1 ${s.valueUnit.f1.toFixed(1)}   (CQE 85.6)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
