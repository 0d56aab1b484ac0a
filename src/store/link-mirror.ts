/**
 * The link state that linking reads, kept in memory between batches: entity-name counts and clusters, each linked
 * document's event features, event and keys, and the figures that figure groups are built from. On PGlite a read of
 * these costs about as much as the linking it serves; with the copy, a batch only writes.
 *
 * The copy is valid while `link_state.version` (bumped under the link lock by every batch, and by any change to
 * link_documents made outside linking; migrations/004_link_state.sql) is the version it was built at. Each batch
 * compares the two after taking the lock; a copy that is behind (another process linked in between, or the tables
 * were emptied) is read again from the store, so concurrent writers stay correct.
 */
import type { EntityType } from "../model/claims.js";
import type { DocRecord, EventFeatures, FigureRecord } from "../link/model.js";
import { entityId } from "../link/entities.js";
import { eventId } from "../link/events.js";
import type { Sql } from "./database.js";
import { DATE, FIGURE_COLUMNS, figureRecord, NUL, parse, type FigureRow } from "./link-rows.js";

export interface NameState {
  type: EntityType;
  key: string;
  block: string;
  full: boolean;
  entityId: string;
  documents: number;
  mentions: number;
  surfaces: Map<string, number>;
  roles: Map<string, number>;
}

interface DocState {
  features: EventFeatures;
  eventId: string;
  publishedAt: string | null;
}

/** Documents under one link key: dated ones sorted by date (for window lookups), undated ones apart. */
interface KeyPostings {
  dated: Array<{ date: string; doc: string }>;
  undated: string[];
}

export interface LinkKey {
  doc: string;
  kind: "place" | "person";
  key: string;
  published: string | null;
}

export interface Candidate {
  doc: string;
  document_id: string;
  features: EventFeatures;
  event_id: string;
}

const nameId = (type: string, key: string) => `${type}${NUL}${key}`;

/** A day count away from an ISO date, as SQL's `date ± int`. */
function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First index in a date-sorted list whose date is ≥ `date`. */
function lowerBound(list: ReadonlyArray<{ date: string }>, date: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LinkMirror {
  readonly names = new Map<string, NameState>();
  /** type NUL block → name ids */
  private readonly blocks = new Map<string, Set<string>>();
  /** entity id → name ids */
  private readonly entityNames = new Map<string, Set<string>>();
  private readonly docs = new Map<string, DocState>();
  /** kind NUL key → postings */
  private readonly keys = new Map<string, KeyPostings>();
  private readonly eventDocs = new Map<string, Set<string>>();
  /** Figures with a measure, by the document whose event they join (their own, or their scene's anchor). */
  private readonly figures = new Map<string, FigureRecord[]>();

  constructor(public version: number) {}

  /** Reads the whole link state from the store (inside the linking transaction, under the lock). */
  static async load(tx: Sql, version: number): Promise<LinkMirror> {
    const m = new LinkMirror(version);
    const names = await tx.query<{
      type: EntityType;
      key: string;
      block: string;
      full_name: boolean;
      entity_id: string;
      documents: number;
      mentions: number;
    }>("SELECT type, key, block, full_name, entity_id, documents, mentions FROM entity_names");
    for (const n of names)
      m.putName({
        type: n.type,
        key: n.key,
        block: n.block,
        full: n.full_name,
        entityId: n.entity_id,
        documents: n.documents,
        mentions: n.mentions,
        surfaces: new Map(),
        roles: new Map(),
      });
    for (const s of await tx.query<{ type: string; key: string; surface: string; documents: number }>(
      "SELECT type, key, surface, documents FROM entity_name_surfaces",
    ))
      m.names.get(nameId(s.type, s.key))?.surfaces.set(s.surface, s.documents);
    for (const r of await tx.query<{ type: string; key: string; role: string; documents: number }>(
      "SELECT type, key, role, documents FROM entity_name_roles",
    ))
      m.names.get(nameId(r.type, r.key))?.roles.set(r.role, r.documents);
    const docs = await tx.query<{ document_id: string; features: unknown; event_id: string; published_at: string | null }>(
      `SELECT document_id, features, event_id, ${DATE("published_at", "published_at")} FROM link_documents`,
    );
    for (const d of docs) m.putDocument(d.document_id, parse<EventFeatures>(d.features), d.event_id, d.published_at);
    const keys = await tx.query<{ kind: "place" | "person"; key: string; document_id: string; published_at: string | null }>(
      `SELECT kind, key, document_id, ${DATE("published_at", "published_at")} FROM link_keys`,
    );
    for (const k of keys) m.putKey(k.kind, k.key, k.document_id, k.published_at);
    for (const p of m.keys.values()) p.dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const figures = await tx.query<FigureRow>(
      `SELECT ${FIGURE_COLUMNS} FROM figures f JOIN link_documents d ON d.document_id = f.document_id
       WHERE f.measure IS NOT NULL`,
    );
    for (const row of figures) m.putFigure(figureRecord(row), row.anchor);
    return m;
  }

  private putName(n: NameState): void {
    const id = nameId(n.type, n.key);
    this.names.set(id, n);
    this.index(this.blocks, `${n.type}${NUL}${n.block}`, id);
    this.index(this.entityNames, n.entityId, id);
  }

  private index(map: Map<string, Set<string>>, key: string, value: string): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  }

  private putDocument(id: string, features: EventFeatures, event: string, publishedAt: string | null): void {
    this.docs.set(id, { features, eventId: event, publishedAt });
    this.index(this.eventDocs, event, id);
  }

  private putKey(kind: string, key: string, doc: string, date: string | null): void {
    const k = `${kind}${NUL}${key}`;
    let p = this.keys.get(k);
    if (!p) this.keys.set(k, (p = { dated: [], undated: [] }));
    if (date === null) p.undated.push(doc);
    else p.dated.splice(lowerBound(p.dated, date), 0, { date, doc });
  }

  private putFigure(f: FigureRecord, anchor: string): void {
    const list = this.figures.get(anchor);
    if (list) list.push(f);
    else this.figures.set(anchor, [f]);
  }

  // Reads, answering as the SQL they replace in src/store/links.ts.

  hasName(type: string, key: string): boolean {
    return this.names.has(nameId(type, key));
  }

  blockNames(type: string, block: string): NameState[] {
    return [...(this.blocks.get(`${type}${NUL}${block}`) ?? [])].map((id) => this.names.get(id)!);
  }

  namesOfEntity(entity: string): NameState[] {
    return [...(this.entityNames.get(entity) ?? [])].map((id) => this.names.get(id)!);
  }

  name(type: string, key: string): NameState | undefined {
    return this.names.get(nameId(type, key));
  }

  /** Documents sharing a key within its window (undated: places only), as the candidate query in linkEvents. */
  candidates(keys: readonly LinkKey[], windowDays: (kind: "place" | "person") => number): Candidate[] {
    const pairs = new Set<string>();
    const out: Candidate[] = [];
    const add = (doc: string, other: string) => {
      if (other === doc) return;
      const pair = `${doc}${NUL}${other}`;
      if (pairs.has(pair)) return;
      pairs.add(pair);
      const d = this.docs.get(other)!;
      out.push({ doc, document_id: other, features: d.features, event_id: d.eventId });
    };
    for (const k of keys) {
      const p = this.keys.get(`${k.kind}${NUL}${k.key}`);
      if (!p) continue;
      if (k.published !== null) {
        const days = windowDays(k.kind);
        const to = shiftDays(k.published, days);
        for (let i = lowerBound(p.dated, shiftDays(k.published, -days)); i < p.dated.length && p.dated[i]!.date <= to; i++)
          add(k.doc, p.dated[i]!.doc);
      }
      if (k.kind === "place") {
        if (k.published === null) for (const x of p.dated) add(k.doc, x.doc);
        for (const doc of p.undated) add(k.doc, doc);
      }
    }
    return out;
  }

  eventMembers(events: readonly string[]): Array<{ document_id: string; features: EventFeatures; event_id: string }> {
    return events.flatMap((e) =>
      [...(this.eventDocs.get(e) ?? [])].map((id) => ({ document_id: id, features: this.docs.get(id)!.features, event_id: e })),
    );
  }

  /** The figures that join the event of each given document, with that document. */
  figuresAt(documents: Iterable<string>): Array<{ anchor: string; figure: FigureRecord }> {
    return [...documents].flatMap((anchor) => (this.figures.get(anchor) ?? []).map((figure) => ({ anchor, figure })));
  }

  // Changes, applied as the batch writes them.

  addDocuments(records: readonly DocRecord[], keysOf: (r: DocRecord) => ReadonlyArray<{ kind: string; key: string }>): void {
    for (const r of records) {
      this.putDocument(r.documentId, r.features, eventId([r.documentId]), r.publishedAt);
      for (const k of keysOf(r)) this.putKey(k.kind, k.key, r.documentId, r.publishedAt);
      // As the store gives them back: speakers and relays with exactly their stored fields.
      for (const f of r.figures)
        if (f.measure !== null)
          this.putFigure(
            {
              ...f,
              speaker: f.speaker && { name: f.speaker.name, type: f.speaker.type, role: f.speaker.role ?? null },
              via: f.via.map(({ name, type }) => ({ name, type })),
            },
            r.documentId,
          );
    }
  }

  /** A figure (by document and id) now joins the event of `to` instead of `from`. */
  moveFigure(document: string, id: string, from: string, to: string): void {
    const list = this.figures.get(from);
    const i = list?.findIndex((f) => f.documentId === document && f.id === id) ?? -1;
    if (i < 0) return; // no measure: never kept here
    const [f] = list!.splice(i, 1);
    if (list!.length === 0) this.figures.delete(from);
    this.putFigure(f!, to);
  }

  /** Adds a batch's counts to a name key, creating it (in its own entity) when new. */
  addNameCounts(t: {
    type: EntityType;
    key: string;
    block: string;
    full: boolean;
    documents: number;
    mentions: number;
    surfaces: ReadonlyMap<string, number>;
    roles: ReadonlyMap<string, number>;
  }): void {
    let n = this.names.get(nameId(t.type, t.key));
    if (!n) {
      n = { ...t, entityId: entityId(t.type, t.key), documents: 0, mentions: 0, surfaces: new Map(), roles: new Map() };
      this.putName(n);
    }
    n.documents += t.documents;
    n.mentions += t.mentions;
    for (const [s, c] of t.surfaces) n.surfaces.set(s, (n.surfaces.get(s) ?? 0) + c);
    for (const [r, c] of t.roles) n.roles.set(r, (n.roles.get(r) ?? 0) + c);
  }

  setEntityId(type: string, key: string, entity: string): void {
    const id = nameId(type, key);
    const n = this.names.get(id)!;
    this.entityNames.get(n.entityId)?.delete(id);
    n.entityId = entity;
    this.index(this.entityNames, entity, id);
  }

  assignEvents(assignments: ReadonlyArray<{ document_id: string; event_id: string }>): void {
    for (const a of assignments) {
      const d = this.docs.get(a.document_id)!;
      if (d.eventId === a.event_id) continue;
      const old = this.eventDocs.get(d.eventId);
      old?.delete(a.document_id);
      if (old?.size === 0) this.eventDocs.delete(d.eventId);
      d.eventId = a.event_id;
      this.index(this.eventDocs, a.event_id, a.document_id);
    }
  }
}
