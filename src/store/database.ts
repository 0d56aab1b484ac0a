import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate } from "./migrate.js";
import { pgliteParams } from "./pglite-params.js";
import { openPgliteThread } from "./pglite-thread.js";

export type Row = Record<string, unknown>;

/** The SQL both back ends speak: parameterised statements only ($1, $2, …). */
export interface Sql {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite store is used. */
  url?: string | null;
  /** PGlite data folder; "memory://" for a throw-away in-memory store. */
  dataDir?: string;
  /**
   * Run PGlite on a worker thread (see pglite-thread.ts), so that a long query does not stop the caller's event
   * loop: what a server wants. Ignored for PostgreSQL, whose queries run in the server process anyway.
   */
  thread?: boolean;
  /** Apply the migrations only through this one (tests of a migration on a store made by the ones before). */
  migrateThrough?: string;
}

export const DEFAULT_DATA_DIR = ".claimtrace/data";

/** Opens the store named by the options (or DATABASE_URL) and brings its schema up to date. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url === undefined ? process.env.DATABASE_URL : options.url;
  const db = url
    ? openPostgres(url)
    : await openPglite(options.dataDir ?? process.env.CLAIMTRACE_DATA ?? DEFAULT_DATA_DIR, options.thread ?? false);
  try {
    await migrate(db, { through: options.migrateThrough });
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

async function openPglite(dataDir: string, thread: boolean): Promise<Database> {
  const inMemory = dataDir === "memory://";
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  if (thread) return openPgliteThread(inMemory ? null : dataDir);
  const lite = await PGlite.create(inMemory ? undefined : dataDir);
  const sql = (q: Pick<PGlite, "query">): Sql => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const { values, options } = pgliteParams(params, lite.serializers);
      return (await q.query<T>(text, values, options)).rows;
    },
  });
  return {
    kind: "pglite",
    ...sql(lite),
    transaction: (fn) => lite.transaction((tx) => fn(sql(tx))),
    close: () => lite.close(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports the failure.
  pool.on("error", () => {});
  const sql = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      return (await q.query(text, params as unknown[])).rows as T[];
    },
  });
  return {
    kind: "postgres",
    ...sql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(sql(client));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
