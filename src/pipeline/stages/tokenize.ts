import type { Span } from "../../model/span.js";
import type { Token, TokenKind } from "../../model/document.js";

/**
 * Our own tokenizer rather than wink-nlp's: every token must be an exact UTF-16 span of the original text, and
 * one regular expression over the string gives that directly (wink's tokens would need their offsets rebuilt
 * from values and preceding spaces). Dotted abbreviations ("U.S.", "a.m.") stay one token; numbers keep their
 * group separators and decimals ("134,500", "1.5"); apostrophes inside words stay in the word.
 */
const TOKEN =
  /((?:\p{L}\.){2,})|(\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}]))|([\p{L}\p{M}\p{N}]+(?:['’\u2011-][\p{L}\p{M}\p{N}]+)*)|(["“”„‟«»‘’‚‛'‹›])|([.,;:!?…()[\]{}—–\-/])|(\S)/gu;

const KINDS: TokenKind[] = ["word", "number", "word", "quote", "punct", "symbol"];

export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(text); m && m.index < span.end; m = TOKEN.exec(text)) {
    let kind: TokenKind = "symbol";
    for (let g = 1; g <= 6; g++) {
      if (m[g] !== undefined) {
        kind = KINDS[g - 1]!;
        break;
      }
    }
    tokens.push({ start: m.index, end: Math.min(m.index + m[0].length, span.end), kind });
  }
  return tokens;
}
