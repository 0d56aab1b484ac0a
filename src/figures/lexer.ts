import type { Span } from "../model/span.js";

/**
 * The figure grammar's own lexemes. The shared tokenizer keeps "256GB" or "RM23" as one word and splits "10.45pm"
 * at the wrong place, so quantities are read from a finer split: digits, letters, and single symbols, each an exact
 * span of the original text, with `glued` telling whether white space came before it ("$" "1.5" "bn" are glued).
 */
export type LexKind = "num" | "word" | "sym";

export interface Lex extends Span {
  kind: LexKind;
  text: string;
  lower: string;
  /** No white space between this lexeme and the previous one. */
  glued: boolean;
  /** Parsed value of a `num` lexeme ("134,500" → 134500, ".5" → 0.5); undefined for other lexemes. */
  num: number | undefined;
}

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 128) return false;
  return LETTER.test(text[i]!);
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 9 || c === 10 || c === 13) return true;
  if (c < 128) return false;
  return SPACE.test(text[i]!);
}

/**
 * Lexemes of `text` within `span`: a hand-written scanner (faster than a regular expression with Unicode classes).
 * Numbers: "134,500" (groups of exactly three digits), "1.5", ".5"; words: letters with inner apostrophes
 * ("Russia’s"); anything else that is not white space is a one-character symbol.
 */
export function lex(text: string, span: Span = { start: 0, end: text.length }): Lex[] {
  const out: Lex[] = [];
  const end = span.end;
  let i = span.start;
  let prevEnd = -1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || isSpace(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let kind: LexKind;
    let num: number | undefined;
    // whether the word has a capital or a letter beyond Latin-1's range start (then it is lower-cased)
    let cased = (c >= 65 && c <= 90) || c >= 0xc0;
    if (isDigit(c) || (c === 46 && i + 1 < end && isDigit(text.charCodeAt(i + 1)))) {
      kind = "num";
      let j = i;
      while (j < end && isDigit(text.charCodeAt(j))) j++;
      // thousands groups: ",ddd" repeatedly, only after 1–3 leading digits
      if (j - i <= 3 && j > i) {
        let k = j;
        while (k + 3 < end + 1 && text.charCodeAt(k) === 44 && isDigit(text.charCodeAt(k + 1)) && isDigit(text.charCodeAt(k + 2)) && isDigit(text.charCodeAt(k + 3)) && !(k + 4 < end && isDigit(text.charCodeAt(k + 4)))) k += 4;
        j = k;
      }
      if (j + 1 < end && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (j < end && isDigit(text.charCodeAt(j))) j++;
      }
      i = j;
      const t = text.slice(start, i);
      num = Number(t.includes(",") ? t.replace(/,/g, "") : t);
    } else if (isLetter(text, i)) {
      kind = "word";
      let j = i + 1;
      for (;;) {
        while (j < end && isLetter(text, j)) {
          if (!cased) {
            const x = text.charCodeAt(j);
            cased = (x >= 65 && x <= 90) || x >= 0xc0;
          }
          j++;
        }
        const a = text.charCodeAt(j);
        if ((a === 39 || a === 0x2019) && j + 1 < end && isLetter(text, j + 1)) {
          j++;
          continue;
        }
        break;
      }
      i = j;
    } else {
      kind = "sym";
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const t = text.slice(start, i);
    const lower = kind === "word" && cased ? t.toLowerCase() : t;
    // one object shape for every lexeme (`num` always present) keeps the grammar's property reads monomorphic
    out.push({ start, end: i, kind, text: t, lower, glued: start === prevEnd, num });
    prevEnd = i;
  }
  return out;
}

/** True if `text` might hold a quantity: a digit or a number word. A cheap test to skip most sentences. */
export const MAYBE_NUMBER = /\d|\b(?:[Oo]ne|[Tt](?:wo|hree|en|welve|hirt|went|housand|rillion|ens|hird|wice)|[Ff](?:our|ive|ift|ort|ifth)|[Ss](?:ix|even|everal)|[Ee](?:ight|leven)|[Nn]in|[Hh](?:undred|alf)|[Mm]illion|[Bb]illion|[Dd]o(?:zen|uble)|[Qq]uarter)|fold\b/;

/**
 * Where a figure may start, for one scan of a whole document: digits, number words, and the few word forms the
 * grammar reads as amounts ("half of", "a third of", "one in five"). A bare "one" is left out: the stage drops it
 * as a determiner ("one source said") unless a scale or a proportion follows.
 */
export const MAYBE_NUMBER_GLOBAL =
  /\d|\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|(?:[Tt]hir|[Ff]our|[Ff]if|[Ss]ix|[Ss]even|[Ee]igh|[Nn]ine)teen|(?:[Tt]wen|[Tt]hir|[Ff]or|[Ff]if|[Ss]ix|[Ss]even|[Ee]igh|[Nn]ine)ty|[Hh]undreds?|[Tt]housands?|[Mm]illions?|[Bb]illions?|[Tt]rillions?|[Dd]ozens?|[Ss]everal|[Tt]ens|[a-z]+fold|[Hh]alf (?:of|the|a|an|its|their|his|her)|[Aa] (?:third|quarter|fifth)|[Oo]ne(?: (?:in|out|hundred|thousand|million|billion|and|or)|-))\b/g;
