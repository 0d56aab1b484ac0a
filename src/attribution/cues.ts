import { BE_FORMS, SEEM_NON_CUE_NEXT, SEEM_VERBS, NOUN_COMPOUND_MODIFIERS, RAISING_VERBS, RAISING_VERBS_WITH_ON, MEDIA_AFTER_ON, NUMBER_WORDS, TIME_WORDS, NOT_ADVERBS, CUE_ADJUNCTS, CUE_FORMS, NON_SPEECH_PARTICLES, CUE_PARTICLES, CUE_PREMODIFIERS, CUE_PREPOSITIONS, NEEDS_PARTICLE, TO_PARTICLE_VERBS, type CueForm } from "../lang/en/cues.js";
import { PLATFORMS } from "../lang/en/speakers.js";
import { MONTHS } from "../lang/en/quantities.js";
import type { TokenView } from "./tokens.js";

/** A cue as a token range: premodifiers ("has also"), the verb, particles ("out") and adjuncts ("in a statement"). */
export interface CueMatch {
  first: number;
  last: number;
  /** The verb (or "according"). */
  head: number;
  form: CueForm | null;
  /** "according to X". */
  according: boolean;
}

const DETERMINERS = new Set(["a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "no", "any", "every", "each"]);
const TO_WORDS = new Set(["to"]);
const SPEECH_LEMMAS_WITHOUT_PREPOSITIONS = new Set(["say", "tell", "write", "add", "according"]);

const SUBJECT_WORDS = new Set(["he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "and", "but"]);
const OBJECT_STARTS = new Set([...DETERMINERS, "him", "me", "us", "them", "it", "what", "whom", "which", "both", "all", "some", "most", "such"]);

/** "to" followed by a verb rather than a noun phrase ("to clean up", not "to the deal" or "to Trump"): a guess from the word after. */
export function infinitiveAt(tv: TokenView, k: number): boolean {
  if (tv.word(k) !== "to" || tv.kinds[k + 1] !== "word" || tv.isCap(k + 1)) return false;
  const w = tv.word(k + 1);
  return !OBJECT_STARTS.has(w) && !/(ion|ment|ness|ity|ism|s)$/.test(w) || w === "be" || w === "keep" || w === "use" || w === "discuss" || w === "address" || w === "focus" || w === "pass" || w === "press" || w === "process";
}

function isMannerAdverb(tv: TokenView, k: number): boolean {
  const w = tv.word(k);
  return w.length > 4 && w.endsWith("ly") && tv.kinds[k] === "word" && !tv.isCap(k) && !NOT_ADVERBS.has(w);
}

/** "on Sunday", "on Twitter": when or where something was said, not the cue's object ("responded on Sunday to …"). */
function whenOrWhere(tv: TokenView, k: number): boolean {
  const w = tv.word(k + 1);
  // "predicted about one-third of the vote": "about" before a number bounds it.
  if (tv.word(k) === "about") return tv.kinds[k + 1] === "number" || NUMBER_WORDS.has(w.split("-")[0]!);
  if (tv.word(k) !== "on") return false;
  return TIME_WORDS.has(w) || MEDIA_AFTER_ON.has(w) || (tv.isCap(k + 1) && (PLATFORMS.has(w) || MONTHS.has(w)));
}

/** "continued to call for", "went on to say", "seemed to confirm": the verb that raises the cue into the cue. */
function raisingVerbBefore(tv: TokenView, i: number): number {
  if (tv.word(i - 1) !== "to" || tv.sentence[i - 2] !== tv.sentence[i]) return -1;
  if (RAISING_VERBS.has(tv.word(i - 2))) return i - 2;
  if (tv.word(i - 2) === "on" && RAISING_VERBS_WITH_ON.has(tv.word(i - 3)) && tv.sentence[i - 3] === tv.sentence[i]) return i - 3;
  return -1;
}

function bareForm(w: string): CueForm | undefined {
  const f = CUE_FORMS.get(w + "s") ?? CUE_FORMS.get(w + "es");
  return f && f.present ? { ...f, gerund: false } : undefined;
}

/** "a program called Sandy Hook Promise", "a new super PAC called Future 45": naming, not speech. */
function namesAfterIndefinite(tv: TokenView, i: number): boolean {
  for (let k = i - 1; k >= i - 4 && k >= 0 && tv.sentence[k] === tv.sentence[i]; k--) {
    const w = tv.word(k);
    if (w === "a" || w === "an") return k < i - 1;
    if (!(tv.kinds[k] === "word" || tv.kinds[k] === "number") || SUBJECT_WORDS.has(w) || CUE_PREMODIFIERS.has(w) || BE_FORMS.has(w)) return false;
  }
  return false;
}

/** The cue whose head verb is token i, if token i can be one here. */
export function matchCue(tv: TokenView, i: number): CueMatch | null {
  const w = tv.word(i);
  if (w === "according" && tv.word(i + 1) === "to") return { first: i, last: i + 1, head: i, form: null, according: true };
  // "seemed to confirm": the cue is the verb after "to", which takes "seemed" in.
  if (RAISING_VERBS.has(w) && tv.word(i + 1) === "to" && raisingVerbBefore(tv, i + 2) === i && (CUE_FORMS.has(tv.word(i + 2)) || bareForm(tv.word(i + 2)))) return null;
  const raised = raisingVerbBefore(tv, i);
  // After "continued to", "went on to": the bare verb ("call", "question") names the cue by its 3sg form.
  const form = CUE_FORMS.get(w) ?? (raised >= 0 ? bareForm(w) : undefined);
  if (!form || tv.kinds[i] !== "word") return null;
  const prev = tv.word(i - 1);
  // "a say", "the report", "to say": not a finite cue verb here.
  if (DETERMINERS.has(prev) || (raised < 0 && form.present && !form.gerund && TO_WORDS.has(prev) && prev !== "not")) return null;
  if (w === "called" && namesAfterIndefinite(tv, i)) return null;
  // "seemed like a man in a hurry", "appears before the delegates": a state or a place, not a report.
  if (SEEM_VERBS.has(w) && SEEM_NON_CUE_NEXT.has(tv.word(i + 1))) return null;
  // "Trump’s plan", "that 2013 report", "a talk show host": a noun after a possessive, a number or a noun of its kind.
  if (form.present && !form.gerund && ((/.['’]s$/.test(prev) && tv.word(i + 1) !== "that") || tv.kinds[i - 1] === "number" || NOUN_COMPOUND_MODIFIERS.has(prev))) return null;
  // "reports", "states": too often nouns; trusted only where a clause ends ("…, the Chicago Tribune reports.").
  if (raised < 0 && form.pastOnly && (form.gerund || (form.present && !(form.lemma === "report" && /^[.,;!?]$/.test(tv.word(i + 1))))) ) return null;
  if (tv.word(i + 1) === "-" || tv.word(i - 1) === "-") return null; // "so-called", "self-described"
  if (NON_SPEECH_PARTICLES.get(w)?.includes(tv.word(i + 1)) && !CUE_ADJUNCTS.some((adj) => adj.every((a, k) => tv.word(i + 1 + k) === a))) return null;
  let last = i;
  const particles = CUE_PARTICLES.get(form.lemma);
  if (particles) {
    const p = tv.word(i + 1);
    if (particles.includes(p)) last = i + 1;
    else if (NEEDS_PARTICLE.has(form.lemma)) return null;
  }
  if (last === i && !SPEECH_LEMMAS_WITHOUT_PREPOSITIONS.has(form.lemma) && form.cls !== "tell") {
    const p = tv.word(i + 1);
    // "agreed to the deal" takes "to" into the cue; "agreed to clean up" leaves "to clean up" as the content.
    if ((CUE_PREPOSITIONS.has(p) && !whenOrWhere(tv, i + 1)) || (p === "to" && TO_PARTICLE_VERBS.has(w) && !infinitiveAt(tv, i + 1))) last = i + 1;
  }
  if (form.lemma === "continue" && tv.word(i + 1) === "to") return null;
  for (const adj of CUE_ADJUNCTS) {
    if (adj.every((a, k) => tv.word(last + 1 + k) === a)) {
      last += adj.length;
      break;
    }
  }
  let first = raised >= 0 ? raised : i;
  const participle = !form.present;
  for (;;) {
    const p = tv.word(first - 1);
    if (first === 0 || tv.sentence[first - 1] !== tv.sentence[i]) break;
    if (CUE_PREMODIFIERS.has(p) || (participle && BE_FORMS.has(p))) first--;
    // "He memorably promised", "they generally agree"; "have both argued" (not "Both said", where "both" is the subject).
    else if (isMannerAdverb(tv, first - 1) || (p === "both" && tv.isWord(first - 2) && tv.sentence[first - 2] === tv.sentence[i])) first--;
    else break;
  }
  while (first < i && (tv.word(first) === "not" || tv.word(first) === "never" || tv.word(first) === "just" || tv.word(first) === "now") && first === i - 1 && !CUE_PREMODIFIERS.has(tv.word(first - 1))) {
    if (tv.word(first) === "now" || tv.word(first) === "just") break;
    first++;
  }
  return { first, last, head: i, form, according: false };
}
