/**
 * English number words and qualifier phrases: language data for the figure grammar (src/figures), kept apart from
 * the algorithm so another language can supply its own tables.
 */
import type { Qualifier } from "../../model/claims.js";

/** Cardinal words below twenty. */
export const UNITS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["thirteen", 13],
  ["fourteen", 14],
  ["fifteen", 15],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
]);

/** Scale words that multiply what comes before them ("1.5 million", "four hundred thousand"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ["hundred", 1e2],
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
]);

/** Scale suffixes glued to a number or written after it in financial news ("$1.3bn", "35m", "25k", "S$1mil"). */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ["k", 1e3],
  ["m", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["mil", 1e6],
  ["bn", 1e9],
  ["b", 1e9],
  ["bln", 1e9],
  ["tn", 1e12],
  ["trn", 1e12],
  ["tr", 1e12],
]);

/** "a dozen", "two dozen": a counting word that is a number on its own. */
export const COUNT_NOUNS: ReadonlyMap<string, number> = new Map([
  ["dozen", 12],
  ["score", 20],
  ["couple", 2],
  ["pair", 2],
]);

/**
 * Plural scale words used without a number are vague quantities ("dozens of people", "hundreds of rockets"): a
 * range from one to ten of the unit, never a made-up single number. "tens of thousands" is 10,000–100,000.
 */
export const VAGUE_PLURALS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["dozens", [12, 120]],
  ["scores", [20, 200]],
  ["tens", [10, 100]],
  ["hundreds", [100, 1000]],
  ["thousands", [1e3, 1e4]],
  ["millions", [1e6, 1e7]],
  ["billions", [1e9, 1e10]],
  ["trillions", [1e12, 1e13]],
]);

/** Words that make a following scale word vague: "several hundred", "a few thousand", "many thousands". */
export const VAGUE_MULTIPLIERS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["several", [3, 9]],
  ["few", [2, 5]],
  ["many", [3, 9]],
]);

/** Fraction words: "a third", "two-thirds", "half", "a quarter". Plural forms map to the same denominator. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ["half", 2],
  ["halves", 2],
  ["third", 3],
  ["thirds", 3],
  ["quarter", 4],
  ["quarters", 4],
  ["fourth", 4],
  ["fourths", 4],
  ["fifth", 5],
  ["fifths", 5],
  ["sixth", 6],
  ["sixths", 6],
  ["seventh", 7],
  ["sevenths", 7],
  ["eighth", 8],
  ["eighths", 8],
  ["ninth", 9],
  ["ninths", 9],
  ["tenth", 10],
  ["tenths", 10],
]);

/** Ordinal words: never a quantity on their own ("the second time", "the 12th Main Directorate"). */
export const ORDINAL_WORDS = new Set([
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
  "thirtieth",
  "fortieth",
  "fiftieth",
  "hundredth",
  "thousandth",
  "millionth",
]);

/** "twice", "sixfold": multiples, read as a count of times. */
export const MULTIPLES: ReadonlyMap<string, number> = new Map([
  ["twice", 2],
  ["thrice", 3],
  ["double", 2],
  ["triple", 3],
]);

/**
 * Qualifier phrases before a number, longest first when matched. The phrase is part of the figure's span:
 * "up to 400" is `at_most` 400.
 */
export const QUALIFIER_PHRASES: ReadonlyArray<readonly [string, Qualifier]> = [
  ["no fewer than", "at_least"],
  ["no less than", "at_least"],
  ["not less than", "at_least"],
  ["at the very least", "at_least"],
  ["at least", "at_least"],
  ["a minimum of", "at_least"],
  ["as many as", "at_most"],
  ["as much as", "at_most"],
  ["as high as", "at_most"],
  ["no more than", "at_most"],
  ["not more than", "at_most"],
  ["a maximum of", "at_most"],
  ["at most", "at_most"],
  ["up to", "at_most"],
  ["more than", "more_than"],
  ["over than", "more_than"],
  ["greater than", "more_than"],
  ["higher than", "more_than"],
  ["in excess of", "more_than"],
  ["upwards of", "more_than"],
  ["upward of", "more_than"],
  ["well over", "more_than"],
  ["just over", "more_than"],
  ["over", "more_than"],
  ["above", "more_than"],
  ["exceeding", "more_than"],
  ["passed", "more_than"],
  ["topped", "more_than"],
  ["surpassed", "more_than"],
  ["exceeded", "more_than"],
  ["fewer than", "less_than"],
  ["less than", "less_than"],
  ["lower than", "less_than"],
  ["just under", "less_than"],
  ["just below", "less_than"],
  ["under", "less_than"],
  ["below", "less_than"],
  ["sub", "less_than"],
  ["nearly", "approximate"],
  ["almost", "approximate"],
  ["about", "approximate"],
  ["around", "approximate"],
  ["roughly", "approximate"],
  ["approximately", "approximate"],
  ["approx.", "approximate"],
  ["some", "approximate"],
  ["close to", "approximate"],
  ["circa", "approximate"],
  ["an estimated", "approximate"],
  ["estimated", "approximate"],
  ["somewhere around", "approximate"],
  ["~", "approximate"],
  ["≈", "approximate"],
  ["exactly", "exact"],
  ["precisely", "exact"],
  ["just", "exact"],
  ["only", "exact"],
];

/** Range connectors between two numbers ("20 to 40", "300-400", "between 300 and 400", "three or four"). */
export const RANGE_CONNECTORS = new Set(["to", "-", "–", "—", "and", "or", "until", "through", "thru"]);
