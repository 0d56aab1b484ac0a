import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { plainTextDocument } from "../../src/ingest/document.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { saveDocument } from "../../src/store/documents.js";
import { analyzeIfGrown } from "../../src/store/maintenance.js";

let db: Database;
before(async () => {
  db = await openDatabase({ url: null, dataDir: "memory://" });
});
after(async () => {
  await db?.close();
});

async function store(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const text = `Report ${i}\n\nThe regional governor said ${i + 2} people were evacuated from the village.`;
    await saveDocument(db, runPipeline(plainTextDocument(text, { source: `report-${i}.txt`, publishedAt: "2023-02-20" })), null);
  }
}

const counted = async () =>
  Number((await db.query<{ n: unknown }>("SELECT reltuples AS n FROM pg_class WHERE oid = 'documents'::regclass"))[0]!.n);

test("the embedded store is analysed once it has grown by 50 documents plus 10%, as autovacuum would", async () => {
  await store(0, 40);
  assert.equal(await analyzeIfGrown(db), false, "40 documents: not yet");
  assert.equal(await counted(), -1, "never analysed");
  await store(40, 60);
  assert.equal(await analyzeIfGrown(db), true);
  assert.equal(await counted(), 60);
  assert.equal(await analyzeIfGrown(db), false, "nothing new since");
  await store(60, 115);
  assert.equal(await analyzeIfGrown(db), false, "55 more is under 50 + 10% of 60");
  await store(115, 120);
  assert.equal(await analyzeIfGrown(db), true);
  assert.equal(await counted(), 120);
});
