import assert from "node:assert/strict";
import { describe } from "node:test";
import { linkCorpus } from "../../src/link/batch.js";
import type { Document } from "../../src/model/document.js";
import type { Database } from "../../src/store/database.js";
import { saveDocument } from "../../src/store/documents.js";
import { linkDocuments, loadLinkResult } from "../../src/store/links.js";
import { backendName, pgliteBackend, postgresBackend, useBackend } from "../helpers/databases.js";
import { article } from "./build.js";
import { fixtureDocuments, ivanovaAlone, specs } from "../fixtures/link/articles.js";

const docs: Document[] = [...fixtureDocuments(), article(ivanovaAlone)];
const byId = new Map(docs.map((d) => [d.id, d]));
const source = (name: keyof typeof specs) => docs.find((d) => d.source === specs[name]!.source)!;

async function emptyStore(db: Database): Promise<void> {
  for (const t of ["figure_revisions", "figure_group_members", "figure_groups", "events", "entity_aliases", "entities",
    "entity_name_roles", "entity_name_surfaces", "entity_names", "link_keys", "link_documents",
    "figures", "attributions", "documents"])
    await db.query(`DELETE FROM ${t}`);
}

for (const makeBackend of [pgliteBackend, postgresBackend]) {
  describe(`link state kept in memory between batches on ${backendName(makeBackend)}`, () => {
    let db: Database;
    const it = useBackend(makeBackend, (opened) => (db = opened));

    it("a handle whose copy is behind (another handle linked in between) reads the store again", async () => {
      await emptyStore(db);
      for (const d of docs) await saveDocument(db, d, null);
      // A second handle on the same store keeps its own copy, as another process would.
      const other: Database = { ...db };
      // k1 and k2 report the same strike: k2 linked by the other handle must join k1's event, and the first
      // handle, linking k3 next, must see both (its copy knows only k1).
      const order = [source("k1"), source("k2"), source("k3"), ...docs.filter((d) => !/\/k[123]-/.test(d.source))];
      const handles = [db, other];
      for (let i = 0; i < order.length; i++) {
        assert.equal(await linkDocuments(handles[i % 2]!, [order[i]!]), 1);
        assert.deepEqual(await loadLinkResult(db), linkCorpus(order.slice(0, i + 1)), `after ${i + 1} articles`);
      }
    });

    it("emptying the link tables outside linking invalidates every copy", async () => {
      await emptyStore(db);
      for (const d of docs) await saveDocument(db, d, null);
      await linkDocuments(db, docs);
      await emptyStore(db);
      const some = docs.slice(0, 4);
      for (const d of some) await saveDocument(db, d, null);
      assert.equal(await linkDocuments(db, some), some.length);
      assert.deepEqual(await loadLinkResult(db), linkCorpus(some.map((d) => byId.get(d.id)!)));
    });
  });
}
