/** Attributions for the API: filtered lists and full-text search over speaker and content. */
import type { Sql } from "../database.js";
import {
  count,
  DATE,
  needEnd,
  pageTotal,
  parse,
  relays,
  spanText,
  textPrefixes,
  totalOf,
  type Paged,
  type Window,
} from "./common.js";

export interface AttributionFilter {
  /** Case-insensitive substring of the speaker's name. */
  speaker: string | null;
  /** Entity id the speaker resolves to. */
  entity: string | null;
  event: string | null;
  document: string | null;
  kind: string | null;
  outlet: string | null;
  /** On the date the claim was made, else the document's publication date. */
  from: string | null;
  to: string | null;
  /** Full-text query over speaker name and content. */
  q: string | null;
}

type TextSpan = { start: number; end: number; text: string };

export interface AttributionItem {
  document: string;
  attribution: string;
  kind: string;
  source: TextSpan | null;
  cue: TextSpan | null;
  content: TextSpan[];
  speaker: { name: string; type: string; role: string | null } | null;
  speakerEntity: string | null;
  via: Array<{ name: string; type: string }>;
  date: string | null;
  documentTitle: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

const STATED = "coalesce(a.stated_on, d.published_at)";

/** $1 … $9: speaker, entity, event, document, kind, outlet, from, to, q; a null parameter does not filter. */
const ATTRIBUTION_FILTER = `($1::text IS NULL OR strpos(lower(a.speaker_name), lower($1)) > 0)
  AND ($2::text IS NULL OR (a.speaker_entity_type, a.speaker_entity_key) IN
       (SELECT n.type, n.key FROM entity_names n WHERE n.entity_id = $2))
  AND ($3::text IS NULL OR coalesce(a.anchor_document_id, a.document_id) IN
       (SELECT l.document_id FROM link_documents l WHERE l.event_id = $3))
  AND ($4::text IS NULL OR a.document_id = $4)
  AND ($5::text IS NULL OR a.kind = $5)
  AND ($6::text IS NULL OR d.outlet = $6)
  AND ($7::date IS NULL OR ${STATED} >= $7)
  AND ($8::date IS NULL OR ${STATED} <= $8)
  AND ($9::text IS NULL OR a.search @@ plainto_tsquery('simple', $9))`;

const COLUMNS = `a.document_id, a.id, a.kind, a.source_start, a.source_end, a.cue_start, a.cue_end, a.content,
  a.speaker_name, a.speaker_type, a.speaker_role, n.entity_id AS speaker_entity, a.via,
  ${DATE(STATED, "stated")}, d.title, d.outlet, ${DATE("d.published_at", "published_at")}`;

interface AttributionRow extends Record<string, unknown> {
  document_id: string;
  id: string;
  kind: string;
  source_start: number | null;
  source_end: number | null;
  cue_start: number | null;
  cue_end: number | null;
  content: unknown;
  speaker_name: string | null;
  speaker_type: string | null;
  speaker_role: string | null;
  speaker_entity: string | null;
  via: unknown;
  stated: string | null;
  title: string | null;
  outlet: string | null;
  published_at: string | null;
  total?: unknown;
}

/** The rows as API items, with the text of every span cut from the documents. */
async function attributionItems(db: Sql, rows: readonly AttributionRow[]): Promise<AttributionItem[]> {
  const ends = new Map<string, number>();
  const contents = rows.map((r) => parse<Array<{ start: number; end: number }>>(r.content));
  rows.forEach((r, i) => {
    needEnd(ends, r.document_id, r.source_end);
    needEnd(ends, r.document_id, r.cue_end);
    for (const s of contents[i]!) needEnd(ends, r.document_id, s.end);
  });
  const prefixes = await textPrefixes(db, ends);
  return rows.map((r, i) => ({
    document: r.document_id,
    attribution: r.id,
    kind: r.kind,
    source: spanText(prefixes, r.document_id, r.source_start, r.source_end),
    cue: spanText(prefixes, r.document_id, r.cue_start, r.cue_end),
    content: contents[i]!.map((s) => spanText(prefixes, r.document_id, s.start, s.end)!),
    speaker:
      r.speaker_name && r.speaker_type ? { name: r.speaker_name, type: r.speaker_type, role: r.speaker_role } : null,
    speakerEntity: r.speaker_entity,
    via: relays(r.via),
    date: r.stated,
    documentTitle: r.title,
    outlet: r.outlet,
    publishedAt: r.published_at,
  }));
}

const filterParams = (f: AttributionFilter) => [
  f.speaker,
  f.entity,
  f.event,
  f.document,
  f.kind,
  f.outlet,
  f.from,
  f.to,
  f.q,
];

/** The page's rows with everything an item shows; `page` is a CTE of (document_id, id, ord[, rank]). */
const DETAILS = `SELECT ${COLUMNS}, page.*
  FROM page JOIN attributions a ON a.document_id = page.document_id AND a.id = page.attribution_id
  JOIN documents d ON d.id = a.document_id
  LEFT JOIN entity_names n ON n.type = a.speaker_entity_type AND n.key = a.speaker_entity_key
  ORDER BY page.ord`;

/**
 * Newest articles first, and each article's statements in reading order. (`from`/`to` filter on the date the
 * statement was made, which most texts do not give; the publication date stands in for it.)
 */
export async function listAttributions(
  db: Sql,
  filter: AttributionFilter,
  window: Window,
): Promise<Paged<AttributionItem>> {
  const where = filterParams(filter);
  const rows = await db.query<AttributionRow>(
    `WITH page AS (
       SELECT a.document_id, a.id AS attribution_id,
              row_number() OVER (ORDER BY a.published_at DESC NULLS LAST, a.document_id, a.position, a.id) AS ord
       FROM (
         SELECT a.document_id, a.id, d.published_at, (a.content->0->>'start')::int AS position
         FROM attributions a JOIN documents d ON d.id = a.document_id
         WHERE ${ATTRIBUTION_FILTER}
         ORDER BY d.published_at DESC NULLS LAST, a.document_id, position, a.id
         LIMIT $10 OFFSET $11
       ) a
     )
     ${DETAILS}`,
    [...where, window.limit, window.offset],
  );
  const total = await pageTotal(rows.length, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM attributions a JOIN documents d ON d.id = a.document_id WHERE ${ATTRIBUTION_FILTER}`,
          where,
        )
      )[0]?.n,
    ),
  );
  return { items: await attributionItems(db, rows), total };
}

/** Full-text search over speaker names and what they said, best match first, with the match's rank. */
export async function searchAttributions(
  db: Sql,
  q: string,
  window: Window,
): Promise<Paged<AttributionItem & { rank: number }>> {
  // Ranking needs every match; the details are read for the page's rows only.
  const rows = await db.query<AttributionRow & { rank: number }>(
    `WITH page AS (
       SELECT a.document_id, a.attribution_id, a.rank, a.total,
              row_number() OVER (ORDER BY a.rank DESC, a.document_id, a.attribution_id) AS ord
       FROM (
         SELECT a.document_id, a.id AS attribution_id, ts_rank(a.search, query) AS rank, count(*) OVER () AS total
         FROM attributions a, plainto_tsquery('simple', $1) AS query
         WHERE a.search @@ query
         ORDER BY rank DESC, a.document_id, a.id
         LIMIT $2 OFFSET $3
       ) a
     )
     ${DETAILS}`,
    [q, window.limit, window.offset],
  );
  const total = await totalOf(rows, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(
          "SELECT count(*) AS n FROM attributions a WHERE a.search @@ plainto_tsquery('simple', $1)",
          [q],
        )
      )[0]?.n,
    ),
  );
  const items = await attributionItems(db, rows);
  return { items: items.map((item, i) => ({ ...item, rank: Number(rows[i]!.rank) })), total };
}
