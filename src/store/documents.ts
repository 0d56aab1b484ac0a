import type { Document, Exclusion, Layers } from "../model/document.js";
import type { Span } from "../model/span.js";
import type { Database, Sql } from "./database.js";

export type SaveOutcome = "stored" | "duplicate";

/** Span layers kept in the store; tokens are cheap to recompute and would be most of the rows. */
const STORED_LAYERS = ["paragraphs", "sentences"] as const satisfies ReadonlyArray<keyof Layers>;

export interface RunCounts {
  stored: number;
  duplicates: number;
  rejected: number;
}

export async function startRun(db: Database, command: string): Promise<number> {
  const [row] = await db.query<{ id: string }>(
    "INSERT INTO ingestion_runs (command) VALUES ($1) RETURNING id",
    [command],
  );
  return Number(row!.id);
}

export async function finishRun(db: Database, runId: number, counts: RunCounts): Promise<void> {
  await db.query(
    "UPDATE ingestion_runs SET finished_at = now(), stored = $2, duplicates = $3, rejected = $4 WHERE id = $1",
    [runId, counts.stored, counts.duplicates, counts.rejected],
  );
}

export async function recordRejection(
  db: Database,
  runId: number,
  source: string,
  reason: string,
): Promise<void> {
  await db.query("INSERT INTO rejections (run_id, source, reason) VALUES ($1, $2, $3)", [
    runId,
    source,
    reason,
  ]);
}

/**
 * Stores a document with its layers in one transaction. Content already stored (same id) is not written again;
 * only the new source it was read from is recorded.
 */
export async function saveDocument(db: Database, doc: Document, runId: number | null): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO documents (id, source, format, title, byline, outlet, url, published_at, published_at_source,
                              language, encoding, text, excluded, run_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        doc.id,
        doc.source,
        doc.format,
        doc.title,
        doc.byline,
        doc.outlet,
        doc.url,
        doc.publishedAt,
        doc.publishedAtSource,
        doc.language,
        doc.encoding,
        doc.text,
        JSON.stringify(doc.excluded),
        runId,
      ],
    );
    await tx.query(
      "INSERT INTO document_sources (document_id, source, run_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      [doc.id, doc.source, runId],
    );
    if (inserted.length === 0) return "duplicate";
    for (const layer of STORED_LAYERS) await insertSpans(tx, doc.id, layer, doc.layers[layer] ?? []);
    return "stored";
  });
}

/** One statement per layer: the spans travel as arrays and are unnested by the database. */
async function insertSpans(
  tx: Sql,
  documentId: string,
  layer: string,
  spans: readonly Span[],
): Promise<void> {
  if (spans.length === 0) return;
  await tx.query(
    `INSERT INTO spans (document_id, layer, seq, start_offset, end_offset)
     SELECT $1, $2, s.seq, s.start_offset, s.end_offset
     FROM unnest($3::int[], $4::int[], $5::int[]) AS s(seq, start_offset, end_offset)`,
    [documentId, layer, spans.map((_, i) => i), spans.map((s) => s.start), spans.map((s) => s.end)],
  );
}

interface DocumentRow {
  id: string;
  source: string;
  format: Document["format"];
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | Date | null;
  published_at_source: Document["publishedAtSource"];
  language: string;
  encoding: string;
  text: string;
  excluded: Exclusion[] | string;
}

const DOCUMENT_COLUMNS = `id, source, format, title, byline, outlet, url,
  to_char(published_at, 'YYYY-MM-DD') AS published_at, published_at_source, language, encoding, text, excluded`;

/** Every stored document with its stored layers, oldest first. */
export async function loadDocuments(db: Database, options: { limit?: number } = {}): Promise<Document[]> {
  const rows = await db.query<DocumentRow & Record<string, unknown>>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY created_at, id LIMIT $1`,
    [options.limit ?? null],
  );
  const spans = await db.query<SpanRow>(
    "SELECT document_id, layer, start_offset, end_offset FROM spans ORDER BY document_id, layer, seq",
  );
  const layers = groupSpans(spans);
  return rows.map((r) => toDocument(r, layers.get(r.id)));
}

/** One stored document by id, or null. */
export async function loadDocument(db: Database, id: string): Promise<Document | null> {
  const [row] = await db.query<DocumentRow & Record<string, unknown>>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`,
    [id],
  );
  if (!row) return null;
  const spans = await db.query<SpanRow>(
    "SELECT document_id, layer, start_offset, end_offset FROM spans WHERE document_id = $1 ORDER BY layer, seq",
    [id],
  );
  return toDocument(row, groupSpans(spans).get(id));
}

interface SpanRow extends Record<string, unknown> {
  document_id: string;
  layer: string;
  start_offset: number;
  end_offset: number;
}

function groupSpans(spans: readonly SpanRow[]): Map<string, Layers> {
  const byDoc = new Map<string, Layers>();
  for (const s of spans) {
    const layers = byDoc.get(s.document_id) ?? {};
    const list = (layers[s.layer as (typeof STORED_LAYERS)[number]] ??= []);
    list.push({ start: s.start_offset, end: s.end_offset });
    byDoc.set(s.document_id, layers);
  }
  return byDoc;
}

function toDocument(r: DocumentRow, layers: Layers | undefined): Document {
  return {
    id: r.id,
    source: r.source,
    format: r.format,
    title: r.title,
    byline: r.byline,
    outlet: r.outlet,
    url: r.url,
    publishedAt: r.published_at === null ? null : String(r.published_at),
    publishedAtSource: r.published_at_source,
    language: r.language,
    encoding: r.encoding,
    text: r.text,
    excluded: typeof r.excluded === "string" ? (JSON.parse(r.excluded) as Exclusion[]) : r.excluded,
    layers: layers ?? {},
  };
}

export async function countDocuments(db: Database): Promise<number> {
  const [row] = await db.query<{ n: string }>("SELECT count(*) AS n FROM documents");
  return Number(row!.n);
}
