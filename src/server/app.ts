import { Hono } from "hono";
import { DEFAULT_MAX_BYTES } from "../ingest/inputs.js";
import type { Database } from "../store/database.js";
import { ResponseCache } from "./cache.js";
import { errorResponse, HttpError } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { attributionRoutes } from "./routes/attributions.js";
import type { RouteContext } from "./routes/context.js";
import { documentRoutes } from "./routes/documents.js";
import { entityRoutes } from "./routes/entities.js";
import { eventRoutes } from "./routes/events.js";
import { figureGroupRoutes } from "./routes/figure-groups.js";
import { figureRoutes } from "./routes/figures.js";

export interface AppOptions {
  db: Database;
  /** Bearer token that write endpoints require; with none, writes are refused. */
  token: string | null;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** How long GET answers are served from the in-process cache (src/server/cache.ts); 0 turns it off. */
  cacheMaxAgeMs?: number;
}

/** How long GET answers are cached by default: short, so writes by other processes show up quickly. */
export const DEFAULT_CACHE_MAX_AGE_MS = 5_000;

/** The HTTP API: JSON in and out, parameterised SQL only, 4xx JSON errors for bad requests. */
export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const cache = new ResponseCache({ maxAgeMs: options.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS });
  const context: RouteContext = {
    db,
    token: options.token,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BYTES,
    afterWrite: () => cache.invalidate(),
  };
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err.status, err.code, err.message);
    console.error(err);
    return errorResponse(c, 500, "internal", "internal error");
  });
  app.notFound((c) => errorResponse(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));

  // First, so that a cached answer costs as little as possible; health always asks the store.
  app.use("/api/*", cache.middleware(["/api/health"]));
  // API answers are JSON only; browsers must never sniff them into something they would render. Kept answers go
  // out gzipped to clients that accept it, so every answer varies by Accept-Encoding.
  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("x-content-type-options", "nosniff");
    c.res.headers.set("vary", "accept-encoding");
  });

  app.get("/api/health", async (c) => {
    await db.query("SELECT 1");
    return c.json({ ok: true, store: db.kind });
  });
  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));

  documentRoutes(app, context);
  figureGroupRoutes(app, context);
  eventRoutes(app, context);
  entityRoutes(app, context);
  attributionRoutes(app, context);
  figureRoutes(app, context);

  return app;
}
