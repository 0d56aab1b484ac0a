/**
 * Comparison keys for names: two mentions get the same key exactly when they name the same person, body or place
 * by the rules of src/lang/en (spelling, transliteration, titles, organisation synonyms). Keys are built from one
 * name at a time, never from the corpus, so they are the same however and whenever the name is seen.
 */
import type { EntityType } from "../model/claims.js";
import { COUNTRY_FORMS, ORGANIZATION_SYNONYMS } from "../lang/en/organizations.js";
import {
  FIRST_NAME_EQUIVALENTS,
  NAME_HEAD_TYPES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NOT_NAME_STARTS,
  PATRONYMIC,
  PERSON_TITLES,
  PRONOUNS,
  SPELLING_VARIANTS,
  TRANSLITERATION_RULES,
} from "../lang/en/variants.js";

/** Lower-case, accents removed, curly quotes straightened, spaces collapsed. */
export function fold(s: string): string {
  // Most names are plain ASCII with single spaces: skip the Unicode work for them.
  if (/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(s)) return s.replace(/`/g, "'").toLowerCase();
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/[‐‑–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Remembers the last results of a pure function of a string (names recur across a corpus). Bounded, so a long run
 * over many distinct names does not grow it without end: when full it starts afresh.
 */
export function memo<T>(fn: (s: string) => T, size = 50_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= size) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

/** A surface form as a reader would write it in a list: quotes straightened, spaces collapsed, no leading "the". */
export function cleanSurface(s: string): string {
  return s
    .replace(/[’‘ʼ]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/'s$/, "");
}

/** One word of a name, folded to its transliteration key. */
export function transliterationKey(word: string): string {
  let w = word;
  for (const [pattern, replacement] of TRANSLITERATION_RULES) w = w.replace(pattern, replacement);
  return w;
}

export interface PersonKey {
  /** "sergei sevryukov"; a single word when only the surname is known. */
  key: string;
  /** The surname's key: names are compared within their surname. */
  surname: string;
  /** Whether the key has a first name as well as a surname. */
  full: boolean;
}

/**
 * The key of a person's name: titles, initials, patronymics and suffixes dropped; each word folded by the
 * transliteration rules; Ukrainian and Russian forms of a first name made one. Null when nothing name-like is left.
 */
export function personKey(name: string): PersonKey | null {
  // The words as written (for capitals) and folded (for comparing), side by side.
  let written = name
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[.,;:()"]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const folded = (ws: string[]) => ws.map((w) => fold(w));
  while (written.length > 1 && PERSON_TITLES.has(fold(written[0]!))) written = written.slice(1);
  while (written.length > 1 && NAME_SUFFIXES.has(fold(written[written.length - 1]!))) written = written.slice(0, -1);
  // Initials anywhere but the end ("Vladimir V. Putin", "S. Sevryukov") and middle patronymics go.
  written = written.filter(
    (w, i) => i === written.length - 1 || (w.length > 1 && !(i > 0 && PATRONYMIC.test(fold(w)))),
  );
  const words = folded(written);
  if (words.length === 0 || (words.length === 1 && PRONOUNS.has(words[0]!))) return null;
  if (!words.every((w) => /^[a-z][a-z'-]*$/.test(w))) return null;
  // A name is capitalised words (particles aside) and does not start like a sentence ("And Kyiv").
  if (NOT_NAME_STARTS.has(words[0]!)) return null;
  if (!written.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && NAME_PARTICLES.has(words[i]!)))) return null;
  const keys = words.map((w) => w.split("-").map(transliterationKey).join("-"));
  if (keys.length > 1) keys[0] = FIRST_NAME_EQUIVALENTS.get(keys[0]!) ?? keys[0]!;
  return { key: keys.join(" "), surname: keys[keys.length - 1]!, full: keys.length > 1 };
}

export interface OrganizationKey {
  key: string;
  /** ISO code of the country the name qualifies the body with ("Russia's", "of Ukraine"), if any. */
  country: string | null;
  /** The name without its country, synonyms folded: "ministry of defense". */
  core: string;
}

function spellingFold(words: readonly string[]): string[] {
  return words.map((w) => SPELLING_VARIANTS.get(w) ?? w);
}

/** The country a name, adjective or abbreviation stands for (lower-case form in, ISO code out). */
export function countryCode(form: string): string | null {
  return COUNTRY_FORMS.get(form) ?? null;
}

/**
 * The key of an organisation's name: "Russia's Defence Ministry", "the Russian defense ministry" and
 * "Russian MoD" all give "ru:ministry of defense"; "the UK's Ministry of Defence" gives "gb:ministry of defense".
 */
export function organizationKey(name: string): OrganizationKey | null {
  let words = spellingFold(fold(name).replace(/[,;:()"]/g, " ").split(" ").filter(Boolean));
  while (words[0] === "the") words = words.slice(1);
  if (words.length === 0) return null;
  let country: string | null = null;
  // A country before the name: "Russia's …", "the UK's …", "Russian …", "United Kingdom …".
  for (let n = Math.min(3, words.length - 1); n >= 1 && country === null; n--) {
    const head = words.slice(0, n).join(" ");
    const possessive = head.endsWith("'s") ? head.slice(0, -2) : head.endsWith("'") ? head.slice(0, -1) : null;
    const code = countryCode(possessive ?? head);
    if (code) {
      country = code;
      words = words.slice(n);
    }
  }
  // A country after it: "Armed Forces of Ukraine", "Ministry of Defence of the Russian Federation".
  if (country === null) {
    const of = words.lastIndexOf("of");
    if (of > 0) {
      const tail = words.slice(of + 1).filter((w, i) => !(i === 0 && w === "the"));
      const code = countryCode(tail.join(" "));
      if (code) {
        country = code;
        words = words.slice(0, of);
      }
    }
  }
  while (words[0] === "the") words = words.slice(1);
  words = words.map((w) => w.replace(/'s$/, ""));
  let core = words.join(" ");
  if (!core) return null;
  const ministry = /^(.+) ministry$/.exec(core);
  if (ministry) core = `ministry of ${ministry[1]}`;
  core = ORGANIZATION_SYNONYMS.get(core) ?? core;
  return { key: country ? `${country}:${core}` : core, country, core };
}

/**
 * Keys for places, outlets and platforms: folded, without "the", each word by the transliteration rules.
 * Remembered: every place a passage names is keyed, and the same places recur across articles.
 */
export const plainKey = memo((name: string): string | null => {
  const words = spellingFold(
    fold(name)
      .replace(/'s$/, "")
      .replace(/[,;:()"]/g, " ")
      .split(" ")
      .filter(Boolean),
  );
  while (words[0] === "the") words.shift();
  if (words.length === 0) return null;
  return words.map((w) => (/^[a-z'-]+$/.test(w) ? transliterationKey(w) : w)).join(" ");
});

export interface NameKey {
  key: string;
  /** Names are clustered within their block: a person's surname, or the key itself. */
  block: string;
  /** For people: whether the key holds a first name too. */
  full: boolean;
}

/**
 * The type a name is linked as: a "person" whose last word marks a body, an outlet or a place ("Russian MoD",
 * "Kyiv Daily Wire", "Dnipro River") is taken as that; null for names that are none of these ("New Year").
 */
export function linkedType(type: EntityType, name: string): EntityType | null {
  if (type !== "person") return type;
  const last = fold(name).replace(/'s$/, "").split(" ").pop() ?? "";
  const head = NAME_HEAD_TYPES.get(last);
  return head === undefined ? type : head === "none" ? null : head;
}

const nameKeys = memo((typed: string): NameKey | null => {
  const cut = typed.indexOf("\u0000");
  return computeNameKey(typed.slice(0, cut) as EntityType, typed.slice(cut + 1));
});

/** The key of a name of the given type, or null when the name cannot be keyed (a pronoun, a bare "the"). */
export function nameKey(type: EntityType, name: string): NameKey | null {
  return nameKeys(`${type}\u0000${name}`);
}

function computeNameKey(type: EntityType, name: string): NameKey | null {
  if (PRONOUNS.has(fold(name))) return null;
  if (type === "person") {
    const p = personKey(name);
    return p && { key: p.key, block: p.surname, full: p.full };
  }
  if (type === "organization") {
    const o = organizationKey(name);
    return o && { key: o.key, block: o.key, full: true };
  }
  if (type === "country") {
    const f = fold(name).replace(/^the /, "");
    const code = countryCode(f) ?? countryCode(f.replace(/'s$/, ""));
    const key = code ?? plainKey(name);
    return key ? { key, block: key, full: true } : null;
  }
  const key = plainKey(name);
  return key ? { key, block: key, full: true } : null;
}
