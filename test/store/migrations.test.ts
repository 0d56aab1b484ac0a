import assert from "node:assert/strict";
import { test } from "node:test";
import { openDatabase } from "../../src/store/database.js";
import { migrate } from "../../src/store/migrate.js";

// Migrations that move data, run on a store the migrations before them made.

test("009 keeps the order documents were stored in; 011 moves each document's entity names onto its link row", async () => {
  const db = await openDatabase({ url: null, dataDir: "memory://", migrateThrough: "008_attribution_scenes.sql" });
  try {
    const doc = (id: string, at: string) =>
      db.query(
        `INSERT INTO documents (id, source, format, published_at_source, language, encoding, text, created_at)
         VALUES ($1, $1 || '.txt', 'txt', 'none', 'en', 'UTF-8', 'Text of ' || $1, $2::timestamptz)`,
        [id, at],
      );
    // Stored one per transaction, so created_at told them apart; a tie falls back to the id.
    await doc("d-late", "2023-01-03T10:00:00Z");
    await doc("d-early", "2023-01-01T10:00:00Z");
    await doc("d-tie-b", "2023-01-02T10:00:00Z");
    await doc("d-tie-a", "2023-01-02T10:00:00Z");
    for (const id of ["d-early", "d-late"])
      await db.query(
        `INSERT INTO link_documents (document_id, source, features, event_id) VALUES ($1, $1 || '.txt', '{}', 'ev-' || $1)`,
        [id],
      );
    await db.query(
      `INSERT INTO entity_mentions (document_id, type, key, mentions, surfaces, roles) VALUES
         ('d-early', 'person', 'pavel orlov', 2, '{Pavel Orlov}', '{lawyer}'),
         ('d-early', 'organization', 'ru:ministry of defense', 1, '{Russian MoD}', '{}'),
         ('d-late', 'person', 'pavel orlov', 1, '{Orlov}', '{}')`,
    );
    assert.deepEqual(await migrate(db), [
      "009_document_order.sql",
      "010_scene_places_fastupdate.sql",
      "011_document_entities.sql",
    ]);
    const order = await db.query<{ id: string }>("SELECT id FROM documents ORDER BY seq");
    assert.deepEqual(order.map((r) => r.id), ["d-early", "d-tie-a", "d-tie-b", "d-late"]);
    // A document stored after the migration comes after them.
    await doc("d-new", "2022-12-31T10:00:00Z");
    assert.equal((await db.query<{ id: string }>("SELECT id FROM documents ORDER BY seq DESC LIMIT 1"))[0]!.id, "d-new");
    const names = await db.query<{ document_id: string; names: string[] }>(
      "SELECT document_id, names FROM link_documents ORDER BY document_id",
    );
    assert.deepEqual(names.map((r) => ({ ...r })), [
      { document_id: "d-early", names: ["organization:ru:ministry of defense", "person:pavel orlov"] },
      { document_id: "d-late", names: ["person:pavel orlov"] },
    ]);
    const tables = await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'entity_mentions'");
    assert.equal(tables.length, 0);
  } finally {
    await db.close();
  }
});
