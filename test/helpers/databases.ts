import { after, before, test, type TestContext } from "node:test";
import pg from "pg";
import { openDatabase, type Database } from "../../src/store/database.js";

/** PostgreSQL server for the scale-out tests (trust auth on loopback, as in CI). */
export const TEST_POSTGRES = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface Backend {
  name: "pglite" | "pglite-thread" | "postgres";
  /** A fresh, empty, migrated store. */
  open(): Promise<Database>;
  /** Removes what open() created. */
  cleanup(): Promise<void>;
  /** Why the back end cannot be tested here, or null. */
  unavailable: string | null;
}

export async function pgliteBackend(): Promise<Backend> {
  return {
    name: "pglite",
    unavailable: null,
    open: () => openDatabase({ url: null, dataDir: "memory://" }),
    cleanup: async () => {},
  };
}

/** PGlite on its own worker thread, as `claimtrace serve` opens it. */
export async function pgliteThreadBackend(): Promise<Backend> {
  return {
    name: "pglite-thread",
    unavailable: null,
    open: () => openDatabase({ url: null, dataDir: "memory://", thread: true }),
    cleanup: async () => {},
  };
}

/**
 * A throw-away database on the local PostgreSQL server. Outside CI a missing server skips these tests with a
 * message; in CI (CI=true) it is an error, because .ci/run starts the server.
 */
export async function postgresBackend(): Promise<Backend> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES });
  try {
    await admin.connect();
  } catch (e) {
    const reason = `PostgreSQL not reachable at ${TEST_POSTGRES}: ${(e as Error).message}`;
    if (process.env.CI) throw new Error(reason);
    return {
      name: "postgres",
      unavailable: reason,
      open: () => Promise.reject(new Error(reason)),
      cleanup: async () => {},
    };
  }
  const created: string[] = [];
  const urlFor = (name: string) => {
    const u = new URL(TEST_POSTGRES);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    name: "postgres",
    unavailable: null,
    async open() {
      const name = `claimtrace_test_${process.pid}_${created.length}_${Date.now() % 100000}`;
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      created.push(name);
      return openDatabase({ url: urlFor(name) });
    },
    async cleanup() {
      for (const name of created)
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Inside a `describe`: opens a fresh store on `makeBackend` before the suite (handing it to `onOpen`), cleans up
 * after, and returns `it`, which registers a test that is skipped with the reason when the back end is missing.
 */
export function useBackend(makeBackend: () => Promise<Backend>, onOpen: (db: Database) => void) {
  let backend: Backend | undefined;
  let db: Database | undefined;
  before(async () => {
    backend = await makeBackend();
    if (!backend.unavailable) onOpen((db = await backend.open()));
  });
  after(async () => {
    await db?.close();
    await backend?.cleanup();
  });
  return (name: string, fn: (t: TestContext) => Promise<void>) =>
    test(name, async (t) => {
      if (backend?.unavailable) return t.skip(backend.unavailable);
      await fn(t);
    });
}

export const backendName = (makeBackend: () => Promise<Backend>) =>
  makeBackend === pgliteBackend ? "PGlite" : makeBackend === pgliteThreadBackend ? "PGlite on its own thread" : "PostgreSQL";
