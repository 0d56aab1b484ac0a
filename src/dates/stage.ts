import type { Attribution } from "../model/claims.js";
import type { Document } from "../model/document.js";
import { contains, overlaps, type Span } from "../model/span.js";
import type { Stage } from "../pipeline/stage.js";
import { findDatesInSentences, type DateMention } from "./resolve.js";

/**
 * Dates layer: every date expression in the article's sentences, resolved against `publishedAt` with its anchor.
 * When an attribution layer is present, each attribution also gets the date its statement was made, where the
 * sentence of its cue says so ("said on Wednesday"); the attribution stage's own output is otherwise untouched.
 */
export const datesStage: Stage = {
  name: "dates",
  reads: ["sentences"],
  adds: ["dates"],
  run(doc) {
    const dates = findDatesInSentences(doc.text, doc.layers.sentences ?? [], doc.publishedAt, doc.layers.tokens);
    const attributions = attributionsOf(doc);
    if (!attributions) return { dates };
    const dated = attributions.map((a) => (a.date != null ? a : withDate(a, statementDate(doc, a, dates))));
    return { dates, ...({ attributions: dated } as object) };
  },
};

/**
 * A copy of `a` with its statement date, field by field: a literal of known shape is several times faster to build
 * on V8 than a spread or Object.assign, and an article holds dozens of attributions.
 */
function withDate(a: Attribution, date: string | null): Attribution {
  return { id: a.id, kind: a.kind, source: a.source, cue: a.cue, content: a.content, speaker: a.speaker, via: a.via, date };
}

/** The attribution layer when an earlier stage added one (it is optional, and typed by its own stage). */
export function attributionsOf(doc: Readonly<Document>): Attribution[] | null {
  const layer = (doc.layers as { attributions?: Attribution[] }).attributions;
  return Array.isArray(layer) ? layer : null;
}

/**
 * When a statement was made: the date in the cue's sentence that sits next to the cue ("said on Wednesday",
 * "on Sunday said", "said last week") — a date inside the quoted content is what the statement is about, not when
 * it was made, so it is skipped.
 */
export function statementDate(doc: Readonly<Document>, a: Attribution, dates: readonly DateMention[]): string | null {
  const anchor: Span | null = a.cue ?? a.source;
  if (!anchor) return null;
  const sentence = sentenceHolding(doc.layers.sentences ?? [], anchor);
  if (!sentence) return null;
  // dates are in text order: only those starting inside the sentence can be in it; the nearest wins, the first on a tie
  let best: DateMention | null = null;
  for (let i = firstAtOrAfter(dates, sentence.start); i < dates.length && dates[i]!.start < sentence.end; i++) {
    const d = dates[i]!;
    if (!contains(sentence, d) || a.content.some((c) => overlaps(c, d)) || d.grain === "year" || d.grain === "season") continue;
    if (!best || distance(anchor, d) < distance(anchor, best)) best = d;
  }
  return best?.value ?? null;
}

function distance(anchor: Span, d: Span): number {
  return d.start >= anchor.end ? d.start - anchor.end : anchor.start - d.end;
}

/** The sentence that holds `span` (sentences are in text order and do not overlap), by binary search. */
export function sentenceHolding(sentences: readonly Span[], span: Span): Span | null {
  const i = firstAtOrAfter(sentences, span.start + 1) - 1;
  const s = sentences[i];
  return s && contains(s, span) ? s : null;
}

/** Index of the first span in `spans` (sorted by start) that starts at or after `offset`. */
export function firstAtOrAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
