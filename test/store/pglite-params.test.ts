import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openDatabase, type Database } from "../../src/store/database.js";

// Long strings reach PGlite as UTF-8 bytes in binary format (src/store/pglite-params.ts): whatever type the
// statement gives the parameter, the value must arrive exactly as the string it was.
const LONG = `«Київ» — “Makiivka” 63 → 89 ${"é".repeat(700)} 😀 ${"x".repeat(900)} end`;

for (const thread of [false, true])
  describe(`PGlite parameters${thread ? " (worker thread)" : ""}`, () => {
    let db: Database;
    before(async () => {
      db = await openDatabase({ url: null, dataDir: "memory://", thread });
    });
    after(() => db.close());

    test("a long string arrives intact as text, varchar, json and jsonb", async () => {
      assert.ok(LONG.length > 1024);
      const [row] = await db.query<{ t: string; v: string; j: unknown; b: unknown; n: number }>(
        `SELECT $1::text AS t, $1::varchar AS v, $2::json AS j, $2::jsonb AS b, length($1::text) AS n`,
        [LONG, JSON.stringify({ text: LONG, n: 1 })],
      );
      assert.equal(row!.t, LONG);
      assert.equal(row!.v, LONG);
      assert.deepEqual(row!.j, { text: LONG, n: 1 });
      assert.deepEqual(row!.b, { text: LONG, n: 1 });
      assert.equal(row!.n, [...LONG].length);
    });

    test("a long string given to another type is read as that type's text", async () => {
      const digits = "7".repeat(1500);
      const [row] = await db.query<{ n: string; d: string }>(
        "SELECT length($1::numeric::text) AS n, $2::text::date::text AS d",
        [digits, "2023-01-01".padEnd(1200, " ")],
      );
      assert.equal(Number(row!.n), 1500);
      assert.equal(row!.d, "2023-01-01");
    });

    test("bytes a caller passes on purpose stay bytea", async () => {
      const bytes = Buffer.from(LONG, "utf8");
      const [row] = await db.query<{ n: number }>("SELECT octet_length($1::bytea) AS n", [bytes]);
      assert.equal(row!.n, bytes.length);
    });

    test("rows written from a long JSON parameter read back the same", async () => {
      await db.query("CREATE TABLE IF NOT EXISTS params_probe (k int, s text)");
      const rows = Array.from({ length: 50 }, (_, k) => ({ k, s: `${k}: ${LONG}` }));
      await db.query(
        "INSERT INTO params_probe SELECT x.k, x.s FROM jsonb_to_recordset($1::jsonb) AS x(k int, s text)",
        [JSON.stringify(rows)],
      );
      const back = await db.query<{ k: number; s: string }>("SELECT k, s FROM params_probe ORDER BY k");
      assert.deepEqual(back, rows);
    });
  });
