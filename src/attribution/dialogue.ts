import type { Span } from "../model/span.js";
import type { Quote } from "./quotes.js";
import type { TokenView } from "./tokens.js";

/**
 * Turns of dialogue that carry no cue verb:
 * - labelled turns, "Q: …" / "A: …" / "Chikov: …" / "John McCain: Populist anger …", where the label is the
 *   source and the colon the cue (PolNeAR annotates headline-style "Name: claim" this way too);
 * - a paragraph that is nothing but a quotation, right after a paragraph whose quotation was attributed: the
 *   continuation of the same speaker ("“…,” he said.¶“…”").
 */
export interface LabelTurn {
  label: { first: number; last: number };
  colon: number;
  content: Span;
}

const NOT_LABELS = new Set([
  "update", "updated", "watch", "read", "note", "editor’s note", "editor's note", "photo", "video", "source", "sources",
  "related", "more", "see", "listen", "correction", "clarification", "warning", "breaking", "exclusive", "opinion",
  "analysis", "full text", "transcript", "advertisement", "credit", "image", "caption", "getty images",
]);
const MAX_LABEL = 5;

/** Paragraphs that open with a speaker label and a colon. */
export function findLabelTurns(tv: TokenView, paragraphs: readonly Span[]): LabelTurn[] {
  const turns: LabelTurn[] = [];
  let t = 0;
  for (const p of paragraphs) {
    while (t < tv.n && tv.starts[t]! < p.start) t++;
    // A transcript quoted paragraph by paragraph opens each turn with a quote mark: "WALLACE: …
    const first = t + 1 < tv.n && tv.kinds[t] === "quote" && tv.starts[t + 1]! < p.end && tv.isCap(t + 1) ? t + 1 : t;
    let k = first;
    while (k < tv.n && tv.starts[k]! < p.end && k - first < MAX_LABEL + 2 && tv.word(k) !== ":") k++;
    if (k >= tv.n || tv.word(k) !== ":" || k === first || k - first > MAX_LABEL) continue;
    // Every label word capitalised (connectors aside), no digits ("4:15 p.m."), not page furniture.
    let ok = true;
    for (let j = first; j < k && ok; j++) {
      const w = tv.word(j);
      if (tv.kinds[j] === "number" || /\d/.test(w)) ok = false;
      else if (tv.kinds[j] === "word" && !tv.isCap(j) && !/^(of|the|and|de|al|for)$/.test(w)) ok = false;
      else if (tv.kinds[j] === "quote" || tv.kinds[j] === "punct" && w !== "." && w !== "-" && w !== "&") ok = false;
    }
    const label = tv.text.slice(tv.starts[first]!, tv.ends[k - 1]!).toLowerCase();
    if (!ok || NOT_LABELS.has(label)) continue;
    let e = k + 1;
    let words = 0;
    while (e < tv.n && tv.starts[e]! < p.end) {
      if (tv.kinds[e] === "word") words++;
      e++;
    }
    if (words < 3) continue;
    turns.push({ label: { first, last: k - 1 }, colon: k, content: { start: tv.starts[k + 1]!, end: tv.ends[e - 1]! } });
  }
  return turns;
}

/** The quote that makes up a whole paragraph (marks and closing punctuation aside), if any. */
export function paragraphQuote(tv: TokenView, quotes: readonly Quote[], p: Span, qAt: (offset: number) => number): number {
  const q = qAt(p.start);
  if (q < 0) return -1;
  const quote = quotes[q]!;
  const piece = quote.pieces.find((x) => x.start <= p.start && p.start < x.end);
  if (!piece || piece.start !== p.start) return -1;
  const rest = tv.text.slice(quote.end, p.end).trim();
  return rest === "" || /^[.,;!?…]+$/.test(rest) ? q : -1;
}
