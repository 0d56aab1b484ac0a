/** Figures for the API: every figure with its speaker, group and document, filtered. */
import type { Sql } from "../database.js";
import { count, DATE, pageTotal, relays, speakerOf, type Paged, type Window } from "./common.js";

export interface FigureFilter {
  measure: string | null;
  event: string | null;
  group: string | null;
  /** Case-insensitive substring of the speaker's name. */
  speaker: string | null;
  /** Entity id the speaker resolves to. */
  entity: string | null;
  document: string | null;
  qualifier: string | null;
  outlet: string | null;
  /** On the date the figure was stated (the attribution's date, else the document's publication date). */
  from: string | null;
  to: string | null;
}

/** $1 … $10: measure, event, group, speaker, entity, document, qualifier, outlet, from, to. */
const FIGURE_FILTER = `($1::text IS NULL OR f.measure = $1)
  AND ($2::text IS NULL OR coalesce(f.anchor_document_id, f.document_id) IN
       (SELECT l.document_id FROM link_documents l WHERE l.event_id = $2))
  AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM figure_group_members m
       WHERE m.group_id = $3 AND m.document_id = f.document_id AND m.figure_id = f.id))
  AND ($4::text IS NULL OR strpos(lower(f.speaker->>'name'), lower($4)) > 0)
  AND ($5::text IS NULL OR (f.speaker_entity_type, f.speaker_entity_key) IN
       (SELECT n.type, n.key FROM entity_names n WHERE n.entity_id = $5))
  AND ($6::text IS NULL OR f.document_id = $6)
  AND ($7::text IS NULL OR f.qualifier = $7)
  AND ($8::text IS NULL OR d.outlet = $8)
  AND ($9::date IS NULL OR f.stated_on >= $9)
  AND ($10::date IS NULL OR f.stated_on <= $10)`;

interface FigureRow extends Record<string, unknown> {
  document_id: string;
  id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  speaker: unknown;
  speaker_entity: string | null;
  via: unknown;
  attribution_id: string | null;
  stated_on: string | null;
  refers_to: string | null;
  revises: string | null;
  group_id: string | null;
  title: string | null;
  outlet: string | null;
  published_at: string | null;
  total?: unknown;
}

/** Newest first (by the date stated), then in document order. */
export async function listFigures(db: Sql, filter: FigureFilter, window: Window): Promise<Paged<ReturnType<typeof figureItem>>> {
  const where = [
    filter.measure,
    filter.event,
    filter.group,
    filter.speaker,
    filter.entity,
    filter.document,
    filter.qualifier,
    filter.outlet,
    filter.from,
    filter.to,
  ];
  // The page is chosen in index order (migrations/005); its rows' groups and documents are read for it only.
  const rows = await db.query<FigureRow>(
    `WITH page AS (
       SELECT f.document_id, f.id, row_number() OVER (ORDER BY f.stated_on DESC NULLS LAST, f.document_id,
              f.start_offset, f.id) AS ord
       FROM (
         SELECT f.document_id, f.id, f.stated_on, f.start_offset
         FROM figures f JOIN documents d ON d.id = f.document_id
         WHERE ${FIGURE_FILTER}
         ORDER BY f.stated_on DESC NULLS LAST, f.document_id, f.start_offset, f.id
         LIMIT $11 OFFSET $12
       ) f
     )
     SELECT f.document_id, f.id, f.start_offset, f.end_offset, f.text, f.value, f.low, f.high, f.qualifier, f.unit,
            f.measure, f.subject, f.speaker, n.entity_id AS speaker_entity, f.via, f.attribution_id,
            ${DATE("f.stated_on", "stated_on")}, ${DATE("f.refers_to", "refers_to")}, f.revises,
            (SELECT m.group_id FROM figure_group_members m
             WHERE m.document_id = f.document_id AND m.figure_id = f.id LIMIT 1) AS group_id,
            d.title, d.outlet, ${DATE("d.published_at", "published_at")}
     FROM page JOIN figures f ON f.document_id = page.document_id AND f.id = page.id
     JOIN documents d ON d.id = f.document_id
     LEFT JOIN entity_names n ON n.type = f.speaker_entity_type AND n.key = f.speaker_entity_key
     ORDER BY page.ord`,
    [...where, window.limit, window.offset],
  );
  const total = await pageTotal(rows.length, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM figures f JOIN documents d ON d.id = f.document_id WHERE ${FIGURE_FILTER}`,
          where,
        )
      )[0]?.n,
    ),
  );
  return { items: rows.map(figureItem), total };
}

function figureItem(r: FigureRow) {
  return {
    document: r.document_id,
    figure: r.id,
    start: r.start_offset,
    end: r.end_offset,
    text: r.text,
    value: r.value,
    low: r.low,
    high: r.high,
    qualifier: r.qualifier,
    unit: r.unit,
    measure: r.measure,
    subject: r.subject,
    speaker: speakerOf(r.speaker),
    speakerEntity: r.speaker_entity,
    via: relays(r.via),
    attribution: r.attribution_id,
    date: r.stated_on,
    refersTo: r.refers_to,
    revises: r.revises,
    group: r.group_id,
    documentTitle: r.title,
    outlet: r.outlet,
    publishedAt: r.published_at,
  };
}
