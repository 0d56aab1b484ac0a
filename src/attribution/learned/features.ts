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
  return (Math.imul(a ^ b, 0x9e3779b1) + 0x632be5ab) >>> 0;
}

/** The hash bucket (of 2^bits) of a feature key: Fibonacci hashing, the high bits of a multiplication. */
export function bucketOf(key: number, bits: number): number {
  return Math.imul(key, 0x85ebca6b) >>> (32 - bits);
}

const NONE = 0x5bd1e995;

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
function shapeOf(tv: TokenView, i: number): number {
  const kind = tv.kinds[i]!;
  if (kind === "punct" || kind === "quote" || kind === "symbol") return hashString(tv.lower[i]!);
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
  const key = new Uint32Array(n);
  const verb = new Uint32Array(n);
  const noun = new Uint32Array(n);
  const ptags = new Uint32Array(n);
  input.words = word;
  input.shapes = shape;
  for (let i = 0; i < n; i++) {
    stem[i] = stemHash(tv.lower[i]!);
    word[i] = hashString(tv.lower[i]!);
    shape[i] = shapeOf(tv, i);
    lex[i] = cueClass(tv.lower[i]!, tv.lower[i + 1] ?? "");
    spk[i] = speakerClass(tv.lower[i]!);
    const wc = wordClass(tv.lower[i]!);
    key[i] = wc.key;
    verb[i] = wc.verb;
    noun[i] = wc.noun;
    ptags[i] = wc.tags;
  }
  const at = (a: Uint32Array, i: number, lo: number, hi: number) => (i >= lo && i < hi ? a[i]! : NONE);
  const ruleAt = (i: number, lo: number, hi: number) => (i >= lo && i < hi ? ruleTags[i]! : 9);
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
  const THAT = hashString("that");
  const TO = hashString("to");
  const COLON = hashString(":");

  for (const seq of input.sequences) {
    const { first, end } = seq;
    // Distances to the nearest quote mark (in the paragraph), cue word and rule cue (in the sentence), each side.
    let mark = -1;
    let lexAt = -1;
    let cueAt = -1;
    let punct = NONE;
    let sentence = -2;
    for (let i = first; i < end; i++) {
      if (tv.sentence[i] !== sentence) {
        sentence = tv.sentence[i]!;
        lexAt = -1;
        cueAt = -1;
        punct = NONE;
      }
      prevMark[i] = mark < 0 ? 8 : bucket(i - mark);
      lexLeft[i] = lexAt < 0 ? 8 : bucket(i - lexAt);
      cueLeft[i] = cueAt < 0 ? 8 : bucket(i - cueAt);
      punctLeft[i] = punct;
      if (tv.kinds[i] === "quote") mark = i;
      if (lex[i]) lexAt = i;
      if (ruleTags[i] === 3 || ruleTags[i] === 4) cueAt = i;
      if (tv.kinds[i] === "punct" || tv.kinds[i] === "quote") punct = shape[i]!;
    }
    mark = -1;
    sentence = -2;
    let comp = NONE;
    let compAt = -1;
    for (let i = end - 1; i >= first; i--) {
      if (tv.sentence[i] !== sentence) {
        sentence = tv.sentence[i]!;
        lexAt = -1;
        cueAt = -1;
        punct = NONE;
        compAt = -1;
      }
      // The next "that", "to", colon or opening quote in the sentence, and how far.
      nextComp[i] = compAt < 0 ? NONE : mix(comp, Math.min(bucket(compAt - i), 5));
      const wi = word[i]!;
      if (wi === THAT || wi === TO || wi === COLON || (tv.kinds[i] === "quote" && tv.quote[i + 1] !== undefined && tv.quote[i + 1]! >= 0 && tv.quote[i - 1] !== tv.quote[i + 1])) {
        comp = tv.kinds[i] === "quote" ? 1 : wi;
        compAt = i;
      }
      nextMark[i] = mark < 0 ? 8 : bucket(mark - i);
      lexRight[i] = lexAt < 0 ? 8 : bucket(lexAt - i);
      cueRight[i] = cueAt < 0 ? 8 : bucket(cueAt - i);
      punctRight[i] = punct;
      if (tv.kinds[i] === "quote") mark = i;
      if (lex[i]) lexAt = i;
      if (ruleTags[i] === 3 || ruleTags[i] === 4) cueAt = i;
      if (tv.kinds[i] === "punct" || tv.kinds[i] === "quote") punct = shape[i]!;
    }

    for (let i = first; i < end; i++) capsLeft[i] = i > first && tv.sentence[i - 1] === tv.sentence[i] && (shape[i - 1] === 3 || shape[i - 1] === 4) ? Math.min(capsLeft[i - 1]! + 1, 3) : 0;
    const paraStartsQuoted = tv.kinds[first] === "quote" ? 1 : 0;
    let sentenceInPara = -1;
    sentence = -2;
    for (let i = first; i < end; i++) {
      if (tv.sentence[i] !== sentence) {
        sentence = tv.sentence[i]!;
        sentenceInPara++;
      }
      const s = sentence >= 0 ? tv.sentences[sentence]! : { first: i, end: i + 1 };
      const lo = Math.max(first, s.first);
      const hi = Math.min(end, s.end);
      const q = tv.quote[i]!;
      const inQuote = q >= 0 ? 1 : 0;
      const quoteState =
        inQuote | (tv.kinds[i] === "quote" ? 2 : 0) | (inQuote && tv.quote[i - 1] !== q ? 4 : 0) | (inQuote && tv.quote[i + 1] !== q ? 8 : 0);
      const r0 = ruleTags[i]!;
      const w0 = word[i]!;
      const raw = tv.lower[i]!;
      const f = out.subarray(i * K, i * K + K);
      f[T.Bias] = mix(T.Bias, 1);
      f[T.W0] = mix(T.W0, w0);
      f[T.Wm1] = mix(T.Wm1, at(word, i - 1, first, end));
      f[T.Wp1] = mix(T.Wp1, at(word, i + 1, first, end));
      f[T.Wm2] = mix(T.Wm2, at(word, i - 2, first, end));
      f[T.Wp2] = mix(T.Wp2, at(word, i + 2, first, end));
      f[T.Wm1W0] = mix(mix(T.Wm1W0, at(word, i - 1, first, end)), w0);
      f[T.W0Wp1] = mix(mix(T.W0Wp1, w0), at(word, i + 1, first, end));
      f[T.Suf3] = mix(T.Suf3, hashString(raw, Math.max(0, raw.length - 3)));
      f[T.Suf2] = mix(T.Suf2, hashString(raw, Math.max(0, raw.length - 2)));
      f[T.Shape0] = mix(T.Shape0, shape[i]!);
      f[T.Shape3] = mix(mix(mix(T.Shape3, at(shape, i - 1, lo, hi)), shape[i]!), at(shape, i + 1, lo, hi));
      f[T.QuoteState] = mix(T.QuoteState, quoteState);
      f[T.PrevMark] = mix(T.PrevMark, prevMark[i]!);
      f[T.NextMark] = mix(T.NextMark, nextMark[i]!);
      f[T.QuoteRule] = mix(mix(T.QuoteRule, quoteState), r0);
      f[T.SentPos] = mix(T.SentPos, bucket(i - s.first));
      f[T.SentToEnd] = mix(T.SentToEnd, bucket(s.end - 1 - i));
      f[T.ParaPos] = mix(mix(T.ParaPos, Math.min(sentenceInPara, 3)), paraStartsQuoted);
      f[T.Lex0] = mix(T.Lex0, lex[i]!);
      f[T.Lexm1] = mix(T.Lexm1, at(lex, i - 1, lo, hi));
      f[T.Lexp1] = mix(T.Lexp1, at(lex, i + 1, lo, hi));
      f[T.Rule0] = mix(T.Rule0, r0);
      f[T.Rulem1Rule0] = mix(mix(T.Rulem1Rule0, ruleAt(i - 1, first, end)), r0);
      f[T.Rule0Rulep1] = mix(mix(T.Rule0Rulep1, r0), ruleAt(i + 1, first, end));
      f[T.Rule0W0] = mix(mix(T.Rule0W0, r0), w0);
      f[T.Rule0Shape] = mix(mix(T.Rule0Shape, r0), shape[i]!);
      f[T.LexLeft] = mix(T.LexLeft, lexLeft[i]!);
      f[T.LexRight] = mix(T.LexRight, lexRight[i]!);
      f[T.RuleCueSides] = mix(mix(T.RuleCueSides, cueLeft[i]!), cueRight[i]!);
      f[T.Punct] = mix(mix(T.Punct, punctLeft[i]!), punctRight[i]!);
      f[T.Wm1Shape0] = mix(mix(T.Wm1Shape0, at(word, i - 1, first, end)), shape[i]!);
      f[T.LexLeftQuote] = mix(mix(mix(T.LexLeftQuote, lexLeft[i]!), lexRight[i]!), inQuote);
      f[T.Speaker0] = mix(mix(T.Speaker0, spk[i]!), shape[i]!);
      f[T.Speakerm1Speaker0] = mix(mix(T.Speakerm1Speaker0, at(spk, i - 1, lo, hi)), at(lex, i + 1, lo, hi));
      f[T.Stem0] = mix(T.Stem0, stem[i]!);
      f[T.Stem0Wp1] = mix(mix(T.Stem0Wp1, stem[i]!), at(word, i + 1, lo, hi));
      f[T.Wm1Stem0] = mix(mix(T.Wm1Stem0, at(word, i - 1, lo, hi)), stem[i]!);
      f[T.Wm1Wp1] = mix(mix(T.Wm1Wp1, at(word, i - 1, first, end)), at(word, i + 1, first, end));
      f[T.W0Quote] = mix(mix(T.W0Quote, w0), quoteState);
      f[T.Key0] = mix(T.Key0, key[i]!);
      f[T.Verb0] = mix(T.Verb0, verb[i]!);
      f[T.Noun0] = mix(T.Noun0, noun[i]!);
      f[T.Tags0] = mix(T.Tags0, ptags[i]!);
      f[T.Tagsm1Tags0] = mix(mix(T.Tagsm1Tags0, at(ptags, i - 1, lo, hi)), ptags[i]!);
      f[T.Tags0Tagsp1] = mix(mix(T.Tags0Tagsp1, ptags[i]!), at(ptags, i + 1, lo, hi));
      f[T.KeyContext] = mix(mix(mix(T.KeyContext, at(key, i - 1, lo, hi)), key[i]!), at(key, i + 1, lo, hi));
      f[T.Tags0Key0] = mix(mix(T.Tags0Key0, ptags[i]!), key[i]!);
      f[T.Wm2Wm1] = mix(mix(T.Wm2Wm1, at(word, i - 2, first, end)), at(word, i - 1, first, end));
      f[T.Wp1Wp2] = mix(mix(T.Wp1Wp2, at(word, i + 1, first, end)), at(word, i + 2, first, end));
      f[T.NextComp] = mix(mix(T.NextComp, nextComp[i]!), key[i]!);
      f[T.CapsLeftKey0] = mix(mix(mix(T.CapsLeftKey0, capsLeft[i]!), key[i]!), shape[i]!);
      f[T.Shape5] = mix(mix(mix(mix(mix(T.Shape5, at(shape, i - 2, lo, hi)), at(shape, i - 1, lo, hi)), shape[i]!), at(shape, i + 1, lo, hi)), at(shape, i + 2, lo, hi));
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
      const f = out.subarray(i * K, i * K + K);
      const q = tv.quote[i]!;
      const quoteState = (q >= 0 ? 1 : 0) | (tv.kinds[i] === "quote" ? 2 : 0);
      f[S.Tag0] = mix(0x100 + S.Tag0, t0);
      f[S.Tagm1Tag0] = mix(mix(0x100 + S.Tagm1Tag0, i > first ? stageTags[i - 1]! : 9), t0);
      f[S.Tag0Tagp1] = mix(mix(0x100 + S.Tag0Tagp1, t0), i + 1 < end ? stageTags[i + 1]! : 9);
      f[S.Tag0W0] = mix(mix(0x100 + S.Tag0W0, t0), words[i]!);
      f[S.CueSides] = mix(mix(0x100 + S.CueSides, cueLeft[i]!), cueRight[i]!);
      f[S.CueSidesParagraph] = mix(mix(0x100 + S.CueSidesParagraph, cueLeftP[i]!), cueRightP[i]!);
      f[S.CueWordLeft] = mix(mix(0x100 + S.CueWordLeft, cueWordLeft[i]!), Math.min(cueLeft[i]!, 5));
      f[S.CueWordRight] = mix(mix(0x100 + S.CueWordRight, cueWordRight[i]!), Math.min(cueRight[i]!, 5));
      f[S.SourceSides] = mix(mix(mix(0x100 + S.SourceSides, srcLeft[i]!), srcRight[i]!), t0);
      f[S.Tag0Rule0] = mix(mix(0x100 + S.Tag0Rule0, t0), ruleTags[i]!);
      f[S.Tag0Quote] = mix(mix(0x100 + S.Tag0Quote, t0), quoteState);
      const sides = mix(Math.min(cueLeft[i]!, 6), Math.min(cueRight[i]!, 6));
      f[S.CueSidesW0] = mix(mix(0x100 + S.CueSidesW0, sides), words[i]!);
      f[S.CueSidesShape] = mix(mix(0x100 + S.CueSidesShape, sides), shapes[i]!);
      f[S.CueSidesQuote] = mix(mix(mix(0x100 + S.CueSidesQuote, cueLeft[i]!), cueRight[i]!), quoteState);
      f[S.Tags5] = mix(mix(mix(mix(mix(0x100 + S.Tags5, i > first + 1 ? stageTags[i - 2]! : 9), i > first ? stageTags[i - 1]! : 9), t0), i + 1 < end ? stageTags[i + 1]! : 9), i + 2 < end ? stageTags[i + 2]! : 9);
      f[S.CuesInSentence] = mix(mix(mix(0x100 + S.CuesInSentence, cuesInSentence[i]!), t0), ruleTags[i]!);
      f[S.SourceCue] = mix(mix(mix(0x100 + S.SourceCue, Math.min(srcLeft[i]!, 6)), Math.min(srcRight[i]!, 6)), sides);
      f[S.CommasFromCue] = mix(mix(mix(0x100 + S.CommasFromCue, commasLeft[i]!), commasRight[i]!), t0);
      const sn = tv.sentence[i]!;
      const toEnd = sn >= 0 ? Math.min(bucket(Math.min(end, tv.sentences[sn]!.end) - 1 - i), 5) : 7;
      f[S.SentenceEndTag] = mix(mix(mix(0x100 + S.SentenceEndTag, toEnd), t0), cueLeft[i]! < 8 ? 1 : 0);
    }
  }
  return out;
}
