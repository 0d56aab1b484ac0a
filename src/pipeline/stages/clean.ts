import {
  AD_MARKER,
  BY_NAME,
  STAMP_START,
  CLOCK_TIME,
  CREDIT_START,
  CREDIT_TAIL,
  DATE_WORDS,
  PLACEHOLDER,
  PROMO_LABEL,
  LIST_LABEL,
  CALL_TO_ACTION,
  COPYRIGHT,
  VIA_CREDIT,
} from "../../lang/en/furniture.js";
import type { Exclusion, ExclusionReason } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import type { Stage } from "../stage.js";

interface Line extends Span {
  value: string;
  words: number;
  prose: boolean;
}

/**
 * Marks page furniture in scraped text as excluded regions. It judges each line by its shape (length, closing
 * punctuation), what it says (ad markers, credits, time stamps), where it stands (before the first or after the
 * last paragraph of prose) and repetition (a caption printed twice in a row). The text itself is never changed.
 */
export const cleanStage: Stage = {
  name: "clean",
  reads: ["excluded"],
  adds: ["excluded"],
  run(doc) {
    const lines = splitLines(doc.text);
    const found: Exclusion[] = [...doc.excluded];
    const mark = (line: Line, reason: ExclusionReason) =>
      found.push({ start: line.start, end: line.end, reason });

    const firstProse = lines.findIndex((l) => l.prose);
    const lastProse = lines.length - 1 - [...lines].reverse().findIndex((l) => l.prose);
    const titleIndex = doc.format === "txt" || doc.title ? 0 : -1;

    // After a list label ("Trending Now", "Most read", "Related stories") come its links: headline-shaped lines.
    let inLinkList = false;
    lines.forEach((line, i) => {
      const reason = furnitureReason(line);
      if (reason) {
        inLinkList = LIST_LABEL.test(line.value);
        return mark(line, reason);
      }
      if (inLinkList && !line.prose && line.words <= 15 && !/[.!?"”]$/.test(line.value))
        return mark(line, "navigation");
      inLinkList = false;
      const prev = lines[i - 1];
      const next = lines[i + 1];
      // A caption printed twice in a row (alt text, then caption): both copies are furniture.
      if ((prev && same(prev, line)) || (next && same(next, line))) {
        if (i !== titleIndex) return mark(line, "caption");
      }
      // Short unpunctuated lines around the article (menus, section labels, share bars) are navigation.
      const outside = firstProse >= 0 && (i < firstProse || i > lastProse);
      if (outside && i !== titleIndex && !line.prose && line.words <= 6 && !/[.!?"”]$/.test(line.value))
        mark(line, "navigation");
    });
    return { excluded: normalise(found) };
  },
};

function furnitureReason(line: Line): ExclusionReason | null {
  const v = line.value;
  if (AD_MARKER.test(v)) return "advertisement";
  if (PLACEHOLDER.test(v)) return "placeholder";
  if (line.words <= 20 && COPYRIGHT.test(v)) return "boilerplate";
  if (line.words <= 40 && (CREDIT_START.test(v) || isCreditTail(v))) return "credit";
  const stamped = CLOCK_TIME.test(v) || DATE_WORDS.test(v);
  if (line.words <= 25 && BY_NAME.test(v) && (stamped || !line.prose)) return "byline";
  if (line.words <= 25 && STAMP_START.test(v) && stamped) return "byline";
  if (line.words <= 25 && !line.prose && CLOCK_TIME.test(v) && DATE_WORDS.test(v)) return "byline";
  if (line.words <= 12 && (PROMO_LABEL.test(v) || CALL_TO_ACTION.test(v))) return "navigation";
  return null;
}

function isCreditTail(v: string): boolean {
  const tail = CREDIT_TAIL.exec(v);
  if (!tail) return false;
  // "…shared via Telegram." is prose: a credit ends without a full stop, or inside brackets.
  if (/\.$/.test(v) && !/\)\s*$/.test(v)) return false;
  if (/^\s*via\b/i.test(tail[0]) || /\bvia\s/i.test(tail[0])) return VIA_CREDIT.test(v);
  return true;
}

function same(a: Line, b: Line): boolean {
  return a.words >= 3 && a.value.toLowerCase() === b.value.toLowerCase();
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const value = m[0].trim();
    if (!value) continue;
    const start = m.index + lead;
    const words = value.split(/\s+/).length;
    lines.push({
      start,
      end: start + value.length,
      value,
      words,
      prose: words >= 8 && /[.!?"”’»)]$/.test(value),
    });
  }
  return lines;
}

function normalise(spans: Exclusion[]): Exclusion[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Exclusion[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue; // already covered by an earlier region
    out.push(s);
  }
  return out;
}
