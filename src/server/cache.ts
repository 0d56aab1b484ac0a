/**
 * A small in-process cache of GET API responses, keyed by the full URL. The store answers one query at a time on
 * PGlite, so many clients asking for the same board would otherwise queue behind each other; with the cache the
 * first request of a URL runs its queries and the others (arriving meanwhile or later) share its answer.
 *
 * Freshness: this server's own writes (POST ingest) empty the cache at once; writes by other processes (other
 * servers or `claimtrace ingest` on the same PostgreSQL) show up after `maxAgeMs` plus the time one request takes
 * to recompute the answer: when an answer is older than `maxAgeMs`, the next request recomputes it, and requests
 * arriving meanwhile still get the previous answer (never one older than twice `maxAgeMs`) instead of queueing.
 */
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
}

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
      const kept = this.entries.get(key);
      const age = kept ? this.now() - kept.at : Infinity;
      if (kept && age < this.maxAgeMs) return respond(kept);
      // Another request is computing this URL right now: answer with the previous answer while it is recent
      // enough, else wait for the new one, instead of running the queries again.
      const running = this.pending.get(key);
      if (running) {
        if (kept && age < 2 * this.maxAgeMs) return respond(kept);
        const entry = await running;
        if (entry) return respond(entry);
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
          if (body.byteLength <= this.maxBodyBytes)
            entry = {
              at: this.now(),
              status: res.status,
              body,
              headers: {
                "content-type": contentType,
                "content-length": String(body.byteLength),
                "x-content-type-options": "nosniff",
              },
            };
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

function respond(entry: Entry): Response {
  return new Response(entry.body, { status: entry.status, headers: entry.headers });
}
