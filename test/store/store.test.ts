import assert from "node:assert/strict";
import { describe } from "node:test";
import { toDocument } from "../../src/ingest/document.js";
import type { RawArticle } from "../../src/ingest/inputs.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import type { Database } from "../../src/store/database.js";
import {
  countDocuments,
  finishRun,
  loadDocuments,
  recordRejection,
  saveDocument,
  saveDocuments,
  startRun,
} from "../../src/store/documents.js";
import { loadClaimLayers } from "../../src/store/links.js";
import { migrate } from "../../src/store/migrate.js";
import { backendName, pgliteBackend, pgliteThreadBackend, postgresBackend, useBackend } from "../helpers/databases.js";

function article(text: string, source: string, extra: Partial<RawArticle> = {}) {
  const raw: RawArticle = {
    source,
    format: "txt",
    text,
    encoding: "UTF-8",
    excluded: [],
    title: text.split("\n")[0]!,
    byline: null,
    outlet: "Baltic Monitor",
    url: null,
    language: null,
    publishedAt: "2023-01-04",
    publishedAtSource: "sidecar",
    ...extra,
  };
  return runPipeline(toDocument(raw));
}

const strike =
  "Moscow revises Makiivka toll\n\nAdvertisement\n\nThe ministry said 89 soldiers died. “We will respond,” he said.";
const refusal =
  "Lawyer says 1,000 refused\n\nMore than 1,000 soldiers refused to deploy, Pavel Orlov wrote on Telegram.";

for (const makeBackend of [pgliteBackend, pgliteThreadBackend, postgresBackend]) {
  describe(`store on ${backendName(makeBackend)}`, () => {
    let db: Database;
    const it = useBackend(makeBackend, (opened) => (db = opened));

    it("migrations are recorded and running them again applies nothing", async () => {
      const names = (
        await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name")
      ).map((r) => r.name);
      assert.deepEqual(names, [
        "001_documents.sql",
        "002_links.sql",
        "003_link_key_dates.sql",
        "004_attribution_text.sql",
        "004_link_state.sql",
        "005_api_indexes.sql",
        "006_attribution_text_pending.sql",
        "007_figure_scenes.sql",
        "008_attribution_scenes.sql",
        "009_document_order.sql",
        "010_scene_places_fastupdate.sql",
        "011_document_entities.sql",
      ]);
      assert.deepEqual(await migrate(db), []);
    });

    it("a document round-trips with its metadata, exclusions and span layers", async () => {
      const run = await startRun(db, "test");
      const doc = article(strike, "a/strike.txt");
      assert.equal(await saveDocument(db, doc, run), "stored");
      const [back] = (await loadDocuments(db)).filter((d) => d.id === doc.id);
      assert.ok(back);
      assert.equal(back.text, strike);
      assert.equal(back.publishedAt, "2023-01-04");
      assert.equal(back.outlet, "Baltic Monitor");
      assert.deepEqual(back.excluded, doc.excluded);
      assert.deepEqual(
        back.excluded.map((e) => strike.slice(e.start, e.end)),
        ["Advertisement"],
      );
      assert.deepEqual(back.layers.sentences, doc.layers.sentences);
      assert.deepEqual(back.layers.paragraphs, doc.layers.paragraphs);
    });

    it("the same content ingested twice is stored once; its second source is recorded", async () => {
      const run = await startRun(db, "test");
      const before = await countDocuments(db);
      assert.equal(await saveDocument(db, article(refusal, "x/refusal.txt"), run), "stored");
      // Same words, different spacing and source: same document.
      const respaced = refusal.replace("\n\n", "\n\n\n").replace("More than", "More  than");
      assert.equal(await saveDocument(db, article(respaced, "y/copy.txt"), run), "duplicate");
      assert.equal(await countDocuments(db), before + 1);
      const sources = await db.query<{ source: string }>(
        "SELECT source FROM document_sources WHERE document_id = $1 ORDER BY source",
        [article(refusal, "z").id],
      );
      assert.deepEqual(
        sources.map((s) => s.source),
        ["x/refusal.txt", "y/copy.txt"],
      );
      await finishRun(db, run, { stored: 1, duplicates: 1, rejected: 0 });
      const [counts] = await db.query<{ stored: number; duplicates: number }>(
        "SELECT stored, duplicates FROM ingestion_runs WHERE id = $1",
        [run],
      );
      assert.deepEqual({ ...counts }, { stored: 1, duplicates: 1 });
    });

    it("a document that fails half-way leaves nothing behind, and what was stored before is intact", async () => {
      const run = await startRun(db, "test");
      const before = await loadDocuments(db);
      const broken = article(
        "Broken span layer\n\nSomething happened on Tuesday, the ministry said.",
        "bad.txt",
      );
      // An impossible span (end before start) is refused by the database after the document row was written.
      broken.layers.sentences = [...(broken.layers.sentences ?? []), { start: 30, end: 5 }];
      await assert.rejects(saveDocument(db, broken, run));
      const [{ n }] = (await db.query<{ n: string }>("SELECT count(*) AS n FROM documents WHERE id = $1", [
        broken.id,
      ])) as [{ n: string }];
      assert.equal(Number(n), 0);
      const spans = await db.query("SELECT 1 FROM spans WHERE document_id = $1", [broken.id]);
      assert.equal(spans.length, 0);
      assert.deepEqual(await loadDocuments(db), before);
      // The fixed document can then be stored.
      broken.layers.sentences = broken.layers.sentences!.slice(0, -1);
      assert.equal(await saveDocument(db, broken, run), "stored");
    });

    it("a batch is stored in its order, a repeat within it is a duplicate, and claims are stored with documents", async () => {
      const run = await startRun(db, "test");
      const shelling = article(
        "Shelling hits Kherson market\n\nAt least 12 people were wounded, regional officials said on Sunday.",
        "b/shelling.txt",
      );
      const drones = article(
        "Drones over Odesa\n\nAir defence shot down 19 of 27 drones, the Ukrainian air force said.",
        "b/drones.txt",
      );
      const repeat = article(shelling.text.replace("\n\n", "\n\n\n"), "c/shelling-copy.txt");
      assert.equal(repeat.id, shelling.id);
      const before = (await loadDocuments(db)).map((d) => d.id);
      assert.deepEqual(await saveDocuments(db, [drones, shelling, repeat], run), ["stored", "stored", "duplicate"]);
      assert.deepEqual((await loadDocuments(db)).map((d) => d.id), [...before, drones.id, shelling.id]);
      const sources = await db.query<{ source: string }>(
        "SELECT source FROM document_sources WHERE document_id = $1 ORDER BY source",
        [shelling.id],
      );
      assert.deepEqual(sources.map((s) => s.source), ["b/shelling.txt", "c/shelling-copy.txt"]);
      // Attributions and figures are there before any linking, as the pipeline found them.
      for (const doc of [shelling, drones]) {
        const attributions = await db.query<{ id: string; content_text: string }>(
          "SELECT id, content_text FROM attributions WHERE document_id = $1 ORDER BY id",
          [doc.id],
        );
        assert.deepEqual(
          attributions.map((a) => a.id),
          doc.layers.attributions!.map((a) => a.id).sort(),
        );
        assert.ok(attributions.length > 0, doc.source);
        const figures = await db.query<{ text: string }>("SELECT text FROM figures WHERE document_id = $1", [doc.id]);
        assert.equal(figures.length, doc.layers.figures!.length, doc.source);
      }
      const [drone] = await db.query<{ content_text: string }>(
        "SELECT content_text FROM attributions WHERE document_id = $1",
        [drones.id],
      );
      assert.equal(drone!.content_text, "Air defence shot down 19 of 27 drones");
      // So is the entity layer.
      const layers = await loadClaimLayers(db, drones.id);
      assert.ok(drones.layers.entities!.length > 0);
      assert.deepEqual(layers.get(drones.id)!.entities, drones.layers.entities);
      const linked = await db.query("SELECT 1 FROM link_documents WHERE document_id = ANY($1::text[])", [[drones.id, shelling.id]]);
      assert.equal(linked.length, 0, "storing does not link");
    });

    it("a batch with one bad document stores none of it", async () => {
      const run = await startRun(db, "test");
      const before = await loadDocuments(db);
      const good = article("Kyiv power cuts\n\nPower was restored to 80 percent of Kyiv, the city said.", "d/power.txt");
      const broken = article("Broken batch\n\nSomething happened on Monday, the governor said.", "d/broken.txt");
      broken.layers.paragraphs = [...(broken.layers.paragraphs ?? []), { start: 9, end: 2 }];
      await assert.rejects(saveDocuments(db, [good, broken], run));
      assert.deepEqual(await loadDocuments(db), before);
      const rows = await db.query("SELECT 1 FROM attributions WHERE document_id = $1", [good.id]);
      assert.equal(rows.length, 0);
    });

    it("rejections are recorded with the run", async () => {
      const run = await startRun(db, "test");
      await recordRejection(db, run, "img.txt", "binary content (NUL bytes), not text");
      const rows = await db.query<{ source: string; reason: string }>(
        "SELECT source, reason FROM rejections WHERE run_id = $1",
        [run],
      );
      assert.deepEqual(
        rows.map((r) => ({ ...r })),
        [{ source: "img.txt", reason: "binary content (NUL bytes), not text" }],
      );
    });

    it("full-text search finds documents by words of their text", async () => {
      const rows = await db.query<{ source: string }>(
        "SELECT source FROM documents WHERE search @@ plainto_tsquery('simple', $1) ORDER BY source",
        ["Orlov Telegram"],
      );
      assert.deepEqual(
        rows.map((r) => r.source),
        ["x/refusal.txt"],
      );
    });
  });
}
