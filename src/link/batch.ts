/**
 * Links a whole corpus at once, in memory (`claimtrace analyze FILES`). The store links one document at a time
 * (src/store/links.ts) with the same functions; the tests hold the two to the same result.
 */
import type { Document } from "../model/document.js";
import { linkEntities } from "./entities.js";
import {
  eventId,
  linkKeys,
  PERSON_WINDOW_DAYS,
  PLACE_WINDOW_DAYS,
  sameEvent,
  summarizeEvent,
  UnionFind,
} from "./events.js";
import { buildGroup, splitByMeasure } from "./figures.js";
import type { Span } from "../model/span.js";
import type {
  DocRecord,
  EventMention,
  FigureRecord,
  LinkedEvent,
  LinkedFigureGroup,
  LinkResult,
} from "./model.js";
import { prepareDocument } from "./records.js";
import { sceneAnchor, type SceneTopic } from "./scenes.js";
import { cmp, push } from "./util.js";

/**
 * Events of a corpus: connected components of `sameEvent`. Candidates are the articles sharing a place or a quoted
 * person whose dates lie within that kind of link's window (found by sorting each key's articles by date), and,
 * for places, articles where either date is missing.
 */
export function linkEvents(records: readonly DocRecord[]): Array<LinkedEvent & { members: DocRecord[] }> {
  const uf = new UnionFind(records.length);
  const byKey = new Map<string, { kind: "place" | "person"; members: number[] }>();
  records.forEach((r, i) => {
    for (const k of linkKeys(r.features)) {
      const id = `${k.kind}\u0000${k.key}`;
      const entry = byKey.get(id) ?? { kind: k.kind, members: [] };
      entry.members.push(i);
      byKey.set(id, entry);
    }
  });
  const day = (i: number) => Date.parse(records[i]!.features.date!) / 86_400_000;
  const test = (i: number, j: number) => {
    if (uf.find(i) !== uf.find(j) && sameEvent(records[i]!.features, records[j]!.features)) uf.union(i, j);
  };
  for (const { kind, members } of byKey.values()) {
    const dated = members.filter((i) => records[i]!.features.date).sort((a, b) => day(a) - day(b));
    const window = kind === "place" ? PLACE_WINDOW_DAYS : PERSON_WINDOW_DAYS;
    for (let p = 0; p < dated.length; p++)
      for (let q = p + 1; q < dated.length && day(dated[q]!) - day(dated[p]!) <= window; q++) test(dated[p]!, dated[q]!);
    if (kind === "place") {
      const undated = members.filter((i) => !records[i]!.features.date);
      for (const i of undated) for (const j of members) if (i !== j) test(i, j);
    }
  }
  const components = new Map<number, DocRecord[]>();
  records.forEach((r, i) => {
    const root = uf.find(i);
    push(components, root, r);
  });
  const events = [...components.values()].map((members) => makeEvent(members));
  return sortEvents(events);
}

export function makeEvent(members: DocRecord[]): LinkedEvent & { members: DocRecord[] } {
  const summary = summarizeEvent(members.map((m) => m.features));
  return {
    id: eventId(members.map((m) => m.documentId)),
    ...summary,
    documents: [...new Set(members.map((m) => m.source))].sort(cmp),
    mentions: [],
    members,
  };
}

export function sortEvents<T extends LinkedEvent>(events: T[]): T[] {
  return events.sort(
    (a, b) => cmp(a.firstDate ?? "9999", b.firstDate ?? "9999") || cmp(a.label, b.label) || cmp(a.id, b.id),
  );
}

export function sortGroups(groups: LinkedFigureGroup[], events: readonly LinkedEvent[]): LinkedFigureGroup[] {
  const order = new Map(events.map((e, i) => [e.id, i]));
  return groups.sort(
    (a, b) =>
      (order.get(a.eventId) ?? 0) - (order.get(b.eventId) ?? 0) ||
      b.figures.length - a.figures.length ||
      cmp(a.measure, b.measure) ||
      cmp(a.unitKind, b.unitKind),
  );
}

/** Entities, events and figure groups of the given documents' records. */
export function linkRecords(records: readonly DocRecord[]): LinkResult {
  const unique = [...new Map(records.map((r) => [r.documentId, r])).values()];
  const entities = linkEntities(unique);
  const events = linkEvents(unique);
  const eventOf = new Map<string, (typeof events)[number]>();
  for (const e of events) for (const m of e.members) eventOf.set(m.documentId, e);
  // Each figure goes to its article's event, or to the event of the article its sentence's scene is anchored to.
  const byPlace = new Map<string, DocRecord[]>();
  for (const r of unique) for (const place of Object.keys(r.features.places)) push(byPlace, place, r);
  const figuresOf = new Map<(typeof events)[number], FigureRecord[]>();
  const passing: Array<{ event: LinkedEvent; record: DocRecord; passage: Span }> = [];
  for (const r of unique)
    for (const f of r.figures) {
      const anchor = f.scene ? sceneAnchor(f.scene, r, candidatesFor(f.scene, byPlace)) : null;
      const event = eventOf.get(anchor ?? r.documentId)!;
      push(figuresOf, event, f);
      // (An article of the event itself is listed among its documents already.)
      if (anchor && event !== eventOf.get(r.documentId))
        passing.push({ event, record: r, passage: { start: f.scene!.start, end: f.scene!.end } });
    }
  // A quote in such a sentence is anchored the same way; it adds its sentence to the event's passing mentions.
  for (const r of unique)
    for (const a of r.attributions) {
      const anchor = a.scene ? sceneAnchor(a.scene, r, candidatesFor(a.scene, byPlace)) : null;
      const event = anchor ? eventOf.get(anchor)! : null;
      if (event && event !== eventOf.get(r.documentId))
        passing.push({ event, record: r, passage: { start: a.scene!.start, end: a.scene!.end } });
    }
  for (const [event, mentions] of eventMentions(passing)) event.mentions = mentions;
  const groups: LinkedFigureGroup[] = [];
  for (const e of events) {
    for (const list of splitByMeasure(figuresOf.get(e) ?? []).values())
      groups.push(buildGroup(e, list[0]!.measure!, list[0]!.unitKind, list, entities.idOf));
  }
  const plainEvents: LinkedEvent[] = events.map(({ members: _members, ...e }) => e);
  return { entities: entities.entities, events: plainEvents, figureGroups: sortGroups(groups, plainEvents) };
}

/**
 * Each event's passing mentions, from the passages anchored to it: one entry per article (by source, then id), its
 * passages in text order, each once however many of its figures it holds.
 */
export function eventMentions<E>(
  passing: Iterable<{ event: E; record: { source: string; documentId: string }; passage: Span }>,
): Map<E, EventMention[]> {
  const byEvent = new Map<E, Map<string, EventMention>>();
  for (const { event, record, passage } of passing) {
    let docs = byEvent.get(event);
    if (!docs) byEvent.set(event, (docs = new Map()));
    let m = docs.get(record.documentId);
    if (!m) docs.set(record.documentId, (m = { source: record.source, document: record.documentId, passages: [] }));
    if (!m.passages.some((p) => p.start === passage.start && p.end === passage.end))
      m.passages.push({ start: passage.start, end: passage.end });
  }
  const out = new Map<E, EventMention[]>();
  for (const [event, docs] of byEvent) {
    const list = [...docs.values()].sort((a, b) => cmp(a.source, b.source) || cmp(a.document, b.document));
    for (const m of list) m.passages.sort((a, b) => a.start - b.start || a.end - b.end);
    out.set(event, list);
  }
  return out;
}

/** The articles whose headline or lead names one of the scene's places. */
function candidatesFor(scene: SceneTopic, byPlace: ReadonlyMap<string, readonly DocRecord[]>): DocRecord[] {
  return scene.places.flatMap((p) => byPlace.get(p) ?? []);
}

/** Entities, events and figure groups of analysed documents (each document counted once). */
export function linkCorpus(docs: readonly Document[]): LinkResult {
  return linkRecords(docs.map(prepareDocument));
}
