/**
 * The records the cross-document linker works on, and what it produces. A document is reduced once, when it is
 * analysed, to a `DocRecord` (its entity names with their keys, attributions, figures and event features); the
 * linker only ever reads records, so linking all documents at once (in memory) and one at a time (in the store)
 * see exactly the same input.
 */
import type {
  Attribution,
  AttributionKind,
  Entity,
  EntityType,
  Figure,
  Qualifier,
  Relay,
  Speaker,
} from "../model/claims.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";

/** The per-document layers the linker consumes (added by the attribution, entity and figure stages). */
export interface ClaimLayers {
  attributions?: Attribution[];
  entities?: Entity[];
  figures?: Figure[];
}

/** A document's claim layers, whichever stages have added them. */
export function claimLayers(doc: Document): ClaimLayers {
  return doc.layers as ClaimLayers;
}

/** A named thing as one document mentions it: its key, and the words and roles the document gives it. */
export interface EntityRecord {
  type: EntityType;
  key: string;
  block: string;
  /** People: whether the key has a first name; others: always true. */
  full: boolean;
  /** Distinct surface forms in this document, cleaned (no leading "the"), sorted. */
  surfaces: string[];
  /** Distinct roles in this document ("war correspondent"), sorted. */
  roles: string[];
  /** How many times the document mentions it. */
  mentions: number;
}

/** The entity a speaker resolves to, by type and key (resolved in the document's own context). */
export interface EntityRef {
  type: EntityType;
  key: string;
}

export interface AttributionRecord {
  documentId: string;
  id: string;
  kind: AttributionKind;
  source: Span | null;
  cue: Span | null;
  content: Span[];
  speaker: Speaker | null;
  speakerEntity: EntityRef | null;
  via: Relay[];
  date: string | null;
  /** When its content stands in a sentence that reports a happening elsewhere than its article's. */
  scene: Scene | null;
}

export interface FigureRecord {
  documentId: string;
  /** The document's source path, for provenance in reports. */
  source: string;
  id: string;
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  /** "count", "percent" or "currency:<unit>": figures are compared only within one kind. */
  unitKind: string;
  measure: string | null;
  subject: string | null;
  attribution: string | null;
  speaker: Speaker | null;
  speakerEntity: EntityRef | null;
  via: Relay[];
  /** When it was said: the attribution's date, else the document's publication date. */
  statedOn: string | null;
  /** The date the figure itself carries (what it refers to), if any. */
  refersTo: string | null;
  /** Id of the figure in the same document that this one revises. */
  revises: string | null;
  publishedAt: string | null;
  /** When the figure's sentence reports a happening elsewhere than its article's (src/link/scenes.ts). */
  scene: Scene | null;
}

/** A sentence's own happening: specific places its article's headline and lead do not name, and kinds of event. */
export interface Scene {
  /** Place keys, sorted. */
  places: string[];
  /** Event-term categories, sorted. */
  terms: string[];
  /** The sentence (the paragraph when the document has no sentences): the passage an event lists its mention by. */
  start: number;
  end: number;
}

/** What an article says about the happening it reports, from its headline and lead. */
export interface EventFeatures {
  date: string | null;
  /** Place key → weight (3 per headline mention, 1 per lead mention). */
  places: Record<string, number>;
  /** Place key → how this document writes it. */
  placeNames: Record<string, string>;
  /** Event-term category → weight (headline and lead). */
  terms: Record<string, number>;
  /** Keys of the named people (full names) quoted anywhere in the article. */
  persons: string[];
}

export interface DocRecord {
  documentId: string;
  source: string;
  outlet: string | null;
  publishedAt: string | null;
  features: EventFeatures;
  entities: EntityRecord[];
  attributions: AttributionRecord[];
  figures: FigureRecord[];
}

/** A reference to one attribution or figure: the document's source and the item's id in it. */
export interface ItemRef {
  source: string;
  document: string;
  id: string;
}

export interface LinkedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  roles: string[];
  /** Sources of the documents that mention it. */
  documents: string[];
  mentions: number;
  attributions: ItemRef[];
}

export interface LinkedEvent {
  id: string;
  label: string;
  place: string | null;
  /** The event-term category that names it ("strike"). */
  term: string | null;
  firstDate: string | null;
  lastDate: string | null;
  /** Sources of its documents, sorted. */
  documents: string[];
  /** Other articles that report it in passing (a sentence anchored to one of its documents), by source. */
  mentions: EventMention[];
}

/** An article that reports an event only in passing, and the passages that do. */
export interface EventMention {
  source: string;
  document: string;
  /** The sentences whose scene is anchored to the event, in text order. */
  passages: Span[];
}

export interface GroupFigure extends FigureRecord {
  /** Id of the entity the speaker resolves to across documents. */
  speakerEntityId: string | null;
  /** Whether the same speaker later gave a new value for it. */
  superseded: boolean;
}

export interface Revision {
  speaker: Speaker | null;
  from: number;
  to: number;
  fromFigure: ItemRef;
  toFigure: ItemRef;
  date: string | null;
}

export interface Dispute {
  speakers: [Speaker | null, Speaker | null];
  figures: [ItemRef, ItemRef];
}

export interface LinkedFigureGroup {
  id: string;
  eventId: string;
  label: string;
  measure: string;
  unitKind: string;
  figures: GroupFigure[];
  disputed: boolean;
  disputes: Dispute[];
  revisions: Revision[];
}

export interface LinkResult {
  entities: LinkedEntity[];
  events: LinkedEvent[];
  figureGroups: LinkedFigureGroup[];
}
