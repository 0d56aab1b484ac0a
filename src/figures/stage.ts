import { attributionsOf, statementDate } from "../dates/stage.js";
import type { DateMention } from "../dates/resolve.js";
import { QUALIFIER_PHRASES, SCALES } from "../lang/en/numbers.js";
import {
  ASIDE_OPENERS,
  ATTRIBUTIVE_MEASURES,
  CASED_UNIT_WORDS,
  CHANGE_MEASURES,
  JOINED_MEASURES,
  MAIN_CLAUSE_RESUMES,
  MEASURE_WORDS,
  NOT_CLAIMED_COUNTS,
  PERSON_NOUNS,
  REVISION_CUE,
  REVISION_FROM,
  TIME_REFERENCE_AFTER,
  TIME_UNITS,
  UNIT_WORDS,
} from "../lang/en/quantities.js";
import type { Attribution, Figure } from "../model/claims.js";
import type { Document } from "../model/document.js";
import { contains, type Span } from "../model/span.js";
import type { Stage } from "../pipeline/stage.js";
import { readQuantitiesAndLexemes, type Quantity } from "./grammar.js";
import { MAYBE_NUMBER, type Lex } from "./lexer.js";
import type { Token } from "../model/document.js";

/**
 * Figures layer: every number someone asserts as an amount, with its qualifier, unit, measure and subject, the
 * attribution whose content holds it (hence its speaker; null in the narrator's voice), the date it refers to or
 * was stated on, and in-sentence revisions ("said 63, before revising the number to 89" → the second revises the
 * first). Reads the optional `attributions` and `dates` layers when earlier stages added them.
 */
export const figuresStage: Stage = {
  name: "figures",
  reads: ["sentences"],
  adds: ["figures"],
  run(doc) {
    return { figures: extractFigures(doc) };
  },
};

export function extractFigures(doc: Readonly<Document>): Figure[] {
  const attributions = attributionsOf(doc) ?? [];
  const dates = ((doc.layers as { dates?: DateMention[] }).dates ?? []) as DateMention[];
  const figures: Figure[] = [];
  let n = 0;
  let di = 0;
  const tokens = doc.layers.tokens ?? [];
  let hyphens: Hyphens | undefined;
  let ti = 0;
  for (const sentence of doc.layers.sentences ?? []) {
    // dates are sorted by start; those of this sentence
    while (di < dates.length && dates[di]!.start < sentence.start) di++;
    let dj = di;
    while (dj < dates.length && dates[dj]!.start < sentence.end) dj++;
    // sentences and tokens are both in text order: a linear walk, not a search per sentence
    while (ti < tokens.length && tokens[ti]!.start < sentence.start) ti++;
    if (tokens.length) {
      const at = firstCandidate(doc.text, tokens, ti, sentence.end, dates, di, dj, (hyphens ??= new Hyphens(doc.text)));
      if (at >= tokens.length || tokens[at]!.start >= sentence.end) {
        ti = at; // the walk stopped at the next sentence's tokens: nothing to walk again
        continue;
      }
    } else if (!MAYBE_NUMBER.test(doc.text.slice(sentence.start, sentence.end))) continue;
    const sentenceDates = dates.slice(di, dj);
    const inSentence: Figure[] = [];
    const { quantities, lexemes } = readQuantitiesAndLexemes(doc.text, sentence);
    const reaching = reachingInto(attributions, sentence);
    // the measure word at each lexeme, looked up once per sentence however many figures it holds
    let measures: MeasureMemo | undefined;
    const cueHere = firstWithCueIn(attributions, sentence);
    for (const q of quantities) {
      if (q.role !== "quantity" || q.weak) continue;
      if (sentenceDates.some((d) => contains(d, q.number))) continue; // "Feb. 24", "in 2016", "two days ago" are dates
      if (notAClaim(q, lexemes)) continue;
      const attribution = reaching.find((a) => a.content.some((c) => contains(c, q))) ?? null;
      const fig: Figure = {
        id: `f${++n}`,
        start: q.start,
        end: q.end,
        value: q.value,
        low: q.value === null ? Math.min(q.first!, q.second!) : null,
        high: q.value === null ? Math.max(q.first!, q.second!) : null,
        qualifier: q.qualifier,
        unit: unitOf(q),
        measure: measureOf(lexemes, q, quantities, (measures ??= new Array(lexemes.length))),
        subject: subjectOf(doc.text, sentence, q),
        attribution: attribution?.id ?? null,
        speaker: attribution?.speaker ?? null,
        date: dateOf(doc, q, attribution, cueHere, dates, sentenceDates),
        revises: null,
      };
      const revised = revisionRange(doc.text, sentence, q, lexemes);
      if (revised) {
        // "revised its count from 63 to 89": the old figure, then the new one that revises it
        inSentence.push({ ...fig, end: q.number.end, value: q.first, low: null, high: null, qualifier: "exact" });
        inSentence.push({ ...fig, id: `f${++n}`, start: revised.start, value: q.second, low: null, high: null, qualifier: "exact", revises: fig.id });
        continue;
      }
      inSentence.push(fig);
    }
    markRevisions(doc.text, inSentence);
    for (const f of inSentence) figures.push(f);
  }
  return figures;
}

/** "revised its count from 63 to 89": a range that is a revision; where its second number starts. */
function revisionRange(text: string, sentence: Span, q: Quantity, ls: readonly Lex[]): Span | null {
  if (q.value !== null || q.qualifier !== "range" || q.first === null || q.second === null) return null;
  if (!REVISION_FROM.test(text.slice(Math.max(sentence.start, q.start - 60), q.start))) return null;
  const to = ls.findIndex((l) => l.start >= q.number.end && (l.lower === "to" || l.lower === "-" || l.lower === "–"));
  const second = ls[to + 1];
  return to >= 0 && second && second.end <= q.end ? { start: second.start, end: q.end } : null;
}

/**
 * Amounts nobody claims: an age in apposition ("Ivan, 27,"), a time reference ("Four days after the strike", "after
 * eight months of occupation") and counts that only frame a statement ("the two sides", "citing three sources").
 */
function notAClaim(q: Quantity, ls: readonly Lex[]): boolean {
  if (q.unitKind === "age" && q.end === q.number.end) return true;
  const unit = q.unit?.split(" ").pop() ?? "";
  if (NOT_CLAIMED_COUNTS.has(unit)) return true;
  if (TIME_UNITS.has(unit) && q.qualifier === "exact") {
    const after = ls.find((l) => l.start >= q.end)?.lower ?? "";
    let before = "";
    for (const l of ls) if (l.end <= q.start) before = l.lower;
    if (TIME_REFERENCE_AFTER.has(after) || (before === "after" && after === "of")) return true;
  }
  return false;
}

/** The attributions whose content reaches into `sentence`, in their order (plain loops: this runs per sentence). */
function reachingInto(attributions: readonly Attribution[], sentence: Span): Attribution[] {
  const out: Attribution[] = [];
  for (const a of attributions) {
    for (const c of a.content) {
      if (c.start < sentence.end && sentence.start < c.end) {
        out.push(a);
        break;
      }
    }
  }
  return out;
}

/** The first attribution whose cue stands in `sentence`. */
function firstWithCueIn(attributions: readonly Attribution[], sentence: Span): Attribution | null {
  for (const a of attributions) if (a.cue && contains(sentence, a.cue)) return a;
  return null;
}

/** Number words that can start a figure on their own (a bare "one" cannot: it is dropped as a determiner). */
const CANDIDATE_WORDS = new Set([
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
  "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
  "trillion", "trillions", "dozen", "dozens", "several", "tens", "half", "third", "thirds", "quarter", "fifth",
]);
const CANDIDATE_FIRST = new Uint8Array(128);
for (const w of [...CANDIDATE_WORDS, "one"]) CANDIDATE_FIRST[w.charCodeAt(0)] = CANDIDATE_FIRST[w.charCodeAt(0) - 32] = 1;

/** Candidate words (and "one") by lower-cased first letter and length: most words are rejected by one array read. */
const CANDIDATES_BY_KEY: Array<string[] | undefined> = new Array<undefined>(128 << 4).fill(undefined); // dense, not a dictionary
const candidateKey = (firstLower: number, length: number) => (firstLower << 4) | length;
for (const w of [...CANDIDATE_WORDS, "one"]) (CANDIDATES_BY_KEY[candidateKey(w.charCodeAt(0), w.length)] ??= []).push(w);
/** For each key, the last letters of its candidate words as bits: "the" has the key of "two" and "ten", not their last letter. */
const CANDIDATE_LAST_LETTERS = new Uint32Array(128 << 4);
for (const w of [...CANDIDATE_WORDS, "one"]) CANDIDATE_LAST_LETTERS[candidateKey(w.charCodeAt(0), w.length)]! |= 1 << (w.charCodeAt(w.length - 1) & 31);
const ONE_BEFORE = new Set(["in", "out", "hundred", "thousand", "million", "billion", "and", "-", "third", "quarter"]);

/** Whether `text` at `at` spells the lower-case ASCII `word`, in any letter case. */
function spellsAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** The hyphens of a text, asked for in text order: where the first hyphen at or after an offset is, without a scan. */
class Hyphens {
  private readonly at: number[] = [];
  private next = 0;
  constructor(text: string) {
    for (let h = text.indexOf("-"); h >= 0; h = text.indexOf("-", h + 1)) this.at.push(h);
  }
  /** The first hyphen at or after `offset` (offsets asked for never decrease), or Infinity. */
  from(offset: number): number {
    while (this.next < this.at.length && this.at[this.next]! < offset) this.next++;
    return this.next < this.at.length ? this.at[this.next]! : Infinity;
  }
}

/**
 * The first token of the sentence whose tokens start at `from` (and that ends at `end`) that may begin a figure: a
 * number token, or a number word; when there is none, where the walk stopped (the first token at or after `end`).
 * Walks the shared tokens and reads characters in place: no regular expression, no string built. (Letters outside
 * ASCII never spell a number word, so comparing ASCII letters with their case bit cleared is exact.)
 */
function firstCandidate(text: string, tokens: readonly Token[], from: number, end: number, dates: readonly DateMention[], firstDate: number, endDate: number, hyphens: Hyphens): number {
  let i = from;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const start = t.start;
    if (start >= end) break;
    if (t.kind === "number") {
      // a number inside a date ("Nov. 8", "in 2016") is never a figure: the stage drops whatever the grammar reads there
      if (!isBareYear(text, tokens, i) && !isNeverAmount(text, tokens, i) && !insideAny(dates, firstDate, endDate, t)) return i;
      continue;
    }
    if (t.kind !== "word") continue;
    const len = t.end - start;
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) return i; // "256GB", "1million": a number glued to its unit is one word token
    if (len < 3) continue;
    if (c >= 128 || !CANDIDATE_FIRST[c]) {
      if (len > 5 && text.charCodeAt(t.end - 1) === 100 && text.endsWith("fold", t.end)) return i; // "sixfold"
      continue;
    }
    // "twenty-eight", "two-thirds": the first part of a hyphenated word
    const wordEnd = Math.min(t.end, hyphens.from(start + 1));
    const wordLength = wordEnd - start;
    if (wordLength > 9) continue;
    const key = candidateKey(c | 32, wordLength);
    const words = (CANDIDATE_LAST_LETTERS[key]! >>> (text.charCodeAt(wordEnd - 1) & 31)) & 1 ? CANDIDATES_BY_KEY[key] : undefined;
    if (words !== undefined) {
      for (let k = 0; k < words.length; k++) {
        if (!spellsAt(text, start, words[k]!)) continue;
        if (words[k] !== "one" || oneIsCandidate(text, tokens, i)) return i;
      }
    }
    if (wordLength >= 4 && (text.charCodeAt(wordEnd - 1) | 32) === 100 && spellsAt(text, wordEnd - 4, "fold")) return i;
  }
  return i;
}

function insideAny(spans: readonly Span[], from: number, to: number, span: Span): boolean {
  for (let k = from; k < to; k++) if (contains(spans[k]!, span)) return true;
  return false;
}

/** A bare "one" may start a figure only before a scale or a proportion ("one in five", "one million"). */
function oneIsCandidate(text: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return ONE_BEFORE.has(next ? text.slice(next.start, next.end).toLowerCase() : "");
}

/**
 * Numbers the grammar never reads as amounts: ordinals and decades ("21st", "1990s": the tokenizer keeps the suffix),
 * clock times ("10:30", "4 a.m.").
 */
function isNeverAmount(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const last = text.charCodeAt(t.end - 1) | 32;
  // (not after a glued sign: "$20s" are banknotes)
  if (last >= 97 && last <= 122 && !(prev && prev.end === t.start && prev.kind !== "word")) return true;
  if (isColon(text, next) && next!.start === t.end && tokens[i + 2]?.kind === "number" && tokens[i + 2]!.start === next!.end) return true;
  if (isColon(text, prev) && prev!.end === t.start && tokens[i - 2]?.kind === "number" && tokens[i - 2]!.end === prev!.start) return true;
  if (next && next.end - next.start === 4 && next.kind === "word") {
    const w = text.slice(next.start, next.end).toLowerCase();
    if (w === "a.m." || w === "p.m.") return true;
  }
  return false;
}

function isColon(text: string, x: Token | undefined): boolean {
  return !!x && x.end - x.start === 1 && text.charCodeAt(x.start) === 58;
}

/** Words after which a year-like number may still be an amount ("more than 2000 troops", "between 2000 and 3000"). */
const BEFORE_AMOUNT = new Set([...QUALIFIER_PHRASES.flatMap(([p]) => p.split(" ")), "between", "from"]);
/** First words of units and scales ("2000 km", "2000 square feet", "2000 million"): they make a four-digit number an amount. */
const UNIT_STARTS = new Set([...UNIT_WORDS.keys(), ...[...CASED_UNIT_WORDS.keys()].map((k) => k.toLowerCase()), ...SCALES.keys()].map((k) => k.split(/[ .]/)[0]!));

/** "in 2016", "the 2016 campaign", "(2016)": a year, never an amount (either test suffices). */
function isBareYear(text: string, tokens: readonly Token[], i: number): boolean {
  return isYearBeforeItsNoun(text, tokens, i) || isOnlyAYear(text, tokens, i);
}

const NOT_COUNTED_AFTER_YEAR = new Set(["when", "that", "with", "after", "before", "until", "were", "will", "from", "into", "during", "since", "election", "elections", "campaign", "race", "presidential", "primary", "primaries"]);

/** "in 2016", "the 2020 race": a four-digit year with nothing after it that it could count. */
function isYearBeforeItsNoun(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.end - t.start !== 4) return false;
  const c = text.charCodeAt(t.start);
  const c2 = text.charCodeAt(t.start + 1);
  if (!((c === 49 && c2 === 57) || (c === 50 && c2 === 48))) return false;
  const prev = tokens[i - 1];
  if (prev && prev.end === t.start && prev.kind !== "word") return false; // "$2000", "-2016"
  const next = tokens[i + 1];
  if (!next || next.kind !== "word") return true;
  const n0 = text.charCodeAt(next.start);
  if (n0 < 97 || n0 > 122 || next.end - next.start <= 3) return true;
  return NOT_COUNTED_AFTER_YEAR.has(text.slice(next.start, next.end));
}

/** A number from 1800 to 2100 with no sign, qualifier, unit or scale beside it: the grammar reads it as a year. */
function isOnlyAYear(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.end - t.start !== 4) return false;
  const c = text.charCodeAt(t.start);
  const c2 = text.charCodeAt(t.start + 1);
  if (!((c === 49 && (c2 === 56 || c2 === 57)) || (c === 50 && c2 === 48) || (c === 50 && c2 === 49 && text.startsWith("2100", t.start)))) return false;
  const prev = tokens[i - 1];
  if (prev && prev.end === t.start && prev.kind !== "word") return false; // "$2000", "-2016"
  if (prev && prev.kind === "word" && BEFORE_AMOUNT.has(text.slice(prev.start, prev.end).toLowerCase())) return false;
  // the counted phrase runs up to four words: "2016 rushing yards" is a distance
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const n = tokens[k]!;
    if (n.kind !== "word") return !(k === i + 1 && n.start === t.end); // a glued sign ("2016%", "2016-17") may be more
    if (UNIT_STARTS.has(text.slice(n.start, n.end).toLowerCase())) return false;
  }
  return true;
}

/** The figure's unit: people for persons ("Russian soldiers" → people), else the grammar's normalised unit. */
function unitOf(q: Quantity): string | null {
  if (!q.unit) return null;
  if (q.unitKind !== "noun") return q.unit;
  if (q.unit.startsWith("% ")) return "proportion"; // "one in five Russians", "a third of the unit"
  const words = q.unit.replace(/^% /, "").split(" ");
  const head = words[words.length - 1]!;
  if (PERSON_NOUNS.has(head) || PERSON_NOUNS.has(words.slice(-2).join(" "))) return "people";
  return head;
}

/** What is counted, as written: the counted noun phrase, or what "the number of …"/"X% of …" names. */
function subjectOf(text: string, sentence: Span, q: Quantity): string | null {
  if (q.noun) return text.slice(q.noun.start, q.noun.end);
  const before = text.slice(sentence.start, q.start);
  const m = /\b(?:number|toll|count|total) of ((?:[\p{L}’'-]+ ){0,2}?[\p{L}’'-]+?)(?= (?:killed|wounded|who|that|in|on|at|had|has|have|was|were|is|are)\b|,|$)/u.exec(before);
  if (m) return m[1]!.replace(/^(the|those|its|their) /, "");
  return null;
}

/** First words of the measure phrases of two words ("death toll", "called up"). */
const MEASURE_FIRST_WORDS = new Set([...MEASURE_WORDS.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]!));

/** Per lexeme of a sentence: its measure (null for none), or undefined while not looked up yet. */
type MeasureMemo = Array<string | null | undefined>;

/** The measure named at lexeme `i`: a two-word phrase starting there ("death toll", "called up"), else the word. */
function measureAt(ls: readonly Lex[], i: number, memo: MeasureMemo): string | null {
  const known = memo[i];
  if (known !== undefined) return known;
  const w = ls[i]?.lower;
  let m: string | null = null;
  if (w) {
    const next = ls[i + 1];
    const two = next && MEASURE_FIRST_WORDS.has(w) ? MEASURE_WORDS.get(`${w} ${next.lower}`) : undefined;
    m = two ?? MEASURE_WORDS.get(w) ?? null;
    // "killed and wounded", "dead or injured": two measures joined name a third (casualties), not the first alone
    if (m && (next?.lower === "and" || next?.lower === "or")) {
      const partner = MEASURE_WORDS.get(ls[i + 2]?.lower ?? "");
      if (partner) m = JOINED_MEASURES.get(`${m} ${partner}`) ?? m;
    }
  }
  if (i >= 0 && i < memo.length) memo[i] = m;
  return m;
}

/**
 * The measure from the nearest governing verb or noun in the sentence ("killed", "wounded", "called up"). (It runs
 * for every figure: its helpers are top-level functions rather than closures made on each call.)
 */
function measureOf(ls: readonly Lex[], q: Quantity, all: readonly Quantity[], memo: MeasureMemo): string | null {
  // Another figure's words belong to that figure: "500 conscripts, a dozen tanks" must not make the tanks conscripts.
  const others = all.filter((o) => o !== q && o.role === "quantity");
  const first = ls.findIndex((l) => l.start >= q.start);
  let last = ls.findIndex((l) => l.start >= q.end);
  if (last < 0) last = ls.length;
  // "two of the wounded were …": the words after a partitive "of" name the whole the figure is part of, not its measure
  let from = last;
  if (ls[from]?.lower === "of") {
    from++;
    while (PARTITIVE_DETERMINERS.has(ls[from]?.lower ?? "")) from++;
    if (measureAt(ls, from, memo)) from++;
  }
  // A change verb ("rose to 14") or an attributive participle ("mobilised soldiers", "soldiers called up under the
  // order") only when nothing names the measure.
  let weak: string | null = null;
  // up to ten words after the figure, not counting an aside between commas ("63 soldiers, most of them conscripts,
  // were killed": the aside says who they were, the verb after it what happened to them)
  for (let d = 0, after = from; d < 10 && after < ls.length; d++, after++) {
    const t = ls[after]!.text;
    if (t === ";" || t === "." || insideAnother(ls[after]!, others)) break;
    if (t === ",") {
      if (MAIN_CLAUSE_RESUMES.has(ls[after + 1]?.lower ?? "")) break;
      const close = asideEnd(ls, after);
      if (close > 0) after = close;
      continue;
    }
    const m = measureAt(ls, after, memo);
    if (!m) continue;
    if (!isWeakMeasure(m, ls, after, last, q)) return m;
    weak ??= m;
  }
  for (let d = 1; d <= 30; d++) {
    const before = first - d;
    if (before < 0 || ls[before]!.text === ";" || insideAnother(ls[before]!, others)) break;
    const m = measureAt(ls, before, memo);
    if (!m) continue;
    if (!isWeakMeasure(m, ls, before, last, q)) return m;
    weak ??= m;
  }
  if (weak) return weak;
  if (q.unit) {
    const head = q.unit.split(" ").pop()!;
    return MEASURE_WORDS.get(head) ?? MEASURE_WORDS.get(`${head}s`) ?? null;
  }
  return null;
}

/** A change verb ("rose to"), or a participle used attributively ("mobilised soldiers"): it names the measure only when nothing else does. */
function isWeakMeasure(m: string, ls: readonly Lex[], i: number, last: number, q: Quantity): boolean {
  return CHANGE_MEASURES.has(m) || (ATTRIBUTIVE_MEASURES.has(m) && (isAttributive(ls, i) || (i === last && q.noun !== null)));
}

function insideAnother(l: Lex, others: readonly Quantity[]): boolean {
  for (let k = 0; k < others.length; k++) if (l.start >= others[k]!.start && l.end <= others[k]!.end) return true;
  return false;
}

/** Where the aside opened by the comma at `comma` closes (its closing comma), or -1 when no such aside is there. */
function asideEnd(ls: readonly Lex[], comma: number): number {
  if (!ASIDE_OPENERS.has(ls[comma + 1]?.lower ?? "")) return -1;
  for (let k = comma + 2; k < Math.min(ls.length, comma + 9); k++) {
    const t = ls[k]!.text;
    if (t === ",") return k;
    if (t === ";" || t === ".") return -1;
  }
  return -1;
}

const PARTITIVE_DETERMINERS = new Set(["the", "those", "these", "its", "their", "his", "her", "our"]);

/** "mobilised Russian soldiers", "mobilised men": the participle describes the counted people before a noun. */
function isAttributive(ls: readonly Lex[], i: number): boolean {
  const next = ls[i + 1];
  return !!next && next.kind === "word" && (/^[A-Z]/.test(next.text) || /[^s]s$/.test(next.lower));
}

/**
 * The date a figure refers to or was stated on: a date next to the figure in its clause, else when its statement
 * was made (the date at the attribution's cue), else any single date in the sentence.
 */
function dateOf(
  doc: Readonly<Document>,
  q: Quantity,
  attribution: Attribution | null,
  cueHere: Attribution | null,
  dates: readonly DateMention[],
  sentenceDates: readonly DateMention[],
): string | null {
  // (the dates stage already dated each attribution: null there means no statement date, so it is not looked up again)
  if (attribution) {
    if (attribution.date) return attribution.date;
    const said = attribution.date === null ? null : statementDate(doc, attribution, dates);
    if (said) return said;
  }
  // A cue in this sentence whose content does not hold the figure still dates the sentence's statement.
  if (cueHere) {
    const said = cueHere.date !== undefined ? cueHere.date : statementDate(doc, cueHere, dates);
    if (said) return said;
  }
  if (sentenceDates.length === 0) return null;
  const inSentence = sentenceDates.filter((d) => d.grain !== "year");
  const near = inSentence.filter((d) => Math.abs(d.start - q.end) < 60 || Math.abs(q.start - d.end) < 60);
  if (near.length === 1) return near[0]!.value;
  return inSentence.length === 1 ? inSentence[0]!.value : null;
}

/** "… killed 63 soldiers, before revising the number to 89": the second figure revises the first. */
function markRevisions(text: string, figs: Figure[]): void {
  for (let j = 1; j < figs.length; j++) {
    const cur = figs[j]!;
    const between = text.slice(figs[j - 1]!.end, cur.start);
    if (!REVISION_CUE.test(between)) continue;
    // the revised figure: the latest earlier one with a compatible unit
    const prev = [...figs.slice(0, j)].reverse().find((p) => !cur.unit || !p.unit || p.unit === cur.unit);
    if (!prev) continue;
    cur.revises = prev.id;
    if (!cur.attribution && prev.attribution) {
      cur.attribution = prev.attribution;
      cur.speaker = prev.speaker;
    }
    cur.unit ??= prev.unit;
    cur.subject ??= prev.subject;
    cur.measure ??= prev.measure;
    cur.date ??= prev.date ?? null;
  }
}


