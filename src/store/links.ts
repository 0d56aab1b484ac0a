/**
 * Incremental linking in the store: `linkDocuments` joins stored documents (stored with their attributions and
 * figures by saveDocuments) to the ledger, and updates only what they touch — the entity blocks of their names, the
 * events they join (merging events they bridge), and those events' figure groups. `loadLinkResult` reads the
 * ledger back.
 *
 * The rules are those of src/link, applied to the same per-document records, so the store holds exactly what
 * linking all its documents at once in memory gives, whatever the order and the batches they arrive in
 * (test/link/store.test.ts checks this on PGlite and PostgreSQL, also with concurrent writers).
 *
 * Documents can be linked one at a time or in batches: a batch costs a fixed number of statements, so ingestion
 * links in batches (a statement on PGlite costs about as much as linking a document's records in memory).
 *
 * Concurrency: each call is one transaction under a transaction-level advisory lock, so writers on many
 * connections or machines link one batch at a time, each seeing everything linked before it (PostgreSQL's READ
 * COMMITTED gives every statement after the lock a fresh snapshot). Extraction, the expensive part, stays parallel.
 */
import type { Entity, EntityType, Speaker } from "../model/claims.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import { sortEntities, sortRefs, describeEntity, clusterBlock, entityId, type KeyStats } from "../link/entities.js";
import {
  eventId,
  linkKeys,
  PERSON_WINDOW_DAYS,
  PLACE_WINDOW_DAYS,
  sameEvent,
  summarizeEvent,
  UnionFind,
} from "../link/events.js";
import { groupFindings, groupId, groupLabel, splitByMeasure } from "../link/figures.js";
import type {
  AttributionRecord,
  ClaimLayers,
  DocRecord,
  Dispute,
  EventFeatures,
  FigureRecord,
  GroupFigure,
  ItemRef,
  LinkedEntity,
  LinkedEvent,
  LinkedFigureGroup,
  LinkResult,
  Revision,
} from "../link/model.js";
import { claimLayers } from "../link/model.js";
import { documentRecord } from "../link/records.js";
import { SCENE_WINDOW_DAYS, sceneAnchor, type SceneTopic } from "../link/scenes.js";
import { eventMentions, sortEvents, sortGroups } from "../link/batch.js";
import { cmp, push } from "../link/util.js";
import type { Database, Sql } from "./database.js";
import { LinkMirror } from "./link-mirror.js";
import {
  DATE,
  FIGURE_COLUMNS,
  figureRecord,
  json,
  mentionsSelect,
  NUL,
  passingOf,
  parse,
  relays,
  REVISIONS_SELECT,
  revisionOf,
  speakerOf,
  type FigureRow,
  type MentionRow,
  type RevisionRow,
} from "./link-rows.js";
import { contentText, writeClaimRows } from "./claims.js";
import { loadDocuments } from "./documents.js";

/** How many documents ingestion links per transaction. */
export const LINK_BATCH = 256;

/** An arbitrary fixed key (next to the migrations' 7_246_001): one batch is linked at a time. */
const LINK_LOCK = 7_246_005;


/**
 * Links one stored document into the ledger. Returns false when it was linked before (linking is idempotent).
 * The document must already be in `documents` (saveDocuments) and carry its claim layers.
 */
export async function linkDocument(db: Database, doc: Document): Promise<boolean> {
  return (await linkDocuments(db, [doc])) === 1;
}

/** Milliseconds spent in each phase of linking, summed over calls (for benchmarks). */
export interface LinkTimings {
  /** Reducing documents to records (src/link/records.ts). */
  records: number;
  /**
   * Writing each document's link rows: event features, link keys, entity names (and the claim rows of documents
   * stored before claims were saved with them).
   */
  rows: number;
  /** Updating entities, events and figure groups. */
  linking: number;
}

/** Links stored documents into the ledger in one transaction; returns how many were not linked before. */
export async function linkDocuments(
  db: Database,
  docs: readonly Document[],
  timings?: LinkTimings,
): Promise<number> {
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  if (unique.length === 0) return 0;
  let t = performance.now();
  const lap = (phase: keyof LinkTimings) => {
    const now = performance.now();
    if (timings) timings[phase] += now - t;
    t = now;
  };
  const records = unique.map(documentRecord);
  const byId = new Map(unique.map((d) => [d.id, d]));
  lap("records");
  const holder = mirrorHolder(db);
  // Invalid while this batch changes it: a batch that fails leaves no half-changed copy behind.
  let mirror = holder.mirror;
  holder.mirror = null;
  let version = 0;
  const linked = await db.transaction(async (tx) => {
    // On PGlite (one connection, nobody else writing) the per-row foreign-key checks cost more than the rows
    // themselves: they are switched off for this transaction, and what they guarantee is done here instead — the
    // documents are checked to be stored, and the rows that cascades would delete are deleted explicitly.
    // claimtrace.linking tells the link_state trigger that this transaction counts its own version.
    await tx.query(
      db.kind === "pglite"
        ? `SELECT pg_advisory_xact_lock($1), set_config('claimtrace.linking', 'on', true),
                  set_config('session_replication_role', 'replica', true)`
        : "SELECT pg_advisory_xact_lock($1), set_config('claimtrace.linking', 'on', true)",
      [LINK_LOCK],
    );
    // claims: whether the document's claim rows are stored (not for documents stored before saving wrote them).
    // (One index probe per document, the second only when the first finds nothing: as EXISTS … OR EXISTS the
    // planner reads every attribution into a hash.)
    const stored = await tx.query<{ id: string; linked: boolean; claims: boolean; version: number | string }>(
      `WITH v AS (UPDATE link_state SET version = version + 1 RETURNING version)
       SELECT d.id, l.document_id IS NOT NULL AS linked, (SELECT version FROM v) AS version,
              coalesce((SELECT true FROM attributions a WHERE a.document_id = d.id LIMIT 1),
                       (SELECT true FROM figures f WHERE f.document_id = d.id LIMIT 1), false) AS claims
       FROM documents d LEFT JOIN link_documents l ON l.document_id = d.id
       WHERE d.id = ANY($1::text[])`,
      [records.map((r) => r.documentId)],
    );
    if (stored.length !== records.length) {
      const known = new Set(stored.map((d) => d.id));
      throw new Error(`not stored, cannot be linked: ${records.filter((r) => !known.has(r.documentId)).map((r) => r.source).join(", ")}`);
    }
    version = Number(stored[0]!.version);
    if (mirror?.version !== version - 1) {
      // Behind: another process linked, or the link tables changed. Read the state again, unless this handle's
      // previous batch had to as well (another writer is busy): then read what this batch needs from the store.
      mirror = holder.missed ? null : await LinkMirror.load(tx, version - 1);
      holder.missed = !holder.missed;
    } else holder.missed = false;
    const done = new Set(stored.filter((d) => d.linked).map((d) => d.id));
    const fresh = records.filter((r) => !done.has(r.documentId));
    if (fresh.length === 0) return 0;
    // With the link state in memory, the batch's events are found before its link rows are written, so each row is
    // written with its event (an update of a row rewrites all its index entries, its names' among them). Without
    // it, the store finds them once the rows are in.
    mirror?.addDocuments(fresh, (r) => linkKeys(r.features));
    const planned = mirror ? await planEvents(tx, fresh, mirror) : null;
    lap("linking");
    const saved = new Set(stored.filter((d) => d.claims).map((d) => d.id));
    const eventOf = planned && new Map(planned.assignments.map((a) => [a.document_id, a.event_id]));
    await writeLinkRows(tx, fresh, byId, fresh.filter((r) => !saved.has(r.documentId)), eventOf);
    lap("rows");
    await linkEntityNames(tx, fresh, mirror);
    await linkEvents(tx, fresh, mirror, planned ?? (await planEvents(tx, fresh, null)), planned !== null);
    lap("linking");
    return fresh.length;
  });
  if (mirror) {
    mirror.version = version;
    holder.mirror = mirror;
  }
  return linked;
}

interface MirrorHolder {
  mirror: LinkMirror | null;
  /** Whether the last batch found its copy behind. */
  missed: boolean;
}

/** Each open store's in-memory copy of its link state (src/store/link-mirror.ts). */
const mirrors = new WeakMap<Database, MirrorHolder>();

function mirrorHolder(db: Database): MirrorHolder {
  let h = mirrors.get(db);
  if (!h) mirrors.set(db, (h = { mirror: null, missed: false }));
  return h;
}

/** How link_documents.names holds a name: "type:key", as entity_names keys it (a type has no colon). */
const nameRef = (type: string, key: string) => `${type}:${key}`;

/**
 * Writes what linking keeps of each document (its event features, its entity names, its link keys), and the claim
 * rows of documents stored before claims were saved with them (`unsaved`).
 */
async function writeLinkRows(
  tx: Sql,
  records: readonly DocRecord[],
  docs: ReadonlyMap<string, Document>,
  unsaved: readonly DocRecord[],
  eventOf: ReadonlyMap<string, string> | null,
): Promise<void> {
  if (unsaved.length > 0) await writeClaimRows(tx, unsaved, docs);
  const writesClaims = new Set(unsaved.map((r) => r.documentId));
  const documents = records.map((r) => ({
    document_id: r.documentId,
    source: r.source,
    published_at: r.publishedAt,
    features: r.features,
    // (the entity layer is stored with the document, unless linking writes its claims)
    entities: writesClaims.has(r.documentId) ? (claimLayers(docs.get(r.documentId)!).entities ?? []) : null,
    event_id: eventOf?.get(r.documentId) ?? eventId([r.documentId]),
    names: r.entities.map((e) => nameRef(e.type, e.key)),
  }));
  const keys = records.flatMap((r) =>
    linkKeys(r.features).map((k) => ({ ...k, document_id: r.documentId, published_at: r.publishedAt })),
  );

  // One statement for both tables: on PGlite a statement costs more than the rows it writes.
  await tx.query(
    `WITH d AS (
       INSERT INTO link_documents (document_id, source, published_at, features, entities, event_id, names)
       SELECT x.document_id, x.source, x.published_at, x.features, x.entities, x.event_id, x.names
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, source text, published_at date, features jsonb,
            entities jsonb, event_id text, names text[])
     )
     INSERT INTO link_keys (kind, key, document_id, published_at)
     SELECT x.kind, x.key, x.document_id, x.published_at
     FROM jsonb_to_recordset($2::jsonb) AS x(kind text, key text, document_id text, published_at date)`,
    [json(documents), json(keys)],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

interface KeyTotals {
  type: EntityType;
  key: string;
  block: string;
  full: boolean;
  documents: number;
  mentions: number;
  surfaces: Map<string, number>;
  roles: Map<string, number>;
}

async function linkEntityNames(tx: Sql, records: readonly DocRecord[], mirror: LinkMirror | null): Promise<void> {
  // What this batch adds to each name key's running counts.
  const totals = new Map<string, KeyTotals>();
  for (const r of records)
    for (const e of r.entities) {
      const id = `${e.type}${NUL}${e.key}`;
      let t = totals.get(id);
      if (!t) {
        t = { type: e.type, key: e.key, block: e.block, full: e.full, documents: 0, mentions: 0, surfaces: new Map(), roles: new Map() };
        totals.set(id, t);
      }
      t.documents++;
      t.mentions += e.mentions;
      for (const s of e.surfaces) t.surfaces.set(s, (t.surfaces.get(s) ?? 0) + 1);
      for (const x of e.roles) t.roles.set(x, (t.roles.get(x) ?? 0) + 1);
    }
  if (totals.size === 0) return;
  const list = [...totals.values()];
  const types = list.map((t) => t.type);
  const keys = list.map((t) => t.key);
  const existing = new Set(
    mirror
      ? list.filter((t) => mirror.hasName(t.type, t.key)).map((t) => `${t.type}${NUL}${t.key}`)
      : (
          await tx.query<{ type: string; key: string }>(
            `SELECT type, key FROM entity_names WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
            [types, keys],
          )
        ).map((x) => `${x.type}${NUL}${x.key}`),
  );
  const counted = (field: "surfaces" | "roles") =>
    json(list.flatMap((t) => [...t[field]].map(([value, n]) => ({ type: t.type, key: t.key, value, n }))));
  await tx.query(
    `WITH n AS (
       INSERT INTO entity_names (type, key, block, full_name, entity_id, documents, mentions)
       SELECT x.type, x.key, x.block, x."full", x.entity_id, x.documents, x.mentions
       FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, block text, "full" boolean, entity_id text,
            documents int, mentions int)
       ON CONFLICT (type, key) DO UPDATE
         SET documents = entity_names.documents + EXCLUDED.documents,
             mentions = entity_names.mentions + EXCLUDED.mentions
     ), s AS (
       INSERT INTO entity_name_surfaces (type, key, surface, documents)
       SELECT x.type, x.key, x.value, x.n FROM jsonb_to_recordset($2::jsonb) AS x(type text, key text, value text, n int)
       ON CONFLICT (type, key, surface) DO UPDATE SET documents = entity_name_surfaces.documents + EXCLUDED.documents
     )
     INSERT INTO entity_name_roles (type, key, role, documents)
     SELECT x.type, x.key, x.value, x.n FROM jsonb_to_recordset($3::jsonb) AS x(type text, key text, value text, n int)
     ON CONFLICT (type, key, role) DO UPDATE SET documents = entity_name_roles.documents + EXCLUDED.documents`,
    [
      json(
        list.map((t) => ({
          type: t.type,
          key: t.key,
          block: t.block,
          full: t.full,
          entity_id: entityId(t.type, t.key),
          documents: t.documents,
          mentions: t.mentions,
        })),
      ),
      counted("surfaces"),
      counted("roles"),
    ],
  );
  if (mirror) for (const t of list) mirror.addNameCounts(t);

  // A new key can change how its block clusters (a second full name detaches a bare surname): re-cluster those
  // blocks; then rename every entity whose keys or counts changed.
  const newBlocks = new Map<string, { type: string; block: string }>();
  for (const t of list)
    if (!existing.has(`${t.type}${NUL}${t.key}`)) newBlocks.set(`${t.type}${NUL}${t.block}`, { type: t.type, block: t.block });
  const blockRows =
    newBlocks.size === 0
      ? []
      : mirror
        ? [...newBlocks.values()].flatMap((b) =>
            mirror.blockNames(b.type, b.block).map((n) => ({
              type: n.type,
              block: n.block,
              key: n.key,
              full_name: n.full,
              entity_id: n.entityId,
            })),
          )
        : await tx.query<{ type: EntityType; block: string; key: string; full_name: boolean; entity_id: string }>(
          `SELECT type, block, key, full_name, entity_id FROM entity_names
           WHERE (type, block) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [[...newBlocks.values()].map((b) => b.type), [...newBlocks.values()].map((b) => b.block)],
        );
  const byBlock = new Map<string, typeof blockRows>();
  for (const row of blockRows) {
    const b = `${row.type}${NUL}${row.block}`;
    push(byBlock, b, row);
  }
  const affected = new Set<string>();
  const changes: Array<{ type: string; key: string; entity_id: string }> = [];
  for (const rows of byBlock.values()) {
    const type = rows[0]!.type;
    const clusters = clusterBlock(
      type,
      rows.map((x) => ({ key: x.key, full: x.full_name })),
    );
    for (const row of rows) {
      const id = entityId(type, clusters.get(row.key)!);
      if (id !== row.entity_id) {
        changes.push({ type, key: row.key, entity_id: id });
        affected.add(row.entity_id);
      }
    }
  }
  const changed = new Map(changes.map((c) => [`${c.type}${NUL}${c.key}`, c.entity_id]));
  if (mirror && changes.length > 0) {
    await tx.query(
      `UPDATE entity_names n SET entity_id = x.entity_id
       FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, entity_id text)
       WHERE n.type = x.type AND n.key = x.key`,
      [json(changes)],
    );
    for (const c of changes) mirror.setEntityId(c.type, c.key, c.entity_id);
  }
  const mine = mirror
    ? list.map((t) => ({ type: t.type, key: t.key, entity_id: mirror.name(t.type, t.key)!.entityId }))
    : await tx.query<{ type: string; key: string; entity_id: string }>(
    changes.length > 0
      ? `WITH u AS (
           UPDATE entity_names n SET entity_id = x.entity_id
           FROM jsonb_to_recordset($3::jsonb) AS x(type text, key text, entity_id text)
           WHERE n.type = x.type AND n.key = x.key
         )
         SELECT type, key, entity_id FROM entity_names WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`
      : `SELECT type, key, entity_id FROM entity_names WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    changes.length > 0 ? [types, keys, json(changes)] : [types, keys],
  );
  // (A data-modifying CTE's effect is not visible to its own statement: apply this batch's changes by hand.)
  for (const m of mine) affected.add(changed.get(`${m.type}${NUL}${m.key}`) ?? m.entity_id);
  for (const c of changes) affected.add(c.entity_id);
  await refreshEntities(tx, [...affected].sort(cmp), mirror);
}

/** Rewrites the rows of the given entities (name, roles, aliases, counts) from their keys' running counts. */
async function refreshEntities(tx: Sql, ids: readonly string[], mirror: LinkMirror | null): Promise<void> {
  if (ids.length === 0) return;
  const names = mirror
    ? ids.flatMap((id) =>
        mirror.namesOfEntity(id).map((n) => ({ entity_id: id, ...n, surfaces: n.surfaces, roles: n.roles })),
      )
    : (await tx.query<{
    entity_id: string;
    type: EntityType;
    key: string;
    documents: number;
    mentions: number;
    surfaces: unknown;
    roles: unknown;
  }>(
    `SELECT n.entity_id, n.type, n.key, n.documents, n.mentions,
            (SELECT coalesce(jsonb_object_agg(s.surface, s.documents), '{}'::jsonb) FROM entity_name_surfaces s
             WHERE s.type = n.type AND s.key = n.key) AS surfaces,
            (SELECT coalesce(jsonb_object_agg(r.role, r.documents), '{}'::jsonb) FROM entity_name_roles r
             WHERE r.type = n.type AND r.key = n.key) AS roles
     FROM entity_names n WHERE n.entity_id = ANY($1::text[])`,
    [ids],
  )).map((n) => ({
      ...n,
      surfaces: new Map(Object.entries(parse<Record<string, number>>(n.surfaces))),
      roles: new Map(Object.entries(parse<Record<string, number>>(n.roles))),
    }));
  const byEntity = new Map<string, Array<{ stats: KeyStats; documents: number }>>();
  for (const n of names) {
    const stats: KeyStats = {
      type: n.type,
      key: n.key,
      surfaces: n.surfaces,
      roles: n.roles,
      documents: new Set(),
      mentions: n.mentions,
    };
    push(byEntity, n.entity_id, { stats, documents: n.documents });
  }
  const rows: unknown[] = [];
  const aliases: unknown[] = [];
  for (const [id, list] of byEntity) {
    const type = list[0]!.stats.type;
    const sorted = list.map((x) => x.stats).sort((a, b) => cmp(a.key, b.key));
    const d = describeEntity(type, sorted);
    rows.push({
      id,
      type,
      name: d.name,
      roles: d.roles,
      document_count: list.reduce((n, x) => n + x.documents, 0),
      mention_count: sorted.reduce((n, s) => n + s.mentions, 0),
    });
    for (const alias of d.aliases) aliases.push({ entity_id: id, alias });
  }
  await tx.query(
    `WITH e AS (
       INSERT INTO entities (id, type, name, roles, document_count, mention_count)
       SELECT x.id, x.type, x.name, x.roles, x.document_count, x.mention_count
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, type text, name text, roles text[], document_count int,
            mention_count int)
       ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, roles = EXCLUDED.roles,
         document_count = EXCLUDED.document_count, mention_count = EXCLUDED.mention_count
     ), gone AS (
       DELETE FROM entities WHERE id = ANY($1::text[])
         AND id NOT IN (SELECT x.id FROM jsonb_to_recordset($2::jsonb) AS x(id text))
     ), stale AS (
       DELETE FROM entity_aliases a WHERE a.entity_id = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS x(entity_id text, alias text)
                         WHERE x.entity_id = a.entity_id AND x.alias = a.alias)
     )
     INSERT INTO entity_aliases (entity_id, alias)
     SELECT x.entity_id, x.alias FROM jsonb_to_recordset($3::jsonb) AS x(entity_id text, alias text)
     ON CONFLICT DO NOTHING`,
    [ids, json(rows), json(aliases)],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Events and figure groups

/** The events a batch's documents join: every event it forms or changes, each document's, and those it replaces. */
interface EventPlan {
  events: Array<{ id: string; label: string; row: unknown }>;
  assignments: Array<{ document_id: string; event_id: string }>;
  oldEvents: string[];
}

/**
 * Finds the events of a batch's documents: the batch's documents and the stored events they share a happening
 * with, joined into components. From the store, the batch's link rows must already be written; from the link
 * state in memory, the batch's documents must be in it.
 */
async function planEvents(tx: Sql, records: readonly DocRecord[], mirror: LinkMirror | null): Promise<EventPlan> {
  const inBatch = new Map(records.map((r) => [r.documentId, r]));
  const keys = records.flatMap((r) =>
    linkKeys(r.features).map((k) => ({ doc: r.documentId, kind: k.kind, key: k.key, published: r.publishedAt })),
  );
  // Candidates: documents sharing a place or a quoted person, within the widest window a link allows (the batch's
  // own documents, already written, among them).
  const candidates =
    keys.length === 0
      ? []
      : mirror
        ? mirror.candidates(keys, (kind) => (kind === "place" ? PLACE_WINDOW_DAYS : PERSON_WINDOW_DAYS))
        : await tx.query<{ doc: string; document_id: string; features: unknown; event_id: string }>(
          `WITH k AS (
             SELECT x.*, CASE WHEN x.kind = 'place' THEN $2::int ELSE $3::int END AS window_days
             FROM jsonb_to_recordset($1::jsonb) AS x(doc text, kind text, key text, published date)
           ), o AS (
             -- dated: an index range over the window
             SELECT k.doc, l.document_id FROM k JOIN link_keys l
               ON l.kind = k.kind AND l.key = k.key
              AND l.published_at BETWEEN k.published - k.window_days AND k.published + k.window_days
             UNION
             -- undated on either side: places only (an undated link needs a specific place)
             SELECT k.doc, l.document_id FROM k JOIN link_keys l ON l.kind = k.kind AND l.key = k.key
             WHERE k.kind = 'place' AND (k.published IS NULL OR l.published_at IS NULL)
           )
           SELECT DISTINCT o.doc, d.document_id, d.features, d.event_id
           FROM o JOIN link_documents d ON d.document_id = o.document_id
           WHERE d.document_id <> o.doc`,
          [json(keys), PLACE_WINDOW_DAYS, PERSON_WINDOW_DAYS],
        );
  // Components over the batch's documents and the events they touch.
  const nodes = new Map<string, number>();
  const node = (id: string) => {
    let n = nodes.get(id);
    if (n === undefined) nodes.set(id, (n = nodes.size));
    return n;
  };
  for (const r of records) node(`d${NUL}${r.documentId}`);
  const links: Array<[number, number]> = [];
  for (const c of candidates) {
    const r = inBatch.get(c.doc)!;
    const other = inBatch.get(c.document_id);
    const features = other?.features ?? parse<EventFeatures>(c.features);
    if (!sameEvent(r.features, features)) continue;
    links.push([node(`d${NUL}${r.documentId}`), node(other ? `d${NUL}${c.document_id}` : `e${NUL}${c.event_id}`)]);
  }
  const uf = new UnionFind(nodes.size);
  for (const [a, b] of links) uf.union(a, b);
  const names = [...nodes.keys()];
  const oldEvents = names.filter((n) => n.startsWith(`e${NUL}`)).map((n) => n.slice(2));
  const members =
    oldEvents.length === 0
      ? []
      : mirror
        ? mirror.eventMembers(oldEvents)
        : await tx.query<{ document_id: string; features: unknown; event_id: string }>(
          "SELECT document_id, features, event_id FROM link_documents WHERE event_id = ANY($1::text[])",
          [oldEvents],
        );
  const membersOf = new Map<string, Array<{ id: string; features: EventFeatures }>>();
  for (const m of members)
    membersOf.set(m.event_id, [
      ...(membersOf.get(m.event_id) ?? []),
      { id: m.document_id, features: parse<EventFeatures>(m.features) },
    ]);
  const components = new Map<number, Array<{ id: string; features: EventFeatures }>>();
  names.forEach((name, i) => {
    const root = uf.find(i);
    const list = components.get(root) ?? [];
    if (name.startsWith(`d${NUL}`)) {
      const r = inBatch.get(name.slice(2))!;
      list.push({ id: r.documentId, features: r.features });
    } else list.push(...(membersOf.get(name.slice(2)) ?? []));
    components.set(root, list);
  });
  const events: Array<{ id: string; label: string; row: unknown }> = [];
  const assignments: Array<{ document_id: string; event_id: string }> = [];
  for (const list of components.values()) {
    const id = eventId(list.map((m) => m.id));
    const s = summarizeEvent(list.map((m) => m.features));
    events.push({
      id,
      label: s.label,
      row: {
        id,
        label: s.label,
        place: s.place,
        term: s.term,
        first_date: s.firstDate,
        last_date: s.lastDate,
        document_count: list.length,
      },
    });
    for (const m of list) assignments.push({ document_id: m.id, event_id: id });
  }
  return { events, assignments, oldEvents };
}

/**
 * Writes a batch's events (`written`: its own documents' link rows already carry theirs), re-anchors scenes, and
 * rebuilds the figure groups of every event it changed.
 */
async function linkEvents(
  tx: Sql,
  records: readonly DocRecord[],
  mirror: LinkMirror | null,
  { events, assignments, oldEvents }: EventPlan,
  written: boolean,
): Promise<void> {
  const inBatch = new Set(records.map((r) => r.documentId));
  const moves = written ? assignments.filter((a) => !inBatch.has(a.document_id)) : assignments;
  // Old events are replaced (their groups go with them) by the events they are now part of.
  await tx.query(
    `WITH u AS (
       UPDATE link_documents d SET event_id = x.event_id
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, event_id text)
       WHERE d.document_id = x.document_id AND d.event_id <> x.event_id
     ), gone AS (
       DELETE FROM events WHERE id = ANY($2::text[])
         AND id NOT IN (SELECT x.id FROM jsonb_to_recordset($3::jsonb) AS x(id text))
     )
     INSERT INTO events (id, label, place, term, first_date, last_date, document_count)
     SELECT x.id, x.label, x.place, x.term, x.first_date, x.last_date, x.document_count
     FROM jsonb_to_recordset($3::jsonb) AS x(id text, label text, place text, term text, first_date date,
          last_date date, document_count int)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, place = EXCLUDED.place, term = EXCLUDED.term,
       first_date = EXCLUDED.first_date, last_date = EXCLUDED.last_date, document_count = EXCLUDED.document_count`,
    [json(moves), oldEvents, json(events.map((e) => e.row))],
  );
  mirror?.assignEvents(assignments);
  // Figures whose scene changed anchor leave one event's groups for another's: those events are rebuilt too.
  const moved = await anchorScenes(tx, records, mirror);
  const rebuilt = new Set(events.map((e) => e.id));
  const extra = new Set<string>();
  if (moved.length > 0) {
    const anchors = [...new Set(moved.flatMap((m) => [m.from, m.to]))];
    const rows = await tx.query<{ event_id: string }>(
      "SELECT DISTINCT event_id FROM link_documents WHERE document_id = ANY($1::text[])",
      [anchors],
    );
    for (const r of rows) if (!rebuilt.has(r.event_id)) extra.add(r.event_id);
  }
  if (extra.size > 0) {
    const ids = [...extra];
    const labels = await tx.query<{ id: string; label: string }>("SELECT id, label FROM events WHERE id = ANY($1::text[])", [ids]);
    const members = mirror
      ? mirror.eventMembers(ids)
      : await tx.query<{ document_id: string; event_id: string }>(
          "SELECT document_id, event_id FROM link_documents WHERE event_id = ANY($1::text[])",
          [ids],
        );
    events.push(...labels.map((l) => ({ id: l.id, label: l.label, row: null })));
    assignments.push(...members.map((m) => ({ document_id: m.document_id, event_id: m.event_id })));
  }
  await rebuildGroups(tx, events, oldEvents, assignments, mirror);
}

/**
 * Anchors the scenes of the batch's figures and attributions, and re-anchors the stored scenes that the batch's
 * articles may now report (same place, within the window); returns the figures whose anchor changed, with the
 * documents whose event each left and joined (an attribution's anchor moves no figure group).
 */
async function anchorScenes(
  tx: Sql,
  records: readonly DocRecord[],
  mirror: LinkMirror | null,
): Promise<Array<{ document: string; id: string; from: string; to: string }>> {
  type Kind = "figure" | "attribution";
  interface Pending {
    kind: Kind;
    document: string;
    id: string;
    scene: SceneTopic;
    publishedAt: string | null;
    anchor: string | null;
  }
  const pending = new Map<string, Pending>();
  const add = (p: Pending) => {
    const key = `${p.kind}${NUL}${p.document}${NUL}${p.id}`;
    if (!pending.has(key)) pending.set(key, p);
  };
  for (const r of records)
    for (const [kind, items] of [["figure", r.figures], ["attribution", r.attributions]] as const)
      for (const x of items)
        if (x.scene) add({ kind, document: r.documentId, id: x.id, scene: x.scene, publishedAt: r.publishedAt, anchor: null });
  const places = records.flatMap((r) =>
    r.publishedAt ? Object.keys(r.features.places).map((key) => ({ key, published: r.publishedAt })) : [],
  );
  if (places.length > 0) {
    // Figures' scenes are found through figure_scenes; attributions', fewer, through the index on their places
    // (migration 008).
    const stored = await tx.query<{ kind: Kind; document_id: string; id: string; scene: unknown; anchor_document_id: string | null; published_at: string | null }>(
      `WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(key text, published date))
       SELECT 'figure' AS kind, f.document_id, f.id, f.scene, f.anchor_document_id, ${DATE("s.published_at", "published_at")}
       FROM k JOIN figure_scenes s ON s.place = k.key AND s.published_at BETWEEN k.published - $2::int AND k.published + $2::int
       JOIN figures f ON f.document_id = s.document_id AND f.id = s.figure_id
       UNION
       SELECT 'attribution' AS kind, a.document_id, a.id, a.scene, a.anchor_document_id, ${DATE("d.published_at", "published_at")}
       FROM attributions a JOIN link_documents d ON d.document_id = a.document_id
       -- (?| on all the keys at once is what the index serves; a join on each key's containment scans the table)
       WHERE a.scene IS NOT NULL AND (a.scene -> 'places') ?| $3::text[]
         AND EXISTS (SELECT 1 FROM k WHERE a.scene -> 'places' @> jsonb_build_array(k.key)
                       AND d.published_at BETWEEN k.published - $2::int AND k.published + $2::int)`,
      [json(places), SCENE_WINDOW_DAYS, [...new Set(places.map((p) => p.key))]],
    );
    for (const x of stored)
      add({ kind: x.kind, document: x.document_id, id: x.id, scene: parse<SceneTopic>(x.scene), publishedAt: x.published_at, anchor: x.anchor_document_id });
  }
  const dated = [...pending.values()].filter((p) => p.publishedAt);
  if (dated.length === 0) return [];
  // The articles whose headline or lead names a scene's place, within the window of its article.
  const candidates = await tx.query<{ document_id: string; published_at: string | null; features: unknown }>(
    `WITH q AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(place text, published date))
     SELECT DISTINCT l.document_id, ${DATE("l.published_at", "published_at")}, d.features
     FROM q JOIN link_keys l ON l.kind = 'place' AND l.key = q.place
       AND l.published_at BETWEEN q.published - $2::int AND q.published + $2::int
     JOIN link_documents d ON d.document_id = l.document_id`,
    [json(dated.flatMap((p) => p.scene.places.map((place) => ({ place, published: p.publishedAt })))), SCENE_WINDOW_DAYS],
  );
  const articles = candidates.map((c) => ({ documentId: c.document_id, publishedAt: c.published_at, features: parse<EventFeatures>(c.features) }));
  const moved: Array<{ kind: Kind; document: string; id: string; from: string; to: string }> = [];
  for (const p of dated) {
    const anchor = sceneAnchor(p.scene, { documentId: p.document, publishedAt: p.publishedAt }, articles);
    if (anchor === p.anchor) continue;
    moved.push({ kind: p.kind, document: p.document, id: p.id, from: p.anchor ?? p.document, to: anchor ?? p.document });
  }
  if (moved.length === 0) return [];
  const anchors = (kind: Kind) =>
    json(moved.filter((m) => m.kind === kind).map((m) => ({ document_id: m.document, id: m.id, anchor: m.to })));
  await tx.query(
    `WITH f AS (
       UPDATE figures f SET anchor_document_id = nullif(x.anchor, x.document_id)
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, id text, anchor text)
       WHERE f.document_id = x.document_id AND f.id = x.id
     )
     UPDATE attributions a SET anchor_document_id = nullif(x.anchor, x.document_id)
     FROM jsonb_to_recordset($2::jsonb) AS x(document_id text, id text, anchor text)
     WHERE a.document_id = x.document_id AND a.id = x.id`,
    [anchors("figure"), anchors("attribution")],
  );
  const figures = moved.filter((m) => m.kind === "figure").map(({ kind: _kind, ...m }) => m);
  for (const m of figures) mirror?.moveFigure(m.document, m.id, m.from, m.to);
  return figures;
}

/** Recomputes the figure groups of the given events from their documents' figures. */
async function rebuildGroups(
  tx: Sql,
  events: ReadonlyArray<{ id: string; label: string }>,
  oldEvents: readonly string[],
  assignments: ReadonlyArray<{ document_id: string; event_id: string }>,
  mirror: LinkMirror | null,
): Promise<void> {
  const eventOf = new Map(assignments.map((a) => [a.document_id, a.event_id]));
  // Each figure joins the event of its anchor: its own document, or the one its scene is anchored to.
  const figures = mirror
    ? mirror.figuresAt(eventOf.keys())
    : (
        await tx.query<FigureRow>(
          `SELECT ${FIGURE_COLUMNS} FROM figures f JOIN link_documents d ON d.document_id = f.document_id
           WHERE ((f.document_id = ANY($1::text[]) AND f.anchor_document_id IS NULL) OR f.anchor_document_id = ANY($1::text[]))
             AND f.measure IS NOT NULL`,
          [[...eventOf.keys()]],
        )
      ).map((row) => ({ anchor: row.anchor, figure: figureRecord(row) }));
  const figuresOf = new Map<string, FigureRecord[]>();
  for (const { anchor, figure } of figures) push(figuresOf, eventOf.get(anchor)!, figure);
  // (the findings alone: the rows need no copies of the figures)
  const groups = events.flatMap((event) =>
    [...splitByMeasure(figuresOf.get(event.id) ?? []).values()].map((list) => {
      const measure = list[0]!.measure!;
      const unitKind = list[0]!.unitKind;
      const id = groupId(event.id, measure, unitKind);
      return { id, eventId: event.id, measure, unitKind, ...groupFindings(measure, list) };
    }),
  );
  // The groups of the events replaced and rebuilt, with their members and revisions (explicitly: no cascades on PGlite).
  await tx.query(
    `WITH g AS (DELETE FROM figure_groups WHERE event_id = ANY($1::text[]) RETURNING id),
     m AS (DELETE FROM figure_group_members WHERE group_id IN (SELECT id FROM g))
     DELETE FROM figure_revisions WHERE group_id IN (SELECT id FROM g)`,
    [[...new Set([...events.map((e) => e.id), ...oldEvents])]],
  );
  if (groups.length === 0) return;
  const members = groups.flatMap((g) =>
    g.ordered.map((f, seq) => ({
      group_id: g.id,
      seq,
      document_id: f.documentId,
      figure_id: f.id,
      superseded: g.superseded(f),
    })),
  );
  const revisions = groups.flatMap((g) =>
    g.revisions.map((rv, seq) => ({
      group_id: g.id,
      seq,
      speaker: rv.speaker,
      from_value: rv.from,
      to_value: rv.to,
      from_document_id: rv.fromFigure.document,
      from_figure_id: rv.fromFigure.id,
      to_document_id: rv.toFigure.document,
      to_figure_id: rv.toFigure.id,
      stated_on: rv.date,
    })),
  );
  await tx.query(
    `WITH g AS (
       INSERT INTO figure_groups (id, event_id, measure, unit_kind, disputed, disputes, figure_count)
       SELECT x.id, x.event_id, x.measure, x.unit_kind, x.disputed, x.disputes, x.figure_count
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, event_id text, measure text, unit_kind text,
            disputed boolean, disputes jsonb, figure_count int)
     ), m AS (
       INSERT INTO figure_group_members (group_id, seq, document_id, figure_id, superseded)
       SELECT x.group_id, x.seq, x.document_id, x.figure_id, x.superseded
       FROM jsonb_to_recordset($2::jsonb) AS x(group_id text, seq int, document_id text, figure_id text,
            superseded boolean)
     )
     INSERT INTO figure_revisions (group_id, seq, speaker, from_value, to_value, from_document_id, from_figure_id,
                                   to_document_id, to_figure_id, stated_on)
     SELECT x.group_id, x.seq, x.speaker, x.from_value, x.to_value, x.from_document_id, x.from_figure_id,
            x.to_document_id, x.to_figure_id, x.stated_on
     FROM jsonb_to_recordset($3::jsonb) AS x(group_id text, seq int, speaker jsonb, from_value double precision,
          to_value double precision, from_document_id text, from_figure_id text, to_document_id text,
          to_figure_id text, stated_on date)`,
    [
      json(
        groups.map((g) => ({
          id: g.id,
          event_id: g.eventId,
          measure: g.measure,
          unit_kind: g.unitKind,
          disputed: g.disputes.length > 0,
          disputes: g.disputes,
          figure_count: g.ordered.length,
        })),
      ),
      json(members),
      json(revisions),
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** The whole ledger: entities, events and figure groups, as linking all stored documents at once would give. */
export async function loadLinkResult(db: Sql): Promise<LinkResult> {
  const entities = await loadEntities(db);
  const events = await loadEvents(db);
  const figureGroups = await loadGroups(db, events);
  return { entities, events, figureGroups };
}

async function loadEntities(db: Sql): Promise<LinkedEntity[]> {
  const rows = await db.query<{ id: string; type: EntityType; name: string; roles: string[] }>(
    "SELECT id, type, name, roles FROM entities",
  );
  const aliases = await db.query<{ entity_id: string; alias: string }>("SELECT entity_id, alias FROM entity_aliases");
  const docs = await db.query<{ entity_id: string; source: string }>(
    `SELECT DISTINCT n.entity_id, d.source FROM link_documents d CROSS JOIN unnest(d.names) AS m(name)
     JOIN entity_names n ON n.type || ':' || n.key = m.name`,
  );
  const mentions = await db.query<{ entity_id: string; mentions: number }>(
    "SELECT entity_id, sum(mentions)::int AS mentions FROM entity_names GROUP BY entity_id",
  );
  const attributions = await db.query<{ entity_id: string; source: string; document_id: string; id: string }>(
    `SELECT n.entity_id, d.source, a.document_id, a.id FROM attributions a
     JOIN entity_names n ON n.type = a.speaker_entity_type AND n.key = a.speaker_entity_key
     JOIN link_documents d ON d.document_id = a.document_id`,
  );
  const group = <T extends { entity_id: string }, V>(list: T[], value: (x: T) => V) => {
    const m = new Map<string, V[]>();
    for (const x of list) push(m, x.entity_id, value(x));
    return m;
  };
  const aliasesOf = group(aliases, (x) => x.alias);
  const docsOf = group(docs, (x) => x.source);
  const mentionsOf = new Map(mentions.map((m) => [m.entity_id, Number(m.mentions)]));
  const attributionsOf = group(attributions, (x): ItemRef => ({ source: x.source, document: x.document_id, id: x.id }));
  return sortEntities(
    rows.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: (aliasesOf.get(e.id) ?? []).sort(cmp),
      roles: [...e.roles].sort(cmp),
      documents: (docsOf.get(e.id) ?? []).sort(cmp),
      mentions: mentionsOf.get(e.id) ?? 0,
      attributions: sortRefs(attributionsOf.get(e.id) ?? []),
    })),
  );
}

async function loadEvents(db: Sql): Promise<LinkedEvent[]> {
  const rows = await db.query<{
    id: string;
    label: string;
    place: string | null;
    term: string | null;
    first_date: string | null;
    last_date: string | null;
  }>(
    `SELECT id, label, place, term, ${DATE("first_date", "first_date")}, ${DATE("last_date", "last_date")} FROM events`,
  );
  const docs = await db.query<{ event_id: string; source: string }>("SELECT event_id, source FROM link_documents");
  const docsOf = new Map<string, string[]>();
  for (const d of docs) push(docsOf, d.event_id, d.source);
  const mentionsOf = eventMentions((await db.query<MentionRow>(mentionsSelect(false))).map(passingOf));
  return sortEvents(
    rows.map((e) => ({
      id: e.id,
      label: e.label,
      place: e.place,
      term: e.term,
      firstDate: e.first_date,
      lastDate: e.last_date,
      documents: [...new Set(docsOf.get(e.id) ?? [])].sort(cmp),
      mentions: mentionsOf.get(e.id) ?? [],
    })),
  );
}

async function loadGroups(db: Sql, events: readonly LinkedEvent[]): Promise<LinkedFigureGroup[]> {
  const labels = new Map(events.map((e) => [e.id, e.label]));
  const rows = await db.query<{
    id: string;
    event_id: string;
    measure: string;
    unit_kind: string;
    disputed: boolean;
    disputes: unknown;
  }>("SELECT id, event_id, measure, unit_kind, disputed, disputes FROM figure_groups");
  const members = await db.query<FigureRow & { group_id: string; superseded: boolean; entity_id: string | null }>(
    `SELECT m.group_id, m.superseded, n.entity_id, ${FIGURE_COLUMNS}
     FROM figure_group_members m
     JOIN figures f ON f.document_id = m.document_id AND f.id = m.figure_id
     JOIN link_documents d ON d.document_id = f.document_id
     LEFT JOIN entity_names n ON n.type = f.speaker_entity_type AND n.key = f.speaker_entity_key
     ORDER BY m.group_id, m.seq`,
  );
  const revisions = await db.query<RevisionRow>(`${REVISIONS_SELECT} ORDER BY r.group_id, r.seq`);
  const figuresOf = new Map<string, GroupFigure[]>();
  for (const m of members) {
    const list = figuresOf.get(m.group_id) ?? [];
    if (list.length === 0) figuresOf.set(m.group_id, list);
    list.push({ ...figureRecord(m), speakerEntityId: m.entity_id, superseded: m.superseded });
  }
  const revisionsOf = new Map<string, Revision[]>();
  for (const r of revisions) {
    const list = revisionsOf.get(r.group_id) ?? [];
    if (list.length === 0) revisionsOf.set(r.group_id, list);
    list.push(revisionOf(r));
  }
  const groups: LinkedFigureGroup[] = rows.map((g) => ({
    id: g.id,
    eventId: g.event_id,
    label: groupLabel(g.measure, g.unit_kind, labels.get(g.event_id) ?? ""),
    measure: g.measure,
    unitKind: g.unit_kind,
    figures: figuresOf.get(g.id) ?? [],
    disputed: g.disputed,
    disputes: parse<Dispute[]>(g.disputes).map((d) => ({
      speakers: [speakerOf(d.speakers[0]), speakerOf(d.speakers[1])],
      figures: [itemRef(d.figures[0]), itemRef(d.figures[1])],
    })),
    revisions: revisionsOf.get(g.id) ?? [],
  }));
  return sortGroups(groups, events);
}

function itemRef(r: ItemRef): ItemRef {
  return { source: r.source, document: r.document, id: r.id };
}

// ---------------------------------------------------------------------------------------------------------------
// Claim layers for stored documents, and documents stored before linking existed

/** The attribution, entity and figure layers of stored documents (all, or the one `documentId`), by document id. */
export async function loadClaimLayers(db: Sql, documentId: string | null = null): Promise<Map<string, ClaimLayers>> {
  const out = new Map<string, ClaimLayers>();
  const layersOf = (id: string) => {
    let l = out.get(id);
    if (!l) out.set(id, (l = { attributions: [], entities: [], figures: [] }));
    return l;
  };
  for (const d of await db.query<{ document_id: string; entities: unknown }>(
    `SELECT d.id AS document_id, coalesce(l.entities, d.entities) AS entities
     FROM documents d LEFT JOIN link_documents l ON l.document_id = d.id
     WHERE coalesce(l.entities, d.entities) IS NOT NULL AND ($1::text IS NULL OR d.id = $1)`,
    [documentId],
  ))
    layersOf(d.document_id).entities = parse<Entity[]>(d.entities);
  const attributions = await db.query<{
    document_id: string;
    id: string;
    kind: AttributionRecord["kind"];
    source_start: number | null;
    source_end: number | null;
    cue_start: number | null;
    cue_end: number | null;
    content: unknown;
    speaker_name: string | null;
    speaker_type: Speaker["type"] | null;
    speaker_role: string | null;
    via: unknown;
    stated_on: string | null;
  }>(
    `SELECT document_id, id, kind, source_start, source_end, cue_start, cue_end, content, speaker_name, speaker_type,
            speaker_role, via, ${DATE("stated_on", "stated_on")}
     FROM attributions WHERE $1::text IS NULL OR document_id = $1`,
    [documentId],
  );
  const span = (start: number | null, end: number | null): Span | null =>
    start === null || end === null ? null : { start, end };
  for (const a of attributions)
    layersOf(a.document_id).attributions!.push({
      id: a.id,
      kind: a.kind,
      source: span(a.source_start, a.source_end),
      cue: span(a.cue_start, a.cue_end),
      content: parse<Span[]>(a.content).map(({ start, end }) => ({ start, end })),
      speaker: a.speaker_name && a.speaker_type ? { name: a.speaker_name, type: a.speaker_type, role: a.speaker_role } : null,
      via: relays(a.via),
      date: a.stated_on,
    });
  const figures = await db.query<FigureRow>(
    `SELECT ${FIGURE_COLUMNS} FROM figures f JOIN link_documents d ON d.document_id = f.document_id
     WHERE $1::text IS NULL OR f.document_id = $1`,
    [documentId],
  );
  for (const row of figures) {
    const f = figureRecord(row);
    layersOf(f.documentId).figures!.push({
      id: f.id,
      start: f.start,
      end: f.end,
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      unit: f.unit,
      measure: f.measure,
      subject: f.subject,
      attribution: f.attribution,
      speaker: f.speaker,
      date: f.refersTo,
      revises: f.revises,
    });
  }
  for (const l of out.values()) {
    l.attributions!.sort((a, b) => (a.content[0]?.start ?? 0) - (b.content[0]?.start ?? 0) || cmp(a.id, b.id));
    l.figures!.sort((a, b) => a.start - b.start || cmp(a.id, b.id));
  }
  return out;
}

/** Ids of stored documents not linked yet (stored before linking existed, or by a run that stopped in between). */
export async function unlinkedDocumentIds(db: Sql): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM link_documents l WHERE l.document_id = d.id)
     ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/**
 * Links every stored document that is not linked yet, re-running the per-document analysis (`analyse`, the
 * pipeline) on its stored text. Returns how many it linked. Safe to run from several processes at once.
 */
export async function linkUnlinked(db: Database, analyse: (doc: Document) => Document): Promise<number> {
  await fillAttributionText(db);
  const pending = new Set(await unlinkedDocumentIds(db));
  if (pending.size === 0) return 0;
  const docs = (await loadDocuments(db)).filter((d) => pending.has(d.id));
  let linked = 0;
  for (let i = 0; i < docs.length; i += LINK_BATCH) {
    const chunk = docs.slice(i, i + LINK_BATCH).map(analyse);
    // Claim rows stored with these documents came from the analysis of their day: they are written again from
    // this one, so that the figures linked are the figures stored. (Unlinked documents belong to no figure group.)
    await db.query(
      `WITH s AS (DELETE FROM figure_scenes WHERE document_id = ANY($1::text[])),
       f AS (DELETE FROM figures WHERE document_id = ANY($1::text[]))
       DELETE FROM attributions WHERE document_id = ANY($1::text[])`,
      [chunk.map((d) => d.id)],
    );
    linked += await linkDocuments(db, chunk);
  }
  return linked;
}

/**
 * Writes content_text for attributions linked before it existed (migration 004), from their documents' stored
 * text, a batch of documents per statement. Returns how many attributions it filled.
 */
export async function fillAttributionText(db: Sql): Promise<number> {
  let filled = 0;
  for (;;) {
    const pending = await db.query<{ document_id: string }>(
      "SELECT DISTINCT document_id FROM attributions WHERE content_text IS NULL LIMIT $1",
      [LINK_BATCH],
    );
    if (pending.length === 0) return filled;
    const rows = await db.query<{ document_id: string; id: string; content: unknown; text: string }>(
      `SELECT a.document_id, a.id, a.content, d.text FROM attributions a JOIN documents d ON d.id = a.document_id
       WHERE a.content_text IS NULL AND a.document_id = ANY($1::text[])`,
      [pending.map((p) => p.document_id)],
    );
    await db.query(
      `UPDATE attributions a SET content_text = x.content_text
       FROM unnest($1::text[], $2::text[], $3::text[]) AS x(document_id, id, content_text)
       WHERE a.document_id = x.document_id AND a.id = x.id`,
      [
        rows.map((r) => r.document_id),
        rows.map((r) => r.id),
        rows.map((r) => contentText(r.text, parse<Span[]>(r.content))),
      ],
    );
    filled += rows.length;
  }
}

/** Stored documents with their claim layers, as `claimtrace analyze` over the store reports them. */
export async function loadLinkedDocuments(db: Database): Promise<Document[]> {
  const layers = await loadClaimLayers(db);
  return (await loadDocuments(db)).map((d) => ({ ...d, layers: { ...d.layers, ...layers.get(d.id) } }));
}
