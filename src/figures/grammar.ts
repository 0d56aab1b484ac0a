/**
 * The number grammar: reads quantities from a sentence's lexemes. A quantity is a number in digits or words ("89",
 * "134,500", "four", "Five hundred", "a dozen", "1.5 million", "$1.3bn", "two-thirds", "one in five"), a range
 * ("from 20 to 40 percent", "between 300 and 400", "20-40%"), or a vague amount ("dozens", "tens of thousands"), with
 * the qualifier before it ("up to", "more than", "about"), its unit ("%", "mph", "$", "Australian dollars") or the
 * noun it counts ("Russian soldiers"), and a role: only `quantity` is a figure; years, dates, times, ordinals, labels
 * ("Section 427"), identifiers ("COVID-19") and scores ("2-1") are numbers that nobody asserts as an amount.
 *
 * The grammar is written over our own lexemes (see lexer.ts) rather than the shared tokens, so that "256GB",
 * "RM23.50" and "10.45pm" split where a quantity needs them to.
 */
import {
  COUNT_NOUNS,
  FRACTIONS,
  QUALIFIER_PHRASES,
  SCALES,
  SCALE_SUFFIXES,
  TENS,
  UNITS,
  VAGUE_MULTIPLIERS,
  VAGUE_PLURALS,
} from "../lang/en/numbers.js";
import {
  CASED_UNIT_WORDS,
  CURRENCY_PREFIXES,
  IRREGULAR_DEGREES,
  IRREGULAR_PLURALS,
  LABEL_NOUNS,
  NUMBER_SIGNS,
  MONTHS,
  NOT_DEGREES,
  NP_STOP_WORDS,
  RATE_DENOMINATORS,
  TIME_WORDS,
  UNIT_WORDS,
} from "../lang/en/quantities.js";
import type { Qualifier } from "../model/claims.js";
import type { Span } from "../model/span.js";
import { lex, type Lex } from "./lexer.js";

export type QuantityRole =
  | "quantity"
  | "year"
  | "decade"
  | "date"
  | "time"
  | "ordinal"
  | "label"
  | "identifier"
  | "score";

export type UnitKind = "currency" | "percent" | "measure" | "age" | "count" | "noun";

export interface Quantity extends Span {
  /** A single number; null for a range or a vague amount. */
  value: number | null;
  /** Range ends in the order the text gives them ("from 240 to 273", "from $75 to $45.88"). */
  first: number | null;
  second: number | null;
  qualifier: Qualifier;
  /** Normalised unit: "percentage", "dollar", "mile per hour", or the singular counted noun ("russian soldier"). */
  unit: string | null;
  unitKind: UnitKind | null;
  /** The counted noun phrase as written ("Russian soldiers"), when the number counts one. */
  noun: Span | null;
  role: QuantityRole;
  /** A bare "one"/"a third" that news sentences use as a determiner more than as an amount ("one of the best …"). */
  weak: boolean;
  /** Span of the number itself, without qualifier and unit. */
  number: Span;
}

interface Core {
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** Lexeme index after the core. */
  end: number;
  kind: "digits" | "words" | "vague" | "fraction";
  /** Scale the core was multiplied by ("million"), for sharing it across a range ("$10 to $15 billion"). */
  scale: number;
  raw: number;
  weak: boolean;
}

interface UnitRead {
  unit: string | null;
  kind: UnitKind | null;
  noun: Span | null;
  end: number;
  /** "12th", "1990s", "10:32", "5 pm": what the glued suffix says the number is. */
  role?: QuantityRole;
}

const QUALIFIERS = [...QUALIFIER_PHRASES]
  .map(([p, q]) => [p.split(" "), q] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Qualifier phrases indexed by their last word, longest first: the phrase must end right before the number. */
const QUALIFIERS_BY_LAST = new Map<string, Array<readonly [string[], Qualifier]>>();
for (const entry of QUALIFIERS) {
  const last = entry[0][entry[0].length - 1]!;
  if (!QUALIFIERS_BY_LAST.has(last)) QUALIFIERS_BY_LAST.set(last, []);
  QUALIFIERS_BY_LAST.get(last)!.push(entry);
}

const WORD_NUMBER = (w: string) => UNITS.has(w) || TENS.has(w);
/** Symbols that can begin a unit: "%", "°C", "″", "'". */
const UNIT_SYMBOLS = new Set(["%", "°", "″", "'", "€", "μ", "µ"]);
const QUALIFIER_WORDS = new Set(QUALIFIER_PHRASES.flatMap(([p]) => p.split(" ")));
/**
 * Every leading part of a unit form, lower-cased ("d", "de", …, "degrees c"): a unit is looked up only while the
 * lexemes after a number still spell the start of one, so most counted nouns cost a single set lookup.
 */
const UNIT_PREFIXES = new Set<string>();
for (const form of [...UNIT_WORDS.keys(), ...[...CASED_UNIT_WORDS.keys()].map((k) => k.toLowerCase())])
  for (let n = 1; n <= form.length; n++) UNIT_PREFIXES.add(form.slice(0, n));
/** Words after a number that are not what it counts ("40k cheaper", "13 units whilst"). */
const NP_BREAKERS = new Set([
  "worth", "behind", "beyond", "near", "whilst", "cheaper", "higher", "lower", "bigger", "smaller", "older", "younger",
  "larger", "longer", "shorter", "wider", "faster", "slower", "better", "worse", "apart", "ahead", "each", "per",
  "wide", "long", "tall", "deep", "high", "old", "thanks", "more",
]);
const STREET_WORDS = new Set(["road", "rd", "street", "st", "avenue", "ave", "way", "boulevard", "blvd", "lane", "drive", "place", "square", "court", "terrace", "highway"]);
const DASHES = new Set(["-", "–", "—", "‑"]);
const DETERMINERS = new Set(["the", "this", "that", "each", "every", "no", "any", "which", "another", "the", "one's", "which"]);
const POSSESSIVE_DETERMINERS = new Set(["the", "his", "her", "its", "their", "our", "my", "your", "these", "those", "them"]);

/** All quantities in a span of text (usually one sentence), in text order. */
export function readQuantities(text: string, span: Span = { start: 0, end: text.length }): Quantity[] {
  return new Reader(text, lex(text, span)).read();
}

/** The quantities and the lexemes they were read from, for callers that look around a quantity. */
export function readQuantitiesAndLexemes(text: string, span: Span): { quantities: Quantity[]; lexemes: Lex[] } {
  const lexemes = lex(text, span);
  return { quantities: new Reader(text, lexemes).read(), lexemes };
}

/** Words that can begin a quantity (besides digits, currency signs and dashes): number words, "a", "half" … */
const STARTERS = new Set<string>([
  ...UNITS.keys(), ...TENS.keys(), ...VAGUE_PLURALS.keys(), ...VAGUE_MULTIPLIERS.keys(), "a", "an", "half", "minus",
  ...[...CURRENCY_PREFIXES.keys()].filter((k) => /^[a-z]+$/.test(k)), "hk", "c", "s", "nz", "au", "ca", "y",
]);

/**
 * For each (first letter, length) of a starter word, the last letters of those starters as bits: most words of a
 * sentence are rejected by one array read, before the set lookup that would hash a freshly sliced string.
 */
const STARTER_LAST_LETTERS = new Uint32Array(128 << 4);
const starterKey = (first: number, length: number) => (first << 4) | (length > 15 ? 15 : length);
for (const w of STARTERS)
  if (w.charCodeAt(0) < 128) STARTER_LAST_LETTERS[starterKey(w.charCodeAt(0), w.length)]! |= 1 << (w.charCodeAt(w.length - 1) & 31);

/** Whether a lower-cased word can begin a quantity: a starter, or a "-fold" multiplier ("sixfold"). */
function mayStartQuantity(w: string): boolean {
  const c = w.charCodeAt(0);
  // first letter and length, then the last letter as a bit: "the" has the key of "two" and "ten", not their last letter
  if (c < 128 && (STARTER_LAST_LETTERS[starterKey(c, w.length)]! >>> (w.charCodeAt(w.length - 1) & 31)) & 1 && STARTERS.has(w)) return true;
  return w.length >= 4 && w.charCodeAt(w.length - 1) === 100 && w.endsWith("fold");
}

const TIME_UNIT_WORDS = new Set(["second", "minute", "hour", "day", "week", "month", "year"]);

/** Symbols that can begin a quantity: currency signs, "~", "≈" and minus signs. */
const STARTER_SYMBOLS = new Set(["$", "€", "£", "¥", "₹", "₽", "₴", "₪", "~", "≈", "-", "−", "–"]);

class Reader {
  private readonly out: Quantity[] = [];
  constructor(
    private readonly text: string,
    private readonly L: Lex[],
  ) {}

  read(): Quantity[] {
    this.scan();
    this.shareUnitsForward();
    // A bare number coordinated with a counted one shares its unit: "68,400 people … and 95,800 who",
    // "84.75 cents, while the lowest is 74.07".
    let last: Quantity | null = null;
    for (const q of this.out) {
      if (q.role !== "quantity") continue;
      // not a time unit either: "Three days ago it was a thousand" counts no days
      if (q.unit && q.unitKind !== "percent" && q.unitKind !== "age" && !q.unit.startsWith("% ") && !TIME_UNIT_WORDS.has(q.unit)) last = q;
      else if (!q.unit && last && !q.weak && q.value !== null && Number.isFinite(q.value)) {
        q.unit = last.unit;
        q.unitKind = last.unitKind;
      }
    }
    return this.out;
  }

  /**
   * A bare number joined by "or", "and" or a comma to a next one that has a unit takes that unit: "eight or nine
   * euros", "8 or $9", "a 7- or 8-inch screen", "four-, five- and six-cylinder engines". Right to left, so that a
   * list passes its last unit back to every member.
   */
  private shareUnitsForward(): void {
    const qs = this.out.filter((q) => q.role === "quantity");
    // members of a list that ends in "or"/"and": a comma alone joins only those ("16,644, 16 per cent" is no list)
    const listed = new Set<Quantity>();
    for (let n = qs.length - 2; n >= 0; n--) {
      const q = qs[n]!;
      const next = qs[n + 1]!;
      if (q.unit || !next.unit || q.weak || q.value === null || next.unit.startsWith("% ")) continue;
      if (next.qualifier !== "exact" && next.qualifier !== q.qualifier) continue; // "the two and up to 20 percent"
      const join = this.coordinationBetween(q.end, next.start);
      if (join === null || (join === "comma" && !listed.has(next))) continue;
      q.unit = next.unit;
      q.unitKind = next.unitKind;
      listed.add(q);
    }
  }

  /**
   * What joins two quantities when only a hanging hyphen, a comma and "or"/"and" stand between them: "conjunction"
   * ("or", "- or", ", and"), "comma" (", ", "-,"), or null for anything else.
   */
  private coordinationBetween(from: number, to: number): "conjunction" | "comma" | null {
    let word = false;
    let any = false;
    for (const l of this.L) {
      if (l.start < from) continue;
      if (l.start >= to) break;
      any = true;
      if (l.kind === "word") {
        if (word || (l.lower !== "or" && l.lower !== "and")) return null;
        word = true;
      } else if (l.text !== "," && !DASHES.has(l.text)) return null;
    }
    return !any ? null : word ? "conjunction" : "comma";
  }

  private scan(): void {
    let i = 0;
    while (i < this.L.length) {
      const t = this.L[i]!;
      if (t.kind === "word" ? !mayStartQuantity(t.lower) : t.kind === "sym" && !STARTER_SYMBOLS.has(t.text)) {
        i++;
        continue;
      }
      // "a"/"an" starts an amount only before a scale, "dozen" or a fraction ("a million", "a third of") or as a glued
      // currency mark ("A$5"): the commonest word of all is skipped without reading further
      if ((t.lower === "a" || t.lower === "an") && !this.articleMayCount(i)) {
        i++;
        continue;
      }
      const next = this.quantityAt(i);
      i = next > i ? next : i + 1;
    }
  }

  private articleMayCount(i: number): boolean {
    const next = this.L[i + 1];
    if (!next) return false;
    if (next.glued) return true;
    const w = next.lower;
    return SCALES.has(w) || w === "dozen" || (FRACTIONS.has(w) && w !== "half" && w !== "halves" && this.L[i + 2]?.lower === "of");
  }

  private low(i: number): string {
    return this.L[i]?.lower ?? "";
  }

  /** A currency mark ending right before a number: "$", "US$", "$US", "PS", "Y=", "RM", "US $", "HK $". */
  private currencyAt(i: number): { unit: string; end: number; start: number } | null {
    const L = this.L;
    if (i < 0) return null; // "35m of …" at the start of a sentence: nothing before the number
    for (let len = 3; len >= 1; len--) {
      const numIdx = i + len;
      const num = L[numIdx];
      if (!num || (num.kind !== "num" && !(num.lower === "-" && L[numIdx + 1]?.kind === "num"))) continue;
      if (!num.glued && !(len === 1 && L[i]!.kind === "sym" && /[$€£¥₹₽₴₪]/.test(L[i]!.text))) continue;
      let s = "";
      let ok = true;
      for (let k = i; k < numIdx; k++) {
        if (k > i && !L[k]!.glued) ok = false;
        s += L[k]!.lower;
      }
      if (!ok) continue;
      // "US $58.24", "HK $216,925", "C $6": a country code, a space, then a glued dollar sign.
      let start = i;
      if (s.startsWith("$") && L[i - 1]?.kind === "word" && !L[i]!.glued) {
        const joined = L[i - 1]!.lower + s;
        if (CURRENCY_PREFIXES.has(joined) && /^[A-Z]{1,2}$/.test(L[i - 1]!.text)) {
          s = joined;
          start = i - 1;
        }
      }
      const unit = CURRENCY_PREFIXES.get(s);
      // Letter prefixes must be upper case ("RM23.50", "PS2.7m", "USD10m"), so "us 5" is not money.
      if (unit && (/^[^a-z]*$/.test(L[i]!.text) || !/[a-z]/i.test(s))) return { unit, end: numIdx, start };
    }
    return null;
  }

  /** Qualifier phrase ending right before lexeme `i`, and the index it starts at. */
  private qualifierBefore(i: number): { qualifier: Qualifier; start: number; between: boolean; from: boolean } {
    const L = this.L;
    const prev = L[i - 1];
    let between = false;
    let from = false;
    let j = i;
    let qualifier: Qualifier = "exact";
    if (prev && (prev.text === "~" || prev.text === "≈")) return { qualifier: "approximate", start: i - 1, between, from };
    if (prev?.lower === "-" && L[i - 2]?.lower === "sub" && prev.glued) return { qualifier: "less_than", start: i - 2, between, from };
    for (const [words, q] of QUALIFIERS_BY_LAST.get(prev?.lower ?? "") ?? []) {
      const s = i - words.length;
      if (s < 0) continue;
      let ok = true;
      for (let k = 0; k < words.length; k++) if (L[s + k]!.lower !== words[k]) ok = false;
      if (!ok) continue;
      // "over" and "under" are qualifiers only before a number, never as verbs' particles ("took over 5 …" is rare).
      qualifier = q;
      j = s;
      break;
    }
    if (L[j - 1]?.lower === "between") {
      between = true;
      j -= 1;
    } else if (L[j - 1]?.lower === "from") {
      from = true;
    }
    return { qualifier, start: j, between, from };
  }

  /** A number at lexeme `i` in digits or words, with its scale; null if there is none. */
  private core(i: number): Core | null {
    const L = this.L;
    const t = L[i];
    if (!t) return null;
    if (t.kind === "num") {
      // Fractions: "1/2", "1⁄32" (not dates like "9/11" or "24/7", where the first number is larger).
      if ((L[i + 1]?.text === "/" || L[i + 1]?.text === "⁄") && L[i + 1]!.glued && L[i + 2]?.kind === "num" && L[i + 2]!.glued) {
        const a = t.num!;
        const b = L[i + 2]!.num!;
        if (L[i + 3]?.text !== "/" && Number.isInteger(a) && Number.isInteger(b) && a < b && b <= 1000)
          return { value: a / b, lo: null, hi: null, end: i + 3, kind: "fraction", scale: 1, raw: a / b, weak: false };
        return null;
      }
      const value = t.num!;
      let k = i + 1;
      let scale = 1;
      for (;;) {
        const n = L[k];
        if (!n || n.kind !== "word") break;
        const s = SCALES.get(n.lower);
        if (s !== undefined) {
          scale *= s;
          k++;
          continue;
        }
        if (n.glued && k === i + 1) {
          const suf = SCALE_SUFFIXES.get(n.lower);
          if (suf !== undefined && this.suffixIsScale(i, k)) {
            scale *= suf;
            k++;
            continue;
          }
        }
        if (!n.glued && n.text === "B" && L[k + 1]?.kind === "word") {
          scale *= 1e9;
          k++;
          continue;
        }
        if (n.lower === "dozen") {
          scale *= 12;
          k++;
          continue;
        }
        break;
      }
      // Scientific notation: "2.998×10−8", "6.02x10^23"
      const exponent = scale === 1 ? this.powerOfTenAfter(k) : null;
      if (exponent) return { value: value * 10 ** exponent.power, lo: null, hi: null, end: exponent.end, kind: "digits", scale, raw: value, weak: false };
      return { value: value * scale, lo: null, hi: null, end: k, kind: "digits", scale, raw: value, weak: false };
    }
    if (t.kind !== "word") return null;
    const w = t.lower;

    // Vague amounts: "dozens", "hundreds of thousands", "tens of millions", "several hundred", "a few thousand".
    const vague = VAGUE_PLURALS.get(w);
    if (vague) {
      let [lo, hi] = vague;
      let k = i + 1;
      if (L[k]?.lower === "of" && VAGUE_PLURALS.has(L[k + 1]?.lower ?? "") && L[k + 1]!.lower !== "dozens") {
        const [lo2] = VAGUE_PLURALS.get(L[k + 1]!.lower)!;
        lo *= lo2;
        hi *= lo2;
        k += 2;
      } else if (w === "tens" || w === "scores") return null; // "tens" alone is not an amount
      if (L[i - 1]?.lower === "the" || L[i - 1]?.lower === "in") return null; // "in the thousands", "the 1990s"
      return { value: null, lo, hi, end: k, kind: "vague", scale: 1, raw: lo, weak: false };
    }
    const mult = VAGUE_MULTIPLIERS.get(w);
    if (mult && (w !== "few" || L[i - 1]?.lower === "a")) {
      const s = SCALES.get(L[i + 1]?.lower ?? "");
      const plural = VAGUE_PLURALS.get(L[i + 1]?.lower ?? "");
      if (s !== undefined) return { value: null, lo: mult[0] * s, hi: mult[1] * s, end: i + 2, kind: "vague", scale: s, raw: mult[0], weak: false };
      if (plural && w === "many") return { value: null, lo: plural[0], hi: plural[1], end: i + 2, kind: "vague", scale: 1, raw: plural[0], weak: false };
      return null;
    }

    // Multiples written as one word: "sixfold", "tenfold".
    if (w.endsWith("fold") && UNITS.has(w.slice(0, -4))) {
      const v = UNITS.get(w.slice(0, -4))!;
      return { value: v, lo: null, hi: null, end: i + 1, kind: "words", scale: 1, raw: v, weak: false };
    }

    // "half of", "half the", "half a": one half; "a third of", "two-thirds of", "one in five".
    if (w === "half" && !t.glued) {
      const next = L[i + 1];
      const prev = this.low(i - 1);
      // "half a million": a number, not a share
      const scale = SCALES.get(L[i + 2]?.lower ?? "");
      if ((next?.lower === "a" || next?.lower === "an") && scale !== undefined && scale >= 1000)
        return { value: 0.5 * scale, lo: null, hi: null, end: i + 3, kind: "words", scale, raw: 0.5, weak: false };
      if (next && !next.glued && (next.lower === "of" || POSSESSIVE_DETERMINERS.has(next.lower) || next.lower === "a" || next.lower === "an") && !["the", "second", "first", "this", "last", "other", "and", "a"].includes(prev))
        return { value: 0.5, lo: null, hi: null, end: i + 1, kind: "fraction", scale: 1, raw: 0.5, weak: false };
      return null;
    }

    // "a third of", "a quarter of": the article as numerator.
    if ((w === "a" || w === "an") && FRACTIONS.has(L[i + 1]?.lower ?? "") && L[i + 2]?.lower === "of" && !["half", "halves"].includes(L[i + 1]!.lower)) {
      const d = FRACTIONS.get(L[i + 1]!.lower)!;
      return { value: 1 / d, lo: null, hi: null, end: i + 2, kind: "fraction", scale: 1, raw: 1 / d, weak: false };
    }
    // "production-four-door", "Kick Six", "BBC One": a number word inside a compound or a name.
    if (t.glued && DASHES.has(L[i - 1]?.text ?? "") && L[i - 2]?.kind === "word") return null;
    if (/^[A-Z]/.test(t.text) && i > 0 && L[i - 1]!.kind === "word" && /^[A-Z]/.test(L[i - 1]!.text) && !QUALIFIER_WORDS.has(L[i - 1]!.lower)) return null;
    let k = i;
    let total = 0;
    let current = 0;
    let scale = 1;
    let any = false;
    if ((w === "a" || w === "an") && L[i + 1] && (SCALES.has(L[i + 1]!.lower) || L[i + 1]!.lower === "dozen")) {
      current = 1;
      k = i + 1;
      any = true;
    }
    let lastWasScale = false;
    for (; k < L.length; k++) {
      const x = L[k]!;
      const lw = x.lower;
      if (x.kind === "sym" && DASHES.has(x.text) && x.glued && any && WORD_NUMBER(L[k + 1]?.lower ?? "") && L[k + 1]!.glued) continue;
      if (lw === "and" && any && lastWasScale && WORD_NUMBER(L[k + 1]?.lower ?? "")) continue;
      if (UNITS.has(lw)) {
        if (any && current % 10 !== 0 && current < 100 && !lastWasScale) break;
        current += UNITS.get(lw)!;
        lastWasScale = false;
      } else if (TENS.has(lw)) {
        if (any && current % 100 !== 0 && !lastWasScale) break;
        current += TENS.get(lw)!;
        lastWasScale = false;
      } else if (lw === "hundred" && any) {
        current = (current || 1) * 100;
        scale = Math.max(scale, 100);
        lastWasScale = true;
      } else if (SCALES.has(lw) && any) {
        const s = SCALES.get(lw)!;
        total += (current || 1) * s;
        current = 0;
        scale = Math.max(scale, s);
        lastWasScale = true;
      } else if (COUNT_NOUNS.has(lw) && any && lw === "dozen") {
        current = (current || 1) * 12;
        lastWasScale = true;
      } else break;
      any = true;
    }
    if (!any) return null;
    const value = total + current;
    const end = k;
    // Fractions with a word numerator: "a third of", "two-thirds of", "one quarter of".
    const fracIdx = DASHES.has(L[end]?.text ?? "") && L[end]!.glued ? end + 1 : end;
    const denom = FRACTIONS.get(L[fracIdx]?.lower ?? "");
    if (denom && (L[fracIdx + 1]?.lower === "of" || (value > 1 && L[fracIdx]!.lower.endsWith("s")))) {
      const num = w === "a" || w === "an" ? 1 : value;
      if (num < denom) return { value: num / denom, lo: null, hi: null, end: fracIdx + 1, kind: "fraction", scale: 1, raw: num / denom, weak: false };
    }
    if (w === "a" || w === "an") {
      if (end === i + 1) return null;
    }
    // "one" after a determiner is a pronoun ("each one", "the one"); "no one", "one another" are not amounts.
    if (value === 1 && end === i + 1) {
      const prev = this.low(i - 1);
      const next = this.low(i + 1);
      if (DETERMINERS.has(prev) || next === "another" || next === "or" || L[i + 1]?.text === "’s" || next === "'s") return null;
    }
    const weak = value === 1 && end === i + 1 && w === "one";
    return { value, lo: null, hi: null, end, kind: "words", scale, raw: scale > 1 ? value / scale : value, weak };
  }

  /** "×10−8", "x10^23", "×10-8" glued after a number: the power of ten and the lexeme after it. */
  private powerOfTenAfter(k: number): { power: number; end: number } | null {
    const L = this.L;
    const times = L[k];
    if (!times || !times.glued || !(times.text === "×" || times.lower === "x")) return null;
    const ten = L[k + 1];
    if (!ten || !ten.glued || ten.text !== "10") return null;
    let j = k + 2;
    if (L[j]?.text === "^" && L[j]!.glued) j++;
    let sign = 1;
    if ((L[j]?.text === "−" || L[j]?.text === "-" || L[j]?.text === "+") && L[j]!.glued) {
      sign = L[j]!.text === "+" ? 1 : -1;
      j++;
    }
    const exp = L[j];
    if (!exp || exp.kind !== "num" || !exp.glued || !Number.isInteger(exp.num) || exp.num! > 308) return null;
    return { power: sign * exp.num!, end: j + 1 };
  }

  /** Whether a glued "m"/"b"/"k" after a number is a scale ("$1.3m", "35m of", "1.2m tons") or a unit ("37m"). */
  private suffixIsScale(numIdx: number, k: number): boolean {
    const s = this.L[k]!.lower;
    if (s !== "m" && s !== "b") return true;
    if (this.currencyAt(numIdx - 1) || this.currencyAt(numIdx - 2) || this.currencyAt(numIdx - 3)) return true;
    const next = this.L[k + 1];
    if (!next || next.kind !== "word" || next.glued) return false;
    return !["long", "wide", "tall", "high", "deep", "away", "from", "in", "above", "below", "under", "over"].includes(next.lower);
  }

  /** The unit or counted noun after lexeme `k`, given that a currency mark before the number already set one. */
  private unitAfter(k: number, currency: string | null): UnitRead {
    const L = this.L;
    const first = L[k];
    if (currency) {
      let end = k;
      // "$76 US a barrel", "$31.20 US", "$500 US bail"
      const run = this.gluedRun(end, 4);
      if ((L[end]?.text === "US" || run.text === "u.s." || run.text === "u.s") && currency === "dollar") end = L[end]!.text === "US" ? end + 1 : run.end;
      return this.rate({ unit: currency, kind: "currency", noun: null, end });
    }
    if (!first) return { unit: null, kind: null, noun: null, end: k };
    // What a glued suffix says: "12th", "1990s", "10.45pm", "10:32".
    if (first.glued && first.kind === "word") {
      if (/^(st|nd|rd|th)$/.test(first.lower)) return { unit: null, kind: null, noun: null, end: k + 1, role: "ordinal" };
      if (first.lower === "s") return { unit: null, kind: null, noun: null, end: k + 1, role: "decade" };
      if (TIME_WORDS.has(first.lower) || /^(am|pm)$/.test(first.lower)) return { unit: null, kind: null, noun: null, end: k + 1, role: "time" };
    }
    if (first.glued && (first.text === ":" ) && L[k + 1]?.kind === "num" && L[k + 1]!.glued)
      return { unit: null, kind: null, noun: null, end: k + 2, role: "time" };
    const dotted = this.gluedRun(k, 4);
    if (/^[ap]\.m\.?$/.test(dotted.text)) return { unit: null, kind: null, noun: null, end: dotted.end, role: "time" };
    if (!first.glued && TIME_WORDS.has(first.lower) && !(first.lower === "et" && L[k + 1]?.lower === "al")) {
      let end = k + 1;
      if (L[end]?.text === "." && L[end]!.glued) end++;
      return { unit: null, kind: null, noun: null, end, role: "time" };
    }
    if (first.text === "%" || (first.text === "pc" && first.glued)) return this.rate({ unit: "percentage", kind: "percent", noun: null, end: k + 1 });

    // A unit: the longest run of up to four lexemes that names one ("per cent", "km/h", "degrees Celsius").
    let start = k;
    let hyphen = false;
    if (first.glued && DASHES.has(first.text) && L[k + 1]?.kind === "word" && L[k + 1]!.glued) {
      start = k + 1; // "2.4-liter", "18-year-old", "40-yard"
      hyphen = true;
    }
    // the candidate strings of 1 … 6 lexemes, built once
    const lowers: string[] = [];
    const caseds: string[] = [];
    if (L[start] && (L[start]!.kind === "word" || UNIT_SYMBOLS.has(L[start]!.text))) {
      let s = "";
      let cased = "";
      for (let x = start; x < Math.min(L.length, start + 6); x++) {
        const sep = x > start ? (L[x]!.glued ? "" : " ") : "";
        s += sep + L[x]!.lower;
        if (!UNIT_PREFIXES.has(s)) break; // no longer run can name a unit either
        cased += sep + L[x]!.text;
        lowers.push(s);
        caseds.push(cased);
      }
    }
    for (let len = lowers.length; len >= 1; len--) {
      const end = start + len;
      const s = lowers[len - 1]!;
      const cased = caseds[len - 1]!;
      // Dotted forms ("m.p.h.", "in.") include a trailing full stop only when the map lists them so.
      const lastGluedDot = L[end]?.text === "." && L[end]!.glued;
      let unit = CASED_UNIT_WORDS.get(cased) ?? UNIT_WORDS.get(s);
      let e = end;
      if (lastGluedDot && UNIT_WORDS.has(s + ".")) {
        unit = UNIT_WORDS.get(s + ".");
        e = end + 1;
      }
      if (!unit) continue;
      // Single letters are units only right after the number ("37m", "5 W"), never as the article "a" or "I".
      if (len === 1 && s.length === 1 && !L[start]!.glued && !/^[A-Z]$/.test(L[start]!.text) && !["m", "g", "l", "p"].includes(s)) continue;
      if (s === "in" || s === "a") continue;
      // "5 m" is metres, but "m" glued after a scale-less money amount was handled as a scale already.
      // "3 points higher" fine; "33 years" fine; "two sides" is a noun, not a unit.
      if (hyphen && len === 1 && /-old$/.test(s)) continue;
      // "year-old" written as "year" "-" "old"
      if ((s === "year" || s === "years" || s === "month" || s === "week" || s === "day") && L[e]?.text === "-" && L[e]!.glued && L[e + 1]?.lower === "old" && L[e + 1]!.glued) {
        return { unit: `${s.replace(/s$/, "")} of age`, kind: "age", noun: null, end: e + 2 };
      }
      const kind: UnitKind = unit.endsWith("of age") ? "age" : unit === "percentage" || unit === "percentage point" ? "percent" : "measure";
      if (unit === "percentage" && L[e]?.text === "-" && L[e]!.glued && L[e + 1]?.lower === "owned") e += 2;
      return this.rate({ unit, kind, noun: null, end: e });
    }
    if (hyphen) {
      // "12-page document", "six-speed": the word after the hyphen is what is counted.
      const np = this.nounPhrase(k + 1, true);
      if (np) return np;
      return { unit: null, kind: null, noun: null, end: k };
    }
    const np = this.nounPhrase(k, false);
    if (np) return np;
    return { unit: null, kind: null, noun: null, end: k };
  }

  /** Lower-cased text of lexeme `k` and up to `max - 1` lexemes glued after it ("a.m.", "U.S."). */
  private gluedRun(k: number, max: number): { text: string; end: number } {
    let text = "";
    let e = k;
    for (; e < this.L.length && e < k + max; e++) {
      if (e > k && !this.L[e]!.glued) break;
      text += this.L[e]!.lower;
    }
    return { text, end: e };
  }

  /** "… a month", "… per share", "… per square foot", "…/h": a rate after a unit. */
  private rate(u: UnitRead): UnitRead {
    const L = this.L;
    const k = u.end;
    const w = L[k];
    if (!w) return u;
    let denomStart = -1;
    if ((w.lower === "per" || w.lower === "a" || w.lower === "an" || w.lower === "each") && !w.glued) denomStart = k + 1;
    else if (w.lower === "-" && w.glued && L[k + 1]?.lower === "a" && L[k + 2]?.text === "-") denomStart = k + 3; // "barrel-a-day"
    if (w.text === "/" && L[k + 1]?.kind === "word") denomStart = k + 1;
    if (w.lower === "a" && w.glued === false && L[k + 1]?.text === "-" && L[k + 1]!.glued) denomStart = k + 2; // "a-year"
    if (denomStart < 0) return u;
    for (let len = 2; len >= 1; len--) {
      const parts = L.slice(denomStart, denomStart + len);
      if (parts.length < len) continue;
      const s = parts.map((p) => p.lower).join(" ");
      const d = RATE_DENOMINATORS.get(s) ?? RATE_DENOMINATORS.get(singular(s));
      if (d && ["earlier", "ago", "later", "before", "after", "earlier.", "prior"].includes(L[denomStart + len]?.lower ?? "")) return u;
      if (d) return { ...u, unit: `${u.unit} per ${d}`, end: denomStart + len };
    }
    if (w.lower === "per" && L[denomStart]?.kind === "word" && !NP_STOP_WORDS.has(L[denomStart]!.lower))
      return { ...u, unit: `${u.unit} per ${singular(L[denomStart]!.lower)}`, end: denomStart + 1 };
    return u;
  }

  /** A counted noun phrase after a number ("Russian soldiers", "other men", "of Johnson's deputies"). */
  private nounPhrase(k: number, afterHyphen: boolean): UnitRead | null {
    const L = this.L;
    let s = k;
    if (!afterHyphen && L[s]?.lower === "of") {
      s++;
      while (POSSESSIVE_DETERMINERS.has(L[s]?.lower ?? "") && L[s]?.lower !== "them") s++;
    } else if (!afterHyphen && L[s]?.lower === "more" && L[s + 1]?.kind === "word") s++; // "eight more picks"
    // Words of the phrase; a hyphenated compound ("first-team", "coal-fired") is one word.
    const words: { start: number; end: number; lower: string; text: string }[] = [];
    let x = s;
    while (x < L.length && words.length < 4) {
      const t = L[x]!;
      if (t.kind !== "word") break;
      let e = x + 1;
      let lower = t.lower;
      while (DASHES.has(L[e]?.text ?? "") && L[e]!.glued && L[e + 1]?.kind === "word" && L[e + 1]!.glued) {
        lower += "-" + L[e + 1]!.lower;
        e += 2;
      }
      const compound = e > x + 1;
      const w = lower;
      if (!compound) {
        if (NP_STOP_WORDS.has(w) || NP_BREAKERS.has(w) || WORD_NUMBER(w) || SCALES.has(w)) break;
        if (MONTHS.has(w) && /^[A-Z]/.test(t.text)) break;
        if (w.endsWith("ly") && w.length > 4 && !NOUNS_IN_LY.has(w)) break;
        // a participle after the head noun starts a clause: "63 soldiers killed", "600 people living"
        if (words.length > 0 && isParticipleForm(w) && w.length > 4 && isPluralNoun(words[words.length - 1]!.lower)) break;
      }
      words.push({ start: t.start, end: L[e - 1]!.end, lower, text: t.text });
      x = e;
      // a plural head ends the phrase: "profile slots available", "members bound by"
      if (isPluralNoun(w) && !compound) break;
    }
    // A phrase that is only a participle or an adjective is not what the number counts ("around 73 raising").
    while (words.length > 0 && isParticipleForm(words[words.length - 1]!.lower) && !words[words.length - 1]!.lower.includes("-")) words.pop();
    if (words.length === 0) return null;
    // Participles before the head are dropped from the lemma: "400 charging stations" counts stations.
    const kept = words.filter((w, idx) => idx === words.length - 1 || !isParticipleForm(w.lower) || w.lower.includes("-"));
    const lemma = kept
      .map((t, idx) => {
        const w = t.lower.endsWith("'s") || t.lower.endsWith("’s") ? t.lower.slice(0, -2) : t.lower;
        return idx === kept.length - 1 ? singular(w) : degree(w);
      })
      .join(" ");
    const last = words[words.length - 1]!;
    const noun = { start: words[0]!.start, end: last.end };
    // A counted noun that is a unit ("517 rushing yards") is that unit.
    const asUnit = UNIT_WORDS.get(last.lower);
    if (asUnit && kept.length > 0 && !AMBIGUOUS_UNITS.has(last.lower)) return { unit: asUnit, kind: "measure", noun, end: x };
    return { unit: lemma, kind: "noun", noun, end: x };
  }

  /** Reads a quantity whose first lexeme is at `i` (qualifier and currency included); returns the next index. */
  private quantityAt(i: number): number {
    const L = this.L;
    const cur = this.currencyAt(i);
    let numIdx = cur ? cur.end : i;
    let negative = false;
    if (L[numIdx]?.text === "-" || L[numIdx]?.text === "−") {
      const n = L[numIdx + 1];
      const before = L[numIdx - 1];
      if (n?.kind === "num" && n.glued && (!L[numIdx]!.glued || cur || before?.lower === "minus")) {
        negative = true;
        numIdx++;
      } else if (!cur) return i + 1;
    }
    if (L[numIdx]?.lower === "minus" && !cur) {
      const n1 = L[numIdx + 1];
      if (n1?.text === "-" && L[numIdx + 2]?.kind === "num") numIdx += 2;
      else if (n1?.kind === "num") numIdx += 1;
      else return i + 1;
      negative = true;
    }
    const core = this.core(numIdx);
    if (!core) return i + 1;
    const q = this.qualifierBefore(cur ? cur.start : i);
    const numSpan: Span = { start: L[numIdx]!.start, end: L[core.end - 1]!.end };
    const startLex = q.start;
    if (negative && core.value !== null) core.value = -core.value;

    // Identifiers and labels: "COVID-19", "A320", "Section 427", "S&P 500", "#1".
    let role: QuantityRole = "quantity";
    const prev = L[numIdx - 1];
    if (core.kind === "digits" && !cur && !negative) {
      if (prev && L[numIdx]!.glued && (prev.kind === "word" || prev.text === "#" || prev.text === "&" || prev.text === "/")) role = "identifier";
      else if (prev && L[numIdx]!.glued && DASHES.has(prev.text) && L[numIdx - 2]?.kind === "word" && prev.glued && !["sub", "minus", "then", "now", "mid"].includes(L[numIdx - 2]!.lower)) role = "identifier";
      else if (L[numIdx]!.glued && prev?.kind === "num") role = "identifier";
      // "2019-09-01T10:38", "3888-2", "4:39": a number glued by a dash or colon to an earlier number.
      else if (L[numIdx]!.glued && prev && (DASHES.has(prev.text) || prev.text === ":" || prev.text === ".") && prev.glued && L[numIdx - 2]?.kind === "num") role = "identifier";
    }

    let u = this.unitAfter(core.end, cur?.unit ?? null);
    if (u.role) role = u.role;
    // "sixfold": a multiple
    if (core.kind === "words" && L[numIdx]!.lower.endsWith("fold")) u = { unit: "count", kind: "measure", noun: null, end: core.end };
    if (role === "quantity" && core.kind === "digits" && !cur && !negative && (!u.unit || u.kind === "noun")) {
      const first = L[core.end];
      if (first && first.glued && first.kind === "word") role = "identifier"; // "9AB", "01T", "3G" is a unit and never gets here
      else if (prev && !L[numIdx]!.glued && prev.kind === "word" && this.isLabelBefore(numIdx - 1)) role = "label";
      else if (prev?.text === "." && NUMBER_SIGNS.has(L[numIdx - 2]?.text ?? "")) role = "label"; // "No. 10", "Resolution No. 2231"
      else if (prev?.text === "#" || (prev?.text === "(" && L[core.end]?.text === ")" && !u.unit)) role = "label";
      else if (u.noun && this.isAddress(core.end)) role = "label";
    }
    // Scores: "2-1", "89-89", "ended 2-2".
    if (role === "quantity" && core.kind === "digits" && !u.unit && DASHES.has(L[core.end]?.text ?? "") && L[core.end]!.glued && L[core.end + 1]?.kind === "num" && L[core.end + 1]!.glued) {
      const b = L[core.end + 1]!.num!;
      if (Number.isInteger(core.value) && Number.isInteger(b) && core.value! >= b && core.value! <= 200 && !/^\d{4}$/.test(L[numIdx]!.text)) {
        const end = core.end + 2;
        this.out.push({ start: L[numIdx]!.start, end: L[end - 1]!.end, value: null, first: core.value, second: b, qualifier: "exact", unit: null, unitKind: null, noun: null, role: "score", weak: false, number: { start: L[numIdx]!.start, end: L[end - 1]!.end } });
        return end;
      }
    }
    let end = u.end;
    let first: number | null = null;
    let second: number | null = null;
    let value = core.value;
    let qualifier: Qualifier = q.qualifier;
    // "a dozen", "a thousand": a round number named with the article is an estimate
    if (qualifier === "exact" && core.kind === "words" && (L[numIdx]!.lower === "a" || L[numIdx]!.lower === "an")) qualifier = "approximate";
    if (core.kind === "vague") {
      first = core.lo;
      second = core.hi;
      qualifier = "vague";
    }

    // Ranges: "from 20 to 40 percent", "between 300 and 400", "20-40%", "$10 to $15 billion", "three or four".
    if (role === "quantity" && core.kind !== "vague" && core.kind !== "fraction") {
      const range = this.rangeAfter(u.unit ? u.end : core.end, core, u, cur?.unit ?? null, q.between, q.from, negative);
      if (range) {
        first = range.first;
        second = range.second;
        value = null;
        u = range.unit;
        end = range.end;
        if (qualifier === "exact") qualifier = "range";
        // "16-18 Industrial Avenue": a span of street numbers
        if (u.noun && core.kind === "digits" && !cur && this.isAddress(this.lexemeAt(u.noun.start))) role = "label";
      }
    }

    // "or more", "-plus", "+": open ranges after the number.
    if (L[end]?.lower === "or" && L[end + 1]?.lower === "more") {
      qualifier = "at_least";
      end += 2;
    } else if (L[end]?.lower === "or" && L[end + 1]?.lower === "so") {
      qualifier = "approximate";
      end += 2;
    } else if (L[core.end]?.text === "+" && L[core.end]!.glued && value !== null) {
      qualifier = "at_least";
      end = Math.max(end, core.end + 1);
    }

    // "one in five Russians", "one out of three": a proportion.
    if (value !== null && (core.kind === "words" || core.kind === "digits") && first === null && !u.unit && role === "quantity") {
      const k = core.end;
      let b = -1;
      if (L[k]?.lower === "in") b = k + 1;
      else if (L[k]?.lower === "out" && L[k + 1]?.lower === "of") b = k + 2;
      const other = b > 0 ? this.core(b) : null;
      if (other && other.value !== null && other.kind !== "fraction" && Number.isInteger(value) && value < other.value && other.value <= 1000 && !(other.kind === "digits" && other.value >= 1800)) {
        value = value / other.value;
        core.weak = false;
        const np = this.unitAfter(other.end, null);
        u = np.unit ? { ...np, unit: `% ${np.unit}`, kind: "noun" } : { unit: null, kind: null, noun: null, end: other.end };
        end = u.end;
      }
    }

    const startOffset = L[startLex]!.start;
    let endOffset = L[Math.max(end, core.end) - 1]!.end;
    if (endOffset < numSpan.end) endOffset = numSpan.end;

    let unit = u.unit;
    const unitKind = u.kind;
    if (core.kind === "fraction" && unitKind === "noun" && unit) unit = `% ${unit}`;
    const quantity: Quantity = {
      start: startOffset,
      end: endOffset,
      value,
      first,
      second,
      qualifier,
      unit,
      unitKind,
      noun: u.noun,
      role,
      // a bare fraction is mostly a determiner ("half the city"); a qualified one is a claim ("fewer than half")
      weak: core.weak || (core.kind === "fraction" && core.value !== null && core.value < 1 && unitKind !== "measure" && qualifier === "exact"),
      number: numSpan,
    };
    if (role === "quantity") quantity.role = this.classify(quantity, numIdx, core, cur !== null, startLex !== i || q.qualifier !== "exact");
    this.out.push(quantity);
    return Math.max(end, core.end);
  }

  /** "575 Wilbraham Road", "9 E 71st St", "16-18 Industrial Avenue": a street number. */
  private isAddress(k: number): boolean {
    const L = this.L;
    for (let x = k; x < Math.min(L.length, k + 5); x++) {
      const t = L[x]!;
      if (t.kind === "sym" && t.text !== "." && !DASHES.has(t.text)) return false;
      if (t.kind === "word" && t.glued && L[x - 1]?.kind === "num" && /^(st|nd|rd|th)$/.test(t.lower)) continue; // "9 E 71st St"
      if (t.kind === "word" && !/^[A-Z]/.test(t.text)) return false;
      if (t.kind === "word" && STREET_WORDS.has(t.lower) && x > k) return true;
      // "22 Ave Foch", "12 Rue Royale": the street word first, then the street's name
      if (x === k && t.kind === "word" && STREET_WORDS.has(t.lower) && /^[A-Z]/.test(L[x + 1]?.text ?? "") && L[x + 1]!.kind === "word" && !L[x + 1]!.glued) return true;
    }
    return false;
  }

  /** Index of the lexeme that starts at `offset`, or -1. */
  private lexemeAt(offset: number): number {
    return this.L.findIndex((l) => l.start === offset);
  }

  /** Whether the word at `w` makes the number after it a label: "Section 427", "Game 7", "S P 500", "Apple Watch 5". */
  private isLabelBefore(w: number): boolean {
    const t = this.L[w]!;
    if (LABEL_NOUNS.has(t.lower) && /^[A-Z#]/.test(t.text)) return true;
    if (/^[A-Z]$/.test(t.text) && t.text !== "I" && t.text !== "A") return true;
    // A capitalised word that does not start the sentence: a name with a number ("iPhone 11", "Big 12").
    if (/^[A-Z]/.test(t.text) && w > 0 && !MONTHS.has(t.lower) && !QUALIFIER_PHRASES.some(([p]) => p === t.lower) && this.L[w - 1]!.text !== ":" && this.L[w - 1]!.text !== "“" && this.L[w - 1]!.text !== '"')
      return true;
    if (/^[a-z]+[A-Z]/.test(t.text)) return true; // "iPhone 11", "eBay 2"
    return false;
  }

  private rangeAfter(
    k: number,
    a: Core,
    ua: UnitRead,
    currency: string | null,
    between: boolean,
    from: boolean,
    negative: boolean,
  ): { first: number; second: number; unit: UnitRead; end: number } | null {
    const L = this.L;
    const c = L[k];
    if (!c) return null;
    const word = c.lower;
    const dash = DASHES.has(c.text);
    if (between ? word !== "and" : !(word === "to" || dash || word === "until" || word === "through")) return null;
    if (!between && word === "and") return null;
    let j = k + 1;
    if (L[j]?.text === "-" && L[j]!.glued) j++; // "200,000 to-260,000"
    const cur2 = this.currencyAt(j);
    if (cur2) j = cur2.end;
    if (currency && !cur2 && ua.unit !== currency) return null;
    const b = this.core(j);
    if (!b || b.kind === "vague" || b.kind === "fraction" || b.value === null) return null;
    // A number glued to a dash after a word is not a range's end: "2014-15" is handled as a year span below.
    const ub = this.unitAfter(b.end, cur2?.unit ?? (currency && !ua.unit ? currency : null));
    if (ub.role) return null;
    let av = a.value!;
    const bv = b.value;
    // "in 2018 to 3.9 million": a year does not start a range of amounts (a span of years is read as a year).
    const yearLike = (x: Core, idx: number) => x.kind === "digits" && x.scale === 1 && /^\d{4}$/.test(L[idx]?.text ?? "") && x.value! >= 1000 && x.value! <= 2100;
    let aNum = k - 1;
    while (aNum >= 0 && L[aNum]!.kind !== "num") aNum--;
    if (yearLike(a, aNum) !== yearLike(b, j) && !currency && !ua.unit) return null;
    // "$10 to $15 billion", "four to five thousand": the scale of the second number applies to the first.
    if (b.scale > 1 && a.scale === 1 && a.raw <= b.raw) av = av * b.scale;
    const explicit = between || from;
    const unitA = ua.unit;
    const unitB = ub.unit ?? (currency ? currency : null);
    let unit: UnitRead;
    if (unitA && unitB) {
      if (unitA.startsWith(unitB + " per ")) unit = { ...ua, end: ub.end };
      else if (unitB.startsWith(unitA + " per ") || unitA === unitB) unit = ub.unit ? ub : ua;
      else return null;
    } else if (unitA && !unitB) {
      if (!explicit) return null;
      unit = { ...ua, end: b.end };
    } else unit = ub;
    if (dash && !c.glued && !L[j]!.glued && !explicit && !unit.unit) return null;
    if (!explicit) {
      if (av > bv) return null; // "2-1", "89-89": scores, not ranges
      // "increased by $43.6 billion to $419.2 billion": a change, then a level
      if (unitA) for (let x = Math.max(0, k - 5); x < k; x++) if (L[x]!.lower === "by") return null;
      if (dash && av === bv) return null;
    }
    if (negative && dash) return null;
    return { first: av, second: bv, unit, end: Math.max(unit.end, b.end) };
  }

  /** Years, dates and ages: what a plain quantity turns out to be from its neighbours. */
  private classify(q: Quantity, numIdx: number, core: Core, currency: boolean, qualified: boolean): QuantityRole {
    const L = this.L;
    const t = L[numIdx]!;
    const v = t.num;
    if (core.kind !== "digits" || v === undefined) return "quantity";
    const isInt = Number.isInteger(v) && !t.text.includes(".");
    // A day of the month next to a month name: "Feb. 24", "24 February", "September 8".
    if (isInt && v >= 1 && v <= 31 && core.scale === 1) {
      let p = numIdx - 1;
      while (p >= 0 && (L[p]!.text === "." || L[p]!.text === ",") && L[p]!.glued) p--;
      const before = L[p];
      const after = L[core.end];
      const isMonth = (x: Lex | undefined) =>
        !!x && MONTHS.has(x.lower) && /^[A-Z]/.test(x.text) && (x.lower !== "may" && x.lower !== "march" || true);
      if ((isMonth(before) && p >= numIdx - 2) || (isMonth(after) && !q.unit)) return "date";
    }
    // Years: four digits without a comma, 1800–2100, counting nothing measurable and carrying no currency.
    if (isInt && /^\d{4}$/.test(t.text) && v >= 1800 && v <= 2100 && !currency && core.scale === 1) {
      if (!q.unit || q.unitKind === "noun") {
        if (!qualified || q.unitKind !== "noun") return "year";
      }
    }
    // "2014-15": a span of years
    if (q.first !== null && /^\d{4}$/.test(t.text) && v >= 1800 && v <= 2100 && !q.unit) return "year";
    // Ages in apposition: "Ivan, 27, a reservist", "Senard, 65, now"
    if (isInt && v > 0 && v < 120 && !q.unit && !currency && L[numIdx - 1]?.text === "," && /^[A-Z]/.test(L[numIdx - 2]?.text ?? "") && [",", ")", ";"].includes(L[core.end]?.text ?? "")) {
      q.unit = "year of age";
      q.unitKind = "age";
    }
    return "quantity";
  }
}

/** Words in -ly that are nouns, not adverbs ("family", "rally"). */
const NOUNS_IN_LY = new Set(["family", "july", "italy", "ally", "assembly", "rally", "supply", "belly", "jelly"]);

/** Ends in -ed or -ing ("killed", "living"): a participle, or a noun that looks like one. */
function isParticipleForm(w: string): boolean {
  return w.endsWith("ed") || w.endsWith("ing");
}

/** Whether a lower-cased word looks like a plural noun ("soldiers", "men", "casualties"), not "its" or "news". */
function isPluralNoun(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return IRREGULAR_PLURALS.get(w) !== w && w !== "people" ? true : w === "people";
  // an -s after anything but s, u, i or an apostrophe, and not -ics ("politics")
  if (w.length <= 3 || !w.endsWith("s")) return false;
  const before = w[w.length - 2]!;
  return before !== "s" && before !== "u" && before !== "i" && before !== "'" && before !== "’" && !w.endsWith("ics");
}

const AMBIGUOUS_UNITS = new Set(["m", "g", "l", "w", "v", "p", "s", "a", "in", "sen", "min", "sec", "mi", "db", "kt", "kn", "war", "us", "point", "points", "times", "second", "degree"]);

/** Singular of a lower-cased English noun ("soldiers" → "soldier", "casualties" → "casualty", "men" → "man"). */
export function singular(word: string): string {
  const w = word;
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular) return irregular;
  // the last part of a phrase or a compound is what turns singular ("Russian soldiers", "first-graders")
  let cut = w.length - 1;
  while (cut >= 0 && !isPartBreak(w.charCodeAt(cut))) cut--;
  if (cut >= 0) return w.slice(0, cut + 1) + singular(w.slice(cut + 1));
  if (w.endsWith("men") && w.length > 4) return w.slice(0, -3) + "man"; // "servicemen", "fishermen"
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses") || w.endsWith("zzes")) return w.slice(0, -2);
  if (w.endsWith("s") && w.length > 2) return w.slice(0, -1);
  return w;
}

/** A hyphen or a white-space character (what `\s` matches). */
function isPartBreak(c: number): boolean {
  if (c === 45 || c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const COMPARATIVES = new Set(["smaller", "larger", "bigger", "longer", "older", "wider", "greater", "higher", "lower", "shorter", "younger", "stronger", "weaker", "newer", "faster", "slower", "cheaper", "richer", "poorer"]);

/** Positive degree of an adjective ("proudest" → "proud", "smaller" → "small", "best" → "good"). */
export function degree(word: string): string {
  const irregular = IRREGULAR_DEGREES.get(word);
  if (irregular) return irregular;
  if (NOT_DEGREES.has(word)) return word;
  if (word.length > 5 && word.endsWith("est") && !"aeiou".includes(word[word.length - 4]!)) {
    const stem = word.slice(0, -3);
    if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
    if (/i$/.test(stem)) return stem.slice(0, -1) + "y";
    return stem.endsWith("l") || stem.endsWith("g") || stem.endsWith("d") || stem.endsWith("t") || stem.endsWith("r") ? stem : stem;
  }
  if (COMPARATIVES.has(word) && /(ller|ger|der|ter|ner)$/.test(word))
    return IRREGULAR_DEGREES.get(word) ?? word.replace(/(.)\1er$/, "$1").replace(/er$/, "").replace(/^larg$/, "large").replace(/^wid$/, "wide");
  return word;
}
