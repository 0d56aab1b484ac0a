/**
 * The ledger endpoints (figure groups, events, entities, attributions, figures) over a store holding the example
 * corpus (examples/corpus, expectations in its EXPECTED.md), on PGlite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { before, describe } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Hono } from "hono";
import { ingestPaths } from "../../src/corpus/ingest.js";
import { linkToJson } from "../../src/link/json.js";
import { createApp } from "../../src/server/app.js";
import { openApiDocument } from "../../src/server/openapi.js";
import type { Database } from "../../src/store/database.js";
import { loadLinkResult } from "../../src/store/links.js";
import { backendName, pgliteBackend, postgresBackend, useBackend } from "../helpers/databases.js";
import { allPages, getJson, type Json } from "./helpers.js";

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

    /** The ledger `analyze` reports from the same store: the API must list exactly its groups. */
    const ledgerGroups = async () =>
      linkToJson(await loadLinkResult(db)).figureGroups as Array<{ id: string; label: string; event: string; disputed: boolean }>;

    it("figure groups: disputed first, then by figure count, with event, speakers and date span", async () => {
      const all = (await allPages(app, "/api/figure-groups", 4)) as GroupItem[];
      const ledger = await ledgerGroups();
      assert.deepEqual(all.map((g) => g.id).sort(), ledger.map((g) => g.id).sort());
      const disputed = all.filter((g) => g.disputed).length;
      assert.ok(disputed >= 1);
      assert.ok(all.slice(0, disputed).every((g) => g.disputed) && all.slice(disputed).every((g) => !g.disputed));
      for (const part of [all.slice(0, disputed), all.slice(disputed)])
        for (let i = 1; i < part.length; i++) assert.ok(part[i - 1]!.figureCount >= part[i]!.figureCount);
      // The Makiivka death toll (EXPECTED.md): the most figures of any disputed group.
      const killed = all[0]!;
      assert.deepEqual([killed.id, killed.label, killed.disputed], [MAKIIVKA_KILLED, "people killed — Makiivka strike, 2023-01-01", true]);
      assert.ok(killed.figureCount >= 11);
      assert.deepEqual(killed.event, { id: MAKIIVKA, label: "Makiivka strike, 2023-01-01" });
      assert.deepEqual([killed.measure, killed.unitKind], ["killed", "count"]);
      assert.deepEqual([killed.firstDate, killed.lastDate], ["2023-01-01", "2023-01-05"]);
      // Speakers by their entity's name where they resolve to one, so both spellings of the ministry are one.
      assert.ok(killed.speakers.includes("Russia's Defence Ministry"));
      assert.ok(killed.speakers.includes("Ukraine's armed forces"));
      assert.ok(!killed.speakers.includes("Russia’s Defence Ministry"), "the curly-apostrophe spelling is merged");
      assert.ok(killed.speakers.includes("Arkady Vetrov"));
    });

    it("figure groups filter by event, measure, dispute and label text", async () => {
      const ledger = await ledgerGroups();
      const labels = async (query: string) =>
        ((await allPages(app, `/api/figure-groups?${query}`, 5)) as GroupItem[]).map((g) => g.label).sort();
      const expected = (keep: (g: (typeof ledger)[number]) => boolean) => ledger.filter(keep).map((g) => g.label).sort();
      assert.deepEqual(await labels(`event=${KHERSON}`), expected((g) => g.event === KHERSON));
      assert.ok((await labels(`event=${KHERSON}`)).includes("people evacuated — Kherson attack, 2023-02-20"));
      assert.deepEqual(await labels(`event=${MAKIIVKA}&disputed=true`), ["people killed — Makiivka strike, 2023-01-01"]);
      assert.deepEqual(await labels("measure=killed"), [
        "people killed — Makiivka strike, 2023-01-01",
        "people killed — Refusals, 2022-11-15",
      ]);
      assert.deepEqual(await labels("disputed=false"), expected((g) => !g.disputed));
      assert.deepEqual(await labels("q=WOUNDED"), [
        "people wounded — Kherson attack, 2023-02-20",
        "people wounded — Makiivka strike, 2023-01-01",
      ]);
      assert.deepEqual(await labels("q=(drone)"), [
        "launched (drone) — Kherson attack, 2023-02-20",
        "shot down (drone) — Kherson attack, 2023-02-20",
      ]);
      assert.deepEqual(await labels("q=Makiivka"), expected((g) => g.label.includes("Makiivka")));
      assert.equal((await get(`/api/figure-groups?event=${REFUSALS}&measure=evacuated`)).body.total, 0);
      const none = await get("/api/figure-groups?q=%25_");
      assert.deepEqual([none.status, none.body.total, none.body.items], [200, 0, []], "% is text, not a wildcard");
    });

    it("a figure group's detail is the report's group plus its event and each figure's document and sentence", async () => {
      const { status, body } = await get(`/api/figure-groups/${MAKIIVKA_KILLED}`);
      assert.equal(status, 200);
      assert.equal(body.label, "people killed — Makiivka strike, 2023-01-01");
      assert.deepEqual(body.event, { id: MAKIIVKA, label: "Makiivka strike, 2023-01-01" });
      assert.equal(body.disputed, true);
      assert.equal(body.figures.length, (await get("/api/figure-groups?event=" + MAKIIVKA)).body.items[0].figureCount);
      assert.deepEqual(
        body.revisions.map((r: { speaker: { name: string }; from: number; to: number }) => [r.speaker.name, r.from, r.to]),
        [["Russia’s Defence Ministry", 63, 89]],
      );
      const figureAt = (r: { document: string; figure: string }) =>
        body.figures.find((f: { document: string; figure: string }) => f.document === r.document && f.figure === r.figure);
      assert.equal(figureAt(body.revisions[0].fromFigure).value, 63);
      assert.equal(figureAt(body.revisions[0].toFigure).value, 89);
      const disputedValues = body.disputes.map((d: { figures: Array<{ document: string; figure: string }> }) =>
        d.figures.map((f) => figureAt(f).value).sort((a: number, b: number) => a - b).join(" vs "));
      assert.ok(disputedValues.includes("89 vs 400"), "the ministry's 89 against Ukraine's up to 400");
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
      assert.ok(report.length >= 10);
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

    it("events: newest first with document and group counts; filters by text and date span", async () => {
      const { status, body } = await get("/api/events");
      assert.equal(status, 200);
      // Three events of 5, 3 and 3 articles (EXPECTED.md); group counts as the ledger has them.
      const ledger = await ledgerGroups();
      const groupsOf = (id: string) => [id, ledger.filter((g) => g.event === id).length, ledger.filter((g) => g.event === id && g.disputed).length];
      assert.deepEqual(
        body.items.map((e: Record<string, unknown>) => [e.id, e.label, e.documents]),
        [
          [KHERSON, "Kherson attack, 2023-02-20", 3],
          [MAKIIVKA, "Makiivka strike, 2023-01-01", 5],
          [REFUSALS, "Refusals, 2022-11-15", 3],
        ],
      );
      assert.deepEqual(
        body.items.map((e: Record<string, unknown>) => [e.id, e.figureGroups, e.disputedGroups]),
        [groupsOf(KHERSON), groupsOf(MAKIIVKA), groupsOf(REFUSALS)],
      );
      assert.ok(body.items[1].disputedGroups >= 1, "the Makiivka death toll is disputed");
      assert.deepEqual([body.items[1].place, body.items[1].term, body.items[1].firstDate, body.items[1].lastDate], ["Makiivka", "strike", "2023-01-01", "2023-01-05"]);
      const ids = async (query: string) => (await get(`/api/events?${query}`)).body.items.map((e: { id: string }) => e.id);
      assert.deepEqual(await ids("q=kherson"), [KHERSON]);
      assert.deepEqual(await ids("q=REFUSAL"), [REFUSALS]);
      // The refusals run from November to late January, so they overlap the first days of January.
      assert.deepEqual(await ids("from=2023-01-02&to=2023-01-03"), [MAKIIVKA, REFUSALS]);
      assert.deepEqual(await ids("from=2023-01-21"), [KHERSON]);
      assert.deepEqual(await ids("to=2022-12-31"), [REFUSALS]);
      const paged = await get("/api/events?limit=2&offset=2");
      assert.deepEqual([paged.body.items.length, paged.body.total, paged.body.nextOffset], [1, 3, null]);
    });

    it("an event's detail lists its documents and its figure groups", async () => {
      const { status, body } = await get(`/api/events/${MAKIIVKA}`);
      assert.equal(status, 200);
      const groups = (await ledgerGroups()).filter((g) => g.event === MAKIIVKA);
      assert.deepEqual(
        [body.label, body.documentCount, body.figureGroupCount, body.disputedGroups],
        ["Makiivka strike, 2023-01-01", 5, groups.length, groups.filter((g) => g.disputed).length],
      );
      assert.deepEqual(
        body.documents.map((d: { outlet: string }) => d.outlet),
        ["Eastern Front Review", "The Frontline Post", "Baltic Monitor", "The Northern Ledger", "Continental Wire Service"],
      );
      assert.deepEqual(body.documents.map((d: { publishedAt: string }) => d.publishedAt), ["2023-01-05", "2023-01-04", "2023-01-04", "2023-01-02", "2023-01-01"]);
      assert.equal(body.figureGroups.length, groups.length);
      assert.equal(body.figureGroups[0].id, MAKIIVKA_KILLED);
      assert.deepEqual(body.figureGroups, (await get(`/api/figure-groups?event=${MAKIIVKA}`)).body.items);
      assert.equal((await get("/api/events/ev-000000000000")).status, 404);
      assert.equal((await get("/api/events/makiivka")).status, 400);
    });

    it("entities: most-quoted first; filter by type and by name or alias; counts agree with the ledger", async () => {
      const first = await get("/api/entities?limit=1");
      assert.equal(first.body.items[0].name, "Russia's Defence Ministry");
      const people = (await allPages(app, "/api/entities?type=person", 7)) as Array<{ type: string; attributions: number }>;
      assert.ok(people.length > 5 && people.every((e) => e.type === "person"));
      for (let i = 1; i < people.length; i++) assert.ok(people[i - 1]!.attributions >= people[i]!.attributions);
      const orlov = await get("/api/entities?q=orlov");
      assert.deepEqual(orlov.body.items.map((e: { name: string }) => e.name), ["Pavel Orlov"]);
      const byAlias = await get("/api/entities?q=russian%20mod");
      assert.deepEqual(byAlias.body.items.map((e: { id: string }) => e.id), [RUSSIAN_MOD], "found by its alias Russian MoD");
      const ledger = linkToJson(await loadLinkResult(db)).entities as Array<{
        id: string; name: string; type: string; aliases: string[]; roles: string[]; documents: string[]; mentions: number; attributions: unknown[];
      }>;
      const listed = (await allPages(app, "/api/entities", 200)) as Array<{ id: string }>;
      assert.equal(listed.length, ledger.length);
      for (const e of ledger) {
        const { status, body } = await get(`/api/entities/${e.id}`);
        assert.equal(status, 200);
        assert.deepEqual(body, {
          id: e.id, name: e.name, type: e.type, aliases: e.aliases, roles: e.roles,
          documents: e.documents.length, mentions: e.mentions, attributions: e.attributions.length,
        }, e.name);
      }
      assert.equal((await get("/api/entities/en-000000000000")).status, 404);
      assert.equal((await get("/api/entities?type=planet")).status, 400);
    });

    it("attributions: spans with their text, speaker and entity, document fields; every filter", async () => {
      const mod = (await allPages(app, `/api/attributions?entity=${RUSSIAN_MOD}`, 6)) as Array<Json>;
      assert.equal(mod.length, (await get(`/api/entities/${RUSSIAN_MOD}`)).body.attributions);
      assert.ok(mod.every((a) => a.speakerEntity === RUSSIAN_MOD));
      const texts = new Map<string, string>();
      const textOf = async (id: string) => {
        if (!texts.has(id)) texts.set(id, (await get(`/api/documents/${id}`)).body.text);
        return texts.get(id)!;
      };
      for (const a of mod) {
        const text = await textOf(a.document);
        for (const span of [a.source, a.cue, ...a.content].filter(Boolean))
          assert.equal(span.text, text.slice(span.start, span.end), `${a.document} ${a.attribution}`);
      }
      const lead = mod.find((a) => a.source?.text === "Russia's Defence Ministry" && a.publishedAt === "2023-01-02");
      assert.ok(lead, "the Northern Ledger's lead");
      assert.deepEqual([lead.outlet, lead.kind, lead.cue.text], ["The Northern Ledger", "indirect", "said"]);
      assert.match(lead.content[0].text, /^that 63 of its soldiers were killed/);

      const orlov = (await allPages(app, "/api/attributions?speaker=ORLOV", 50)) as Array<Json>;
      assert.ok(orlov.length >= 5 && orlov.every((a) => /orlov/i.test(a.speaker.name)));
      const direct = (await get("/api/attributions?kind=direct&limit=200")).body.items as Array<Json>;
      assert.ok(direct.length > 0 && direct.every((a) => a.kind === "direct"));
      const ledger = (await get("/api/attributions?outlet=The%20Northern%20Ledger&limit=200")).body.items as Array<Json>;
      assert.ok(ledger.length > 0 && ledger.every((a) => a.documentTitle === "Russia admits heavy losses after New Year's strike on Makiivka barracks"));
      const event = await get(`/api/events/${KHERSON}`);
      const khersonDocs = new Set(event.body.documents.map((d: { id: string }) => d.id));
      const inKherson = (await allPages(app, `/api/attributions?event=${KHERSON}`, 20)) as Array<Json>;
      assert.ok(inKherson.length > 0 && inKherson.every((a) => khersonDocs.has(a.document)));
      const oneDoc = (await get(`/api/attributions?document=${lead.document}&limit=200`)).body;
      assert.ok(oneDoc.items.every((a: { document: string }) => a.document === lead.document));
      const starts = oneDoc.items.map((a: { content: Array<{ start: number }> }) => a.content[0]!.start);
      assert.deepEqual(starts, [...starts].sort((x: number, y: number) => x - y), "an article's statements in reading order");
      assert.ok(oneDoc.total < (await get("/api/attributions")).body.total);
      const january = (await allPages(app, "/api/attributions?from=2023-01-02&to=2023-01-04", 50)) as Array<Json>;
      assert.ok(january.length > 0 && january.every((a) => a.date >= "2023-01-02" && a.date <= "2023-01-04"));
      for (let i = 1; i < january.length; i++) assert.ok(january[i - 1]!.publishedAt >= january[i]!.publishedAt, "newest articles first");
      const phones = (await get("/api/attributions?q=phones&limit=200")).body.items as Array<Json>;
      assert.ok(phones.some((a) => a.content.some((c: { text: string }) => c.text.includes("Those who ignored the ban on phones"))));
      assert.ok(phones.every((a) => [a.speaker?.name ?? "", ...a.content.map((c: { text: string }) => c.text)].join(" ").toLowerCase().includes("phone")));
    });

    it("a stored document's detail carries its attributions (with their ledger entity), figures and entities", async () => {
      const lead = (await allPages(app, `/api/attributions?entity=${RUSSIAN_MOD}`, 6)).find(
        (a: Json) => a.source?.text === "Russia's Defence Ministry" && a.publishedAt === "2023-01-02",
      ) as Json;
      const doc = (await get(`/api/documents/${lead.document}`)).body;
      const listed = (await get(`/api/attributions?document=${lead.document}&limit=200`)).body.items as Array<Json>;
      assert.deepEqual(
        doc.attributions.map((a: Json) => [a.id, a.speakerEntity, a.content.map((c: Json) => c.text)]).sort(),
        listed.map((a) => [a.attribution, a.speakerEntity, a.content.map((c: Json) => c.text)]).sort(),
      );
      const mine = doc.attributions.find((a: Json) => a.id === lead.attribution);
      assert.deepEqual([mine.speakerEntity, mine.cue.text], [RUSSIAN_MOD, "said"]);
      const figures = (await get(`/api/figures?document=${lead.document}&limit=200`)).body.items as Array<Json>;
      assert.deepEqual(
        doc.figures.map((f: Json) => [f.id, f.text]).sort(),
        figures.map((f) => [f.figure, f.text]).sort(),
      );
      // Hand-checked: the Northern Ledger's lead gives the ministry's first toll, 63, and quotes the blogger Vetrov.
      const first = doc.figures.find((f: Json) => f.text === "63 of its soldiers");
      assert.deepEqual([first?.value, first?.qualifier], [63, "exact"]);
      const names = doc.entities.map((e: Json) => e.name);
      assert.ok(names.includes("Arkady Vetrov"), names.join(", "));
    });

    it("search in attributions ranks statements; in documents is unchanged", async () => {
      const r = await get("/api/search?q=phones&in=attributions");
      assert.equal(r.status, 200);
      assert.ok(r.body.total >= 2);
      const ranks = r.body.items.map((a: { rank: number }) => a.rank);
      assert.deepEqual([...ranks].sort((a, b) => b - a), ranks);
      assert.ok(r.body.items.every((a: { attribution: string; content: unknown[] }) => a.attribution && a.content.length > 0));
      assert.ok(r.body.items.some((a: { speaker: { name: string } | null }) => a.speaker?.name === "Sergey Sevryukov"));
      const docs = await get("/api/search?q=phones&in=documents");
      assert.ok(docs.body.items.every((d: { id: string; rank: number }) => /^[0-9a-f]{32}$/.test(d.id) && d.rank > 0));
      assert.deepEqual(docs.body, (await get("/api/search?q=phones")).body);
      assert.deepEqual((await get("/api/search?q=zzzznothing&in=attributions")).body.total, 0);
      const bad = await get("/api/search?q=phones&in=figures");
      assert.deepEqual([bad.status, bad.body.error.code], [400, "bad_parameter"]);
    });

    it("figures: group, measure, speaker, entity, qualifier, outlet, document and date filters", async () => {
      const killed = (await allPages(app, `/api/figures?group=${MAKIIVKA_KILLED}`, 4)) as Array<Json>;
      assert.equal(killed.length, (await get(`/api/figure-groups/${MAKIIVKA_KILLED}`)).body.figures.length);
      assert.ok(killed.every((f) => f.group === MAKIIVKA_KILLED && f.measure === "killed"));
      assert.deepEqual([...new Set(killed.map((f) => f.value).filter((v) => v !== null))].sort((a, b) => a - b), [63, 89, 400]);
      const ledgerFigure = killed.find((f) => f.outlet === "The Northern Ledger")!;
      assert.deepEqual(
        [ledgerFigure.text, ledgerFigure.qualifier, ledgerFigure.speaker.name, ledgerFigure.speakerEntity, ledgerFigure.date, ledgerFigure.publishedAt],
        ["63 of its soldiers", "exact", "Russia's Defence Ministry", RUSSIAN_MOD, "2023-01-02", "2023-01-02"],
      );
      const atMost = (await get(`/api/figures?group=${MAKIIVKA_KILLED}&qualifier=at_most`)).body.items as Array<Json>;
      assert.ok(atMost.length >= 3 && atMost.every((f) => f.value === 400 && f.qualifier === "at_most"), "“up to 400”, “as many as 400”");
      const orlov = (await get("/api/figures?speaker=orlov&measure=refused")).body.items as Array<Json>;
      assert.ok(orlov.length >= 2 && orlov.every((f) => f.speaker.name === "Pavel Orlov"));
      assert.ok(orlov.some((f) => f.value === 1200) && orlov.some((f) => f.value === 1800), "the 1,200 he revised to 1,800");
      const mod = (await allPages(app, `/api/figures?entity=${RUSSIAN_MOD}`, 50)) as Array<Json>;
      assert.ok(mod.length >= 4 && mod.every((f) => f.speakerEntity === RUSSIAN_MOD));
      const frontline = (await get("/api/figures?outlet=The%20Frontline%20Post&measure=killed")).body.items as Array<Json>;
      assert.deepEqual(frontline.map((f) => f.text).sort(), ["63", "89 soldiers", "as many as 400 Russian troops"]);
      const oneDoc = (await get(`/api/figures?document=${ledgerFigure.document}`)).body.items as Array<Json>;
      assert.ok(oneDoc.length > 0 && oneDoc.every((f) => f.document === ledgerFigure.document));
      const kherson = (await allPages(app, `/api/figures?event=${KHERSON}&from=2023-02-21&to=2023-02-21`, 10)) as Array<Json>;
      assert.ok(kherson.length > 0 && kherson.every((f) => f.date === "2023-02-21"));
    });

    it("every answer has the shape the OpenAPI document gives for it", async () => {
      const doc = openApiDocument();
      const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
      ajv.addSchema({ $id: "api", components: doc.components });
      const paths = doc.paths as Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>;
      const checked = new Set<string>();
      for (const url of [
        "/api/health", "/api/documents?limit=3", `/api/documents?q=Makiivka`, "/api/search?q=phones", "/api/search?q=phones&in=attributions",
        "/api/figure-groups", `/api/figure-groups/${MAKIIVKA_KILLED}`, "/api/events", `/api/events/${MAKIIVKA}`,
        "/api/entities", `/api/entities/${RUSSIAN_MOD}`, "/api/attributions?limit=200", "/api/figures?limit=200",
      ]) {
        const route = new URL(url, "http://x").pathname.replace(/\/(fg|ev|en)-[0-9a-f]+$/, "/{id}");
        const schema = paths[route]!.get!.responses["200"]!.content!["application/json"]!.schema;
        const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')));
        const { status, body } = await get(url);
        assert.equal(status, 200, url);
        assert.ok(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`);
        checked.add(route);
      }
      const documentedGets = Object.keys(paths).filter((p) => paths[p]!.get && !["/api/openapi.json", "/api/documents/{id}"].includes(p));
      assert.deepEqual([...checked].sort(), documentedGets.sort(), "every documented list and detail is checked");
    });

    it("bad filters on every list are 400, never a 500", async () => {
      for (const path of [
        "/api/events?from=2023-02-30",
        "/api/events?from=2023-02-01&to=2023-01-01",
        "/api/entities?type=person;DROP",
        "/api/entities?limit=-5",
        "/api/attributions?entity=Orlov",
        "/api/attributions?kind=quote",
        "/api/attributions?document=123",
        "/api/attributions?to=tomorrow",
        "/api/attributions?q=%00",
        "/api/figures?qualifier=roughly",
        "/api/figures?group=killed",
        "/api/figures?event=ev-",
        "/api/figures?offset=1.5",
        "/api/figures/whatever",
        "/api/search?in=attributions",
      ]) {
        const r = await get(path);
        assert.ok(r.status === 400 || r.status === 404, path);
        assert.ok(r.body.error.message, path);
      }
    });
  });
}
