import type { Entity, EntityType } from "../model/claims.js";
import type { Span } from "../model/span.js";
import { COUNTRIES, ORGANIZATION_WORDS, OUTLETS, PLACES, PLATFORMS, TITLES } from "../lang/en/speakers.js";
import type { Gender } from "../lang/en/speakers.js";
import { classifyMention, type MentionClass } from "./mentions.js";
import { isInitial } from "./source.js";
import type { TokenView } from "./tokens.js";

/**
 * Entities of one document from runs of capitalised words (our own rules over proper-noun runs, design.md §10):
 * titles mark people, organisation words mark organisations, gazetteers mark countries, places, outlets and
 * platforms; a single capitalised word is kept only when a gazetteer knows it or it repeats the last name of a
 * person already met ("Semyon Pegov" … "Pegov"). A sentence's first word is not a name unless it is part of a
 * longer run or known.
 */
export interface EntityMention extends Span {
  entity: number;
}

export interface DocumentEntities {
  entities: Entity[];
  /** Every mention, sorted by start. */
  mentions: EntityMention[];
  /** Gender of each entity where a title or first name says it (for pronoun agreement). */
  genders: Gender[];
}

const CONNECTORS = new Set(["of", "for", "the", "on", "and", "de", "von", "van", "al", "bin", "&"]);
const NOT_NAMES = new Set([
  "the", "a", "an", "but", "and", "or", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
  "those", "there", "in", "on", "at", "for", "if", "when", "while", "after", "before", "as", "his", "her", "their",
  "its", "our", "my", "what", "who", "why", "how", "some", "many", "most", "one", "no", "not", "so", "yet", "also",
  "still", "meanwhile", "however", "according", "asked", "said", "says", "mr", "mrs", "ms", "dr", "monday",
  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
  "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday", "q", "a.",
  "american", "americans", "russian", "russians", "ukrainian", "ukrainians", "western", "european", "british",
  "democrat", "democrats", "republican", "republicans", "democratic", "christian", "muslim", "muslims", "jewish",
  "it’s", "it's", "that’s", "that's", "here", "now", "then", "with", "from", "by", "to", "of", "is", "was", "are",
  "were", "do", "does", "did", "can", "will", "would", "should", "could", "yes", "well", "oh", "thank", "thanks",
  "please", "let", "all", "every", "each", "both", "because", "since", "though", "although", "even", "just", "only",
]);

function typeOf(c: MentionClass): EntityType | null {
  if (c.kind !== "named") return null;
  return c.type;
}

export function findEntities(tv: TokenView): DocumentEntities {
  const entities: Entity[] = [];
  const genders: Gender[] = [];
  const mentions: EntityMention[] = [];
  const byName = new Map<string, number>();
  const bySurname = new Map<string, number>();
  const sentenceStart = new Uint8Array(tv.n);
  for (const s of tv.sentences) sentenceStart[s.first] = 1;
  // Quote marks and brackets at a sentence's start push its first word on.
  for (const s of tv.sentences) {
    let k = s.first;
    while (k < s.end && (tv.kinds[k] === "quote" || tv.kinds[k] === "punct")) sentenceStart[++k] = 1;
  }

  const add = (name: string, type: EntityType, span: Span, role: string | null, gender: Gender = "any") => {
    const key = `${type}:${name.toLowerCase()}`;
    let idx = byName.get(key);
    if (idx === undefined && type === "person") {
      const last = name.split(" ").pop()!.toLowerCase();
      const known = bySurname.get(last);
      if (known !== undefined && (name.split(" ").length === 1 || entities[known]!.name.toLowerCase().endsWith(name.toLowerCase()))) idx = known;
    }
    if (idx === undefined) {
      idx = entities.length;
      entities.push({ name, type, aliases: [], mentions: [] });
      genders.push(type === "person" ? "any" : "neuter");
      byName.set(key, idx);
      if (type === "person" && name.includes(" ")) {
        const last = name.split(" ").pop()!.toLowerCase();
        if (!bySurname.has(last)) bySurname.set(last, idx);
      }
    }
    const e = entities[idx]!;
    if (gender !== "any" && genders[idx] === "any") genders[idx] = gender;
    if (name !== e.name && !e.aliases.includes(name)) e.aliases.push(name);
    if (role) {
      e.roles ??= [];
      if (!e.roles.includes(role)) e.roles.push(role);
    }
    e.mentions.push({ start: span.start, end: span.end });
    mentions.push({ start: span.start, end: span.end, entity: idx });
  };

  for (let i = 0; i < tv.n; i++) {
    if (!tv.isCap(i)) continue;
    // The run of capitalised words with connectors ("Institute for the Study of War", "Lt. Gen. Sergey Sevryukov").
    let j = i;
    let end = i;
    while (j + 1 < tv.n) {
      const nxt = j + 1;
      const w = tv.word(nxt);
      if (tv.isCap(nxt) && tv.sentence[nxt] === tv.sentence[i]) {
        end = j = nxt;
        if (/[’']s$/.test(w)) break;
        continue;
      }
      if (w === "." && tv.adjacent(j) && (TITLES.has(tv.word(j)) || isInitial(tv, j))) {
        j = nxt;
        continue;
      }
      if (CONNECTORS.has(w) && tv.isCap(nxt + 1) && !/[’']s$/.test(tv.word(j)) || CONNECTORS.has(w) && w === "the" && tv.word(nxt - 1) === "for") {
        j = nxt;
        continue;
      }
      break;
    }
    let first = i;
    // Leading words that are not names: "The", "But", sentence-initial "He".
    while (first <= end && (NOT_NAMES.has(tv.word(first)) || CONNECTORS.has(tv.word(first)) || tv.word(first) === ".")) first++;
    if (first > end) {
      i = end;
      continue;
    }
    const startsSentence = sentenceStart[first] === 1;
    const span = { start: tv.starts[first]!, end: tv.ends[end]! };
    let text = tv.text.slice(span.start, span.end).replace(/[’']s$/, "");
    if (/[’']s$/.test(tv.word(end))) span.end -= 2;
    text = text.replace(/\s+/g, " ");
    const single = first === end;
    const lower = text.toLowerCase();
    const known = OUTLETS.has(lower) || PLATFORMS.has(lower) || COUNTRIES.has(lower) || PLACES.has(lower) || ORGANIZATION_WORDS.has(lower);
    if (single && !known) {
      const idx = bySurname.get(lower) ?? byName.get(`person:${lower}`);
      if (idx !== undefined) add(text, "person", span, null);
      else if (!startsSentence && /^\p{Lu}{2,6}$/u.test(text) && ORGANIZATION_WORDS.has(lower)) add(text, "organization", span, null);
      i = end;
      continue;
    }
    const c = classifyMention(tv.text.slice(tv.starts[i]!, span.end));
    const type = typeOf(c);
    if (type && c.kind === "named") {
      // A lone title ("President") or a run that is all titles is no name.
      if (!(type === "person" && c.name.split(" ").every((w) => TITLES.has(w.toLowerCase().replace(/\.$/, ""))))) {
        const nameSpan = type === "person" ? nameSpanOf(tv.text, span, c.name) : span;
        add(c.name, type, nameSpan, type === "person" ? c.role : null, c.gender);
      }
    }
    i = end;
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, genders };
}

function nameSpanOf(text: string, span: Span, name: string): Span {
  const at = text.slice(span.start, span.end).lastIndexOf(name);
  return at >= 0 ? { start: span.start + at, end: span.start + at + name.length } : span;
}
