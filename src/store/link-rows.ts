/** Row shapes and conversions shared by linking (src/store/links.ts) and its in-memory link state. */
import type { EntityType, Qualifier, Relay, Speaker } from "../model/claims.js";
import type { FigureRecord, Revision, Scene } from "../link/model.js";
import type { Span } from "../model/span.js";
import type { Row } from "./database.js";

export const json = (v: unknown) => JSON.stringify(v);
export const parse = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
export const DATE = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${as}`;
export const NUL = "\u0000";

export const FIGURE_COLUMNS = `f.document_id, f.id, f.start_offset, f.end_offset, f.text, f.value, f.low, f.high, f.qualifier,
  f.unit, f.unit_kind, f.measure, f.subject, f.attribution_id, f.speaker, f.speaker_entity_type, f.speaker_entity_key,
  f.via, ${DATE("f.stated_on", "stated_on")}, ${DATE("f.refers_to", "refers_to")}, f.revises, f.scene,
  coalesce(f.anchor_document_id, f.document_id) AS anchor, d.source, ${DATE("d.published_at", "published_at")}`;

export interface FigureRow extends Row {
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
  scene: unknown;
  /** The document whose event the figure joins: its own, or the one its scene is anchored to. */
  anchor: string;
  source: string;
  published_at: string | null;
}

export function speakerOf(v: unknown): Speaker | null {
  const s = parse<Speaker | null>(v);
  return s ? { name: s.name, type: s.type, role: s.role ?? null } : null;
}

export function relays(v: unknown): Relay[] {
  return parse<Relay[]>(v ?? []).map(({ name, type }) => ({ name, type }));
}

/** A stored scene; one stored before scenes kept their sentence's span stands for the figure's own span. */
function sceneOf(v: unknown, figure: Span): Scene | null {
  const s = parse<Partial<Scene> | null>(v);
  if (!s?.places || !s.terms) return null;
  const passage = s.start === undefined || s.end === undefined ? figure : { start: s.start, end: s.end };
  return { places: s.places, terms: s.terms, start: passage.start, end: passage.end };
}

export function figureRecord(row: FigureRow): FigureRecord {
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
    scene: sceneOf(row.scene, { start: row.start_offset, end: row.end_offset }),
  };
}

/** A figure revision with the sources of both figures; callers add `WHERE` and `ORDER BY`. */
export const REVISIONS_SELECT = `SELECT r.group_id, r.speaker, r.from_value, r.to_value, r.from_document_id,
    r.from_figure_id, fd.source AS from_source, r.to_document_id, r.to_figure_id, td.source AS to_source,
    ${DATE("r.stated_on", "stated_on")}
  FROM figure_revisions r
  JOIN link_documents fd ON fd.document_id = r.from_document_id
  JOIN link_documents td ON td.document_id = r.to_document_id`;

export interface RevisionRow extends Row {
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
}

export function revisionOf(r: RevisionRow): Revision {
  return {
    speaker: speakerOf(r.speaker),
    from: r.from_value,
    to: r.to_value,
    fromFigure: { source: r.from_source, document: r.from_document_id, id: r.from_figure_id },
    toFigure: { source: r.to_source, document: r.to_document_id, id: r.to_figure_id },
    date: r.stated_on,
  };
}

/**
 * Passages anchored to an event by articles outside it (an event's passing mentions), one row per passage, read
 * from the figures' and attributions' scene anchors: of every event, or (`oneEvent`) of the event $1, read from
 * its own documents through the anchor indexes rather than from every anchored row.
 */
export function mentionsSelect(oneEvent: boolean): string {
  const legs = (select: (table: string, start: string, end: string) => string) =>
    `${select("figures", "coalesce((x.scene->>'start')::int, x.start_offset)", "coalesce((x.scene->>'end')::int, x.end_offset)")}
     UNION ALL
     ${select("attributions", "(x.scene->>'start')::int", "(x.scene->>'end')::int")}`;
  const anchored = oneEvent
    ? legs(
        (table, start, end) => `SELECT a.event_id, x.document_id, ${start} AS start_offset, ${end} AS end_offset
          FROM link_documents a JOIN ${table} x ON x.anchor_document_id = a.document_id
          WHERE x.anchor_document_id IS NOT NULL AND a.event_id = $1`,
      )
    : `SELECT a.event_id, m.document_id, m.start_offset, m.end_offset
       FROM (${legs(
         (table, start, end) => `SELECT x.anchor_document_id, x.document_id, ${start} AS start_offset, ${end} AS end_offset
           FROM ${table} x WHERE x.anchor_document_id IS NOT NULL`,
       )}) m
       JOIN link_documents a ON a.document_id = m.anchor_document_id`;
  return `SELECT DISTINCT m.event_id, d.source, m.document_id, m.start_offset, m.end_offset
    FROM (${anchored}) m
    JOIN link_documents d ON d.document_id = m.document_id
    WHERE d.event_id <> m.event_id`;
}

export interface MentionRow extends Row {
  event_id: string;
  source: string;
  document_id: string;
  start_offset: number;
  end_offset: number;
}

/** A mention row as `eventMentions` (src/link/batch.ts) takes it. */
export function passingOf(r: MentionRow) {
  return {
    event: r.event_id,
    record: { source: r.source, documentId: r.document_id },
    passage: { start: Number(r.start_offset), end: Number(r.end_offset) },
  };
}
