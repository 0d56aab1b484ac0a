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
  /** Parsed value of a `num` lexeme ("134,500" → 134500, ".5" → 0.5). */
  num?: number;
}

const LEX = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)|(\S)/gu;

/** Lexemes of `text` within `span`. */
export function lex(text: string, span: Span = { start: 0, end: text.length }): Lex[] {
  const out: Lex[] = [];
  const slice = text.slice(span.start, span.end);
  LEX.lastIndex = 0;
  let prevEnd = -1;
  for (let m = LEX.exec(slice); m; m = LEX.exec(slice)) {
    const start = span.start + m.index;
    const t = m[0];
    let kind: LexKind = m[1] !== undefined ? "num" : m[2] !== undefined ? "word" : "sym";
    let num: number | undefined;
    if (kind === "num") {
      // "1.5" after "10:" is a time fraction; "12,50" is not a thousands group (the regex already demands 3 digits).
      num = Number(t.replace(/,/g, ""));
      if (!Number.isFinite(num)) kind = "word";
    }
    const l: Lex = { start, end: start + t.length, kind, text: t, lower: t.toLowerCase(), glued: start === prevEnd };
    if (num !== undefined && kind === "num") l.num = num;
    out.push(l);
    prevEnd = start + t.length;
  }
  return out;
}

/** True if `text` might hold a quantity: a digit or a number word. A cheap test to skip most sentences. */
export const MAYBE_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|half|third|thirds|quarter|fifth|twice|double|tens)\b|fold\b/i;
