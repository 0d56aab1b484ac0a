import type { Span } from "../../src/model/span.js";

/**
 * Span scoring as in design.md §8: a span is compared after trimming white space, quote marks and punctuation
 * at its edges; "exact" needs both ends equal, "begin" only the start. Discontinuous spans (a quote interrupted
 * by its cue) count fragment by fragment, as in CofeNet's token-chunk scoring.
 */
const EDGE = /[\s"“”„‟«»‘’‚‛'`‹›.,;:!?…—–\-()[\]{}*]/u;

export function normalise(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && EDGE.test(text[start]!)) start++;
  while (end > start && EDGE.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Adds matches between predicted and gold spans (each used once) to `exact` and `begin`. */
export function matchSpans(text: string, pred: readonly Span[], gold: readonly Span[], exact: Counts, begin: Counts): void {
  const norm = (list: readonly Span[]) => unique(list.map((s) => normalise(text, s)).filter((s): s is Span => s !== null));
  const p = norm(pred);
  const g = norm(gold);
  const count = (key: (s: Span) => string, c: Counts) => {
    const pool = new Map<string, number>();
    for (const s of g) pool.set(key(s), (pool.get(key(s)) ?? 0) + 1);
    let tp = 0;
    for (const s of p) {
      const k = key(s);
      const left = pool.get(k) ?? 0;
      if (left > 0) {
        tp++;
        pool.set(k, left - 1);
      }
    }
    c.tp += tp;
    c.fp += p.length - tp;
    c.fn += g.length - tp;
  };
  count((s) => `${s.start}:${s.end}`, exact);
  count((s) => `${s.start}`, begin);
}

function unique(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A relation's key for whole-relation matching: source, cue and every content fragment, normalised. */
export function relationKey(text: string, r: { source: readonly Span[] | null; cue: readonly Span[]; content: readonly Span[] }, mode: "exact" | "begin"): string {
  const k = (list: readonly Span[] | null) =>
    list === null
      ? "-"
      : list
          .map((s) => normalise(text, s))
          .filter((s): s is Span => s !== null)
          .sort((a, b) => a.start - b.start)
          .map((s) => (mode === "exact" ? `${s.start}:${s.end}` : `${s.start}`))
          .join(",");
  return `${k(r.source)}|${k(r.cue)}|${k(r.content)}`;
}
