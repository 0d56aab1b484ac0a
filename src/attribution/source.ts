import { CUE_FORMS, FINITE_AUXILIARIES, IRREGULAR_PASTS, NON_APPOSITIVE_OPENERS, NOT_ADVERBS, NOT_GERUNDS, RELATIVE_SOURCES, SENTENCE_ADVERBS, SUBJECT_STOPS, TIME_WORDS, UNAMBIGUOUS_MONTHS } from "../lang/en/cues.js";
import { UNITS } from "../lang/en/numbers.js";
import { DOCUMENT_NOUNS, TO_RELATION_NOUNS } from "../lang/en/speakers.js";
import type { TokenView } from "./tokens.js";

/**
 * The source mention of a cue: the subject noun phrase to its left ("Carter’s press secretary, Peter Cook, told"),
 * or after it in inverted order ("…,” said Mr. Peskov, the Kremlin spokesman.").
 * Works on tokens with word lists only (no parser): a noun phrase is a run of words that are not clause
 * boundaries, pronouns or verbs we know, with "of/for/at/from" allowed before a name.
 */
export interface TokenRange {
  first: number;
  last: number;
}

export const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "i", "we", "you", "it"]);
const NP_PREPOSITIONS = new Set(["of", "for", "at", "from", "with", "in", "on"]);
const TITLE_ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "st", "jr", "sr", "rev", "prof", "cmdr", "brig", "sens", "reps"]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "one", "some", "another", "several", "many", "most", "two", "three", "four"]);
const PREP_DETERMINERS = new Set(["the", "a", "an", "his", "her", "its", "their"]);
const TIME_PREPOSITIONS = new Set(["on", "last", "this", "earlier", "late", "early", "next", "in"]);
const MAX_NP = 12;
const COMPARATIVES = new Set(["more", "fewer", "less"]);
const AGENT_PARTICIPLES = new Set(["led", "seen", "run", "written", "taken", "made", "held", "funded", "owned", "paid", "backed"]);
const OBJECT_CLAUSE_PRONOUNS = new Set(["i", "we", "you", "they"]);
const MAX_APPOSITIVE = 30;

/** A word of time: "Monday", "week", a month ("in April") or a year ("in 2001"). */
function isTime(tv: TokenView, k: number): boolean {
  const w = tv.word(k);
  return TIME_WORDS.has(w) || (UNAMBIGUOUS_MONTHS.has(w) && tv.isCap(k)) || (tv.kinds[k] === "number" && /^(?:19|20)\d\d$/.test(w) && TIME_PREPOSITIONS.has(tv.word(k - 1)));
}

/** Skips a time adjunct that ends at token i ("on Monday", "last week", "in 2001"); returns the token before it. */
export function skipTimeLeft(tv: TokenView, i: number, floor: number): number {
  let j = i;
  while (j >= floor && isTime(tv, j)) {
    j--;
    while (j >= floor && TIME_PREPOSITIONS.has(tv.word(j))) j--;
  }
  return j;
}

/** Skips a time adjunct that starts at token i; returns the token after it. */
export function skipTimeRight(tv: TokenView, i: number, end: number): number {
  let j = i;
  for (;;) {
    let k = j;
    while (k < end && TIME_PREPOSITIONS.has(tv.word(k))) k++;
    if (k < end && isTime(tv, k)) {
      j = k + 1;
      continue;
    }
    return j;
  }
}

/** The subject that ends at token i (the token before the cue), or null. */
export function leftSubject(tv: TokenView, i: number, floor: number): TokenRange | null {
  let j = skipTimeLeft(tv, i, floor);
  // "Carter however said", "Carter, however, said": the adverb belongs to neither subject nor cue.
  if (j - 1 >= floor && SENTENCE_ADVERBS.has(tv.word(j)) && tv.isWord(j - 1)) j = skipTimeLeft(tv, j - 1, floor);
  else if (j - 3 >= floor && tv.word(j) === "," && SENTENCE_ADVERBS.has(tv.word(j - 1)) && tv.word(j - 2) === ",") j = skipTimeLeft(tv, j - 3, floor);
  if (j < floor) return null;
  if (j < floor) return null;
  const w = tv.word(j);
  if (RELATIVE_SOURCES.has(w)) return { first: j, last: j };
  if (SUBJECT_PRONOUNS.has(w)) return { first: j, last: j };
  if (w === ",") return appositiveSubject(tv, j, floor);
  // "Politifact seized on Trump’s claim": a possessive before a cue noun is the source alone.
  if ((w.endsWith("’s") || w.endsWith("'s")) && w.length > 2) return possessorLeft(tv, j, floor);
  return relativeClauseSubject(tv, j, floor) ?? nounPhraseLeft(tv, j, floor);
}

/** The possessor ending at token j: a name ("Donald Trump’s", "Tulsa police’s") or "the" and a noun. */
function possessorLeft(tv: TokenView, j: number, floor: number): TokenRange {
  let k = j;
  while (k - 1 >= floor && j - k < 5) {
    const p = k - 1;
    const w = tv.word(p);
    if (tv.isCap(p) && !SUBJECT_STOPS.has(w)) k = p;
    else if (abbreviationDot(tv, p)) k = p;
    else if (PREP_DETERMINERS.has(w)) {
      k = p;
      break;
    } else break;
  }
  return { first: k, last: j };
}

const MAX_RELATIVE_CLAUSE = 10;

/**
 * "…, a Russian lawyer who represents some of them said": a noun phrase and the relative clause that ends right
 * before the cue, taken whole. Only where the noun phrase opens the clause (sentence start or after a comma) and the
 * relative clause holds no cue of its own ("officials who said …" is an attribution of its own).
 */
function relativeClauseSubject(tv: TokenView, j: number, floor: number): TokenRange | null {
  for (let k = j - 1; k > floor && j - k <= MAX_RELATIVE_CLAUSE; k--) {
    if (!tv.isWord(k) && tv.kinds[k] !== "number") return null;
    if (CUE_FORMS.has(tv.word(k))) return null;
    if (tv.word(k) !== "who") continue;
    const head = nounPhraseLeft(tv, k - 1, floor);
    if (!head || !(head.first === floor || tv.word(head.first - 1) === ",")) return null;
    return { first: head.first, last: j };
  }
  return null;
}

/** "X, a spokesman for Y, said": from X's start to the comma before the cue. */
function appositiveSubject(tv: TokenView, comma: number, floor: number): TokenRange | null {
  let c = comma - 1;
  while (c >= floor && comma - c <= MAX_APPOSITIVE) {
    const w = tv.word(c);
    if ((tv.kinds[c] === "quote" && !isPossessive(tv, c) && !insideQuote(tv, c)) || w === ";" || w === ":") return null;
    if (w === ",") break;
    c--;
  }
  if (c < floor || tv.word(c) !== ",") return null;
  if (c + 1 >= comma) return null;
  let head = nounPhraseLeft(tv, c - 1, floor);
  if (!head) return null;
  // "Ivan, 27, a reservist …, said": an age between commas follows the name.
  if (head.first === head.last && tv.kinds[head.first] === "number" && tv.word(head.first - 1) === "," && head.first - 2 >= floor) {
    const name = nounPhraseLeft(tv, head.first - 2, floor);
    if (name && tv.isCap(name.first)) head = { first: name.first, last: head.last };
  }
  // A name on one side or the other: "Peter Cook, Carter’s press secretary," / "Carter’s press secretary, Peter Cook,".
  let named = false;
  for (let k = head.first; k < comma && !named; k++) if (tv.isCap(k) && k !== floor) named = true;
  if (!named && !tv.isCap(head.last)) return null;
  // "The Russian Defence Ministry, which says it plans …, has not commented": the relative clause is an attribution
  // of its own, so the subject is the name before it.
  if (RELATIVE_SOURCES.has(tv.word(c + 1)) && clauseHasCue(tv, c + 2, comma)) return head;
  // "Trump, speaking to veterans in Virginia, said", "Clinton, in her campaigning, suggested": no appositive.
  if (opensAdjunct(tv, c + 1)) return head;
  return { first: head.first, last: comma - 1 };
}

/** "Sanders’ campaign": an apostrophe after a word ending in s, followed by a space. */
export function isPossessive(tv: TokenView, k: number): boolean {
  return (tv.word(k) === "’" || tv.word(k) === "'") && k > 0 && tv.adjacent(k - 1) && /s$/.test(tv.word(k - 1)) && !tv.adjacent(k);
}

/** A quote mark of a short quotation inside an appositive ("the hacker known as “Guccifer,”"). */
function insideQuote(tv: TokenView, k: number): boolean {
  return tv.quote[k]! >= 0;
}

const QUANTIFIER_HEADS = new Set(["most", "many", "some", "others", "few", "both", "all", "several", "one", "half"]);

/** A capital letter and its full stop, a name's initial: "Donald J. Trump", "G.K. Butterfield". */
export function isInitial(tv: TokenView, k: number): boolean {
  return tv.isCap(k) && tv.ends[k]! - tv.starts[k]! === 1 && tv.adjacent(k) && tv.word(k + 1) === ".";
}

/** A number in digits or words: "six", "4". */
function isCount(tv: TokenView, k: number): boolean {
  return tv.kinds[k] === "number" || UNITS.has(tv.word(k));
}

/** The full stop of a title or an initial ("Mr.", "W."), which ends no sentence and no appositive. */
function abbreviationDot(tv: TokenView, k: number): boolean {
  return tv.word(k) === "." && k > 0 && tv.adjacent(k - 1) && (TITLE_ABBREVIATIONS.has(tv.word(k - 1)) || isInitial(tv, k - 1));
}

/** A noun phrase ending at token j, walking left. */
export function nounPhraseLeft(tv: TokenView, j: number, floor: number): TokenRange | null {
  if (tv.word(j) === ")") {
    // "Rep. Elijah Cummings (D-Md.)": a parenthesis closing the phrase belongs to it.
    let o = j - 1;
    while (o > floor && tv.word(o) !== "(" && j - o < 8) o--;
    if (tv.word(o) !== "(" || o - 1 < floor) return null;
    const inner = nounPhraseLeft(tv, o - 1, floor);
    return inner ? { first: inner.first, last: j } : null;
  }
  if (!tv.isWord(j)) return null;
  const last = tv.word(j);
  if (QUANTIFIER_HEADS.has(last) && (j === floor || !tv.isWord(j - 1) || SUBJECT_STOPS.has(tv.word(j - 1)))) return { first: j, last: j };
  if (DETERMINERS.has(last) || NP_PREPOSITIONS.has(last) || SUBJECT_STOPS.has(last) || CUE_FORMS.has(last)) return null;
  let k = j;
  while (k - 1 >= floor && j - k + 1 < MAX_NP) {
    const p = k - 1;
    const w = tv.word(p);
    const kind = tv.kinds[p];
    if (kind === "word" || kind === "number") {
      if (w === "and") {
        // "Mr. Grassley and Mr. Leahy say": two names joined are one source.
        const left = nameConjunct(tv, p - 1, floor);
        if (left < 0) break;
        // The walk goes on before the first name: "a 2014 study by Harvard and the University of California".
        k = left;
        continue;
      }
      // "A study by the Urban Institute", "aides to Clinton", "six in 10 voters": a preposition inside the source.
      // "A poll conducted by Edison Research", "a panel led by Chris Matthews": a participle's agent too.
      if (p - 1 >= floor && ((w === "by" && (DOCUMENT_NOUNS.has(tv.word(p - 1)) || (tv.word(p - 1).endsWith("ed") || AGENT_PARTICIPLES.has(tv.word(p - 1))) && !tv.isCap(p - 1))) || (w === "to" && TO_RELATION_NOUNS.has(tv.word(p - 1))) || (w === "in" && isCount(tv, k) && isCount(tv, p - 1)))) {
        k = p;
        continue;
      }
      // "Only 52 percent of voters", "More than six in 10", "at least four": the bound of a count.
      if (w === "only" && isCount(tv, k)) {
        k = p;
        continue;
      }
      if (w === "least" && tv.word(p - 1) === "at" && p - 1 >= floor && isCount(tv, k)) {
        k = p - 1;
        continue;
      }
      if (w === "than" && p - 1 >= floor && COMPARATIVES.has(tv.word(p - 1)) && isCount(tv, k)) {
        k = p - 1;
        continue;
      }
      // "all the experts I interviewed said": a relative clause without "that", a pronoun and its verb.
      if (OBJECT_CLAUSE_PRONOUNS.has(w) && k === j && p - 1 >= floor && tv.isWord(p - 1) && !SUBJECT_STOPS.has(tv.word(p - 1)) && !tv.isCap(j) && (tv.word(j).endsWith("ed") || IRREGULAR_PASTS.has(tv.word(j)))) {
        const head = nounPhraseLeft(tv, p - 1, floor);
        if (head) return { first: head.first, last: j };
      }
      if (SUBJECT_STOPS.has(w) || SUBJECT_PRONOUNS.has(w) || RELATIVE_SOURCES.has(w)) break;
      // "state Sen. Jason Holsman", "every recent state poll": "state" before a noun is no verb.
      if (CUE_FORMS.has(w) && !tv.isCap(p) && !(w === "state" && tv.isWord(k) && !CUE_FORMS.has(tv.word(k)))) break;
      if (w === "of" && p - 1 >= floor && tv.isWord(p - 1) && !SUBJECT_STOPS.has(tv.word(p - 1))) {
        k = p; // "half of voters", "the head of the ministry"
        continue;
      }
      if (NP_PREPOSITIONS.has(w)) {
        const next = tv.word(k);
        const okRight = tv.isCap(k) || PREP_DETERMINERS.has(next) || next === "both" || next === "all";
        // "many in the Republican establishment": a quantifier heads the phrase.
        const okLeft = p - 1 >= floor && tv.isWord(p - 1) && !SUBJECT_STOPS.has(tv.word(p - 1)) && !NP_PREPOSITIONS.has(tv.word(p - 1)) && (!DETERMINERS.has(tv.word(p - 1)) || QUANTIFIER_HEADS.has(tv.word(p - 1)));
        if (!okRight || !okLeft || !tv.isCap(p - 1) && !/^[a-z]/.test(tv.word(p - 1))) break;
      }
      k = p;
      continue;
    }
    if (abbreviationDot(tv, p)) {
      k = p;
      continue;
    }
    if (w === ")" && !tv.isCap(k) === false) {
      let o = p - 1;
      while (o > floor && tv.word(o) !== "(" && p - o < 8) o--;
      if (tv.word(o) === "(" && o - 1 >= floor && tv.isWord(o - 1)) {
        k = o;
        continue;
      }
      break;
    }
    if ((w === "-" || w === "&" || w === "’" || w === "'") && p - 1 >= floor && tv.isWord(p - 1)) {
      k = p;
      continue;
    }
    break;
  }
  // "In a Bloomberg interview Trump declared": a prepositional phrase opening the clause without a comma; the
  // subject is the name at its end, after the last lower-case word.
  const opensWithPreposition = NP_PREPOSITIONS.has(tv.word(k)) || (k - 1 >= floor && NP_PREPOSITIONS.has(tv.word(k - 1)) && (k - 1 === floor || !tv.isWord(k - 2)));
  if (opensWithPreposition && tv.isCap(j)) {
    let name = j;
    while (name - 1 > k && (tv.isCap(name - 1) || (tv.word(name - 1) === "." && name - 2 > k && tv.isCap(name - 2)))) name--;
    if (name - 1 > k && tv.kinds[name - 1] === "word" && !tv.isCap(name - 1)) k = name;
  }
  // Drop leading adverbs ("Previously Trump said") and prepositions left at the edge.
  // An adverb before a count bounds it ("nearly eight of 10 voters") and stays.
  // "At least four senators" keeps its bound; "Early results" is no adverb.
  const adverb = (x: number) => /ly$/.test(tv.word(x)) && !NOT_ADVERBS.has(tv.word(x)) && !isCount(tv, x + 1);
  while (k < j && ((adverb(k) && !tv.isCap(k)) || (NP_PREPOSITIONS.has(tv.word(k)) && tv.word(k + 1) !== "least"))) k++;
  if (tv.isCap(k) && adverb(k) && k === floor && k < j && !tv.isCap(k + 1)) k++;
  return { first: k, last: j };
}

const MAX_CONJUNCT = 5;
const CONJUNCT_PRONOUNS = new Set(["he", "she", "they", "we"]);

/**
 * The first token of a noun phrase that ends at token j and opens its clause ("Mr. Grassley" in "But Mr. Grassley
 * and Mr. Leahy say", "She" in "She and her aides have vowed"), or -1. No verb we know and no "-ed" word, so that
 * a clause before "and" ("Trump met Abe and Putin said") is not taken for a subject.
 */
function nameConjunct(tv: TokenView, j: number, floor: number): number {
  let k = j + 1;
  if (CONJUNCT_PRONOUNS.has(tv.word(j))) k = j;
  else {
    while (k - 1 >= floor && j - k + 2 <= MAX_CONJUNCT) {
      const p = k - 1;
      const w = tv.word(p);
      if (tv.isWord(p) && !SUBJECT_STOPS.has(w) && !SUBJECT_PRONOUNS.has(w) && !CUE_FORMS.has(w) && !NP_PREPOSITIONS.has(w) && (tv.isCap(p) || !w.endsWith("ed"))) k = p;
      else if (abbreviationDot(tv, p)) k = p;
      else break;
    }
  }
  if (k > j) return -1;
  // "the Department of Health and Human Services": a name with "of" in it, walked as a noun phrase.
  if (k - 1 > floor && NP_PREPOSITIONS.has(tv.word(k - 1)) && (tv.isCap(k) || PREP_DETERMINERS.has(tv.word(k))) && tv.isCap(j)) k = nounPhraseLeft(tv, j, floor)?.first ?? k;
  const before = k - 1;
  if (before >= floor && tv.isWord(before) && !SUBJECT_STOPS.has(tv.word(before)) && !SENTENCE_ADVERBS.has(tv.word(before))) return -1;
  return k;
}

/** The subject after an inverted cue: "said Trump", "said Dmitry Peskov, the Kremlin spokesman". */
export function rightSubject(tv: TokenView, k: number, end: number): TokenRange | null {
  if (k >= end) return null;
  const w = tv.word(k);
  if (SUBJECT_PRONOUNS.has(w)) return { first: k, last: k };
  let j = k;
  if (DETERMINERS.has(w)) j++;
  let last = -1;
  let named = false;
  while (j < end && j - k < MAX_NP) {
    const v = tv.word(j);
    const kind = tv.kinds[j];
    if (kind === "word" || kind === "number") {
      if (SUBJECT_STOPS.has(v) || SUBJECT_PRONOUNS.has(v) || TIME_WORDS.has(v)) break;
      if (CUE_FORMS.has(v) && !tv.isCap(j)) break;
      if (NP_PREPOSITIONS.has(v)) {
        const next = tv.word(j + 1);
        if (!(tv.isCap(j + 1) || PREP_DETERMINERS.has(next)) || TIME_WORDS.has(next) || TIME_WORDS.has(tv.word(j + 2))) break;
        // "said Paul Ryan in a statement": after a name, "in a …" is where it was said.
        if ((next === "a" || next === "an") && tv.isCap(j - 1)) break;
      }
      if (tv.isCap(j)) named = true;
      last = j;
      j++;
      continue;
    }
    if ((v === "." && (TITLE_ABBREVIATIONS.has(tv.word(j - 1)) || isInitial(tv, j - 1))) || v === "-" || v === "&") {
      j++;
      continue;
    }
    // "said Rep. Joseph Crowley (D-N.Y.), a leading advocate …": a party and state after the name.
    if (v === "(" && last === j - 1 && tv.isCap(last)) {
      let c = j + 1;
      while (c < end && c - j < 10 && tv.word(c) !== ")" && tv.word(c) !== "(") c++;
      if (c < end && tv.word(c) === ")") {
        last = c;
        j = c + 1;
        continue;
      }
    }
    break;
  }
  if (last < 0) return null;
  if (!named && DETERMINERS.has(tv.word(k)) === false) return null;
  // Appositive after a comma: ", a spokesman for the ministry" up to the next comma or the sentence end.
  // PolNeAR takes the whole appositive into the source ("said Ilyse Hogue, president of NARAL Pro-Choice America."),
  // commas included ("a city council member in Somerton, Ariz."), and a relative clause ("said Joseph, who has four
  // children"), but not one that holds a cue of its own (", who said he …") nor an adjunct (", speaking from her
  // porch", ", referring to the report") or a new predicate (", has rejected the label").
  const w2 = tv.word(last + 2);
  if (tv.word(last + 1) === "," && last + 2 < end && !(w2 === "who" && clauseHasCue(tv, last + 3, end)) && (w2 === "whose" || !opensAdjunct(tv, last + 2)) && (tv.isWord(last + 2) || w2 === "$")) {
    let e = last + 1;
    let stop = last;
    while (e + 1 < end && tv.kinds[e + 1] !== "quote" && (!/^[.;:!?]$/.test(tv.word(e + 1)) || abbreviationDot(tv, e + 1)) && e - last < MAX_APPOSITIVE) {
      e++;
      if (tv.word(e) === "," && tv.word(e + 1) === "who" && clauseHasCue(tv, e + 2, end)) break;
      if (tv.word(e) === "," && (opensAdjunct(tv, e + 1) || FINITE_AUXILIARIES.has(tv.word(e + 1)))) break;
      if (tv.word(e) !== ",") stop = e;
    }
    if (stop > last) return { first: k, last: stop };
  }
  return { first: k, last };
}

/** Token k opens an adjunct or a participle clause rather than an appositive. */
export function opensAdjunct(tv: TokenView, k: number): boolean {
  const w = tv.word(k);
  return NON_APPOSITIVE_OPENERS.has(w) || (w.length > 5 && w.endsWith("ing") && !tv.isCap(k) && tv.kinds[k] === "word" && !NOT_GERUNDS.has(w));
}

/** A cue verb within the first few words of a relative clause: "who said", "who has long argued". */
function clauseHasCue(tv: TokenView, k: number, end: number): boolean {
  for (let j = k; j < end && j < k + 4; j++) if (CUE_FORMS.has(tv.word(j))) return true;
  return false;
}
