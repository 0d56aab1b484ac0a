/**
 * The worker side of a PGlite store run on its own thread (see pglite-thread.ts): opens PGlite on the data folder
 * it is given and answers the main thread's messages: queries, transactions (begin, queries inside, end) and close.
 * PGlite serialises its own work, so a query from outside a transaction waits while one is open, as it would
 * in-process.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { pgliteParams } from "./pglite-params.js";
import type { Request, Reply, WireError } from "./pglite-wire.js";

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string | null };

/** An open transaction: its handle, and how to end it (commit when true). */
interface OpenTransaction {
  tx: Transaction;
  decide(commit: boolean): void;
}

const transactions = new Map<number, OpenTransaction>();
/** How each open transaction ends: awaited by the "end" request, so that a failed COMMIT is reported there. */
const outcomes = new Map<number, Promise<void>>();
/** Thrown inside PGlite's transaction callback to make it roll back. */
const ROLLBACK = Symbol("rollback");

function reply(message: Reply): void {
  port.postMessage(message);
}

/** The fields of a database error a caller may read (message, SQLSTATE code, detail …), cloneable. */
function wireError(e: unknown): WireError {
  const err = e as Partial<Record<string, unknown>> & Error;
  const out: WireError = { message: err?.message ?? String(e) };
  for (const key of ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity"] as const)
    if (typeof err?.[key] === "string") out[key] = err[key] as string;
  return out;
}

/** Opens a transaction under PGlite's own lock; it stays open until the main thread decides how it ends. */
function begin(id: number): Promise<void> {
  return new Promise<void>((opened, failed) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));
    const outcome = lite
      .transaction(async (tx) => {
        transactions.set(id, { tx, decide });
        opened();
        if (!(await decision)) throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    outcomes.set(id, outcome);
    outcome.catch(failed); // a BEGIN that fails never opens
  });
}

const lite = await PGlite.create(dataDir ?? undefined);

port.on("message", (request: Request) => {
  void handle(request);
});
reply({ id: 0, ok: true, rows: [] });

async function handle(request: Request): Promise<void> {
  try {
    switch (request.op) {
      case "query": {
        const target = request.tx ? transactions.get(request.tx)?.tx : lite;
        if (!target) throw new Error(`transaction ${request.tx} is not open`);
        const { values, options } = pgliteParams(request.params, lite.serializers);
        const result = await target.query(request.sql, values, options);
        reply({ id: request.id, ok: true, rows: result.rows as Record<string, unknown>[] });
        return;
      }
      case "begin":
        await begin(request.id);
        reply({ id: request.id, ok: true, rows: [] });
        return;
      case "end": {
        const open = transactions.get(request.tx);
        const outcome = outcomes.get(request.tx);
        if (!open || !outcome) throw new Error(`transaction ${request.tx} is not open`);
        transactions.delete(request.tx);
        outcomes.delete(request.tx);
        open.decide(request.commit);
        await outcome;
        reply({ id: request.id, ok: true, rows: [] });
        return;
      }
      case "close":
        await lite.close();
        reply({ id: request.id, ok: true, rows: [] });
        return;
    }
  } catch (e) {
    reply({ id: request.id, ok: false, error: wireError(e) });
  }
}
