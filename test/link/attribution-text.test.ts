import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Document } from "../../src/model/document.js";
import type { Database } from "../../src/store/database.js";
import { saveDocument } from "../../src/store/documents.js";
import { contentText } from "../../src/store/claims.js";
import { fillAttributionText, linkDocument } from "../../src/store/links.js";
import { backendName, pgliteBackend, postgresBackend, useBackend } from "../helpers/databases.js";
import { article, person } from "./build.js";

// A quote interrupted by its cue (two content spans), after a flag emoji: two UTF-16 code units per regional
// indicator, so offsets counted in code points would cut the text in the wrong place.
const shelling: Document = (() => {
  const doc = article({
    source: "link/text-kherson-post.txt",
    outlet: "Dnipro Evening Post",
    publishedAt: "2022-11-20",
    title: "Shelling hits Kherson market a week after liberation",
    paragraphs: [
      "🇺🇦 Kherson came under artillery fire again on Sunday morning, hitting the central market.",
      "\"The shells landed where people were queuing for bread,\" Yaroslav Yanushevych said, \"and there was no warning at all.\"",
    ],
    entities: [{ name: "Yaroslav Yanushevych", type: "person", aliases: [] }],
    attributions: [
      {
        id: "a1",
        kind: "direct",
        speaker: person("Yaroslav Yanushevych"),
        source: "Yaroslav Yanushevych",
        cue: "said",
        content: "The shells landed where people were queuing for bread,",
      },
    ],
  });
  const second = "and there was no warning at all.";
  const start = doc.text.indexOf(second);
  const attribution = doc.layers.attributions![0]!;
  attribution.content.push({ start, end: start + second.length });
  return doc;
})();

const expected = "The shells landed where people were queuing for bread, … and there was no warning at all.";

test("contentText joins content spans cut at UTF-16 offsets", () => {
  assert.equal(contentText(shelling.text, shelling.layers.attributions![0]!.content), expected);
  assert.equal(contentText("no content", []), "");
});

for (const makeBackend of [pgliteBackend, postgresBackend]) {
  describe(`attribution text and search on ${backendName(makeBackend)}`, () => {
    let db: Database;
    const it = useBackend(makeBackend, (opened) => (db = opened));

    const search = (query: string) =>
      db.query<{ id: string }>(
        "SELECT id FROM attributions WHERE search @@ plainto_tsquery('simple', $1) ORDER BY document_id, id",
        [query],
      );

    it("linking writes the content text, searchable with the speaker's name", async () => {
      await saveDocument(db, shelling, null);
      assert.equal(await linkDocument(db, shelling), true);
      const rows = await db.query<{ content_text: string }>("SELECT content_text FROM attributions");
      assert.deepEqual(rows, [{ content_text: expected }]);
      assert.deepEqual(await search("queuing bread"), [{ id: "a1" }]);
      assert.deepEqual(await search("warning Yanushevych"), [{ id: "a1" }]);
      // Words outside the content (the report around it) are not the attribution's.
      assert.deepEqual(await search("artillery"), []);
    });

    it("attributions linked before the column existed get their text from the stored document", async () => {
      await db.query("UPDATE attributions SET content_text = NULL");
      assert.deepEqual(await search("bread"), []);
      assert.equal(await fillAttributionText(db), 1);
      assert.deepEqual(await db.query("SELECT content_text FROM attributions"), [{ content_text: expected }]);
      assert.deepEqual(await search("bread"), [{ id: "a1" }]);
      assert.equal(await fillAttributionText(db), 0);
    });
  });
}
