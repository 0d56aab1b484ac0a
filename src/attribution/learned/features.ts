import type { Span } from "../../model/span.js";
import { CUE_FORMS } from "../../lang/en/cues.js";
import { ANONYMOUS_HEADS, ORGANIZATION_WORDS, OUTLETS, PRONOUNS, ROLE_NOUNS, TITLES } from "../../lang/en/speakers.js";
import type { TokenView } from "../tokens.js";
import { wordClass } from "./wordclass.js";

/**
 * Features of the learned tagger, hashed to integers: no feature strings are built or stored, so extraction
 * stays fast and a model is a table of weights by hash. Every token gets exactly FEATURES_PER_TOKEN features
 * (templates below); a value that does not apply ("no quote mark before") is a value of its own.
 *
 * Changing a template changes what the weights mean: bump FEATURE_VERSION so older models are refused.
 */
export const FEATURE_VERSION = 7;

const enum T {
  Bias, W0, Wm1, Wp1, Wm2, Wp2, Wm1W0, W0Wp1, Suf3, Suf2, Shape0, Shape3, QuoteState, PrevMark, NextMark,
  QuoteRule, SentPos, SentToEnd, ParaPos, Lex0, Lexm1, Lexp1, Rule0, Rulem1Rule0, Rule0Rulep1, Rule0W0,
  Rule0Shape, LexLeft, LexRight, RuleCueSides, Punct, Wm1Shape0, LexLeftQuote, Speaker0, Speakerm1Speaker0,
  Stem0, Stem0Wp1, Wm1Stem0, Wm1Wp1, W0Quote, Key0, Verb0, Noun0, Tags0, Tagsm1Tags0, Tags0Tagsp1, KeyContext, Tags0Key0, Wm2Wm1, Wp1Wp2, NextComp, CapsLeftKey0, Shape5, Count,
}
export const FEATURES_PER_TOKEN: number = T.Count;

/** FNV-1a over code units [from, to) of a string. */
export function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values into one feature key. Cheap on purpose (it runs some sixty times per token): the
 * spreading over buckets is done once per feature by bucketOf, from the high bits of a product.
 */
export function mix(a: number, b: number): number {
  return (Math.imul(a ^ b, Mix.Mul) + Mix.Add) >>> 0;
}

/**
 * The constants of mix. The per-token feature code below writes mix out, as `(Math.imul(a ^ b, Mix.Mul) +
 * Mix.Add) >>> 0` (and without the `>>> 0` where the result is mixed again: `^` reads it as 32 bits anyway):
 * V8 stops inlining a function called some eighty times in one function, and a call per feature costs more
 * than the feature.
 */
const enum Mix {
  Mul = 0x9e3779b1,
  Add = 0x632be5ab,
}

/** The hash bucket (of 2^bits) of a feature key: Fibonacci hashing, the high bits of a multiplication. */
export function bucketOf(key: number, bits: number): number {
  return Math.imul(key, 0x85ebca6b) >>> (32 - bits);
}

const NONE = 0x5bd1e995;
const THAT = hashString("that");
const TO = hashString("to");
const COLON = hashString(":");

/** Distance buckets: 0, 1, 2, 3, 4–5, 6–9, 10–19, 20+. */
function bucket(d: number): number {
  return d < 4 ? d : d < 6 ? 4 : d < 10 ? 5 : d < 20 ? 6 : 7;
}

const CLASS_HASH = new Map<string, number>();
function classHash(name: string): number {
  let h = CLASS_HASH.get(name);
  if (h === undefined) CLASS_HASH.set(name, (h = hashString(name)));
  return h;
}

/** Lexicon class of a lower-case word: a cue form (class and inflection) or a kind of speaker word. */
function cueClass(w: string, next: string): number {
  if (w === "according" && next === "to") return classHash("cue:according");
  const f = CUE_FORMS.get(w);
  if (!f) return 0;
  return classHash(`cue:${f.cls}:${f.present ? "p" : ""}${f.gerund ? "g" : ""}${f.pastOnly ? "o" : ""}`);
}

function speakerClass(w: string): number {
  if (PRONOUNS.has(w)) return classHash("spk:pronoun");
  if (TITLES.has(w)) return classHash("spk:title");
  if (ROLE_NOUNS.has(w)) return classHash("spk:role");
  if (ANONYMOUS_HEADS.has(w)) return classHash("spk:anon");
  if (ORGANIZATION_WORDS.has(w)) return classHash("spk:org");
  if (OUTLETS.has(w)) return classHash("spk:outlet");
  return 0;
}

/** Word shape: capitalisation and character classes, collapsed ("Xx", "XX", "x", "d", or the mark itself). */
function shapeOf(tv: TokenView, i: number, wordHash: number): number {
  const kind = tv.kinds[i]!;
  if (kind === "punct" || kind === "quote" || kind === "symbol") return wordHash;
  if (kind === "number") return 1;
  const raw = tv.text;
  const s = tv.starts[i]!;
  const e = tv.ends[i]!;
  const c = raw.charCodeAt(s);
  const upper = (c >= 65 && c <= 90) || (c > 127 && tv.isCap(i));
  if (!upper) return 2;
  let allUpper = e - s > 1;
  for (let k = s + 1; k < e && allUpper; k++) {
    const d = raw.charCodeAt(k);
    if (d >= 97 && d <= 122) allUpper = false;
  }
  return allUpper ? 4 : 3;
}

/** A crude stem: inflections off ("claimed", "claims", "claiming" → "claim"), so rare forms share weights. */
function stemHash(w: string): number {
  const n = w.length;
  if (n > 5 && w.endsWith("ing")) return hashString(w, 0, n - 3);
  if (n > 4 && w.endsWith("ed")) return hashString(w, 0, n - 2);
  if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) return hashString(w, 0, n - 1);
  return hashString(w);
}

/** What the features need besides the tokens: paragraphs as token ranges and the rules' own tags. */
export interface FeatureInput {
  tv: TokenView;
  /** Token ranges [first, end) of the sequences the tagger labels (paragraphs). */
  sequences: ReadonlyArray<{ first: number; end: number }>;
  ruleTags: Uint8Array;
  /** Hashes of the tokens' lower-case words, filled by extractFeatures for the second stage to reuse. */
  words?: Uint32Array;
  /** Word shapes, likewise. */
  shapes?: Uint32Array;
}

/** Paragraphs as token ranges [first, end), in order; tokens outside every paragraph are left out. */
export function paragraphSequences(tv: TokenView, paragraphs: readonly Span[]): Array<{ first: number; end: number }> {
  const out: Array<{ first: number; end: number }> = [];
  let k = 0;
  for (const p of paragraphs) {
    while (k < tv.n && tv.starts[k]! < p.start) k++;
    const first = k;
    while (k < tv.n && tv.starts[k]! < p.end) k++;
    if (k > first) out.push({ first, end: k });
  }
  return out;
}

/** What the features take from a word alone, kept per distinct lower-case word (see wordRow). */
const enum WI {
  Word, Stem, Suf3, Suf2, Cue, According, Speaker, Key, Verb, Noun, Tags, Count,
}
let wordTable = new Uint32Array(4096 * WI.Count);
/** The words of wordTable's rows, in order. */
const rowWords: string[] = [];
/**
 * An open-addressing index of the rows by the words' hashes (which the features need anyway): a row number
 * per slot, -1 where empty. Cheaper than a Map of strings, whose entries the weights push out of the cache.
 */
let slots = new Int32Array(1 << 16).fill(-1);
let slotShift = 16;
/** Past this many distinct words the cache starts again (a long-running server sees an open vocabulary). */
const WORD_CACHE_LIMIT = 200_000;
const ACCORDING = hashString("cue:according");

function slotOf(h: number, w: string): number {
  const mask = slots.length - 1;
  let s = Math.imul(h, 0x9e3779b1) >>> slotShift;
  for (;;) {
    const row = slots[s]!;
    if (row < 0 || (wordTable[row * WI.Count + WI.Word] === h && rowWords[row] === w)) return s;
    s = (s + 1) & mask;
  }
}

/** The offset in wordTable of a word's row (WI), made on first sight of the word; valid until the next call. */
function wordRow(w: string): number {
  const h = hashString(w);
  let s = slotOf(h, w);
  if (slots[s]! >= 0) return slots[s]! * WI.Count;
  if (rowWords.length >= WORD_CACHE_LIMIT) {
    rowWords.length = 0;
    slots.fill(-1);
    s = slotOf(h, w);
  } else if ((rowWords.length + 1) * 2 > slots.length) {
    // At half full, twice the slots.
    slots = new Int32Array(slots.length * 2).fill(-1);
    slotShift--;
    for (let r = 0; r < rowWords.length; r++) slots[slotOf(wordTable[r * WI.Count + WI.Word]!, rowWords[r]!)] = r;
    s = slotOf(h, w);
  }
  const at = rowWords.length * WI.Count;
  if (at + WI.Count > wordTable.length) {
    const grown = new Uint32Array(wordTable.length * 2);
    grown.set(wordTable);
    wordTable = grown;
  }
  const n = w.length;
  const wc = wordClass(w);
  const row = wordTable.subarray(at, at + WI.Count);
  row[WI.Word] = h;
  row[WI.Stem] = stemHash(w);
  row[WI.Suf3] = hashString(w, Math.max(0, n - 3));
  row[WI.Suf2] = hashString(w, Math.max(0, n - 2));
  // "according" is a cue class of its own before "to" (cueClass), which extractFeatures checks.
  row[WI.Cue] = cueClass(w, "");
  row[WI.According] = w === "according" ? 1 : 0;
  row[WI.Speaker] = speakerClass(w);
  row[WI.Key] = wc.key;
  row[WI.Verb] = wc.verb;
  row[WI.Noun] = wc.noun;
  row[WI.Tags] = wc.tags;
  slots[s] = rowWords.length;
  rowWords.push(w);
  return at;
}

const BIAS = mix(T.Bias, 1);

/** Features of every token, FEATURES_PER_TOKEN per token, token by token (tokens outside sequences stay 0). */
export function extractFeatures(input: FeatureInput): Uint32Array {
  const { tv, ruleTags } = input;
  const n = tv.n;
  const K = FEATURES_PER_TOKEN;
  const out = new Uint32Array(n * K);
  const word = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const lex = new Uint32Array(n);
  const spk = new Uint32Array(n);
  const stem = new Uint32Array(n);
  const suf3 = new Uint32Array(n);
  const suf2 = new Uint32Array(n);
  const key = new Uint32Array(n);
  const verb = new Uint32Array(n);
  const noun = new Uint32Array(n);
  const ptags = new Uint32Array(n);
  input.words = word;
  input.shapes = shape;
  const lower = tv.lower;
  const kinds = tv.kinds;
  const quote = tv.quote;
  const sentenceOf = tv.sentence;
  for (let i = 0; i < n; i++) {
    const at = wordRow(lower[i]!);
    const info = wordTable;
    word[i] = info[at + WI.Word]!;
    stem[i] = info[at + WI.Stem]!;
    suf3[i] = info[at + WI.Suf3]!;
    suf2[i] = info[at + WI.Suf2]!;
    lex[i] = info[at + WI.According] && i + 1 < n && lower[i + 1] === "to" ? ACCORDING : info[at + WI.Cue]!;
    spk[i] = info[at + WI.Speaker]!;
    key[i] = info[at + WI.Key]!;
    verb[i] = info[at + WI.Verb]!;
    noun[i] = info[at + WI.Noun]!;
    ptags[i] = info[at + WI.Tags]!;
    shape[i] = shapeOf(tv, i, word[i]!);
  }
  const prevMark = new Int32Array(n);
  const nextMark = new Int32Array(n);
  const lexLeft = new Int32Array(n);
  const lexRight = new Int32Array(n);
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  const punctLeft = new Uint32Array(n);
  const punctRight = new Uint32Array(n);
  const nextComp = new Uint32Array(n);
  const capsLeft = new Uint8Array(n);

  for (const seq of input.sequences) {
    const { first, end } = seq;
    // Distances to the nearest quote mark (in the paragraph), cue word and rule cue (in the sentence), each side.
    let mark = -1;
    let lexAt = -1;
    let cueAt = -1;
    let punct = NONE;
    let sentence = -2;
    for (let i = first; i < end; i++) {
      if (sentenceOf[i] !== sentence) {
        sentence = sentenceOf[i]!;
        lexAt = -1;
        cueAt = -1;
        punct = NONE;
      }
      prevMark[i] = mark < 0 ? 8 : bucket(i - mark);
      lexLeft[i] = lexAt < 0 ? 8 : bucket(i - lexAt);
      cueLeft[i] = cueAt < 0 ? 8 : bucket(i - cueAt);
      punctLeft[i] = punct;
      const kind = kinds[i];
      if (kind === "quote") mark = i;
      if (lex[i]) lexAt = i;
      if (ruleTags[i] === 3 || ruleTags[i] === 4) cueAt = i;
      if (kind === "punct" || kind === "quote") punct = shape[i]!;
    }
    mark = -1;
    sentence = -2;
    let comp = NONE;
    let compAt = -1;
    for (let i = end - 1; i >= first; i--) {
      if (sentenceOf[i] !== sentence) {
        sentence = sentenceOf[i]!;
        lexAt = -1;
        cueAt = -1;
        punct = NONE;
        compAt = -1;
      }
      // The next "that", "to", colon or opening quote in the sentence, and how far.
      nextComp[i] = compAt < 0 ? NONE : mix(comp, Math.min(bucket(compAt - i), 5));
      const wi = word[i]!;
      const kind = kinds[i];
      if (wi === THAT || wi === TO || wi === COLON || (kind === "quote" && i + 1 < n && quote[i + 1]! >= 0 && (i === 0 || quote[i - 1] !== quote[i + 1]))) {
        comp = kind === "quote" ? 1 : wi;
        compAt = i;
      }
      nextMark[i] = mark < 0 ? 8 : bucket(mark - i);
      lexRight[i] = lexAt < 0 ? 8 : bucket(lexAt - i);
      cueRight[i] = cueAt < 0 ? 8 : bucket(cueAt - i);
      punctRight[i] = punct;
      if (kind === "quote") mark = i;
      if (lex[i]) lexAt = i;
      if (ruleTags[i] === 3 || ruleTags[i] === 4) cueAt = i;
      if (kind === "punct" || kind === "quote") punct = shape[i]!;
    }

    for (let i = first; i < end; i++) capsLeft[i] = i > first && sentenceOf[i - 1] === sentenceOf[i] && (shape[i - 1] === 3 || shape[i - 1] === 4) ? Math.min(capsLeft[i - 1]! + 1, 3) : 0;
    const paraStartsQuoted = kinds[first] === "quote" ? 1 : 0;
    let sentenceInPara = -1;
    sentence = -2;
    let sFirst = 0;
    let sEnd = 0;
    for (let i = first; i < end; i++) {
      if (sentenceOf[i] !== sentence) {
        sentence = sentenceOf[i]!;
        sentenceInPara++;
        if (sentence >= 0) {
          const s = tv.sentences[sentence]!;
          sFirst = s.first;
          sEnd = s.end;
        }
      }
      if (sentence < 0) {
        sFirst = i;
        sEnd = i + 1;
      }
      const lo = Math.max(first, sFirst);
      const hi = Math.min(end, sEnd);
      // Neighbours in the paragraph (…P) and in the sentence (…S); NONE past the edge.
      const prevP = i - 1 >= first;
      const prev2P = i - 2 >= first;
      const nextP = i + 1 < end;
      const next2P = i + 2 < end;
      const prevS = i - 1 >= lo;
      const prev2S = i - 2 >= lo;
      const nextS = i + 1 < hi;
      const next2S = i + 2 < hi;
      const q = quote[i]!;
      const inQuote = q >= 0 ? 1 : 0;
      const quoteState = inQuote | (kinds[i] === "quote" ? 2 : 0) | (inQuote && (i === 0 || quote[i - 1] !== q) ? 4 : 0) | (inQuote && (i + 1 >= n || quote[i + 1] !== q) ? 8 : 0);
      const r0 = ruleTags[i]!;
      const w0 = word[i]!;
      const wm1 = prevP ? word[i - 1]! : NONE;
      const wm2 = prev2P ? word[i - 2]! : NONE;
      const wp1 = nextP ? word[i + 1]! : NONE;
      const wp2 = next2P ? word[i + 2]! : NONE;
      const sh0 = shape[i]!;
      const shm1 = prevS ? shape[i - 1]! : NONE;
      const shp1 = nextS ? shape[i + 1]! : NONE;
      const k0 = key[i]!;
      const t0 = ptags[i]!;
      const st0 = stem[i]!;
      const ll = lexLeft[i]!;
      const lr = lexRight[i]!;
      const o = i * K;
      out[o + T.Bias] = BIAS;
      out[o + T.W0] = (Math.imul(T.W0 ^ w0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm1] = (Math.imul(T.Wm1 ^ wm1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wp1] = (Math.imul(T.Wp1 ^ wp1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm2] = (Math.imul(T.Wm2 ^ wm2, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wp2] = (Math.imul(T.Wp2 ^ wp2, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm1W0] = (Math.imul((Math.imul(T.Wm1W0 ^ wm1, Mix.Mul) + Mix.Add) ^ w0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.W0Wp1] = (Math.imul((Math.imul(T.W0Wp1 ^ w0, Mix.Mul) + Mix.Add) ^ wp1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Suf3] = (Math.imul(T.Suf3 ^ suf3[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Suf2] = (Math.imul(T.Suf2 ^ suf2[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Shape0] = (Math.imul(T.Shape0 ^ sh0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Shape3] = (Math.imul((Math.imul((Math.imul(T.Shape3 ^ shm1, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) ^ shp1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.QuoteState] = (Math.imul(T.QuoteState ^ quoteState, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.PrevMark] = (Math.imul(T.PrevMark ^ prevMark[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.NextMark] = (Math.imul(T.NextMark ^ nextMark[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.QuoteRule] = (Math.imul((Math.imul(T.QuoteRule ^ quoteState, Mix.Mul) + Mix.Add) ^ r0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.SentPos] = (Math.imul(T.SentPos ^ (bucket(i - sFirst)), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.SentToEnd] = (Math.imul(T.SentToEnd ^ (bucket(sEnd - 1 - i)), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.ParaPos] = (Math.imul((Math.imul(T.ParaPos ^ (Math.min(sentenceInPara, 3)), Mix.Mul) + Mix.Add) ^ paraStartsQuoted, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Lex0] = (Math.imul(T.Lex0 ^ lex[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Lexm1] = (Math.imul(T.Lexm1 ^ (prevS ? lex[i - 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Lexp1] = (Math.imul(T.Lexp1 ^ (nextS ? lex[i + 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Rule0] = (Math.imul(T.Rule0 ^ r0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Rulem1Rule0] = (Math.imul((Math.imul(T.Rulem1Rule0 ^ (prevP ? ruleTags[i - 1]! : 9), Mix.Mul) + Mix.Add) ^ r0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Rule0Rulep1] = (Math.imul((Math.imul(T.Rule0Rulep1 ^ r0, Mix.Mul) + Mix.Add) ^ (nextP ? ruleTags[i + 1]! : 9), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Rule0W0] = (Math.imul((Math.imul(T.Rule0W0 ^ r0, Mix.Mul) + Mix.Add) ^ w0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Rule0Shape] = (Math.imul((Math.imul(T.Rule0Shape ^ r0, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.LexLeft] = (Math.imul(T.LexLeft ^ ll, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.LexRight] = (Math.imul(T.LexRight ^ lr, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.RuleCueSides] = (Math.imul((Math.imul(T.RuleCueSides ^ cueLeft[i]!, Mix.Mul) + Mix.Add) ^ cueRight[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Punct] = (Math.imul((Math.imul(T.Punct ^ punctLeft[i]!, Mix.Mul) + Mix.Add) ^ punctRight[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm1Shape0] = (Math.imul((Math.imul(T.Wm1Shape0 ^ wm1, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.LexLeftQuote] = (Math.imul((Math.imul((Math.imul(T.LexLeftQuote ^ ll, Mix.Mul) + Mix.Add) ^ lr, Mix.Mul) + Mix.Add) ^ inQuote, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Speaker0] = (Math.imul((Math.imul(T.Speaker0 ^ spk[i]!, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Speakerm1Speaker0] = (Math.imul((Math.imul(T.Speakerm1Speaker0 ^ (prevS ? spk[i - 1]! : NONE), Mix.Mul) + Mix.Add) ^ (nextS ? lex[i + 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Stem0] = (Math.imul(T.Stem0 ^ st0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Stem0Wp1] = (Math.imul((Math.imul(T.Stem0Wp1 ^ st0, Mix.Mul) + Mix.Add) ^ (nextS ? word[i + 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm1Stem0] = (Math.imul((Math.imul(T.Wm1Stem0 ^ (prevS ? word[i - 1]! : NONE), Mix.Mul) + Mix.Add) ^ st0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm1Wp1] = (Math.imul((Math.imul(T.Wm1Wp1 ^ wm1, Mix.Mul) + Mix.Add) ^ wp1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.W0Quote] = (Math.imul((Math.imul(T.W0Quote ^ w0, Mix.Mul) + Mix.Add) ^ quoteState, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Key0] = (Math.imul(T.Key0 ^ k0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Verb0] = (Math.imul(T.Verb0 ^ verb[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Noun0] = (Math.imul(T.Noun0 ^ noun[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Tags0] = (Math.imul(T.Tags0 ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Tagsm1Tags0] = (Math.imul((Math.imul(T.Tagsm1Tags0 ^ (prevS ? ptags[i - 1]! : NONE), Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Tags0Tagsp1] = (Math.imul((Math.imul(T.Tags0Tagsp1 ^ t0, Mix.Mul) + Mix.Add) ^ (nextS ? ptags[i + 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.KeyContext] = (Math.imul((Math.imul((Math.imul(T.KeyContext ^ (prevS ? key[i - 1]! : NONE), Mix.Mul) + Mix.Add) ^ k0, Mix.Mul) + Mix.Add) ^ (nextS ? key[i + 1]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Tags0Key0] = (Math.imul((Math.imul(T.Tags0Key0 ^ t0, Mix.Mul) + Mix.Add) ^ k0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wm2Wm1] = (Math.imul((Math.imul(T.Wm2Wm1 ^ wm2, Mix.Mul) + Mix.Add) ^ wm1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Wp1Wp2] = (Math.imul((Math.imul(T.Wp1Wp2 ^ wp1, Mix.Mul) + Mix.Add) ^ wp2, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.NextComp] = (Math.imul((Math.imul(T.NextComp ^ nextComp[i]!, Mix.Mul) + Mix.Add) ^ k0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.CapsLeftKey0] = (Math.imul((Math.imul((Math.imul(T.CapsLeftKey0 ^ capsLeft[i]!, Mix.Mul) + Mix.Add) ^ k0, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + T.Shape5] = (Math.imul((Math.imul((Math.imul((Math.imul((Math.imul(T.Shape5 ^ (prev2S ? shape[i - 2]! : NONE), Mix.Mul) + Mix.Add) ^ shm1, Mix.Mul) + Mix.Add) ^ sh0, Mix.Mul) + Mix.Add) ^ shp1, Mix.Mul) + Mix.Add) ^ (next2S ? shape[i + 2]! : NONE), Mix.Mul) + Mix.Add) >>> 0;
    }
  }
  return out;
}

const enum S {
  Tag0 = 0, Tagm1Tag0, Tag0Tagp1, Tag0W0, CueSides, CueSidesParagraph, CueWordLeft, CueWordRight, SourceSides, Tag0Rule0, Tag0Quote,
  CueSidesW0, CueSidesShape, CueSidesQuote, Tags5, CuesInSentence, SourceCue, CommasFromCue, SentenceEndTag, Count,
}
/** Features of a later stage's own (S), before all of the first stage's in a row of stackedFeatures. */
export const STAGE_FEATURES_PER_TOKEN: number = S.Count;
/** Features of the second stage: its own (S) and then all of the first stage's. */
export const STACKED_FEATURES_PER_TOKEN: number = S.Count + FEATURES_PER_TOKEN;

/**
 * Second-stage features: where the first stage put cues and sources, seen from each token (which side, how far,
 * which cue word), alone and with the token's word, shape and quote state, followed by all of the first stage's
 * features (`base`): the second stage is a full tagger that also knows where the first put the cues. Content and
 * source spans are placed relative to their cue, which the first stage can only guess at token by token.
 */
export function stackedFeatures(input: FeatureInput, stageTags: Uint8Array, base: Uint32Array): Uint32Array {
  const n = input.tv.n;
  const own = stageFeatures(input, stageTags);
  const K = STACKED_FEATURES_PER_TOKEN;
  const K0 = FEATURES_PER_TOKEN;
  const out = new Uint32Array(n * K);
  for (let i = 0; i < n; i++) {
    out.set(own.subarray(i * S.Count, i * S.Count + S.Count), i * K);
    out.set(base.subarray(i * K0, i * K0 + K0), i * K + S.Count);
  }
  return out;
}

/**
 * A later stage's own features (the first STAGE_FEATURES_PER_TOKEN of a row of stackedFeatures), without the
 * first stage's: extraction scores those once for all stages (see sharedScores in tagger.ts).
 */
export function stageFeatures(input: FeatureInput, stageTags: Uint8Array): Uint32Array {
  const { tv, ruleTags } = input;
  const n = tv.n;
  const K = S.Count;
  const out = new Uint32Array(n * K);
  const words = input.words ?? Uint32Array.from(tv.lower, (w) => hashString(w));
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  const cueLeftP = new Int32Array(n);
  const cueRightP = new Int32Array(n);
  const cueWordLeft = new Uint32Array(n);
  const cueWordRight = new Uint32Array(n);
  const srcLeft = new Int32Array(n);
  const srcRight = new Int32Array(n);
  const shapes = input.shapes ?? new Uint32Array(n);
  const cuesInSentence = new Uint8Array(n);
  const commasLeft = new Uint8Array(n);
  const commasRight = new Uint8Array(n);
  const COMMA = hashString(",");
  for (const { first, end } of input.sequences) {
    let sentence = -2;
    let cueAt = -1;
    let cueAtP = -1;
    let cueWord = NONE;
    let srcAt = -1;
    let commas = 0;
    for (let i = first; i < end; i++) {
      if (tv.sentence[i] !== sentence) {
        sentence = tv.sentence[i]!;
        cueAt = -1;
        srcAt = -1;
        cueWord = NONE;
      }
      cueLeft[i] = cueAt < 0 ? 8 : bucket(i - cueAt);
      cueLeftP[i] = cueAtP < 0 ? 8 : bucket(i - cueAtP);
      cueWordLeft[i] = cueWord;
      srcLeft[i] = srcAt < 0 ? 8 : bucket(i - srcAt);
      commasLeft[i] = cueAt < 0 ? 3 : Math.min(commas, 2);
      if (words[i] === COMMA) commas++;
      if (stageTags[i] === 3 || stageTags[i] === 4) {
        cueAt = cueAtP = i;
        cueWord = words[i]!;
        commas = 0;
      }
      if (stageTags[i] === 1 || stageTags[i] === 2) srcAt = i;
    }
    // Cue spans per sentence (0, 1, 2 or more).
    for (let i = first; i < end; ) {
      const sn = tv.sentence[i]!;
      let j = i;
      let count = 0;
      while (j < end && tv.sentence[j] === sn) {
        if (stageTags[j] === 3) count++;
        j++;
      }
      cuesInSentence.fill(Math.min(count, 2), i, j);
      i = j;
    }
    sentence = -2;
    cueAtP = -1;
    for (let i = end - 1; i >= first; i--) {
      if (tv.sentence[i] !== sentence) {
        sentence = tv.sentence[i]!;
        cueAt = -1;
        srcAt = -1;
        cueWord = NONE;
      }
      cueRight[i] = cueAt < 0 ? 8 : bucket(cueAt - i);
      cueRightP[i] = cueAtP < 0 ? 8 : bucket(cueAtP - i);
      cueWordRight[i] = cueWord;
      srcRight[i] = srcAt < 0 ? 8 : bucket(srcAt - i);
      commasRight[i] = cueAt < 0 ? 3 : Math.min(commas, 2);
      if (words[i] === COMMA) commas++;
      if (stageTags[i] === 3 || stageTags[i] === 4) {
        cueAt = cueAtP = i;
        cueWord = words[i]!;
        commas = 0;
      }
      if (stageTags[i] === 1 || stageTags[i] === 2) srcAt = i;
    }
    for (let i = first; i < end; i++) {
      const t0 = stageTags[i]!;
      const tm1 = i > first ? stageTags[i - 1]! : 9;
      const tm2 = i > first + 1 ? stageTags[i - 2]! : 9;
      const tp1 = i + 1 < end ? stageTags[i + 1]! : 9;
      const tp2 = i + 2 < end ? stageTags[i + 2]! : 9;
      const w0 = words[i]!;
      const cl = cueLeft[i]!;
      const cr = cueRight[i]!;
      const r0 = ruleTags[i]!;
      const q = tv.quote[i]!;
      const quoteState = (q >= 0 ? 1 : 0) | (tv.kinds[i] === "quote" ? 2 : 0);
      const sn = tv.sentence[i]!;
      const toEnd = sn >= 0 ? Math.min(bucket(Math.min(end, tv.sentences[sn]!.end) - 1 - i), 5) : 7;
      const o = i * K;
      out[o + S.Tag0] = (Math.imul((0x100 + S.Tag0) ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tagm1Tag0] = (Math.imul((Math.imul((0x100 + S.Tagm1Tag0) ^ tm1, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tag0Tagp1] = (Math.imul((Math.imul((0x100 + S.Tag0Tagp1) ^ t0, Mix.Mul) + Mix.Add) ^ tp1, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tag0W0] = (Math.imul((Math.imul((0x100 + S.Tag0W0) ^ t0, Mix.Mul) + Mix.Add) ^ w0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueSides] = (Math.imul((Math.imul((0x100 + S.CueSides) ^ cl, Mix.Mul) + Mix.Add) ^ cr, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueSidesParagraph] = (Math.imul((Math.imul((0x100 + S.CueSidesParagraph) ^ cueLeftP[i]!, Mix.Mul) + Mix.Add) ^ cueRightP[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueWordLeft] = (Math.imul((Math.imul((0x100 + S.CueWordLeft) ^ cueWordLeft[i]!, Mix.Mul) + Mix.Add) ^ (Math.min(cl, 5)), Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueWordRight] = (Math.imul((Math.imul((0x100 + S.CueWordRight) ^ cueWordRight[i]!, Mix.Mul) + Mix.Add) ^ (Math.min(cr, 5)), Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.SourceSides] = (Math.imul((Math.imul((Math.imul((0x100 + S.SourceSides) ^ srcLeft[i]!, Mix.Mul) + Mix.Add) ^ srcRight[i]!, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tag0Rule0] = (Math.imul((Math.imul((0x100 + S.Tag0Rule0) ^ t0, Mix.Mul) + Mix.Add) ^ r0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tag0Quote] = (Math.imul((Math.imul((0x100 + S.Tag0Quote) ^ t0, Mix.Mul) + Mix.Add) ^ quoteState, Mix.Mul) + Mix.Add) >>> 0;
      const sides = (Math.imul((Math.min(cl, 6)) ^ (Math.min(cr, 6)), Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueSidesW0] = (Math.imul((Math.imul((0x100 + S.CueSidesW0) ^ sides, Mix.Mul) + Mix.Add) ^ w0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueSidesShape] = (Math.imul((Math.imul((0x100 + S.CueSidesShape) ^ sides, Mix.Mul) + Mix.Add) ^ shapes[i]!, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CueSidesQuote] = (Math.imul((Math.imul((Math.imul((0x100 + S.CueSidesQuote) ^ cl, Mix.Mul) + Mix.Add) ^ cr, Mix.Mul) + Mix.Add) ^ quoteState, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.Tags5] = (Math.imul((Math.imul((Math.imul((Math.imul((Math.imul((0x100 + S.Tags5) ^ tm2, Mix.Mul) + Mix.Add) ^ tm1, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) ^ tp1, Mix.Mul) + Mix.Add) ^ tp2, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CuesInSentence] = (Math.imul((Math.imul((Math.imul((0x100 + S.CuesInSentence) ^ cuesInSentence[i]!, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) ^ r0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.SourceCue] = (Math.imul((Math.imul((Math.imul((0x100 + S.SourceCue) ^ (Math.min(srcLeft[i]!, 6)), Mix.Mul) + Mix.Add) ^ (Math.min(srcRight[i]!, 6)), Mix.Mul) + Mix.Add) ^ sides, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.CommasFromCue] = (Math.imul((Math.imul((Math.imul((0x100 + S.CommasFromCue) ^ commasLeft[i]!, Mix.Mul) + Mix.Add) ^ commasRight[i]!, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) >>> 0;
      out[o + S.SentenceEndTag] = (Math.imul((Math.imul((Math.imul((0x100 + S.SentenceEndTag) ^ toEnd, Mix.Mul) + Mix.Add) ^ t0, Mix.Mul) + Mix.Add) ^ (cl < 8 ? 1 : 0), Mix.Mul) + Mix.Add) >>> 0;
    }
  }
  return out;
}
