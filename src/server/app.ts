import { timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { documentToJson } from "../contract/document-json.js";
import { ingestEvents } from "../corpus/ingest.js";
import { readBuffers } from "../corpus/read.js";
import { DEFAULT_MAX_BYTES } from "../ingest/inputs.js";
import type { Database } from "../store/database.js";
import { loadDocument } from "../store/documents.js";
import { errorResponse, HttpError } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { date, page, pageOf, text } from "./params.js";

export interface AppOptions {
  db: Database;
  /** Bearer token that write endpoints require; with none, writes are refused. */
  token: string | null;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

/** Document filters: $1 outlet, $2 from, $3 to, $4 full-text query; a null parameter does not filter. */
const DOCUMENT_FILTER = `($1::text IS NULL OR outlet = $1)
  AND ($2::date IS NULL OR published_at >= $2)
  AND ($3::date IS NULL OR published_at <= $3)
  AND ($4::text IS NULL OR search @@ plainto_tsquery('simple', $4))`;

interface DocumentSummaryRow extends Record<string, unknown> {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
  language: string;
  total: string;
}

/** The HTTP API: JSON in and out, parameterised SQL only, 4xx JSON errors for bad requests. */
export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BYTES;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err.status, err.code, err.message);
    console.error(err);
    return errorResponse(c, 500, "internal", "internal error");
  });
  app.notFound((c) => errorResponse(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/api/health", async (c) => {
    await db.query("SELECT 1");
    return c.json({ ok: true, store: db.kind });
  });

  app.get("/api/documents", async (c) => {
    const q = (n: string) => c.req.query(n);
    const p = page(q);
    const filters = {
      outlet: text(q("outlet"), "outlet"),
      from: date(q("from"), "from"),
      to: date(q("to"), "to"),
      q: text(q("q"), "q"),
    };
    const rows = await db.query<DocumentSummaryRow>(
      `SELECT id, source, title, outlet, url, to_char(published_at, 'YYYY-MM-DD') AS published_at, language,
              count(*) OVER () AS total
       FROM documents WHERE ${DOCUMENT_FILTER}
       ORDER BY published_at DESC NULLS LAST, id
       LIMIT $5 OFFSET $6`,
      [filters.outlet, filters.from, filters.to, filters.q, p.limit, p.offset],
    );
    const params = [filters.outlet, filters.from, filters.to, filters.q];
    // Past the last row there is no window count to read, so count on its own.
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          (
            await db.query<{ n: string }>(
              `SELECT count(*) AS n FROM documents WHERE ${DOCUMENT_FILTER}`,
              params,
            )
          )[0]!.n,
        );
    return c.json(pageOf(rows.map(documentSummary), total, p));
  });

  app.get("/api/documents/:id", async (c) => {
    const id = c.req.param("id");
    if (!/^[0-9a-f]{32}$/.test(id))
      throw new HttpError(400, "bad_parameter", "a document id is 32 hexadecimal digits");
    const doc = await loadDocument(db, id);
    if (!doc) throw new HttpError(404, "not_found", `no document ${id}`);
    return c.json(documentToJson(doc));
  });

  app.get("/api/search", async (c) => {
    const q = text(c.req.query("q"), "q");
    if (!q) throw new HttpError(400, "bad_parameter", "q is required");
    const p = page((n) => c.req.query(n));
    const rows = await db.query<DocumentSummaryRow & { rank: number }>(
      `SELECT id, source, title, outlet, url, to_char(published_at, 'YYYY-MM-DD') AS published_at, language,
              ts_rank(search, query) AS rank, count(*) OVER () AS total
       FROM documents, plainto_tsquery('simple', $1) AS query
       WHERE search @@ query
       ORDER BY rank DESC, id
       LIMIT $2 OFFSET $3`,
      [q, p.limit, p.offset],
    );
    const total = rows[0] ? Number(rows[0].total) : 0;
    return c.json(
      pageOf(
        rows.map((r) => ({ ...documentSummary(r), rank: Number(r.rank) })),
        total,
        p,
      ),
    );
  });

  app.post(
    "/api/documents",
    requireToken(options.token),
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => errorResponse(c, 413, "too_large", `request body over ${maxBody} bytes`),
    }),
    async (c) => {
      const inputs = await uploadedInputs(c);
      if (inputs.length === 0) throw new HttpError(400, "empty", "nothing to ingest");
      const documents: Array<{ id: string; source: string; title: string | null; outcome: string }> = [];
      const errors: Array<{ input: string; reason: string }> = [];
      const run = await ingestEvents(db, readBuffers(inputs, { maxBytes: maxBody }), "api ingest", {
        onDocument: (doc, outcome) =>
          documents.push({ id: doc.id, source: doc.source, title: doc.title, outcome }),
        onRejected: (e) => errors.push({ input: e.input, reason: e.reason }),
      });
      const status = documents.length === 0 ? 422 : 201;
      return c.json(
        {
          runId: run.runId,
          stored: run.stored,
          duplicates: run.duplicates,
          rejected: run.rejected,
          documents,
          errors,
        },
        status,
      );
    },
  );

  return app;
}

/** The body as named inputs: uploaded files (multipart), or a JSON record / array of records. */
async function uploadedInputs(c: Context): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.formData().catch(() => {
      throw new HttpError(400, "bad_body", "malformed multipart body");
    });
    const inputs: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (value.trim()) inputs.push({ name: `${field}.txt`, bytes: new TextEncoder().encode(value) });
      } else inputs.push({ name: value.name || field, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return inputs;
  }
  if (type.startsWith("application/json")) {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    return [{ name: "request.json", bytes: raw }];
  }
  throw new HttpError(
    415,
    "unsupported_media_type",
    "send application/json records or multipart/form-data files",
  );
}

function requireToken(token: string | null) {
  return async (c: Context, next: () => Promise<void>) => {
    if (!token)
      return errorResponse(c, 403, "read_only", "this server has no write token (start it with --token)");
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      return errorResponse(c, 401, "unauthorized", "a valid bearer token is required");
    await next();
  };
}

function documentSummary(r: DocumentSummaryRow) {
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
