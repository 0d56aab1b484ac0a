/**
 * Incremental linking in the store: `linkDocument` adds one stored document's attributions, figures and entity
 * names, and updates only what they touch — the entity blocks of its names, the event it joins (merging events it
 * bridges), and that event's figure groups for its measures. `loadLinkResult` reads the ledger back.
 *
 * The rules are those of src/link, applied to the same per-document records, so the store holds exactly what
 * linking all its documents at once in memory gives (test/link/store.test.ts checks this in several orders, on
 * PGlite and PostgreSQL, and with concurrent writers).
 *
 * Concurrency: each document is linked in one transaction under a transaction-level advisory lock, so writers on
 * many connections or machines link one document at a time, each seeing everything linked before it (PostgreSQL's
 * READ COMMITTED gives every statement after the lock a fresh snapshot). Linking is cheap next to extraction, which
 * stays parallel.
 */
import type { Entity, EntityType, Qualifier, Relay, Speaker } from "../model/claims.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import { sortEntities, sortRefs, describeEntity, clusterBlock, entityId, type KeyStats } from "../link/entities.js";
import { eventId, linkKeys, PERSON_WINDOW_DAYS, PLACE_WINDOW_DAYS, sameEvent, summarizeEvent } from "../link/events.js";
import { buildGroup, groupLabel, splitByMeasure } from "../link/figures.js";
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
import { prepareDocument } from "../link/records.js";
import { sortEvents, sortGroups } from "../link/batch.js";
import { cmp } from "../link/util.js";
import type { Database, Row, Sql } from "./database.js";
import { loadDocuments } from "./documents.js";

/** An arbitrary fixed key (next to the migrations' 7_246_001): one document is linked at a time. */
const LINK_LOCK = 7_246_005;

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const DATE = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${as}`;

/**
 * Links one stored document into the ledger. Returns false when it was linked before (linking is idempotent).
 * The document must already be in `documents` (saveDocument) and carry its claim layers.
 */
export async function linkDocument(db: Database, doc: Document): Promise<boolean> {
  const record = prepareDocument(doc);
  const entitiesLayer = claimLayers(doc).entities ?? [];
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LINK_LOCK]);
    const done = await tx.query("SELECT 1 FROM link_documents WHERE document_id = $1", [record.documentId]);
    if (done.length > 0) return false;
    await writeClaims(tx, record);
    await linkEntityNames(tx, record);
    await linkEvent(tx, record, entitiesLayer);
    return true;
  });
}

async function writeClaims(tx: Sql, r: DocRecord): Promise<void> {
  if (r.attributions.length > 0)
    await tx.query(
      `INSERT INTO attributions (document_id, id, kind, source_start, source_end, cue_start, cue_end, content,
                                 speaker_name, speaker_type, speaker_role, speaker_entity_type, speaker_entity_key,
                                 via, stated_on)
       SELECT $1, x.id, x.kind, x.source_start, x.source_end, x.cue_start, x.cue_end, x.content, x.speaker_name,
              x.speaker_type, x.speaker_role, x.entity_type, x.entity_key, x.via, x.stated_on
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, kind text, source_start int, source_end int, cue_start int,
            cue_end int, content jsonb, speaker_name text, speaker_type text, speaker_role text, entity_type text,
            entity_key text, via jsonb, stated_on date)`,
      [
        r.documentId,
        json(
          r.attributions.map((a) => ({
            id: a.id,
            kind: a.kind,
            source_start: a.source?.start ?? null,
            source_end: a.source?.end ?? null,
            cue_start: a.cue?.start ?? null,
            cue_end: a.cue?.end ?? null,
            content: a.content,
            speaker_name: a.speaker?.name ?? null,
            speaker_type: a.speaker?.type ?? null,
            speaker_role: a.speaker?.role ?? null,
            entity_type: a.speakerEntity?.type ?? null,
            entity_key: a.speakerEntity?.key ?? null,
            via: a.via,
            stated_on: a.date,
          })),
        ),
      ],
    );
  if (r.figures.length > 0)
    await tx.query(
      `INSERT INTO figures (document_id, id, start_offset, end_offset, text, value, low, high, qualifier, unit,
                            unit_kind, measure, subject, attribution_id, speaker, speaker_entity_type,
                            speaker_entity_key, via, stated_on, refers_to, revises)
       SELECT $1, x.id, x.start_offset, x.end_offset, x.text, x.value, x.low, x.high, x.qualifier, x.unit,
              x.unit_kind, x.measure, x.subject, x.attribution_id, x.speaker, x.entity_type, x.entity_key, x.via,
              x.stated_on, x.refers_to, x.revises
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, start_offset int, end_offset int, text text,
            value double precision, low double precision, high double precision, qualifier text, unit text,
            unit_kind text, measure text, subject text, attribution_id text, speaker jsonb, entity_type text,
            entity_key text, via jsonb, stated_on date, refers_to date, revises text)`,
      [
        r.documentId,
        json(
          r.figures.map((f) => ({
            id: f.id,
            start_offset: f.start,
            end_offset: f.end,
            text: f.text,
            value: f.value,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            unit: f.unit,
            unit_kind: f.unitKind,
            measure: f.measure,
            subject: f.subject,
            attribution_id: f.attribution,
            speaker: f.speaker,
            entity_type: f.speakerEntity?.type ?? null,
            entity_key: f.speakerEntity?.key ?? null,
            via: f.via,
            stated_on: f.statedOn,
            refers_to: f.refersTo,
            revises: f.revises,
          })),
        ),
      ],
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

async function linkEntityNames(tx: Sql, r: DocRecord): Promise<void> {
  if (r.entities.length === 0) return;
  const types = r.entities.map((e) => e.type);
  const keys = r.entities.map((e) => e.key);
  const existing = new Set(
    (
      await tx.query<{ type: string; key: string }>(
        `SELECT type, key FROM entity_names WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [types, keys],
      )
    ).map((x) => `${x.type}\u0000${x.key}`),
  );
  await tx.query(
    `INSERT INTO entity_mentions (document_id, type, key, mentions, surfaces, roles)
     SELECT $1, x.type, x.key, x.mentions, x.surfaces, x.roles
     FROM jsonb_to_recordset($2::jsonb) AS x(type text, key text, mentions int, surfaces text[], roles text[])`,
    [r.documentId, json(r.entities)],
  );
  await tx.query(
    `INSERT INTO entity_names (type, key, block, full_name, entity_id, documents, mentions)
     SELECT x.type, x.key, x.block, x."full", x.entity_id, 1, x.mentions
     FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, block text, "full" boolean, entity_id text, mentions int)
     ON CONFLICT (type, key) DO UPDATE
       SET documents = entity_names.documents + 1, mentions = entity_names.mentions + EXCLUDED.mentions`,
    [json(r.entities.map((e) => ({ ...e, entity_id: entityId(e.type, e.key) })))],
  );
  const counted = (field: "surfaces" | "roles") =>
    json(r.entities.flatMap((e) => e[field].map((value) => ({ type: e.type, key: e.key, value }))));
  await tx.query(
    `INSERT INTO entity_name_surfaces (type, key, surface, documents)
     SELECT x.type, x.key, x.value, 1 FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, value text)
     ON CONFLICT (type, key, surface) DO UPDATE SET documents = entity_name_surfaces.documents + 1`,
    [counted("surfaces")],
  );
  await tx.query(
    `INSERT INTO entity_name_roles (type, key, role, documents)
     SELECT x.type, x.key, x.value, 1 FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, value text)
     ON CONFLICT (type, key, role) DO UPDATE SET documents = entity_name_roles.documents + 1`,
    [counted("roles")],
  );

  // A new key can change how its block clusters (a second full name detaches a bare surname); re-cluster those.
  const affected = new Set<string>();
  const newBlocks = new Map<string, { type: string; block: string }>();
  for (const e of r.entities)
    if (!existing.has(`${e.type}\u0000${e.key}`)) newBlocks.set(`${e.type}\u0000${e.block}`, { type: e.type, block: e.block });
  if (newBlocks.size > 0) {
    const rows = await tx.query<{ type: EntityType; block: string; key: string; full_name: boolean; entity_id: string }>(
      `SELECT type, block, key, full_name, entity_id FROM entity_names
       WHERE (type, block) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [[...newBlocks.values()].map((b) => b.type), [...newBlocks.values()].map((b) => b.block)],
    );
    const byBlock = new Map<string, typeof rows>();
    for (const row of rows) {
      const b = `${row.type}\u0000${row.block}`;
      byBlock.set(b, [...(byBlock.get(b) ?? []), row]);
    }
    const changes: Array<{ type: string; key: string; entity_id: string }> = [];
    for (const list of byBlock.values()) {
      const type = list[0]!.type;
      const clusters = clusterBlock(
        type,
        list.map((x) => ({ key: x.key, full: x.full_name })),
      );
      for (const row of list) {
        const id = entityId(type, clusters.get(row.key)!);
        if (id !== row.entity_id) {
          changes.push({ type, key: row.key, entity_id: id });
          affected.add(row.entity_id);
        }
        affected.add(id);
      }
    }
    if (changes.length > 0)
      await tx.query(
        `UPDATE entity_names n SET entity_id = x.entity_id
         FROM jsonb_to_recordset($1::jsonb) AS x(type text, key text, entity_id text)
         WHERE n.type = x.type AND n.key = x.key`,
        [json(changes)],
      );
  }
  const mine = await tx.query<{ entity_id: string }>(
    `SELECT DISTINCT entity_id FROM entity_names WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [types, keys],
  );
  for (const m of mine) affected.add(m.entity_id);
  await refreshEntities(tx, [...affected].sort(cmp));
}

/** Rewrites the rows of the given entities (name, roles, aliases, counts) from their keys' running counts. */
async function refreshEntities(tx: Sql, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const names = await tx.query<{ entity_id: string; type: EntityType; key: string; documents: number; mentions: number }>(
    "SELECT entity_id, type, key, documents, mentions FROM entity_names WHERE entity_id = ANY($1::text[])",
    [ids],
  );
  const surfaces = await tx.query<{ type: string; key: string; surface: string; documents: number }>(
    `SELECT s.type, s.key, s.surface, s.documents FROM entity_name_surfaces s
     JOIN entity_names n ON n.type = s.type AND n.key = s.key WHERE n.entity_id = ANY($1::text[])`,
    [ids],
  );
  const roles = await tx.query<{ type: string; key: string; role: string; documents: number }>(
    `SELECT r.type, r.key, r.role, r.documents FROM entity_name_roles r
     JOIN entity_names n ON n.type = r.type AND n.key = r.key WHERE n.entity_id = ANY($1::text[])`,
    [ids],
  );
  const stats = new Map<string, KeyStats>();
  for (const n of names)
    stats.set(`${n.type}\u0000${n.key}`, {
      type: n.type,
      key: n.key,
      surfaces: new Map(),
      roles: new Map(),
      documents: new Set(),
      mentions: n.mentions,
    });
  for (const s of surfaces) stats.get(`${s.type}\u0000${s.key}`)?.surfaces.set(s.surface, s.documents);
  for (const r of roles) stats.get(`${r.type}\u0000${r.key}`)?.roles.set(r.role, r.documents);
  const byEntity = new Map<string, Array<{ stats: KeyStats; documents: number }>>();
  for (const n of names)
    byEntity.set(n.entity_id, [
      ...(byEntity.get(n.entity_id) ?? []),
      { stats: stats.get(`${n.type}\u0000${n.key}`)!, documents: n.documents },
    ]);
  await tx.query("DELETE FROM entities WHERE id = ANY($1::text[])", [ids]);
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
  if (rows.length > 0)
    await tx.query(
      `INSERT INTO entities (id, type, name, roles, document_count, mention_count)
       SELECT x.id, x.type, x.name, x.roles, x.document_count, x.mention_count
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, name text, roles text[], document_count int,
            mention_count int)`,
      [json(rows)],
    );
  if (aliases.length > 0)
    await tx.query(
      `INSERT INTO entity_aliases (entity_id, alias)
       SELECT x.entity_id, x.alias FROM jsonb_to_recordset($1::jsonb) AS x(entity_id text, alias text)`,
      [json(aliases)],
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Events and figure groups

async function linkEvent(tx: Sql, r: DocRecord, entitiesLayer: readonly Entity[]): Promise<void> {
  const own = eventId([r.documentId]);
  await tx.query(
    `INSERT INTO link_documents (document_id, source, published_at, features, entities, event_id)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [r.documentId, r.source, r.publishedAt, json(r.features), json(entitiesLayer), own],
  );
  const keys = linkKeys(r.features);
  if (keys.length > 0)
    await tx.query(
      `INSERT INTO link_keys (kind, key, document_id) SELECT k.kind, k.key, $3 FROM unnest($1::text[], $2::text[]) AS k(kind, key)`,
      [keys.map((k) => k.kind), keys.map((k) => k.key), r.documentId],
    );
  // Candidates: documents sharing a place or a quoted person, within the widest window a link allows.
  const candidates =
    keys.length === 0
      ? []
      : await tx.query<{ document_id: string; features: unknown; event_id: string }>(
          `SELECT DISTINCT d.document_id, d.features, d.event_id
           FROM unnest($1::text[], $2::text[]) AS k(kind, key)
           JOIN link_keys o ON o.kind = k.kind AND o.key = k.key
           JOIN link_documents d ON d.document_id = o.document_id
           WHERE d.document_id <> $3
             AND (($4::date IS NULL OR d.published_at IS NULL) AND k.kind = 'place'
                  OR abs(d.published_at - $4::date) <= CASE WHEN k.kind = 'place' THEN $5::int ELSE $6::int END)`,
          [
            keys.map((k) => k.kind),
            keys.map((k) => k.key),
            r.documentId,
            r.publishedAt,
            PLACE_WINDOW_DAYS,
            PERSON_WINDOW_DAYS,
          ],
        );
  const joined = [
    ...new Set(
      candidates.filter((c) => sameEvent(r.features, parse<EventFeatures>(c.features))).map((c) => c.event_id),
    ),
  ].sort(cmp);
  const members =
    joined.length === 0
      ? []
      : await tx.query<{ document_id: string; features: unknown }>(
          "SELECT document_id, features FROM link_documents WHERE event_id = ANY($1::text[])",
          [joined],
        );
  const ids = [r.documentId, ...members.map((m) => m.document_id)];
  const features = [r.features, ...members.map((m) => parse<EventFeatures>(m.features))];
  const id = eventId(ids);
  const summary = summarizeEvent(features);
  const event = { id, label: summary.label };
  const eventRow = [id, summary.label, summary.place, summary.term, summary.firstDate, summary.lastDate, ids.length];
  if (joined.length === 1 && joined[0] === id) {
    // The common case: the document joins one event, whose id stays. Only its groups for this document's measures change.
    await tx.query("UPDATE link_documents SET event_id = $1 WHERE document_id = $2", [id, r.documentId]);
    await tx.query(
      `UPDATE events SET label = $2, place = $3, term = $4, first_date = $5, last_date = $6, document_count = $7
       WHERE id = $1`,
      eventRow,
    );
    const measures = [...splitByMeasure(r.figures).values()].map((list) => list[0]!);
    await rebuildGroups(tx, event, measures.map((f) => [f.measure!, f.unitKind]));
  } else {
    await tx.query(
      "UPDATE link_documents SET event_id = $1 WHERE event_id = ANY($2::text[]) OR document_id = $3",
      [id, joined, r.documentId],
    );
    if (joined.length > 0) await tx.query("DELETE FROM events WHERE id = ANY($1::text[])", [joined]);
    await tx.query(
      `INSERT INTO events (id, label, place, term, first_date, last_date, document_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      eventRow,
    );
    await rebuildGroups(tx, event, null);
  }
}

const FIGURE_COLUMNS = `f.document_id, f.id, f.start_offset, f.end_offset, f.text, f.value, f.low, f.high, f.qualifier,
  f.unit, f.unit_kind, f.measure, f.subject, f.attribution_id, f.speaker, f.speaker_entity_type, f.speaker_entity_key,
  f.via, ${DATE("f.stated_on", "stated_on")}, ${DATE("f.refers_to", "refers_to")}, f.revises, d.source,
  ${DATE("d.published_at", "published_at")}`;

interface FigureRow extends Row {
  document_id: string;
  id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  unit_kind: string;
  measure: string | null;
  subject: string | null;
  attribution_id: string | null;
  speaker: unknown;
  speaker_entity_type: EntityType | null;
  speaker_entity_key: string | null;
  via: unknown;
  stated_on: string | null;
  refers_to: string | null;
  revises: string | null;
  source: string;
  published_at: string | null;
}

function speakerOf(v: unknown): Speaker | null {
  const s = parse<Speaker | null>(v);
  return s ? { name: s.name, type: s.type, role: s.role ?? null } : null;
}

function relays(v: unknown): Relay[] {
  return parse<Relay[]>(v).map(({ name, type }) => ({ name, type }));
}

function figureRecord(row: FigureRow): FigureRecord {
  return {
    documentId: row.document_id,
    source: row.source,
    id: row.id,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    value: row.value,
    low: row.low,
    high: row.high,
    qualifier: row.qualifier,
    unit: row.unit,
    unitKind: row.unit_kind,
    measure: row.measure,
    subject: row.subject,
    attribution: row.attribution_id,
    speaker: speakerOf(row.speaker),
    speakerEntity:
      row.speaker_entity_type && row.speaker_entity_key
        ? { type: row.speaker_entity_type, key: row.speaker_entity_key }
        : null,
    via: relays(row.via),
    statedOn: row.stated_on,
    refersTo: row.refers_to,
    revises: row.revises,
    publishedAt: row.published_at,
  };
}

/** Recomputes an event's figure groups: those of the given measures, or all of them. */
async function rebuildGroups(
  tx: Sql,
  event: { id: string; label: string },
  measures: Array<[string, string]> | null,
): Promise<void> {
  if (measures?.length === 0) return;
  const rows = await tx.query<FigureRow>(
    `SELECT ${FIGURE_COLUMNS} FROM figures f JOIN link_documents d ON d.document_id = f.document_id
     WHERE d.event_id = $1 AND f.measure IS NOT NULL
       AND ($2::text[] IS NULL OR (f.measure, f.unit_kind) IN (SELECT * FROM unnest($2::text[], $3::text[])))`,
    [event.id, measures?.map((m) => m[0]) ?? null, measures?.map((m) => m[1]) ?? null],
  );
  const groups = [...splitByMeasure(rows.map(figureRecord)).values()].map((list) =>
    buildGroup(event, list[0]!.measure!, list[0]!.unitKind, list, () => null),
  );
  if (measures === null) await tx.query("DELETE FROM figure_groups WHERE event_id = $1", [event.id]);
  else await tx.query("DELETE FROM figure_groups WHERE id = ANY($1::text[])", [groups.map((g) => g.id)]);
  if (groups.length === 0) return;
  await tx.query(
    `INSERT INTO figure_groups (id, event_id, measure, unit_kind, disputed, disputes, figure_count)
     SELECT x.id, x.event_id, x.measure, x.unit_kind, x.disputed, x.disputes, x.figure_count
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, event_id text, measure text, unit_kind text, disputed boolean,
          disputes jsonb, figure_count int)`,
    [
      json(
        groups.map((g) => ({
          id: g.id,
          event_id: g.eventId,
          measure: g.measure,
          unit_kind: g.unitKind,
          disputed: g.disputed,
          disputes: g.disputes,
          figure_count: g.figures.length,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO figure_group_members (group_id, seq, document_id, figure_id, superseded)
     SELECT x.group_id, x.seq, x.document_id, x.figure_id, x.superseded
     FROM jsonb_to_recordset($1::jsonb) AS x(group_id text, seq int, document_id text, figure_id text, superseded boolean)`,
    [
      json(
        groups.flatMap((g) =>
          g.figures.map((f, seq) => ({
            group_id: g.id,
            seq,
            document_id: f.documentId,
            figure_id: f.id,
            superseded: f.superseded,
          })),
        ),
      ),
    ],
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
  if (revisions.length > 0)
    await tx.query(
      `INSERT INTO figure_revisions (group_id, seq, speaker, from_value, to_value, from_document_id, from_figure_id,
                                     to_document_id, to_figure_id, stated_on)
       SELECT x.group_id, x.seq, x.speaker, x.from_value, x.to_value, x.from_document_id, x.from_figure_id,
              x.to_document_id, x.to_figure_id, x.stated_on
       FROM jsonb_to_recordset($1::jsonb) AS x(group_id text, seq int, speaker jsonb, from_value double precision,
            to_value double precision, from_document_id text, from_figure_id text, to_document_id text,
            to_figure_id text, stated_on date)`,
      [json(revisions)],
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
    `SELECT DISTINCT n.entity_id, d.source FROM entity_mentions m
     JOIN entity_names n ON n.type = m.type AND n.key = m.key
     JOIN link_documents d ON d.document_id = m.document_id`,
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
    for (const x of list) m.set(x.entity_id, [...(m.get(x.entity_id) ?? []), value(x)]);
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
  for (const d of docs) docsOf.set(d.event_id, [...(docsOf.get(d.event_id) ?? []), d.source]);
  return sortEvents(
    rows.map((e) => ({
      id: e.id,
      label: e.label,
      place: e.place,
      term: e.term,
      firstDate: e.first_date,
      lastDate: e.last_date,
      documents: [...new Set(docsOf.get(e.id) ?? [])].sort(cmp),
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
  const revisions = await db.query<{
    group_id: string;
    speaker: unknown;
    from_value: number;
    to_value: number;
    from_document_id: string;
    from_figure_id: string;
    from_source: string;
    to_document_id: string;
    to_figure_id: string;
    to_source: string;
    stated_on: string | null;
  }>(
    `SELECT r.group_id, r.speaker, r.from_value, r.to_value, r.from_document_id, r.from_figure_id,
            fd.source AS from_source, r.to_document_id, r.to_figure_id, td.source AS to_source,
            ${DATE("r.stated_on", "stated_on")}
     FROM figure_revisions r
     JOIN link_documents fd ON fd.document_id = r.from_document_id
     JOIN link_documents td ON td.document_id = r.to_document_id
     ORDER BY r.group_id, r.seq`,
  );
  const figuresOf = new Map<string, GroupFigure[]>();
  for (const m of members)
    figuresOf.set(m.group_id, [
      ...(figuresOf.get(m.group_id) ?? []),
      { ...figureRecord(m), speakerEntityId: m.entity_id, superseded: m.superseded },
    ]);
  const revisionsOf = new Map<string, Revision[]>();
  for (const r of revisions)
    revisionsOf.set(r.group_id, [
      ...(revisionsOf.get(r.group_id) ?? []),
      {
        speaker: speakerOf(r.speaker),
        from: r.from_value,
        to: r.to_value,
        fromFigure: { source: r.from_source, document: r.from_document_id, id: r.from_figure_id },
        toFigure: { source: r.to_source, document: r.to_document_id, id: r.to_figure_id },
        date: r.stated_on,
      },
    ]);
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

/** The attribution, entity and figure layers of stored documents, by document id. */
export async function loadClaimLayers(db: Sql): Promise<Map<string, ClaimLayers>> {
  const out = new Map<string, ClaimLayers>();
  const layersOf = (id: string) => {
    let l = out.get(id);
    if (!l) out.set(id, (l = { attributions: [], entities: [], figures: [] }));
    return l;
  };
  for (const d of await db.query<{ document_id: string; entities: unknown }>(
    "SELECT document_id, entities FROM link_documents",
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
            speaker_role, via, ${DATE("stated_on", "stated_on")} FROM attributions`,
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
    `SELECT ${FIGURE_COLUMNS} FROM figures f JOIN link_documents d ON d.document_id = f.document_id`,
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
  const pending = new Set(await unlinkedDocumentIds(db));
  if (pending.size === 0) return 0;
  let linked = 0;
  for (const doc of await loadDocuments(db))
    if (pending.has(doc.id) && (await linkDocument(db, analyse(doc)))) linked++;
  return linked;
}

/** Stored documents with their claim layers, as `claimtrace analyze` over the store reports them. */
export async function loadLinkedDocuments(db: Database): Promise<Document[]> {
  const layers = await loadClaimLayers(db);
  return (await loadDocuments(db)).map((d) => ({ ...d, layers: { ...d.layers, ...layers.get(d.id) } }));
}
