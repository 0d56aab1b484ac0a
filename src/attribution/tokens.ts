import type { Token } from "../model/document.js";
import type { Span } from "../model/span.js";

/**
 * A read-only view of a document's tokens with the lookups the attribution rules make again and again:
 * lower-case values, capitalisation, the sentence and quote each token sits in. Built once per document.
 */
export class TokenView {
  readonly n: number;
  readonly lower: string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: string[];
  /** Index of the (quote-merged) sentence each token belongs to. */
  readonly sentence: Int32Array;
  /** Index of the quote a token lies in (marks included), or -1. */
  readonly quote: Int32Array;
  /** Sentences as token ranges [first, last+1). */
  readonly sentences: Array<{ first: number; end: number }>;

  constructor(
    readonly text: string,
    tokens: readonly Token[],
    sentences: readonly Span[],
    quotes: readonly { pieces: readonly Span[] }[],
  ) {
    const n = tokens.length;
    this.n = n;
    this.lower = new Array<string>(n);
    this.kinds = new Array<string>(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      this.starts[i] = t.start;
      this.ends[i] = t.end;
      this.kinds[i] = t.kind;
      this.lower[i] = text.slice(t.start, t.end).toLowerCase();
    }
    this.quote = new Int32Array(n).fill(-1);
    let t = 0;
    const pieces: Array<{ start: number; end: number; q: number }> = [];
    quotes.forEach((q, qi) => q.pieces.forEach((p) => pieces.push({ start: p.start, end: p.end, q: qi })));
    pieces.sort((a, b) => a.start - b.start);
    for (const p of pieces) {
      while (t < n && this.starts[t]! < p.start) t++;
      for (let k = t; k < n && this.starts[k]! < p.end; k++) this.quote[k] = p.q;
    }
    // Sentences merged where a quote piece runs across a sentence boundary: "“A. B,” he said." is one unit.
    this.sentence = new Int32Array(n).fill(-1);
    this.sentences = [];
    let k = 0;
    let pieceIdx = 0;
    for (const s of sentences) {
      let first = k;
      while (first < n && this.starts[first]! < s.start) first++;
      let end = first;
      while (end < n && this.ends[end]! <= s.end) end++;
      k = end;
      if (end === first) continue;
      while (pieceIdx < pieces.length && pieces[pieceIdx]!.end <= s.start) pieceIdx++;
      const prev = this.sentences[this.sentences.length - 1];
      const inQuoteAcross =
        prev !== undefined && this.quote[first]! >= 0 && this.quote[first] === this.quote[prev.end - 1] && samePiece(pieces, this.starts[prev.end - 1]!, this.starts[first]!);
      if (inQuoteAcross) prev.end = end;
      else this.sentences.push({ first, end });
    }
    this.sentences.forEach((s, i) => {
      for (let j = s.first; j < s.end; j++) this.sentence[j] = i;
    });
  }

  word(i: number): string {
    return this.lower[i] ?? "";
  }

  raw(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  isCap(i: number): boolean {
    if (i < 0 || i >= this.n || this.kinds[i] !== "word") return false;
    const c = this.text.charCodeAt(this.starts[i]!);
    return (c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(this.text[this.starts[i]!]!));
  }

  isWord(i: number): boolean {
    return i >= 0 && i < this.n && (this.kinds[i] === "word" || this.kinds[i] === "number");
  }

  isQuoteMark(i: number): boolean {
    return this.kinds[i] === "quote";
  }

  /** Characters from the start of token a to the end of token b (inclusive). */
  span(a: number, b: number): Span {
    return { start: this.starts[a]!, end: this.ends[b]! };
  }

  /** True when nothing but spaces separates tokens i and i+1. */
  adjacent(i: number): boolean {
    return this.ends[i] === this.starts[i + 1];
  }
}

function samePiece(pieces: ReadonlyArray<{ start: number; end: number }>, a: number, b: number): boolean {
  for (const p of pieces) if (p.start <= a && b < p.end) return true;
  return false;
}
