import {
  NON_TERMINAL_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  SENTENCE_STARTERS,
  TERMINAL_ABBREVIATIONS,
} from "../../lang/en/abbreviations.js";
import type { Exclusion, Token } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import type { Stage } from "../stage.js";
import { tokenize } from "./tokenize.js";

/**
 * Paragraphs, sentences and tokens as spans. Every non-empty line is a paragraph (scraped text often has single
 * line breaks between paragraphs). Sentences are split by our own rules over tokens because wink-nlp splits
 * inside quotes and does not know "Lt. Gen." or "[in Bakhmut]"; excluded regions get no sentences or tokens.
 */
export const segmentStage: Stage = {
  name: "segment",
  reads: ["excluded"],
  adds: ["paragraphs", "sentences", "tokens"],
  run(doc) {
    const paragraphs = paragraphSpans(doc.text, doc.excluded);
    const sentences: Span[] = [];
    const tokens: Token[] = [];
    for (const p of paragraphs) {
      const ts = tokenize(doc.text, p);
      for (const t of ts) tokens.push(t);
      for (const s of splitSentences(doc.text, ts)) sentences.push(s);
    }
    return { paragraphs, sentences, tokens };
  },
};

/** Non-empty lines, trimmed, minus the parts that are excluded. */
export function paragraphSpans(text: string, excluded: readonly Exclusion[]): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  let x = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    const end = m.index + m[0].length;
    while (x < excluded.length && excluded[x]!.end <= start) x++;
    // Cut out excluded regions that overlap this line; what is left on either side stays prose.
    const pieces: Span[] = [];
    for (let k = x; k < excluded.length && excluded[k]!.start < end; k++) {
      const e = excluded[k]!;
      if (e.start > start) pieces.push({ start, end: e.start });
      start = Math.max(start, e.end);
    }
    if (start < end) pieces.push({ start, end });
    for (const piece of pieces) {
      let s = piece.start;
      let e = piece.end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (s < e) out.push({ start: s, end: e });
    }
  }
  return out;
}

const TERMINAL = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(["”", "’", "»", '"', "'", ")", "]", "›"]);
const OPENERS = new Set(["“", "‘", "«", '"', "'", "(", "[", "‹"]);

/** Splits one paragraph's tokens into sentence spans. */
export function splitSentences(text: string, tokens: readonly Token[]): Span[] {
  const sentences: Span[] = [];
  if (tokens.length === 0) return sentences;
  let start = tokens[0]!.start;
  let brackets = 0;
  const value = (t: Token | undefined) => (t ? text.slice(t.start, t.end) : "");

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const v = value(tok);
    if (v === "[") brackets++;
    else if (v === "]") brackets = Math.max(0, brackets - 1);
    const dotted = tok.kind === "word" && v.endsWith(".");
    if (brackets > 0 || !(TERMINAL.has(v) || dotted)) continue;

    // Closing quotes and brackets that touch the stop belong to this sentence.
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(value(tokens[j])) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const next = tokens[j];
    if (!next) break;
    if (!startsSentence(text, tokens, j)) continue;

    if (v === ".") {
      // a full stop with a letter or digit glued after it is inside a word or number: "2.5million", "3.2bn", "news.com"
      if (j === i + 1 && next.start === tok.end && next.kind !== "quote" && next.kind !== "punct") continue;
      const prev = tokens[i - 1];
      const word = value(prev);
      const lower = word.toLowerCase();
      if (prev && prev.end === tok.start && prev.kind === "word") {
        if (NON_TERMINAL_ABBREVIATIONS.has(lower)) continue;
        if (NUMBER_ABBREVIATIONS.has(lower) && next.kind === "number" && j === i + 1) continue;
        if (/^\p{Lu}$/u.test(word)) continue; // an initial: "Sergey V. Sevryukov"
        if (TERMINAL_ABBREVIATIONS.has(lower) && !SENTENCE_STARTERS.has(value(next).toLowerCase())) continue;
      }
    } else if (dotted && !SENTENCE_STARTERS.has(firstWord(text, tokens, j).toLowerCase())) {
      continue; // "U.S. Defense Secretary", "a.m. Moscow time"
    }
    const end = tokens[j - 1]!.end;
    sentences.push({ start, end });
    start = next.start;
    i = j - 1;
  }
  sentences.push({ start, end: tokens[tokens.length - 1]!.end });
  return sentences;
}

/** A sentence starts with a capital letter or a digit, possibly behind opening quotes or brackets. */
function startsSentence(text: string, tokens: readonly Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && OPENERS.has(text.slice(tokens[k]!.start, tokens[k]!.end))) k++;
  const t = tokens[k];
  if (!t) return k > j;
  const c = text[t.start]!;
  return /[\p{Lu}\p{Lt}\d]/u.test(c) || (k > j && /\p{L}/u.test(c));
}

function firstWord(text: string, tokens: readonly Token[], j: number): string {
  let k = j;
  while (k < tokens.length && tokens[k]!.kind !== "word") k++;
  const t = tokens[k];
  return t ? text.slice(t.start, t.end) : "";
}
