/** Documents: list, detail, full-text search (over documents or attributions) and ingestion by POST. */
import { timingSafeEqual } from "node:crypto";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ingestEvents } from "../../corpus/ingest.js";
import { readBuffers } from "../../corpus/read.js";
import { searchAttributions } from "../../store/read/attributions.js";
import { listDocuments, loadDocumentJson, searchDocuments } from "../../store/read/documents.js";
import { errorResponse, HttpError } from "../errors.js";
import { dateRange, oneOf, pageOf, pathId, text } from "../params.js";
import { queryOf, windowOf, type RouteContext } from "./context.js";

export function documentRoutes(app: Hono, { db, token, maxBodyBytes, afterWrite }: RouteContext): void {
  app.get("/api/documents", async (c) => {
    const q = queryOf(c);
    const p = windowOf(c);
    const filter = { outlet: text(q("outlet"), "outlet"), ...dateRange(q), q: text(q("q"), "q") };
    const { items, total } = await listDocuments(db, filter, p);
    return c.json(pageOf(items, total, p));
  });

  app.get("/api/documents/:id", async (c) => {
    const id = pathId(c.req.param("id"), "document");
    const doc = await loadDocumentJson(db, id);
    if (!doc) throw new HttpError(404, "not_found", `no document ${id}`);
    return c.json(doc);
  });

  app.get("/api/search", async (c) => {
    const q = queryOf(c);
    const where = oneOf(q("in"), "in", ["documents", "attributions"] as const) ?? "documents";
    const query = text(q("q"), "q");
    if (!query) throw new HttpError(400, "bad_parameter", "q is required");
    const p = windowOf(c);
    const { items, total } =
      where === "documents" ? await searchDocuments(db, query, p) : await searchAttributions(db, query, p);
    return c.json(pageOf<unknown>(items, total, p));
  });

  app.post(
    "/api/documents",
    requireToken(token),
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => errorResponse(c, 413, "too_large", `request body over ${maxBodyBytes} bytes`),
    }),
    async (c) => {
      const inputs = await uploadedInputs(c);
      if (inputs.length === 0) throw new HttpError(400, "empty", "nothing to ingest");
      const documents: Array<{ id: string; source: string; title: string | null; outcome: string }> = [];
      const errors: Array<{ input: string; reason: string }> = [];
      try {
        const run = await ingestEvents(db, readBuffers(inputs, { maxBytes: maxBodyBytes }), "api ingest", {
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
      } finally {
        afterWrite();
      }
    },
  );
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
