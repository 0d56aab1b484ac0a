/**
 * The ledger endpoints (figure groups, events, entities, attributions, figures) over a store holding the example
 * corpus (examples/corpus, expectations in its EXPECTED.md), on PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { before, describe } from "node:test";
import type { Hono } from "hono";
import { ingestPaths } from "../../src/corpus/ingest.js";
import { linkToJson } from "../../src/link/json.js";
import { createApp } from "../../src/server/app.js";
import type { Database } from "../../src/store/database.js";
import { loadLinkResult } from "../../src/store/links.js";
import { backendName, pgliteBackend, postgresBackend, useBackend } from "../helpers/databases.js";
import { allPages, getJson } from "./helpers.js";

const MAKIIVKA = "ev-3f8df5d08115";
const KHERSON = "ev-98ac507ea546";
const REFUSALS = "ev-ec2bb5718e46";
const MAKIIVKA_KILLED = "fg-85245b20e9b7";
const RUSSIAN_MOD = "en-6fc3a4b62480";

interface GroupItem {
  id: string;
  label: string;
  measure: string;
  unitKind: string;
  event: { id: string; label: string };
  disputed: boolean;
  figureCount: number;
  speakers: string[];
  firstDate: string | null;
  lastDate: string | null;
}

for (const makeBackend of [pgliteBackend, postgresBackend]) {
  describe(`ledger API on ${backendName(makeBackend)}`, () => {
    let db: Database;
    let app: Hono;
    const it = useBackend(makeBackend, (opened) => (db = opened));
    before(async () => {
      if (!db) return;
      await ingestPaths(db, ["examples/corpus"], { maxBytes: 1_000_000 }, "test");
      app = createApp({ db, token: "ledger-test-token" });
    });
    const get = (path: string) => getJson(app, path);

    it("figure groups: disputed first, then by figure count, with event, speakers and date span", async () => {
      const all = (await allPages(app, "/api/figure-groups", 4)) as GroupItem[];
      assert.equal(all.length, 17);
      assert.deepEqual(
        all.slice(0, 4).map((g) => [g.label, g.disputed, g.figureCount]),
        [
          ["people killed — Makiivka strike, 2023-01-01", true, 11],
          ["people refusing — Refusals, 2022-11-15", true, 4],
          ["people wounded — Kherson attack, 2023-02-20", true, 3],
          ["people killed — Refusals, 2022-11-15", true, 2],
        ],
      );
      assert.ok(all.slice(4).every((g) => !g.disputed));
      for (let i = 5; i < all.length; i++) assert.ok(all[i - 1]!.figureCount >= all[i]!.figureCount);
      const killed = all[0]!;
      assert.deepEqual(killed.event, { id: MAKIIVKA, label: "Makiivka strike, 2023-01-01" });
      assert.deepEqual([killed.id, killed.measure, killed.unitKind], [MAKIIVKA_KILLED, "killed", "count"]);
      assert.deepEqual([killed.firstDate, killed.lastDate], ["2023-01-01", "2023-01-05"]);
      // Speakers by their entity's name where they resolve to one, so both spellings of the ministry are one.
      assert.ok(killed.speakers.includes("Russia's Defence Ministry"));
      assert.ok(killed.speakers.includes("Ukraine's armed forces"));
      assert.ok(!killed.speakers.includes("Russia’s Defence Ministry"), "the curly-apostrophe spelling is merged");
      assert.ok(killed.speakers.includes("Arkady Vetrov"));
    });

    it("figure groups filter by event, measure, dispute and label text", async () => {
      const labels = async (query: string) =>
        ((await get(`/api/figure-groups?${query}`)).body.items as GroupItem[]).map((g) => g.label).sort();
      assert.deepEqual(await labels(`event=${KHERSON}&disputed=true`), ["people wounded — Kherson attack, 2023-02-20"]);
      assert.equal((await get(`/api/figure-groups?event=${KHERSON}`)).body.total, 6);
      assert.deepEqual(await labels("measure=killed"), [
        "people killed — Makiivka strike, 2023-01-01",
        "people killed — Refusals, 2022-11-15",
      ]);
      assert.equal((await get("/api/figure-groups?disputed=false")).body.total, 13);
      assert.deepEqual(await labels("q=WOUNDED"), [
        "people wounded — Kherson attack, 2023-02-20",
        "people wounded — Makiivka strike, 2023-01-01",
      ]);
      assert.deepEqual(await labels("q=(drone)"), [
        "launched (drone) — Kherson attack, 2023-02-20",
        "shot down (drone) — Kherson attack, 2023-02-20",
      ]);
      assert.equal((await get("/api/figure-groups?q=Makiivka")).body.total, 6);
      assert.equal((await get(`/api/figure-groups?event=${REFUSALS}&measure=killed&disputed=false`)).body.total, 0);
      const none = await get("/api/figure-groups?q=%25_");
      assert.deepEqual([none.status, none.body.total, none.body.items], [200, 0, []], "% is text, not a wildcard");
    });

    it("a figure group's detail is the report's group plus its event and each figure's document and sentence", async () => {
      const { status, body } = await get(`/api/figure-groups/${MAKIIVKA_KILLED}`);
      assert.equal(status, 200);
      assert.equal(body.label, "people killed — Makiivka strike, 2023-01-01");
      assert.deepEqual(body.event, { id: MAKIIVKA, label: "Makiivka strike, 2023-01-01" });
      assert.equal(body.disputed, true);
      assert.equal(body.figures.length, 11);
      assert.deepEqual(
        body.revisions.map((r: { speaker: { name: string }; from: number; to: number }) => [r.speaker.name, r.from, r.to]),
        [["Russia’s Defence Ministry", 63, 89]],
      );
      const figureAt = (r: { document: string; figure: string }) =>
        body.figures.find((f: { document: string; figure: string }) => f.document === r.document && f.figure === r.figure);
      assert.equal(figureAt(body.revisions[0].fromFigure).value, 63);
      assert.equal(figureAt(body.revisions[0].toFigure).value, 89);
      assert.deepEqual(
        body.disputes.map((d: { figures: Array<{ document: string; figure: string }> }) => d.figures.map((f) => figureAt(f).value)),
        [[89, 400]],
        "the ministry's 89 against Ukraine's up to 400",
      );
      const first = body.figures.find((f: { source: string; figure: string }) =>
        f.source === "examples/corpus/makiivka-northern-ledger.txt" && f.figure === "f1");
      assert.deepEqual(
        [first.text, first.value, first.superseded, first.speakerEntity, first.documentTitle, first.outlet, first.publishedAt],
        ["63 of its soldiers", 63, true, RUSSIAN_MOD, "Russia admits heavy losses after New Year's strike on Makiivka barracks", "The Northern Ledger", "2023-01-02"],
      );
      assert.equal(
        first.sentence.text,
        "Russia's Defence Ministry said on Monday that 63 of its soldiers were killed when Ukrainian rockets struck a temporary barracks in the occupied town of Makiivka, in the Donetsk region, shortly after midnight on New Year's Day.",
      );
      for (const f of body.figures) {
        assert.ok(f.sentence.start <= f.start && f.start < f.sentence.end, "the sentence holds the figure");
        assert.equal(f.sentence.text.length, f.sentence.end - f.sentence.start);
        assert.ok(f.sentence.text.includes(f.text.split(" ")[0]), f.text);
      }
    });

    it("every group's detail matches the ledger analyze reports from the same store", async () => {
      const report = linkToJson(await loadLinkResult(db)).figureGroups as Array<Record<string, unknown> & { id: string }>;
      assert.equal(report.length, 17);
      for (const group of report) {
        const { body } = await get(`/api/figure-groups/${group.id}`);
        const figures = body.figures.map(
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          ({ documentTitle, outlet, publishedAt, sentence, ...f }: Record<string, unknown>) => f,
        );
        assert.deepEqual({ ...body, figures, event: body.event.id }, group, group.id);
      }
    });

    it("figure groups: unknown ids are 404, malformed ids and filters 400", async () => {
      const missing = await get("/api/figure-groups/fg-000000000000");
      assert.deepEqual([missing.status, missing.body.error.code], [404, "not_found"]);
      for (const path of [
        "/api/figure-groups/not-a-group",
        "/api/figure-groups/ev-3f8df5d08115",
        "/api/figure-groups?disputed=maybe",
        "/api/figure-groups?event=makiivka",
        "/api/figure-groups?limit=500",
        "/api/figure-groups?q=%00",
      ]) {
        const r = await get(path);
        assert.deepEqual([r.status, r.body.error.code], [400, "bad_parameter"], path);
      }
    });
  });
}
