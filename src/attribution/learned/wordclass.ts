import { createRequire } from "node:module";

/**
 * Word classes for the learned tagger from an English lexicon (wink-lexicon: WordNet's lexicographer classes,
 * the "supersenses", and the Penn tags a word can take). They let the tagger generalise from the cue words it
 * has seen to the many it has not: PolNeAR's cues are a long tail ("urges", "chanting", "has drawn scrutiny"),
 * but most are verbs of communication, cognition or feeling, and most sources are nouns of persons or groups.
 *
 * The lexicon is loaded on first use (some 0.4 s), so rules-only extraction never pays for it.
 */

interface Lexicon {
  words: Record<string, number>;
  senses: number[][];
  tags: Record<string, string[]>;
  verbExceptions: Record<string, string>;
  nounExceptions: Record<string, string>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  lexicon = {
    words: require("wink-lexicon/src/wn-words.js") as Record<string, number>,
    senses: require("wink-lexicon/src/wn-word-senses.js") as number[][],
    tags: require("wink-lexicon/src/lexicon.js") as Record<string, string[]>,
    verbExceptions: require("wink-lexicon/src/wn-verb-exceptions.js") as Record<string, string>,
    nounExceptions: require("wink-lexicon/src/wn-noun-exceptions.js") as Record<string, string>,
  };
  return lexicon;
}

/** WordNet lexicographer file numbers (wink-lexicon's wn-senses order). */
const NOUN_FIRST = 3;
const NOUN_LAST = 28;
const VERB_FIRST = 29;
const VERB_LAST = 43;

/** Classes that matter for attribution, one bit each, in WordNet numbering. */
const KEY_CLASSES: Array<[number, number]> = [
  [32, 1], // verb.communication
  [31, 2], // verb.cognition
  [37, 4], // verb.emotion
  [39, 8], // verb.perception
  [10, 16], // noun.communication
  [18, 32], // noun.person
  [14, 64], // noun.group
  [9, 128], // noun.cognition
  [41, 256], // verb.social
  [4, 512], // noun.act
];

/** Inflection rules (WordNet's morphy): suffix off, ending on. */
const VERB_RULES: Array<[string, string]> = [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]];
const NOUN_RULES: Array<[string, string]> = [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]];

export interface WordClass {
  /** Bits of KEY_CLASSES the word (or a lemma of it) has. */
  key: number;
  /** All verb classes as a bit set (bit k: class VERB_FIRST + k). */
  verb: number;
  /** All noun classes as a bit set (bit k: class NOUN_FIRST + k). */
  noun: number;
  /** The Penn tags the word can take, hashed (0 when the lexicon does not know it). */
  tags: number;
}

const NO_CLASS: WordClass = { key: 0, verb: 0, noun: 0, tags: 0 };
const cache = new Map<string, WordClass>();
/** Past this many distinct words the cache starts again (a long-running server sees an open vocabulary). */
const CACHE_LIMIT = 200_000;

function hashTags(tags: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const t of tags) {
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** The lexicon's classes of a lower-case word, through its lemmas (inflections and irregular forms). */
export function wordClass(word: string): WordClass {
  let c = cache.get(word);
  if (c) return c;
  c = compute(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, c);
  return c;
}

function compute(word: string): WordClass {
  if (word.length < 2 || !/^[a-z]/.test(word)) return NO_CLASS;
  const lex = load();
  const classes = new Set<number>();
  const add = (lemma: string | undefined, first: number, last: number) => {
    if (!lemma) return;
    const idx = lex.words[lemma];
    if (idx === undefined) return;
    for (const s of lex.senses[idx] ?? []) if (s >= first && s <= last) classes.add(s);
  };
  add(word, 0, 44);
  add(lex.verbExceptions[word], VERB_FIRST, VERB_LAST);
  add(lex.nounExceptions[word], NOUN_FIRST, NOUN_LAST);
  for (const [suffix, ending] of VERB_RULES) if (word.length > suffix.length + 1 && word.endsWith(suffix)) add(word.slice(0, -suffix.length) + ending, VERB_FIRST, VERB_LAST);
  // "stopped", "planning": a doubled consonant before the ending.
  const doubled = /([b-df-hj-np-tv-z])\1(ed|ing)$/.exec(word);
  if (doubled) add(word.slice(0, doubled.index + 1), VERB_FIRST, VERB_LAST);
  for (const [suffix, ending] of NOUN_RULES) if (word.length > suffix.length + 1 && word.endsWith(suffix)) add(word.slice(0, -suffix.length) + ending, NOUN_FIRST, NOUN_LAST);
  let key = 0;
  let verb = 0;
  let noun = 0;
  for (const s of classes) {
    if (s >= VERB_FIRST && s <= VERB_LAST) verb |= 1 << (s - VERB_FIRST);
    else if (s >= NOUN_FIRST && s <= NOUN_LAST) noun |= 1 << (s - NOUN_FIRST);
  }
  for (const [s, bit] of KEY_CLASSES) if (classes.has(s)) key |= bit;
  const tags = lex.tags[word];
  return { key, verb, noun, tags: Array.isArray(tags) ? hashTags(tags) : 0 };
}
