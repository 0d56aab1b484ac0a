/**
 * What an article says about the happening it reports, read from its headline and lead (the first two paragraphs
 * of prose): the places it names, the kinds of event words it uses, and the people it quotes. These features,
 * with the publication date, decide which articles report the same event (src/link/events.ts).
 */
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import { EVENT_TERMS, NOT_PLACES, PLACE_PREPOSITIONS } from "../lang/en/events.js";
import type { AttributionRecord, EventFeatures } from "./model.js";
import { claimLayers } from "./model.js";
import { countryCode, fold, memo, plainKey } from "./names.js";

const HEADLINE_WEIGHT = 3;
const LEAD_WEIGHT = 1;
/** Paragraphs of the lead; a paragraph counts when it has at least this many words. */
const LEAD_PARAGRAPHS = 2;
const LEAD_MIN_WORDS = 8;
/** A trimmed text of at least LEAD_MIN_WORDS words (tested without splitting the paragraph into words). */
const LEAD_LENGTH = new RegExp(String.raw`^\S+(?:\s+\S+){${LEAD_MIN_WORDS - 1}}`);

/** Event word → its category (the first category listing a word keeps it). */
const TERM_OF = new Map<string, string>();
for (const t of EVENT_TERMS) for (const w of t.words) if (!TERM_OF.has(w)) TERM_OF.set(w, t.id);

const NAME = String.raw`(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)`;
const PREPOSITION_PLACE = new RegExp(
  String.raw`\b(?:${[...PLACE_PREPOSITIONS].map((p) => `[${p[0]}${p[0]!.toUpperCase()}]${p.slice(1)}`).join("|")})\s+(?:the\s+)?${NAME}`,
  "gu",
);
const NOUN_OF_PLACE = new RegExp(
  String.raw`\b(?:town|city|village|region|district|port|settlement|oblast|province)\s+of\s+${NAME}`,
  "gu",
);

interface Region {
  text: string;
  weight: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The headline and the lead paragraphs of a document. */
function regions(doc: Document): Region[] {
  const out: Region[] = [];
  const title = doc.title?.trim() ?? "";
  if (title) out.push({ text: title, weight: HEADLINE_WEIGHT });
  const paragraphs = doc.layers.paragraphs ?? splitParagraphs(doc.text);
  let lead = 0;
  for (const p of paragraphs) {
    if (lead >= LEAD_PARAGRAPHS) break;
    if (doc.excluded.some((e) => overlaps(e, p))) continue;
    const text = doc.text.slice(p.start, p.end).trim();
    if (text === title || !LEAD_LENGTH.test(text)) continue;
    out.push({ text, weight: LEAD_WEIGHT });
    lead++;
  }
  return out;
}

function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** The place a word after "in" or "town of" names, or null; remembered, as article after article writes "in Kyiv". */
const candidatePlace = memo((word: string): string | null => {
  const w = word.replace(/['’]s$/, "");
  const f = fold(w);
  if (NOT_PLACES.has(f) || countryCode(f)) return null;
  return w;
});

function wholeWord(text: string, name: string): boolean {
  const i = text.indexOf(name);
  if (i < 0) return false;
  const before = i === 0 ? "" : text[i - 1]!;
  const after = text[i + name.length] ?? "";
  return !/\p{L}/u.test(before) && !/\p{L}/u.test(after);
}

/** The places a passage names, by key (as the passage writes each): known place entities and "in X", "town of X". */
export function placesIn(text: string, knownPlaces: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of knownPlaces) if (wholeWord(text, name)) notePlace(found, name);
  for (const re of [PREPOSITION_PLACE, NOUN_OF_PLACE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const place = candidatePlace(m[1]!);
      if (place) notePlace(found, place);
    }
  }
  return found;
}

/** Adds a place under its key unless the passage has already named it. */
function notePlace(found: Map<string, string>, name: string): void {
  const key = plainKey(name);
  if (key && !found.has(key)) found.set(key, name);
}

const LETTER = /\p{L}/u;

/**
 * The event-term categories a passage uses ("strike", "refusal"). Its words are its runs of letters, the ones
 * `/\p{L}+/gu` finds, but found by a scan that asks that Unicode class only about characters outside ASCII: the
 * regex over every passage took twice as long.
 */
export function termsIn(text: string): Set<string> {
  const categories = new Set<string>();
  const lower = text.toLowerCase(); // so A–Z are gone and a word's ASCII letters are a–z
  let wordStart = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.codePointAt(i)! : 0;
    if (c >= 0x61 && c <= 0x7a) continue;
    if (c >= 0x80 && LETTER.test(String.fromCodePoint(c))) {
      if (c > 0xffff) i++; // the second half of the surrogate pair
      continue;
    }
    if (i > wordStart) {
      const t = TERM_OF.get(lower.slice(wordStart, i));
      if (t) categories.add(t);
    }
    wordStart = i + 1;
  }
  return categories;
}

/** The names of the place entities of a document, with their aliases. */
export function knownPlacesOf(doc: Document): string[] {
  return (claimLayers(doc).entities ?? []).filter((e) => e.type === "place").flatMap((e) => [e.name, ...e.aliases]);
}

export function eventFeatures(
  doc: Document,
  attributions: readonly AttributionRecord[],
  knownPlaces: readonly string[] = knownPlacesOf(doc),
): EventFeatures {
  const places: Record<string, number> = {};
  const placeNames: Record<string, string> = {};
  const terms: Record<string, number> = {};
  for (const region of regions(doc)) {
    for (const [key, name] of placesIn(region.text, knownPlaces)) {
      places[key] = (places[key] ?? 0) + region.weight;
      placeNames[key] ??= name;
    }
    for (const t of termsIn(region.text)) terms[t] = (terms[t] ?? 0) + region.weight;
  }
  const persons = new Set<string>();
  for (const a of attributions)
    if (a.speakerEntity?.type === "person" && a.speakerEntity.key.includes(" ")) persons.add(a.speakerEntity.key);
  return { date: doc.publishedAt, places, placeNames, terms, persons: [...persons].sort() };
}
