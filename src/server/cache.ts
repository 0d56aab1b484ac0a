/**
 * A small in-process cache of GET API responses, keyed by the full URL. The store answers one query at a time on
 * PGlite, so many clients asking for the same board would otherwise queue behind each other; with the cache the
 * first request of a URL runs its queries and the others (arriving meanwhile or later) share its answer.
 *
 * Freshness: this server's own writes (POST ingest) empty the cache at once; writes by other processes (other
 * servers or `claimtrace ingest` on the same PostgreSQL) show up after `maxAgeMs` plus the time one request takes
 * to recompute the answer: when an answer is older than `maxAgeMs`, the next request recomputes it, and requests
 * arriving meanwhile still get the previous answer (never one older than twice `maxAgeMs`) instead of queueing.
 *
 * Compression: a kept answer of some size is also kept gzipped (compressed once, when it is stored) and sent so to
 * clients that accept gzip, as browsers and most HTTP libraries do. A 50-item attribution search is 29–36 kB of
 * JSON and 2.5–4 kB gzipped: under load, the bytes of large answers, not the store, are what clients wait for.
 */
import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

export interface ResponseCacheOptions {
  /** How long an answer is served from the cache; 0 turns the cache off. */
  maxAgeMs: number;
  /** Most URLs kept; the oldest entry goes first. */
  maxEntries?: number;
  /** Bodies larger than this are not kept. */
  maxBodyBytes?: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

interface Entry {
  at: number;
  status: number;
  /** Encoded once, so that serving it again only writes bytes. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  /** The same answer gzipped, for clients that accept it; null for answers too small to gain from it. */
  gzipped: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } | null;
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
const GZIP_MIN_BYTES = 1_024;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | null>>();
  /** Bumped by every write: an answer computed before a write is not kept after it. */
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly now: () => number;

  constructor(options: ResponseCacheOptions) {
    this.maxAgeMs = options.maxAgeMs;
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * 2 ** 20;
    this.now = options.now ?? Date.now;
  }

  /** Forgets every answer (called after this server writes to the store). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Middleware for the GET routes it wraps; paths in `uncached` always run their handler. */
  middleware(uncached: readonly string[] = []): MiddlewareHandler {
    const skip = new Set(uncached);
    return async (c, next) => {
      if (this.maxAgeMs <= 0 || c.req.method !== "GET" || skip.has(c.req.path)) return next();
      const key = c.req.url;
      const encodings = c.req.header("accept-encoding");
      const kept = this.entries.get(key);
      const age = kept ? this.now() - kept.at : Infinity;
      if (kept && age < this.maxAgeMs) return respond(kept, encodings);
      // Another request is computing this URL right now: answer with the previous answer while it is recent
      // enough, else wait for the new one, instead of running the queries again.
      const running = this.pending.get(key);
      if (running) {
        if (kept && age < 2 * this.maxAgeMs) return respond(kept, encodings);
        const entry = await running;
        if (entry) return respond(entry, encodings);
        return next();
      }
      let settle!: (e: Entry | null) => void;
      const promise = new Promise<Entry | null>((resolve) => (settle = resolve));
      this.pending.set(key, promise);
      const generation = this.generation;
      let entry: Entry | null = null;
      try {
        await next();
        const res = c.res;
        const contentType = res.headers.get("content-type") ?? "";
        if (res.status === 200 && contentType.startsWith("application/json")) {
          const body = new Uint8Array(await res.clone().arrayBuffer());
          if (body.byteLength <= this.maxBodyBytes) {
            const headers = { "content-type": contentType, "x-content-type-options": "nosniff", vary: "accept-encoding" };
            const gzipped = body.byteLength >= GZIP_MIN_BYTES ? new Uint8Array(gzipSync(body)) : null;
            entry = {
              at: this.now(),
              status: res.status,
              body,
              headers: { ...headers, "content-length": String(body.byteLength) },
              gzipped: gzipped && {
                body: gzipped,
                headers: { ...headers, "content-encoding": "gzip", "content-length": String(gzipped.byteLength) },
              },
            };
          }
        }
      } finally {
        if (this.pending.get(key) === promise) this.pending.delete(key);
        if (entry && generation === this.generation) this.store(key, entry);
        settle(generation === this.generation ? entry : null);
      }
    };
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The kept answer, gzipped when it has a gzipped copy and the client's Accept-Encoding admits it. */
function respond(entry: Entry, acceptEncoding: string | undefined): Response {
  const variant = entry.gzipped && acceptsGzip(acceptEncoding) ? entry.gzipped : entry;
  return new Response(variant.body, { status: entry.status, headers: variant.headers });
}

/** Whether an Accept-Encoding header admits gzip ("gzip", "gzip;q=0.5", "*"; not "gzip;q=0"). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name === "gzip") return weight > 0;
    if (name === "*") star = weight > 0;
  }
  return star;
}
