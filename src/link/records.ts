/**
 * Reduces one analysed document to the record the linker works on. Everything here depends on the document
 * alone, so a document's record is the same whenever and in whatever company it is linked.
 */
import type { EntityType, Figure, Speaker, SpeakerType } from "../model/claims.js";
import type { Document } from "../model/document.js";
import { CURRENCY_UNITS, PEOPLE_UNITS, PERCENT_UNITS, PROPORTION_UNITS, TIME_UNITS } from "../lang/en/events.js";
import { PRONOUNS } from "../lang/en/variants.js";
import { eventFeatures, knownPlacesOf } from "./features.js";
import { sentenceScenes } from "./scenes.js";
import type {
  AttributionRecord,
  DocRecord,
  EntityRecord,
  EntityRef,
  FigureRecord,
} from "./model.js";
import { claimLayers } from "./model.js";
import { withoutTitles } from "./entities.js";
import { cleanSurface, fold, linkedType, memo, nameKey, type NameKey } from "./names.js";
import { cmp, push } from "./util.js";

/** Entity types linked across documents. Groups ("Western officials") and anonymous sources stay per document. */
const LINKED_TYPES = new Set<EntityType>(["person", "organization", "country", "place", "outlet", "platform"]);

const SPEAKER_ENTITY_TYPES: Partial<Record<SpeakerType, EntityType>> = {
  person: "person",
  organization: "organization",
  country: "country",
  outlet: "outlet",
};

interface Draft {
  type: EntityType;
  key: string;
  block: string;
  full: boolean;
  surfaces: Set<string>;
  roles: Set<string>;
  mentions: number;
}

/** A surface worth listing as an alias: not a pronoun, and naming something; people without their titles. */
function usableSurface(type: EntityType, s: string): string | null {
  return type === "person" ? usablePersonSurface(s) : usableOtherSurface(s);
}

function usableCleanSurface(clean: string): string | null {
  if (!clean || PRONOUNS.has(fold(clean))) return null;
  if (!/\p{Lu}/u.test(clean)) return null;
  return clean;
}

/** Cleaned surfaces, remembered (boundedly, as every `memo`): the same names recur in document after document. */
const usablePersonSurface = memo((s: string) => usableCleanSurface(withoutTitles(cleanSurface(s))));
const usableOtherSurface = memo((s: string) => usableCleanSurface(cleanSurface(s)));

interface KeyedName {
  type: EntityType;
  key: NameKey;
  /** Its draft's id in a document: type and key. */
  id: string;
}

/**
 * A name's linked type and key, remembered per type it is given as: every entity and speaker of a document is
 * keyed, and each speaker again for each of its attributions and figures; one lookup then replaces the type's,
 * the key's and the building of the id.
 */
const keyedNamesByType = new Map<EntityType, (name: string) => KeyedName | null>();

function keyedName(given: EntityType, name: string): KeyedName | null {
  let keyed = keyedNamesByType.get(given);
  if (!keyed) {
    keyed = memo((n) => {
      const type = linkedType(given, n);
      const key = type && nameKey(type, n);
      return key ? { type, key, id: `${type}\u0000${key.key}` } : null;
    });
    keyedNamesByType.set(given, keyed);
  }
  return keyed(name);
}

/** The entity names of one document, keyed, with names that only make sense in context resolved. */
function documentEntities(doc: Document, speakers: readonly Speaker[]): {
  records: EntityRecord[];
  resolve(type: EntityType, name: string): EntityRef | null;
} {
  const drafts = new Map<string, Draft>();
  const add = (given: EntityType, name: string, surfaces: readonly string[], roles: readonly string[], mentions: number) => {
    const keyed = keyedName(given, name);
    if (!keyed || !LINKED_TYPES.has(keyed.type)) return;
    const { type, key: k, id } = keyed;
    let d = drafts.get(id);
    if (!d) {
      d = { type, key: k.key, block: k.block, full: k.full, surfaces: new Set(), roles: new Set(), mentions: 0 };
      drafts.set(id, d);
    }
    for (const s of [name, ...surfaces]) {
      const u = usableSurface(type, s);
      if (u) d.surfaces.add(u);
    }
    for (const r of roles) if (r.trim()) d.roles.add(r.trim());
    d.mentions += mentions;
  };
  for (const e of claimLayers(doc).entities ?? []) add(e.type, e.name, e.aliases, e.roles ?? [], e.mentions.length);
  for (const s of speakers) {
    const type = SPEAKER_ENTITY_TYPES[s.type];
    if (type) add(type, s.name, [], s.role ? [s.role] : [], 0);
  }

  // In context: a bare surname is the one full name in this document with that surname; a body named without
  // its country ("the Defense Ministry") is the one body with that core and a country in this document.
  const redirect = new Map<string, string>();
  const byBlock = new Map<string, Draft[]>();
  for (const d of drafts.values())
    if (d.type === "person" && d.full) push(byBlock, d.block, d);
  const byCore = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    if (d.type !== "organization") continue;
    const core = /^[a-z]{2}:(.+)$/.exec(d.key)?.[1];
    if (core) push(byCore, core, d);
  }
  for (const [id, d] of drafts) {
    let target: Draft | undefined;
    if (d.type === "person" && !d.full) {
      const full = byBlock.get(d.block);
      if (full?.length === 1) target = full[0];
    } else if (d.type === "organization" && !d.key.includes(":")) {
      const withCountry = byCore.get(d.key);
      if (withCountry?.length === 1) target = withCountry[0];
    }
    if (!target) continue;
    for (const s of d.surfaces) target.surfaces.add(s);
    for (const r of d.roles) target.roles.add(r);
    target.mentions += d.mentions;
    redirect.set(id, `${target.type}\u0000${target.key}`);
    drafts.delete(id);
  }

  const records = [...drafts.values()]
    .map((d) => ({
      type: d.type,
      key: d.key,
      block: d.block,
      full: d.full,
      surfaces: [...d.surfaces].sort(),
      roles: [...d.roles].sort(),
      mentions: d.mentions,
    }))
    .sort((a, b) => cmp(a.type, b.type) || cmp(a.key, b.key));
  return {
    records,
    resolve(given, name) {
      const keyed = keyedName(given, name);
      if (!keyed) return null;
      const target = redirect.get(keyed.id) ?? keyed.id;
      const d = drafts.get(target);
      return d ? { type: d.type, key: d.key } : null;
    },
  };
}

/**
 * What kind of quantity a figure is, from its unit as the figure stage normalises it: "count" (of people, or
 * unstated), "count:<noun>" (rockets, drones, requests), "percent" (percentages and proportions),
 * "currency:<unit>", "time:<unit>". Figures are compared only within one kind.
 */
export function unitKind(unit: string | null): string {
  if (!unit) return "count";
  const u = unit.toLowerCase();
  if (PEOPLE_UNITS.has(u)) return "count";
  if (PERCENT_UNITS.has(u) || PROPORTION_UNITS.has(u)) return "percent";
  if (CURRENCY_UNITS.has(u)) return `currency:${u}`;
  if (TIME_UNITS.has(u)) return `time:${u}`;
  return `count:${u}`;
}

/** How long before publication a statement date may lie before it is more likely a misread date in the text. */
const STATEMENT_DATE_WINDOW_DAYS = 14;

/**
 * When a figure was stated: its attribution's date when that lies within two weeks before publication (a
 * statement reported later than that is rare, a date from another clause attached to it is not), else the
 * publication date, else the figure's own date.
 */
export function statedOn(attributionDate: string | null, publishedAt: string | null, figureDate: string | null): string | null {
  if (attributionDate && publishedAt) {
    const days = (Date.parse(publishedAt) - Date.parse(attributionDate)) / 86_400_000;
    if (days >= 0 && days <= STATEMENT_DATE_WINDOW_DAYS) return attributionDate;
    return publishedAt;
  }
  return attributionDate ?? publishedAt ?? figureDate;
}

function speakerRef(
  speaker: Speaker | null,
  resolve: (type: EntityType, name: string) => EntityRef | null,
): EntityRef | null {
  if (!speaker) return null;
  const type = SPEAKER_ENTITY_TYPES[speaker.type];
  return type ? resolve(type, speaker.name) : null;
}

/** The linker's view of one analysed document. */
export function prepareDocument(doc: Document): DocRecord {
  const layers = claimLayers(doc);
  const attributions = layers.attributions ?? [];
  const figures = layers.figures ?? [];
  const speakers = [...attributions.map((a) => a.speaker), ...figures.map((f) => f.speaker)].filter(
    (s): s is Speaker => s !== null && s !== undefined,
  );
  const entities = documentEntities(doc, speakers);
  const byId = new Map(attributions.map((a) => [a.id, a]));
  const attributionRecords: AttributionRecord[] = attributions.map((a) => ({
    documentId: doc.id,
    id: a.id,
    kind: a.kind,
    source: a.source ? { start: a.source.start, end: a.source.end } : null,
    cue: a.cue ? { start: a.cue.start, end: a.cue.end } : null,
    content: a.content.map(({ start, end }) => ({ start, end })),
    speaker: a.speaker ? { name: a.speaker.name, type: a.speaker.type, role: a.speaker.role ?? null } : null,
    speakerEntity: speakerRef(a.speaker, entities.resolve),
    via: a.via.map(({ name, type }) => ({ name, type })),
    date: a.date ?? null,
    scene: null,
  }));
  const knownPlaces = knownPlacesOf(doc);
  const features = eventFeatures(doc, attributionRecords, knownPlaces);
  const quoted = attributionRecords
    .filter((a) => a.content.length > 0)
    .map((a) => ({
      id: a.id,
      start: Math.min(...a.content.map((c) => c.start)),
      end: Math.max(...a.content.map((c) => c.end)),
    }));
  // Figures and quotes at once (their ids differ: "f…", "a…"), so a sentence holding both is read once.
  const scenes = sentenceScenes(doc, [...figures, ...quoted], features, knownPlaces);
  for (const a of attributionRecords) a.scene = scenes.get(a.id) ?? null;
  const figureRecords: FigureRecord[] = figures.map((f: Figure) => {
    const attribution = f.attribution ? byId.get(f.attribution) : undefined;
    return {
      documentId: doc.id,
      source: doc.source,
      id: f.id,
      start: f.start,
      end: f.end,
      text: doc.text.slice(f.start, f.end),
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      unit: f.unit,
      unitKind: unitKind(f.unit),
      measure: f.measure ? f.measure.toLowerCase() : null,
      subject: f.subject,
      attribution: f.attribution,
      speaker: f.speaker ? { name: f.speaker.name, type: f.speaker.type, role: f.speaker.role ?? null } : null,
      speakerEntity: speakerRef(f.speaker, entities.resolve),
      via: (attribution?.via ?? []).map(({ name, type }) => ({ name, type })),
      statedOn: statedOn(attribution?.date ?? null, doc.publishedAt, f.date ?? null),
      refersTo: f.date ?? null,
      revises: f.revises ?? null,
      publishedAt: doc.publishedAt,
      scene: scenes.get(f.id) ?? null,
    };
  });
  return {
    documentId: doc.id,
    source: doc.source,
    outlet: doc.outlet,
    publishedAt: doc.publishedAt,
    features,
    entities: entities.records,
    attributions: attributionRecords,
    figures: figureRecords,
  };
}

/** Records already made, by document object (documents are not changed once analysed). */
const made = new WeakMap<Document, DocRecord>();

/**
 * `prepareDocument`, once per document object: storing a document (its claim rows) and linking it both read its
 * record, and ingestion does both to the same object.
 */
export function documentRecord(doc: Document): DocRecord {
  let record = made.get(doc);
  if (!record) made.set(doc, (record = prepareDocument(doc)));
  return record;
}
