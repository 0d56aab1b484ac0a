/**
 * The embedded PGlite store on a worker thread, for the server. PGlite runs each query on the thread that owns it;
 * in-process, a query that takes 100 ms (a ranked search over every attribution of a large store) stops the server's
 * event loop for 100 ms, and every request in flight waits, even those the response cache could answer at once. On
 * its own thread the store computes while the server goes on answering. The CLI's batch commands keep PGlite
 * in-process: they wait for each query anyway, and a message per statement would only add to their time.
 */
import { Worker } from "node:worker_threads";
import type { Database, Row, Sql } from "./database.js";
import type { Reply, Request, WireError } from "./pglite-wire.js";

/** A database error from the worker, with the same fields the in-process driver's errors have. */
export class StoreError extends Error {
  constructor(wire: WireError) {
    super(wire.message);
    Object.assign(this, wire);
  }
}

/**
 * The worker's module beside this one: compiled JavaScript in dist/. Run from source through tsx (tests, benches),
 * the module is TypeScript, and tsx's loader does not follow `--import` into worker threads: a bootstrap registers
 * it there first.
 */
function startWorker(dataDir: string | null): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(fromSource ? "./pglite-worker.ts" : "./pglite-worker.js", import.meta.url);
  if (!fromSource) return new Worker(url, { workerData: { dataDir } });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

type Pending = { resolve(rows: Row[]): void; reject(e: Error): void };

type Outgoing = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/** Opens PGlite on `dataDir` (null: in memory) in a worker thread; resolves once the store is open. */
export async function openPgliteThread(dataDir: string | null): Promise<Database> {
  const worker = startWorker(dataDir);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  const failAll = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.rows);
    else p.reject(new StoreError(reply.error));
  });
  worker.on("error", (e) => failAll(e));
  worker.on("exit", (code) => failAll(new Error(`the store's thread stopped (exit code ${code})`)));

  const send = (request: Outgoing, id = nextId++): Promise<Row[]> => {
    if (failure) return Promise.reject(failure);
    return new Promise<Row[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };

  // id 0 answers once PGlite has opened the folder (or the worker fails to)
  await new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });

  const sql = (tx: number | null): Sql => ({
    query: <T extends Row = Row>(text: string, params: readonly unknown[] = []) =>
      send({ op: "query", sql: text, params: [...params], tx }) as Promise<T[]>,
  });

  return {
    kind: "pglite",
    ...sql(null),
    async transaction(fn) {
      const tx = nextId++; // the begin request's id names the transaction
      await send({ op: "begin" }, tx);
      let result;
      try {
        result = await fn(sql(tx));
      } catch (e) {
        await send({ op: "end", tx, commit: false }).catch(() => {});
        throw e;
      }
      await send({ op: "end", tx, commit: true });
      return result;
    },
    async close() {
      if (!failure) await send({ op: "close" });
      await worker.terminate();
    },
  };
}
