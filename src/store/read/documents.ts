/** Documents for the API: the list (filters), full-text search, and one document with its claims. */
import { documentToJson, type DocumentJson } from "../../contract/document-json.js";
import type { Database, Sql } from "../database.js";
import { loadDocument } from "../documents.js";
import { loadClaimLayers } from "../links.js";
import { count, DATE, pageTotal, totalOf, type Paged, type Window } from "./common.js";

export interface DocumentFilter {
  outlet: string | null;
  from: string | null;
  to: string | null;
  /** Full-text query. */
  q: string | null;
}

export interface DocumentSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string;
}

/** Document filters: $1 outlet, $2 from, $3 to, $4 full-text query; a null parameter does not filter. */
const DOCUMENT_FILTER = `($1::text IS NULL OR outlet = $1)
  AND ($2::date IS NULL OR published_at >= $2)
  AND ($3::date IS NULL OR published_at <= $3)
  AND ($4::text IS NULL OR search @@ plainto_tsquery('simple', $4))`;

export const SUMMARY_COLUMNS = `id, source, title, outlet, url, ${DATE("published_at", "published_at")}, language`;

export interface DocumentSummaryRow extends Record<string, unknown> {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
  language: string;
}

export function documentSummary(r: DocumentSummaryRow): DocumentSummary {
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    outlet: r.outlet,
    url: r.url,
    publishedAt: r.published_at,
    language: r.language,
  };
}

/** Newest first. */
export async function listDocuments(
  db: Sql,
  filter: DocumentFilter,
  window: Window,
): Promise<Paged<DocumentSummary>> {
  const where = [filter.outlet, filter.from, filter.to, filter.q];
  const rows = await db.query<DocumentSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}
     FROM documents WHERE ${DOCUMENT_FILTER}
     ORDER BY published_at DESC NULLS LAST, id
     LIMIT $5 OFFSET $6`,
    [...where, window.limit, window.offset],
  );
  const total = await pageTotal(rows.length, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM documents WHERE ${DOCUMENT_FILTER}`, where)
      )[0]?.n,
    ),
  );
  return { items: rows.map(documentSummary), total };
}

/** Best match first, with the match's rank. */
export async function searchDocuments(
  db: Sql,
  q: string,
  window: Window,
): Promise<Paged<DocumentSummary & { rank: number }>> {
  const rows = await db.query<DocumentSummaryRow & { rank: number; total: unknown }>(
    `SELECT ${SUMMARY_COLUMNS}, ts_rank(search, query) AS rank, count(*) OVER () AS total
     FROM documents, plainto_tsquery('simple', $1) AS query
     WHERE search @@ query
     ORDER BY rank DESC, id
     LIMIT $2 OFFSET $3`,
    [q, window.limit, window.offset],
  );
  const total = await totalOf(rows, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(
          "SELECT count(*) AS n FROM documents WHERE search @@ plainto_tsquery('simple', $1)",
          [q],
        )
      )[0]?.n,
    ),
  );
  return { items: rows.map((r) => ({ ...documentSummary(r), rank: Number(r.rank) })), total };
}

/**
 * One stored document as `claimtrace.document/1` with the claim layers linking stored for it, each attribution
 * also naming the ledger entity its speaker resolved to (`speakerEntity`, an extra field within version 1).
 * Null for an unknown id.
 */
export async function loadDocumentJson(db: Database, id: string): Promise<DocumentJson | null> {
  const doc = await loadDocument(db, id);
  if (!doc) return null;
  const layers = (await loadClaimLayers(db, id)).get(id);
  const json = documentToJson(layers ? { ...doc, layers: { ...doc.layers, ...layers } } : doc);
  const entityOf = new Map(
    (
      await db.query<{ id: string; entity_id: string | null }>(
        `SELECT a.id, n.entity_id FROM attributions a
         LEFT JOIN entity_names n ON n.type = a.speaker_entity_type AND n.key = a.speaker_entity_key
         WHERE a.document_id = $1`,
        [id],
      )
    ).map((r) => [r.id, r.entity_id]),
  );
  return {
    ...json,
    attributions: json.attributions.map((a) => {
      const attribution = a as { id: string };
      return { ...attribution, speakerEntity: entityOf.get(attribution.id) ?? null };
    }),
  };
}
