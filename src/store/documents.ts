import type { Document, Exclusion, Layers } from "../model/document.js";
import { claimLayers } from "../link/model.js";
import { documentRecord } from "../link/records.js";
import { writeClaimRows } from "./claims.js";
import type { Database } from "./database.js";

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
  return (await saveDocuments(db, [doc], runId))[0]!;
}

/** Milliseconds spent reducing documents to their records while saving them, summed over calls (benchmarks). */
export interface SaveTimings {
  records: number;
}

/**
 * Stores documents with their layers (text, paragraph and sentence spans, entities, attributions and figures) in
 * one transaction: all of them or none. A document whose content is already stored (same id: earlier, or earlier
 * in the same list) is not written again; only the new source it was read from is recorded. Returns each
 * document's outcome, in order. A batch costs a fixed number of statements, which on PGlite cost more than the
 * rows do.
 */
export async function saveDocuments(
  db: Database,
  docs: readonly Document[],
  runId: number | null,
  timings?: SaveTimings,
): Promise<SaveOutcome[]> {
  if (docs.length === 0) return [];
  const first = new Map<string, Document>();
  for (const d of docs) if (!first.has(d.id)) first.set(d.id, d);
  const unique = [...first.values()];
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO documents (id, source, format, title, byline, outlet, url, published_at, published_at_source,
                              language, encoding, text, excluded, run_id, entities)
       SELECT x.id, x.source, x.format, x.title, x.byline, x.outlet, x.url, x.published_at, x.published_at_source,
              x.language, x.encoding, x.text, x.excluded, $2, x.entities
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, source text, format text, title text, byline text,
            outlet text, url text, published_at date, published_at_source text, language text, encoding text,
            text text, excluded jsonb, entities jsonb)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          unique.map((d) => ({
            id: d.id,
            source: d.source,
            format: d.format,
            title: d.title,
            byline: d.byline,
            outlet: d.outlet,
            url: d.url,
            published_at: d.publishedAt,
            published_at_source: d.publishedAtSource,
            language: d.language,
            encoding: d.encoding,
            text: d.text,
            excluded: d.excluded,
            entities: claimLayers(d).entities ?? [],
          })),
        ),
        runId,
      ],
    );
    const fresh = new Set(rows.map((r) => r.id));
    const stored = unique.filter((d) => fresh.has(d.id));
    const spans = stored.flatMap((d) =>
      STORED_LAYERS.flatMap((layer) =>
        (d.layers[layer] ?? []).map((s, seq) => ({ document_id: d.id, layer, seq, start: s.start, end: s.end })),
      ),
    );
    await tx.query(
      `WITH s AS (
         INSERT INTO document_sources (document_id, source, run_id)
         SELECT DISTINCT x.document_id, x.source, $2::bigint FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, source text)
         ON CONFLICT DO NOTHING
       )
       INSERT INTO spans (document_id, layer, seq, start_offset, end_offset)
       SELECT x.document_id, x.layer, x.seq, x.start, x.end
       FROM jsonb_to_recordset($3::jsonb) AS x(document_id text, layer text, seq int, start int, "end" int)`,
      [JSON.stringify(docs.map((d) => ({ document_id: d.id, source: d.source }))), runId, JSON.stringify(spans)],
    );
    const t = performance.now();
    const records = stored.map(documentRecord);
    if (timings) timings.records += performance.now() - t;
    await writeClaimRows(tx, records, first);
    return fresh;
  });
  const seen = new Set<string>();
  return docs.map((d) => {
    const outcome = inserted.has(d.id) && !seen.has(d.id) ? "stored" : "duplicate";
    seen.add(d.id);
    return outcome;
  });
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
    `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY seq LIMIT $1`,
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
