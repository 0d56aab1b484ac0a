/**
 * Events: articles that report the same happening. Two articles are linked when they share
 *   - a specific place in their headline or lead, a kind of event word, and publication dates at most
 *     PLACE_WINDOW_DAYS apart (a broad place such as "Kyiv" needs two kinds of event word in common); or
 *   - a named person they both quote, a kind of event (not outcome) word in headline or lead, and dates at most
 *     PERSON_WINDOW_DAYS apart (a lawyer's running count of refusals, reported over weeks).
 * An event is a connected set of linked articles. The link depends on the two articles alone, so the events are
 * the same whatever order articles arrive in, and adding an article can only join events, never split them:
 * that is what lets the store link one article at a time (src/store/links.ts).
 */
import { BROAD_PLACES, EVENT_TERMS } from "../lang/en/events.js";
import type { EventFeatures } from "./model.js";
import { cmp, shortHash } from "./util.js";

export const PLACE_WINDOW_DAYS = 7;
export const PERSON_WINDOW_DAYS = 90;

const TERM = new Map(EVENT_TERMS.map((t, i) => [t.id, { ...t, rank: i }]));

/** Whether an event-term category names a kind of happening ("strike"), not an outcome or a detail. */
export function isEventTerm(category: string): boolean {
  return TERM.get(category)?.kind === "event";
}

function days(a: string | null, b: string | null): number {
  if (!a || !b) return Infinity;
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

function shared<T>(a: Iterable<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((x) => b.has(x));
}

/** Whether two articles report the same happening. Symmetric, and a function of the two articles only. */
export function sameEvent(a: EventFeatures, b: EventFeatures): boolean {
  const terms = shared(Object.keys(a.terms), new Set(Object.keys(b.terms)));
  if (terms.length === 0) return false;
  const eventTerms = terms.filter(isEventTerm);
  const dt = days(a.date, b.date);
  const places = shared(Object.keys(a.places), new Set(Object.keys(b.places)));
  const specific = places.filter((p) => !BROAD_PLACES.has(p));
  if (specific.length > 0 && dt <= PLACE_WINDOW_DAYS) return true;
  if (places.length > 0 && dt <= PLACE_WINDOW_DAYS && eventTerms.length >= 2) return true;
  // Undated articles: a specific place and two kinds of event word.
  if (dt === Infinity && specific.length > 0 && terms.length >= 2 && eventTerms.length >= 1) return true;
  const persons = shared(a.persons, new Set(b.persons));
  return persons.length > 0 && eventTerms.length > 0 && dt <= PERSON_WINDOW_DAYS;
}

/** The keys under which an article can find the articles it may link to (every link needs a shared one). */
export function linkKeys(f: EventFeatures): Array<{ kind: "place" | "person"; key: string }> {
  return [
    ...Object.keys(f.places)
      .sort()
      .map((key) => ({ kind: "place" as const, key })),
    ...f.persons.map((key) => ({ kind: "person" as const, key })),
  ];
}

/** An event's id: from its earliest-sorting document id, so it does not depend on the order of arrival. */
export function eventId(documentIds: readonly string[]): string {
  const first = [...documentIds].sort(cmp)[0]!;
  return `ev-${shortHash(first)}`;
}

export interface EventSummary {
  label: string;
  place: string | null;
  term: string | null;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * Names an event from its articles: the place most of them name (by weight; shown as the articles write it), the
 * kind of event they most call it, and the earliest publication date: "Makiivka strike, 2023-01-01".
 */
export function summarizeEvent(members: readonly EventFeatures[]): EventSummary {
  const placeWeight = new Map<string, number>();
  const placeDocs = new Map<string, number>();
  const placeNames = new Map<string, Map<string, number>>();
  const termWeight = new Map<string, number>();
  const dates: string[] = [];
  for (const m of members) {
    for (const [k, w] of Object.entries(m.places)) {
      placeWeight.set(k, (placeWeight.get(k) ?? 0) + w);
      placeDocs.set(k, (placeDocs.get(k) ?? 0) + 1);
      const names = placeNames.get(k) ?? new Map<string, number>();
      const name = m.placeNames[k] ?? k;
      names.set(name, (names.get(name) ?? 0) + 1);
      placeNames.set(k, names);
    }
    for (const [t, w] of Object.entries(m.terms))
      if (isEventTerm(t)) termWeight.set(t, (termWeight.get(t) ?? 0) + w);
    if (m.date) dates.push(m.date);
  }
  const half = Math.ceil(members.length / 2);
  const placeKey =
    [...placeWeight]
      .filter(([k]) => (placeDocs.get(k) ?? 0) >= half)
      .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? null;
  const place = placeKey
    ? [...placeNames.get(placeKey)!].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0]
    : null;
  const term =
    [...termWeight].sort((a, b) => b[1] - a[1] || TERM.get(a[0])!.rank - TERM.get(b[0])!.rank)[0]?.[0] ?? null;
  dates.sort(cmp);
  const firstDate = dates[0] ?? null;
  const lastDate = dates[dates.length - 1] ?? null;
  const noun = term ? TERM.get(term)!.label : "reports";
  const head = place ? `${place} ${noun}` : noun[0]!.toUpperCase() + noun.slice(1);
  return { label: firstDate ? `${head}, ${firstDate}` : head, place, term, firstDate, lastDate };
}

/** Union-find over item indices; a component's root is its smallest index. */
export class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
