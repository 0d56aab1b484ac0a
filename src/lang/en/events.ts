/**
 * Language data for grouping articles into events and figures into groups (src/link/events.ts, figures.ts):
 * what kind of happening a word names, which places are too broad to identify one, which counts only grow,
 * and how far an English hedge ("up to", "about", "more than") lets a number stretch.
 */
import type { Qualifier } from "../../model/claims.js";

export interface EventTerm {
  /** Stable id of the category. */
  id: string;
  /** Noun for an event's label ("Makiivka strike"). */
  label: string;
  /** `event` names a kind of happening; `outcome` and `detail` are shared by many kinds and never label one. */
  kind: "event" | "outcome" | "detail";
  /** Lower-case word forms (British and American). */
  words: readonly string[];
}

/** Categories of event words, in order of preference when two are equally frequent. */
export const EVENT_TERMS: readonly EventTerm[] = [
  {
    id: "strike",
    label: "strike",
    kind: "event",
    words: ["strike", "strikes", "struck", "airstrike", "airstrikes", "bombing", "bombed", "bombings"],
  },
  {
    id: "attack",
    label: "attack",
    kind: "event",
    words: ["attack", "attacks", "attacked", "assault", "raid", "raids", "pound", "pounded", "pounds", "barrage"],
  },
  { id: "shelling", label: "shelling", kind: "event", words: ["shelling", "shelled", "bombardment"] },
  {
    id: "explosion",
    label: "explosion",
    kind: "event",
    words: ["explosion", "explosions", "blast", "blasts", "exploded", "detonated"],
  },
  {
    id: "refusal",
    label: "refusals",
    kind: "event",
    words: [
      "refuse", "refused", "refuses", "refusing", "refusal", "refusals", "refusenik", "refuseniks", "desertion",
      "deserters", "deserted",
    ],
  },
  {
    id: "mobilisation",
    label: "mobilisation",
    kind: "event",
    words: ["mobilisation", "mobilization", "mobilised", "mobilized", "conscription", "conscripts", "reservists"],
  },
  {
    id: "protest",
    label: "protests",
    kind: "event",
    words: ["protest", "protests", "protesters", "protestors", "demonstration", "demonstrations", "rally", "rallies"],
  },
  { id: "evacuation", label: "evacuation", kind: "event", words: ["evacuation", "evacuated", "evacuate", "evacuations"] },
  { id: "flood", label: "flood", kind: "event", words: ["flood", "floods", "flooding", "flooded", "dam", "breach"] },
  { id: "fire", label: "fire", kind: "event", words: ["fire", "fires", "blaze", "wildfire", "wildfires"] },
  { id: "crash", label: "crash", kind: "event", words: ["crash", "crashed", "derailed", "derailment", "collision"] },
  { id: "arrests", label: "arrests", kind: "event", words: ["arrest", "arrests", "arrested", "detained", "detentions"] },
  { id: "election", label: "election", kind: "event", words: ["election", "elections", "vote", "ballot", "referendum"] },
  {
    id: "casualties",
    label: "casualties",
    kind: "outcome",
    words: [
      "killed", "dead", "died", "death", "deaths", "toll", "casualties", "losses", "wounded", "injured", "injuries",
    ],
  },
  {
    id: "weapons",
    label: "weapons",
    kind: "detail",
    words: ["rocket", "rockets", "missile", "missiles", "drone", "drones", "himars", "artillery", "shells"],
  },
];

/** Prepositions after which a capitalised word in a headline or lead is taken for a place ("strike on Makiivka"). */
export const PLACE_PREPOSITIONS = new Set(["in", "on", "near", "over", "outside", "at"]);

/**
 * Places too broad to identify an event by themselves (capitals and countries that most war reporting names).
 * Two articles sharing only one of these also need two kinds of event word in common.
 */
export const BROAD_PLACES = new Set([
  "moscow", "kyiv", "kiev", "washington", "london", "brussels", "beijing", "paris", "berlin", "minsk", "russia",
  "ukraine", "europe", "crimea", "donbas", "donbass", "the west", "the kremlin", "kremlin", "white house",
]);

/** Capitalised words that follow a preposition but are not places (times, platforms, holidays, generic nouns). */
export const NOT_PLACES = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
  "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "new", "new year's", "christmas", "easter",
  "telegram", "twitter", "facebook", "youtube", "instagram", "tiktok", "vkontakte", "vk", "x", "the", "a", "an",
  "his", "her", "their", "its", "our", "this", "that", "president", "prime", "minister", "general", "lt", "gen",
  "mr", "mrs", "ms", "dr", "english", "russian", "ukrainian", "western", "eastern", "northern", "southern",
  "american", "british", "european", "soviet", "i", "we", "it", "he", "she", "they", "what", "how", "why", "when",
]);

/** Measures that count what only accumulates: a later, higher count from another source updates, not disputes. */
export const CUMULATIVE_MEASURES = new Set([
  "killed", "wounded", "casualties", "losses", "evacuated", "displaced", "fled", "deported", "arrested", "detained",
  "captured", "missing", "refused", "deserted", "conscripted", "mobilised", "recruited", "requests", "complaints",
  "infected", "cases", "vaccinated", "sentenced", "charged", "convicted", "affected",
]);

/** Readable names for measures in a figure group's label; others are shown as they are. */
export const MEASURE_LABELS: ReadonlyMap<string, string> = new Map([
  ["killed", "people killed"],
  ["wounded", "people wounded"],
  ["casualties", "casualties"],
  ["evacuated", "people evacuated"],
  ["displaced", "people displaced"],
  ["refused", "people refusing"],
  ["arrested", "people arrested"],
  ["detained", "people detained"],
  ["missing", "people missing"],
  ["captured", "people captured"],
  ["launched", "launched"],
  ["shot down", "shot down"],
]);

/** Units (as the figure stage normalises them) that are percentages. */
export const PERCENT_UNITS = new Set(["percentage", "percent", "per cent", "%", "percentage point", "pc"]);

/** Units that are fractions of one ("one in five" = 0.2): compared with percentages after scaling by 100. */
export const PROPORTION_UNITS = new Set(["proportion", "fraction", "share"]);

/** Units that count people (the figure stage mostly says "people"); all of them count the same thing. */
export const PEOPLE_UNITS = new Set([
  "people", "person", "persons", "soldier", "troop", "man", "woman", "child", "civilian", "resident", "individual",
]);

/** Units of time: a figure in these is a duration or an age, never a count of people or things. */
export const TIME_UNITS = new Set([
  "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "year of age",
]);

/** Currency units, singular and lower-case. */
export const CURRENCY_UNITS = new Set([
  "dollar", "us dollar", "euro", "pound", "pound sterling", "ruble", "rouble", "hryvnia", "yuan", "yen", "rupee",
  "franc", "lira", "zloty", "krona", "krone", "lari", "tenge", "$", "€", "£", "₽", "₴",
]);

/**
 * How far each qualifier lets a stated number stretch when judging whether two figures can both be right
 * (the interval a claim allows, as factors of its number):
 * - `approximate` ("about 300") allows 15% either way;
 * - `at_most` ("up to 400", "as many as 400") is read, as war reporting uses it, as a claim that the toll reaches
 *   towards the number: it allows down to half of it, so "up to 400" and "89" cannot both be right;
 * - `less_than` ("fewer than 100") allows anything below;
 * - `at_least` and `more_than` allow anything above ("more than 1,000" and "1,200" agree).
 */
export const QUALIFIER_STRETCH: Readonly<Record<Qualifier, { low: number; high: number }>> = {
  exact: { low: 1, high: 1 },
  approximate: { low: 0.85, high: 1.15 },
  at_least: { low: 1, high: Infinity },
  more_than: { low: 1, high: Infinity },
  at_most: { low: 0.5, high: 1 },
  less_than: { low: 0, high: 1 },
  range: { low: 1, high: 1 },
  vague: { low: 1, high: 1 },
};
