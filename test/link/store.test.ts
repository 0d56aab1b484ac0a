import assert from "node:assert/strict";
import { describe } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { linkCorpus } from "../../src/link/batch.js";
import { openApiDocument } from "../../src/server/openapi.js";
import type { ClaimLayers } from "../../src/link/model.js";
import type { Document } from "../../src/model/document.js";
import type { Database } from "../../src/store/database.js";
import { saveDocument } from "../../src/store/documents.js";
import {
  linkDocument,
  linkDocuments,
  linkUnlinked,
  loadClaimLayers,
  loadLinkResult,
  unlinkedDocumentIds,
} from "../../src/store/links.js";
import { listAttributions, type AttributionFilter } from "../../src/store/read/attributions.js";
import { loadEvent } from "../../src/store/read/events.js";
import { listFigures, type FigureFilter } from "../../src/store/read/figures.js";
import { backendName, pgliteBackend, postgresBackend, useBackend } from "../helpers/databases.js";
import { article } from "./build.js";
import { fixtureDocuments, ivanovaAlone, passingMention } from "../fixtures/link/articles.js";

const sloviansk = article(passingMention);
const docs: Document[] = [...fixtureDocuments(), article(ivanovaAlone), sloviansk];

const NO_ATTRIBUTION_FILTER: AttributionFilter = {
  speaker: null, entity: null, event: null, document: null, kind: null, outlet: null, from: null, to: null, q: null,
};

const NO_FIGURE_FILTER: FigureFilter = {
  measure: null, event: null, group: null, speaker: null, entity: null, document: null, qualifier: null, outlet: null, from: null, to: null,
};

/** A fixed shuffle, so a failure can be replayed. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const LINK_TABLES = [
  "figure_scenes",
  "figure_revisions",
  "figure_group_members",
  "figure_groups",
  "events",
  "entity_aliases",
  "entities",
  "entity_name_roles",
  "entity_name_surfaces",
  "entity_names",
  "link_keys",
  "link_documents",
  "figures",
  "attributions",
  "document_sources",
  "spans",
  "documents",
];

async function empty(db: Database): Promise<void> {
  for (const t of LINK_TABLES) await db.query(`DELETE FROM ${t}`);
}

async function ingest(db: Database, doc: Document): Promise<void> {
  await saveDocument(db, doc, null);
  await linkDocument(db, doc);
}

for (const makeBackend of [pgliteBackend, postgresBackend]) {
  describe(`incremental linking on ${backendName(makeBackend)}`, () => {
    let db: Database;
    const it = useBackend(makeBackend, (opened) => (db = opened));

    it("after each article, the store holds what linking those articles at once gives", async () => {
      await empty(db);
      const order = shuffled(docs, 7);
      for (let i = 0; i < order.length; i++) {
        await ingest(db, order[i]!);
        assert.deepEqual(
          await loadLinkResult(db),
          linkCorpus(order.slice(0, i + 1)),
          `after ${i + 1} articles`,
        );
      }
    });

    it("any order of arrival gives the batch result", async () => {
      const batch = linkCorpus(docs);
      for (const [name, order] of [
        ["as listed", docs],
        ["reversed", [...docs].reverse()],
        ["shuffled", shuffled(docs, 42)],
      ] as const) {
        await empty(db);
        for (const d of order) await ingest(db, d);
        assert.deepEqual(await loadLinkResult(db), batch, name);
      }
      // The four happenings, the bare-surname article (a surname alone links no events) and the Sloviansk
      // evacuations, whose passing mention of the Kramatorsk toll joins the Kramatorsk strike's figures.
      assert.equal(batch.events.length, 6);
      const killed = batch.figureGroups.find((g) => g.measure === "killed" && g.label.includes("Kramatorsk strike"));
      assert.ok(killed?.figures.some((f) => f.source === passingMention.source));
      // That event lists the Sloviansk article among its passing mentions, with the sentence; no other event has one.
      assert.deepEqual(
        batch.events.filter((e) => e.mentions.length > 0).map((e) => [e.label, e.mentions]),
        [
          [
            "Kramatorsk strike, 2022-04-08",
            [
              {
                source: passingMention.source,
                document: sloviansk.id,
                passages: [
                  { start: 284, end: 415 },
                  { start: 417, end: 523 },
                ],
              },
            ],
          ],
        ],
      );
      assert.ok(
        batch.figureGroups.some((g) => g.disputed) && batch.figureGroups.some((g) => g.revisions.length > 0),
      );
    });

    it("linking in batches (documents of one event together, events bridged across batches) gives the batch result", async () => {
      const batch = linkCorpus(docs);
      for (const size of [2, 3, 5, docs.length]) {
        await empty(db);
        const order = shuffled(docs, size);
        for (const d of order) await saveDocument(db, d, null);
        for (let i = 0; i < order.length; i += size)
          assert.equal(await linkDocuments(db, order.slice(i, i + size)), Math.min(size, order.length - i));
        assert.deepEqual(await loadLinkResult(db), batch, `batches of ${size}`);
      }
      assert.equal(
        await linkDocuments(db, [docs[0]!, docs[0]!]),
        0,
        "already linked, and duplicates count once",
      );
    });

    it("linking a document again changes nothing", async () => {
      const before = await loadLinkResult(db);
      assert.equal(await linkDocument(db, docs[0]!), false);
      assert.deepEqual(await loadLinkResult(db), before);
    });

    it("the API lists a figure or a quote under the event its sentence reports, not its article's", async () => {
      const result = await loadLinkResult(db);
      const kramatorsk = result.events.find((e) => e.label === "Kramatorsk strike, 2022-04-08")!;
      const own = result.events.find((e) => e.documents.includes(passingMention.source))!;
      const texts = async (event: string) =>
        (await listFigures(db, { ...NO_FIGURE_FILTER, event }, { limit: null, offset: 0 })).items
          .filter((f) => f.document === sloviansk.id)
          .map((f) => f.text);
      assert.deepEqual(await texts(kramatorsk.id), ["52"]);
      assert.deepEqual(await texts(own.id), ["about 1,500"]);
      // So are the quotes in such sentences.
      const quotes = async (event: string) =>
        (await listAttributions(db, { ...NO_ATTRIBUTION_FILTER, event }, { limit: null, offset: 0 })).items
          .filter((a) => a.document === sloviansk.id)
          .map((a) => a.attribution);
      assert.deepEqual(await quotes(kramatorsk.id), ["a2", "a3"]);
      assert.deepEqual(await quotes(own.id), ["a1"]);
    });

    it("the API's event detail lists the articles that report it in passing, with their sentences (a figure's, a quote's)", async () => {
      const result = await loadLinkResult(db);
      const kramatorsk = (await loadEvent(db, result.events.find((e) => e.label === "Kramatorsk strike, 2022-04-08")!.id))!;
      assert.ok(!kramatorsk.documents.some((d) => d.id === sloviansk.id), "not one of its own documents");
      assert.deepEqual(
        kramatorsk.mentions.map((m) => [m.id, m.source, m.outlet, m.publishedAt, m.passages]),
        [
          [
            sloviansk.id,
            passingMention.source,
            "Donbas Evening Post",
            "2022-04-12",
            [
              {
                start: 284,
                end: 415,
                text: "The strike on the railway station in Kramatorsk on Friday killed 52 people, the regional governor, Pavlo Kyrylenko, said on Monday.",
              },
              {
                start: 417,
                end: 523,
                text: "The governor called the strike on the Kramatorsk station “a deliberate attack on people waiting to leave.”",
              },
            ],
          ],
        ],
      );
      const own = result.events.find((e) => e.documents.includes(passingMention.source))!;
      assert.deepEqual((await loadEvent(db, own.id))!.mentions, []);
      // The answer has the shape the OpenAPI document gives for it.
      const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
      ajv.addSchema({ $id: "api", components: openApiDocument().components });
      const validate = ajv.getSchema("api#/components/schemas/EventDetail")!;
      assert.ok(validate(JSON.parse(JSON.stringify(kramatorsk))), ajv.errorsText(validate.errors));
      assert.ok(!validate({ ...kramatorsk, mentions: [{ ...kramatorsk.mentions[0]!, passages: [{ start: 284, end: 415 }] }] }), "a passage has its text");
    });

    it("stored claim layers read back as the documents carried them", async () => {
      const layers = await loadClaimLayers(db);
      for (const d of docs) {
        const mine = d.layers as ClaimLayers;
        const back = layers.get(d.id);
        assert.ok(back, d.source);
        assert.deepEqual(back.attributions, mine.attributions, d.source);
        assert.deepEqual(back.entities, mine.entities, d.source);
        assert.deepEqual(
          back.figures,
          mine.figures!.map((f) => ({ ...f, measure: f.measure?.toLowerCase() ?? null })),
          d.source,
        );
      }
      assert.deepEqual(await unlinkedDocumentIds(db), []);
      await saveDocument(
        db,
        article({ ...ivanovaAlone, source: "link/unlinked.txt", title: "Not linked yet" }),
        null,
      );
      assert.equal((await unlinkedDocumentIds(db)).length, 1);
    });

    it("documents stored without being linked are linked later, re-analysed from their stored text", async () => {
      await empty(db);
      for (const d of docs) await saveDocument(db, d, null);
      await linkDocuments(db, docs.slice(0, 3));
      assert.equal((await unlinkedDocumentIds(db)).length, docs.length - 3);
      const byId = new Map(docs.map((d) => [d.id, d]));
      // Stored documents come back without claim layers; the analysis (here: the fixtures' layers) adds them.
      const analysed: string[] = [];
      const linked = await linkUnlinked(db, (stored) => {
        analysed.push(stored.id);
        assert.equal(stored.text, byId.get(stored.id)!.text);
        return byId.get(stored.id)!;
      });
      assert.equal(linked, docs.length - 3);
      assert.equal(analysed.length, docs.length - 3);
      assert.deepEqual(await unlinkedDocumentIds(db), []);
      assert.deepEqual(await loadLinkResult(db), linkCorpus(docs));
      assert.equal(await linkUnlinked(db, () => assert.fail("nothing left to analyse")), 0);
    });

    it("claims an earlier analysis stored are replaced by those of the analysis that links them", async () => {
      await empty(db);
      // The earlier analysis found no figures; the one that links the documents finds them.
      for (const d of docs) await saveDocument(db, { ...d, layers: { ...d.layers, figures: [] } }, null);
      assert.equal((await db.query("SELECT 1 FROM figures")).length, 0);
      const byId = new Map(docs.map((d) => [d.id, d]));
      assert.equal(await linkUnlinked(db, (stored) => byId.get(stored.id)!), docs.length);
      const figures = docs.reduce((n, d) => n + (d.layers.figures?.length ?? 0), 0);
      assert.ok(figures > 0);
      assert.equal((await db.query("SELECT 1 FROM figures")).length, figures);
      assert.deepEqual(await loadLinkResult(db), linkCorpus(docs));
    });

    it("documents stored before claims were stored with them get their claim rows when linked", async () => {
      await empty(db);
      for (const d of docs) await saveDocument(db, d, null);
      await db.query("DELETE FROM figure_scenes");
      await db.query("DELETE FROM figures");
      await db.query("DELETE FROM attributions");
      await linkDocuments(db, docs);
      const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
      assert.equal(await count("attributions"), docs.reduce((n, d) => n + (d.layers.attributions?.length ?? 0), 0));
      assert.equal(await count("figures"), docs.reduce((n, d) => n + (d.layers.figures?.length ?? 0), 0));
      assert.deepEqual(await loadLinkResult(db), linkCorpus(docs));
    });

    it("concurrent writers give the batch result", async (t) => {
      if (db.kind !== "postgres") return t.skip("PGlite has one connection; concurrency is PostgreSQL's");
      await empty(db);
      for (const d of docs) await saveDocument(db, d, null);
      await Promise.all(shuffled(docs, 3).map((d) => linkDocument(db, d)));
      assert.deepEqual(await loadLinkResult(db), linkCorpus(docs));
    });
  });
}
