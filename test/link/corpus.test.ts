/**
 * The linker over the real per-document pipeline on examples/corpus (EXPECTED.md, "Cross-article links"), asserting
 * only what does not hang on fine points of extraction; and the CLI: analyze over the store equals analyze over the
 * files, export formats.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { csvField, exportRows, toCsv } from "../../src/cli/commands/export.js";
import { readDocuments } from "../../src/corpus/read.js";
import { linkCorpus } from "../../src/link/batch.js";
import type { LinkResult } from "../../src/link/model.js";
import type { Document } from "../../src/model/document.js";
import { runCli } from "../helpers/cli.js";
import { tempFiles } from "../helpers/tmp.js";

const docs: Document[] = [];
let linked: LinkResult;
const base = (source: string) => source.split("/").pop()!;

before(async () => {
  for await (const e of readDocuments(["examples/corpus"], { maxBytes: 20 * 2 ** 20, published: null }))
    if (e.kind === "document") docs.push(e.doc);
  linked = linkCorpus(docs);
});

test("the example corpus forms its three events, named by place, kind and first date", () => {
  const events = linked.events.map((e) => ({ label: e.label, documents: e.documents.map(base).sort() }));
  assert.deepEqual(events, [
    {
      label: "Refusals, 2022-11-15",
      documents: ["feed-item.json", "refusals-kyiv-daily-wire.txt", "refusals-meridian-report.html"],
    },
    {
      label: "Makiivka strike, 2023-01-01",
      documents: [
        "makiivka-baltic-monitor.txt",
        "makiivka-eastern-front-review.txt",
        "makiivka-frontline-post.html",
        "makiivka-northern-ledger.txt",
        "wire.jsonl#1",
      ],
    },
    {
      label: "Kherson attack, 2023-02-20",
      documents: ["kherson-black-sea-courier.html", "kherson-global-dispatch.txt", "wire.jsonl#2"],
    },
  ]);
});

test("the Makiivka toll: the ministry revised 63 → 89, Ukraine's 'up to 400' disputes it", () => {
  const killed = linked.figureGroups.find((g) => g.label === "people killed — Makiivka strike, 2023-01-01");
  assert.ok(killed, linked.figureGroups.map((g) => g.label).join("; "));
  assert.equal(killed.disputed, true);
  const ministry = linked.entities.find((e) => e.type === "organization" && e.aliases.includes("Russian defense ministry"));
  assert.ok(ministry, "the Russian ministry, one entity under its spellings");
  const revision = killed.revisions.find((r) => r.from === 63 && r.to === 89);
  assert.ok(revision, JSON.stringify(killed.revisions));
  assert.ok(
    killed.figures.some((f) => f.value === 400 && f.qualifier === "at_most"),
    "Ukraine's up to 400 is in the group",
  );
  assert.ok(killed.figures.filter((f) => f.value === 63).every((f) => f.speakerEntityId !== ministry.id || f.superseded));
});

test("people and bodies under several spellings are one entity each; the UK ministry is not the Russian one", () => {
  const named = (type: string, alias: string) =>
    linked.entities.filter((e) => e.type === type && (e.name === alias || e.aliases.includes(alias)));
  const sevryukov = named("person", "Sergey Sevryukov");
  assert.equal(sevryukov.length, 1);
  assert.deepEqual(named("person", "Sergei Sevryukov"), sevryukov);
  assert.equal(sevryukov[0]!.documents.length, 2);
  const zelensky = named("person", "Volodymyr Zelensky");
  assert.equal(zelensky.length, 1);
  assert.deepEqual(named("person", "Volodymyr Zelenskyy"), zelensky);
  const orlov = named("person", "Pavel Orlov");
  assert.equal(orlov.length, 1);
  assert.equal(orlov[0]!.documents.length, 3);
  const uk = named("organization", "UK's Ministry of Defence");
  const ru = named("organization", "Russia's Defence Ministry");
  assert.equal(uk.length, 1);
  assert.equal(ru.length, 1);
  assert.notEqual(uk[0]!.id, ru[0]!.id);
  assert.ok(ru[0]!.documents.length >= 4, `the Russian ministry in ${ru[0]!.documents.length} articles`);
});

test("CSV fields are quoted as RFC 4180 says, and formulas are defused", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField("1,200"), '"1,200"');
  assert.equal(csvField('he said "no"'), '"he said ""no"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvField("-5 points, said"), `"'-5 points, said"`);
  assert.equal(csvField(-5), "-5");
  assert.equal(csvField(null), "");
  assert.equal(csvField(true), "true");
  const rows = exportRows(docs, linked);
  const csv = toCsv("figures", rows.figures);
  assert.equal(csv.split("\r\n")[0], "source,document,figure,text,value,low,high,qualifier,unit,measure,subject,speaker,speaker_type,attribution,via,date,refers_to,group,event");
  assert.equal(rows.figures.length, docs.reduce((n, d) => n + (d.layers.figures?.length ?? 0), 0));
  assert.equal(rows.groups.length, linked.figureGroups.reduce((n, g) => n + g.figures.length, 0));
  assert.ok(rows.figures.some((r) => r.group !== null), "figures know their group");
});

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema("claimtrace.document-1.schema.json"));
ajv.addSchema(schema("claimtrace.report-1.schema.json"));
const validateReport = ajv.getSchema("https://claimtrace.example/schemas/claimtrace.report-1.schema.json")!;

test("CLI: analyze over the store (linked as ingested) equals analyze over the files; export works on both", async () => {
  const dir = tempFiles();
  const data = join(dir, "store");
  const ingest = await runCli(["ingest", "examples/corpus", "--data", data, "-q"]);
  assert.equal(ingest.code, 0, ingest.stderr);
  const stored = await runCli(["analyze", "--format", "json", "--data", data]);
  const files = await runCli(["analyze", "--format", "json", "examples/corpus"]);
  assert.equal(stored.code, 0, stored.stderr);
  assert.equal(files.code, 0, files.stderr);
  const a = JSON.parse(stored.stdout);
  const b = JSON.parse(files.stdout);
  assert.ok(validateReport(a), ajv.errorsText(validateReport.errors));
  for (const k of ["entities", "events", "figureGroups"]) assert.deepEqual(a[k], b[k], k);
  assert.equal(a.events.length, 3);
  assert.deepEqual(
    a.documents.map((d: { attributions: unknown[] }) => d.attributions.length),
    b.documents.map((d: { attributions: unknown[] }) => d.attributions.length),
    "stored documents carry their attributions",
  );

  const csv = await runCli(["export", "--format", "csv", "--table", "groups", "--data", data]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^group,label,measure,unit_kind,event,disputed,revisions,/);
  assert.match(csv.stdout, /"people killed — Makiivka strike, 2023-01-01"/);
  const jsonl = await runCli(["export", "--format", "jsonl", "examples/corpus"]);
  assert.equal(jsonl.code, 0, jsonl.stderr);
  const types = new Set(jsonl.stdout.trim().split("\n").map((l) => JSON.parse(l).type));
  assert.deepEqual([...types].sort(), ["attribution", "figure", "group_figure"]);
  const usage = await runCli(["export", "--format", "csv", "--data", data]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /needs --table/);
  const out = join(dir, "out");
  assert.equal((await runCli(["export", "--format", "csv", "--out", out, "--data", data])).code, 0);
  assert.match(readFileSync(join(out, "attributions.csv"), "utf8"), /^source,document,attribution,kind,speaker,/);
});
