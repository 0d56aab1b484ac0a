import type { AttributionKind } from "../../model/claims.js";
import type { Span } from "../../model/span.js";
import { matchCue } from "../cues.js";
import type { Draft } from "../extract.js";
import type { TokenView } from "../tokens.js";
import type { TaggedSpan } from "./tags.js";

/** Gap in tokens between two token ranges (0 when they touch or overlap). */
function gap(a: TaggedSpan, b: TaggedSpan): number {
  return a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0;
}

/** Token distance with a penalty when the two are in different sentences: a cue speaks for its own sentence first. */
const OTHER_SENTENCE = 40;

/**
 * Links tagged spans into attributions: each content span and each source goes to the nearest cue of its
 * paragraph (a source only within the cue's sentence, one source per cue, the nearest). A paragraph that opens
 * with quoted content and has no cue of its own continues the last attribution of the paragraph before
 * ("“…,” she said.¶“…”"). Cues that end up with no content, and sources or content with no cue, are dropped:
 * an attribution always says something, and a lone span says nothing about who said it.
 */
export function linkSpans(
  tv: TokenView,
  spans: readonly TaggedSpan[],
  sequences: ReadonlyArray<{ first: number; end: number }>,
  ruleDrafts: readonly Draft[],
): Draft[] {
  const ruleByCue = new Map<string, Draft>();
  for (const d of ruleDrafts) if (d.cue) ruleByCue.set(`${d.cue.first}:${d.cue.last}`, d);
  const drafts: Draft[] = [];
  let previousParagraphLast: Draft | null = null;
  let si = 0;
  for (const seq of sequences) {
    const inSeq: TaggedSpan[] = [];
    while (si < spans.length && spans[si]!.first < seq.end) {
      if (spans[si]!.first >= seq.first) inSeq.push(spans[si]!);
      si++;
    }
    const cues = inSeq.filter((s) => s.role === "cue");
    const sentenceOf = (s: TaggedSpan) => tv.sentence[s.first]!;
    const linked = cues.map((cue) => ({ cue, source: null as TaggedSpan | null, sourceGap: Infinity, content: [] as TaggedSpan[] }));
    const nearest = (s: TaggedSpan, sameSentenceOnly: boolean) => {
      let best = -1;
      let bestDistance = Infinity;
      linked.forEach((l, k) => {
        const same = sentenceOf(l.cue) === sentenceOf(s) || (s.role === "content" && tv.sentence[s.last] === sentenceOf(l.cue));
        if (sameSentenceOnly && !same) return;
        const d = gap(s, l.cue) + (same ? 0 : OTHER_SENTENCE);
        if (d < bestDistance) {
          bestDistance = d;
          best = k;
        }
      });
      return { best, bestDistance };
    };
    let orphanContent: TaggedSpan[] = [];
    for (const s of inSeq) {
      if (s.role === "source") {
        const { best, bestDistance } = nearest(s, true);
        if (best >= 0 && bestDistance < linked[best]!.sourceGap) {
          linked[best]!.source = s;
          linked[best]!.sourceGap = bestDistance;
        }
      } else if (s.role === "content") {
        const { best } = nearest(s, false);
        if (best >= 0) linked[best]!.content.push(s);
        else orphanContent.push(s);
      }
    }
    // A quoted paragraph with no cue continues the previous paragraph's last attribution.
    if (orphanContent.length && previousParagraphLast && tv.kinds[seq.first] === "quote" && cues.length === 0) {
      previousParagraphLast.content.push(...orphanContent.map((c) => tv.span(c.first, c.last)));
    }
    orphanContent = [];
    let last: Draft | null = null;
    for (const l of linked) {
      if (l.content.length === 0) continue;
      const content: Span[] = l.content.map((c) => tv.span(c.first, c.last));
      const rule = ruleByCue.get(`${l.cue.first}:${l.cue.last}`);
      const d: Draft = {
        kind: kindOf(tv, l.content),
        source: l.source ? { first: l.source.first, last: l.source.last } : null,
        cue: { first: l.cue.first, last: l.cue.last },
        cueMatch: rule?.cueMatch ?? cueMatchIn(tv, l.cue),
        content,
        quotes: quotesIn(tv, l.content),
      };
      if (rule?.sharedSubject && !l.source) d.sharedSubject = true;
      if (rule?.label) d.label = true;
      drafts.push(d);
      last = d;
    }
    previousParagraphLast = last ?? (cues.length ? null : previousParagraphLast);
  }
  return drafts;
}

/** Direct when all the content is quoted, mixed when some of it is, else indirect. */
function kindOf(tv: TokenView, content: readonly TaggedSpan[]): AttributionKind {
  let quoted = 0;
  let words = 0;
  for (const c of content) {
    for (let k = c.first; k <= c.last; k++) {
      if (tv.kinds[k] !== "word" && tv.kinds[k] !== "number") continue;
      words++;
      if (tv.quote[k]! >= 0) quoted++;
    }
  }
  return quoted === 0 ? "indirect" : quoted === words ? "direct" : "mixed";
}

function quotesIn(tv: TokenView, content: readonly TaggedSpan[]): number[] {
  const seen = new Set<number>();
  for (const c of content) for (let k = c.first; k <= c.last; k++) if (tv.quote[k]! >= 0) seen.add(tv.quote[k]!);
  return [...seen];
}

/** The lexicon's reading of a cue the rules did not find, when one of its words is a cue verb. */
function cueMatchIn(tv: TokenView, cue: TaggedSpan): Draft["cueMatch"] {
  for (let k = cue.first; k <= cue.last; k++) {
    const m = matchCue(tv, k);
    if (m) return { ...m, first: cue.first, last: cue.last };
  }
  return null;
}
