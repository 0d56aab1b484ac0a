import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AttributionModel } from "../../src/attribution/learned/model.js";
import { attributionStageWith } from "../../src/attribution/stage.js";
import type { Attribution } from "../../src/model/claims.js";
import type { Document } from "../../src/model/document.js";
import { overlaps, type Span } from "../../src/model/span.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { cleanStage } from "../../src/pipeline/stages/clean.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";
import { readSplit, type GoldFile } from "./brat.js";
import { matchSpans, prf, relationKey, zero, type Counts } from "./score.js";

export type Role = "source" | "cue" | "content";
export const ROLES: readonly Role[] = ["source", "cue", "content"];

/** Where PolNeAR lives: $CLAIMTRACE_EVAL_DATA, else ../shared/eval-data next to the repository. */
export function evalDataRoot(): string {
  return process.env.CLAIMTRACE_EVAL_DATA ?? fileURLToPath(new URL("../../../shared/eval-data/", import.meta.url));
}

export function polnearAvailable(root = evalDataRoot()): boolean {
  return existsSync(`${root}/polnear/data/dev/attributions`);
}

/**
 * The stages the evaluation runs: the real per-document pipeline up to attributions; rules only unless a learned
 * model is given (never the one $CLAIMTRACE_ATTRIBUTION_MODEL names, so the floors always test the rules).
 */
export function evalStages(model: AttributionModel | null = null) {
  return [cleanStage, segmentStage, attributionStageWith(() => model)];
}

export function textDocument(source: string, text: string): Document {
  return {
    id: source,
    source,
    format: "txt",
    title: null,
    byline: null,
    outlet: null,
    url: null,
    publishedAt: null,
    publishedAtSource: "none",
    language: "en",
    encoding: "UTF-8",
    text,
    excluded: [],
    layers: {},
  };
}

export interface RoleScore {
  exact: Counts;
  begin: Counts;
}

export interface EvalResult {
  split: string;
  /** "rules" or "rules + learned". */
  system: string;
  articles: number;
  annFiles: number;
  gold: number;
  predicted: number;
  words: number;
  seconds: number;
  roles: Record<Role, RoleScore>;
  relation: RoleScore;
  /** Per file: predictions and gold, for error analysis. */
  details: Array<{ file: GoldFile; text: string; predicted: Attribution[] }>;
}

export function evaluate(split: string, opts: { root?: string; limit?: number; model?: AttributionModel | null } = {}): EvalResult {
  const root = opts.root ?? evalDataRoot();
  const data = readSplit(root, split);
  const files = opts.limit ? data.files.slice(0, opts.limit) : data.files;
  const predictions = new Map<string, Attribution[]>();
  let words = 0;
  const stages = evalStages(opts.model ?? null);
  const t0 = performance.now();
  for (const f of files) {
    if (predictions.has(f.article)) continue;
    const text = data.texts.get(f.article)!;
    words += text.split(/\s+/).filter(Boolean).length;
    const doc = runPipeline(textDocument(f.article, text), stages);
    predictions.set(f.article, doc.layers.attributions ?? []);
  }
  const seconds = (performance.now() - t0) / 1000;

  const roles = { source: { exact: zero(), begin: zero() }, cue: { exact: zero(), begin: zero() }, content: { exact: zero(), begin: zero() } };
  const relation = { exact: zero(), begin: zero() };
  const details: EvalResult["details"] = [];
  let gold = 0;
  let predicted = 0;
  for (const f of files) {
    const text = data.texts.get(f.article)!;
    const kept = (s: Span) => !f.discarded.some((d) => overlaps(d, s));
    const pred = predictions.get(f.article)!.filter((a) => [a.cue, a.source, ...a.content].every((s) => !s || kept(s)));
    gold += f.relations.length;
    predicted += pred.length;
    const predSpans = (role: Role) => pred.flatMap((a) => (role === "content" ? a.content : a[role] ? [a[role]!] : []));
    const goldSpans = (role: Role) => f.relations.flatMap((r) => (role === "content" ? r.content : role === "cue" ? r.cue : (r.source ?? [])));
    for (const role of ROLES) matchSpans(text, predSpans(role), goldSpans(role), roles[role].exact, roles[role].begin);
    for (const mode of ["exact", "begin"] as const) {
      const pool = new Map<string, number>();
      for (const r of f.relations) {
        const k = relationKey(text, r, mode);
        pool.set(k, (pool.get(k) ?? 0) + 1);
      }
      let tp = 0;
      for (const a of pred) {
        const k = relationKey(text, { source: a.source ? [a.source] : null, cue: a.cue ? [a.cue] : [], content: a.content }, mode);
        const left = pool.get(k) ?? 0;
        if (left > 0) {
          tp++;
          pool.set(k, left - 1);
        }
      }
      relation[mode].tp += tp;
      relation[mode].fp += pred.length - tp;
      relation[mode].fn += f.relations.length - tp;
    }
    details.push({ file: f, text, predicted: pred });
  }
  return { split, system: opts.model ? "rules + learned" : "rules", articles: predictions.size, annFiles: files.length, gold, predicted, words, seconds, roles, relation, details };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatResult(r: EvalResult): string {
  const lines = [
    `PolNeAR ${r.split} (${r.system}): ${r.articles} articles, ${r.annFiles} annotation files, ${r.gold} gold / ${r.predicted} predicted attributions`,
    `extraction: ${r.words} words in ${r.seconds.toFixed(2)} s (clean + segment + attributions${r.system === "rules" ? "" : ", learned tagger"})`,
    "",
    "              exact (trimmed)       begin-match",
    "role          P     R     F1        P     R     F1",
  ];
  const row = (name: string, s: RoleScore) => {
    const e = prf(s.exact);
    const b = prf(s.begin);
    lines.push(`${name.padEnd(10)} ${pct(e.p)} ${pct(e.r)} ${pct(e.f)}    ${pct(b.p)} ${pct(b.r)} ${pct(b.f)}`);
  };
  for (const role of ROLES) row(role, r.roles[role]);
  row("relation", r.relation);
  lines.push("", "published (test, exact F1): BiLSTM-CRF source 69.6 cue 66.7 content 59.0; CofeNet 83.2 / 75.3 / 72.9");
  return lines.join("\n");
}
