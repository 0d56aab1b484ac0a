import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openDatabase, type Database } from "../../src/store/database.js";

/** A query that keeps PGlite busy for a while (about a hundred milliseconds). */
const SLOW = "SELECT count(*)::int AS n FROM generate_series(1, 1000000) AS g WHERE g % 7 = 3";

/** Timer ticks of this thread's event loop while `work` runs. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe("PGlite on its own thread", () => {
  let threaded: Database;
  let inProcess: Database;
  before(async () => {
    threaded = await openDatabase({ url: null, dataDir: "memory://", thread: true });
    inProcess = await openDatabase({ url: null, dataDir: "memory://" });
  });
  after(async () => {
    await threaded?.close();
    await inProcess?.close();
  });

  test("a long query leaves the caller's event loop free (in-process it does not)", async () => {
    const free = await ticksDuring(() => threaded.query(SLOW));
    const blocked = await ticksDuring(() => inProcess.query(SLOW));
    assert.ok(free > 0, `no timer ran during the query on the store's thread (${free} ticks)`);
    assert.equal(blocked, 0, "the in-process query was expected to hold the event loop");
    assert.deepEqual(await threaded.query(SLOW), await inProcess.query(SLOW));
  });

  test("rows, parameters and types come back as in-process", async () => {
    const sql = "SELECT $1::int AS i, $2::text AS t, '{\"a\":[1,2]}'::jsonb AS j, 5::bigint AS b, NULL::text AS n, '2023-01-04'::date AS d";
    const params = [7, "‘Makiivka’ <script>"];
    assert.deepEqual(await threaded.query(sql, params), await inProcess.query(sql, params));
  });

  test("errors keep their SQLSTATE code; a failed transaction leaves nothing; others wait for an open one", async () => {
    await threaded.query("CREATE TABLE t (x int PRIMARY KEY)");
    await threaded.transaction((tx) => tx.query("INSERT INTO t VALUES (1)"));
    await assert.rejects(threaded.query("INSERT INTO t VALUES (1)"), (e: Error & { code?: string }) => {
      assert.equal(e.code, "23505");
      assert.match(e.message, /duplicate key/);
      return true;
    });
    await assert.rejects(
      threaded.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (2)");
        throw new Error("half-way");
      }),
      /half-way/,
    );
    // a statement from outside waits for the open transaction, then sees all of it
    const open = threaded.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (3)");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query("INSERT INTO t VALUES (4)");
    });
    const outside = threaded.query<{ x: number }>("SELECT x FROM t ORDER BY x");
    await open;
    assert.deepEqual((await outside).map((r) => r.x), [1, 3, 4]);
  });

  test("a closed store refuses further queries with a clear error", async () => {
    const db = await openDatabase({ url: null, dataDir: "memory://", thread: true });
    await db.close();
    await assert.rejects(db.query("SELECT 1"), /store's thread stopped/);
  });
});
