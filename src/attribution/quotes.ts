import type { Span } from "../model/span.js";

/**
 * Quotations found by character offsets, not by sentences (sentence splitters cut quotes apart).
 *
 * - Curly (“ ”), straight ("), guillemets (« »), low-high („ “) and typewriter (`` '') double marks. Single marks
 *   (‘ ’) are left alone: inside a double quote they are nested quotes and stay part of it; at top level they are
 *   far more often apostrophes than quotes.
 * - Whether a mark opens or closes is decided by its glyph and its neighbours, so a straight mark or a wrongly
 *   curled one is read the way a person would read it.
 * - A paragraph that opens a quote and does not close it continues into the next paragraph when that one opens
 *   with a quote mark (the print convention); otherwise the quote ends with its paragraph.
 * - A closing mark with no opening mark before it (a missing opening mark) quotes from the start of its
 *   paragraph, or continues the previous paragraph's unclosed quote.
 */
export interface Quote {
  /** First to last character, marks included. */
  start: number;
  end: number;
  /** One piece per paragraph the quote runs over, marks included. */
  pieces: Span[];
  /** The opening mark was missing and the quote starts at its paragraph's start. */
  missingOpen: boolean;
  /** The closing mark was found (false when the quote ends with its paragraph). */
  closed: boolean;
}

const MARK = /[“”"«»„]|''|``/g;

type Role = "open" | "close" | null;

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00a0";
}

/** Opens or closes, from the glyph and its neighbours. */
function roleOf(text: string, at: number, len: number, para: Span): Role {
  const mark = text.slice(at, at + len);
  const prev = at > para.start ? text[at - 1] : undefined;
  const next = at + len < para.end ? text[at + len] : undefined;
  const prevOpen = isSpace(prev) || (prev !== undefined && "([{—–-‘/:".includes(prev));
  const nextOpen = isSpace(next) || (next !== undefined && ".,;:!?)]}—–…".includes(next));
  if (mark === "“" || mark === "«" || mark === "„" || mark === "``") {
    if (!prevOpen && nextOpen) return "close"; // a wrongly curled closing mark: `said.“`
    return "open";
  }
  if (mark === "”" || mark === "»") {
    if (prevOpen && !nextOpen) return "open"; // `”We will…` typed with the wrong glyph
    return "close";
  }
  // Straight marks: context only.
  if (prevOpen && !nextOpen) return "open";
  if (!prevOpen && nextOpen) return "close";
  if (prevOpen && nextOpen) return null;
  return prev !== undefined && /[\p{L}\p{N}]/u.test(prev) ? "close" : "open";
}

/** All quotes in the given paragraphs (sorted, non-overlapping, paragraphs in text order). */
export function findQuotes(text: string, paragraphs: readonly Span[]): Quote[] {
  const quotes: Quote[] = [];
  /** A quote still open at the end of the previous paragraph. */
  let carry: Quote | null = null;
  /** The last quote, when it ended with its paragraph without a closing mark. */
  let unclosed: Quote | null = null;

  for (const para of paragraphs) {
    let open: number | null = null;
    let current: Quote | null = null;
    const first = firstNonSpace(text, para);

    if (carry) {
      const m = matchMark(text, first);
      if (m && roleOf(text, first, m.length, para) === "open") {
        current = carry; // the loop below meets the reopening mark and resumes this quote
      } else {
        carry.closed = false;
        quotes.push(carry);
        unclosed = carry;
      }
      carry = null;
    }

    MARK.lastIndex = para.start;
    for (let m = MARK.exec(text); m && m.index < para.end; m = MARK.exec(text)) {
      const at = m.index;
      const len = m[0].length;
      const role = roleOf(text, at, len, para);
      if (role === "open") {
        if (open === null) {
          open = at;
          current ??= { start: at, end: at, pieces: [], missingOpen: false, closed: false };
        } else if (text[open] === '"' && m[0] === '"') {
          // Two straight "openers" in a row: the first was a closer after all.
          closePiece(current!, open, at + len);
          quotes.push(current!);
          current = null;
          open = null;
        }
        continue;
      }
      if (role !== "close") continue;
      if (open !== null && current) {
        closePiece(current, open, at + len);
        current.closed = true;
        quotes.push(current);
        current = null;
        open = null;
      } else if (
        unclosed &&
        unclosed.pieces.length > 0 &&
        quotes[quotes.length - 1] === unclosed &&
        at >= para.start
      ) {
        // The previous paragraph's quote goes on here without its reopening mark.
        unclosed.pieces.push({ start: para.start, end: at + len });
        unclosed.end = at + len;
        unclosed.closed = true;
        unclosed = null;
      } else if (!quotes.some((q) => q.end > para.start)) {
        quotes.push({
          start: para.start,
          end: at + len,
          pieces: [{ start: para.start, end: at + len }],
          missingOpen: true,
          closed: true,
        });
      }
    }
    unclosed = null;
    if (open !== null && current) {
      closePiece(current, open, para.end);
      carry = current;
    }
  }
  if (carry) quotes.push(carry);
  return quotes.sort((a, b) => a.start - b.start);
}

function closePiece(q: Quote, start: number, end: number): void {
  if (q.pieces.length === 0) q.start = start;
  q.pieces.push({ start, end });
  q.end = end;
}

function firstNonSpace(text: string, span: Span): number {
  let i = span.start;
  while (i < span.end && isSpace(text[i])) i++;
  return i;
}

function matchMark(text: string, at: number): string | null {
  const two = text.slice(at, at + 2);
  if (two === "''" || two === "``") return two;
  const c = text[at];
  return c !== undefined && '“”"«»„'.includes(c) ? c : null;
}

/** The span inside a quote piece's marks, for display and scoring. */
export function innerSpan(text: string, piece: Span): Span {
  let { start, end } = piece;
  while (start < end && (matchMark(text, start) || isSpace(text[start])))
    start += matchMark(text, start)?.length ?? 1;
  while (end > start && (/[“”"«»„]/.test(text[end - 1]!) || isSpace(text[end - 1]))) end--;
  return { start, end };
}
