import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { reportToJson } from "../../src/contract/document-json.js";
import { runCli } from "../helpers/cli.js";
import { fixtureDocuments, passingMention } from "../fixtures/link/articles.js";
import { article } from "../link/build.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema("claimtrace.document-1.schema.json"));
ajv.addSchema(schema("claimtrace.report-1.schema.json"));
const validateDocument = ajv.getSchema(
  "https://claimtrace.example/schemas/claimtrace.document-1.schema.json",
)!;
const validateReport = ajv.getSchema("https://claimtrace.example/schemas/claimtrace.report-1.schema.json")!;

interface SpanJson {
  start: number;
  end: number;
  text?: string;
}

/** Every span must point inside the text, and a span that carries text must carry exactly that slice. */
function checkSpans(doc: { text: string } & Record<string, unknown>) {
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`));
    if (!value || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.start === "number" && typeof obj.end === "number") {
      const span = obj as unknown as SpanJson;
      assert.ok(
        0 <= span.start && span.start <= span.end && span.end <= doc.text.length,
        `${path} inside text`,
      );
      if (typeof span.text === "string")
        assert.equal(span.text, doc.text.slice(span.start, span.end), `${path}.text`);
    }
    for (const [k, v] of Object.entries(obj)) if (k !== "text") visit(v, `${path}.${k}`);
  };
  visit(doc, "document");
}

test("extract output over the example corpus is valid claimtrace.document/1 with consistent spans", async () => {
  const r = await runCli(["extract", "--format", "jsonl", "examples/corpus", "test/fixtures"]);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.ok(docs.length >= 12, `documents: ${docs.length}`);
  for (const doc of docs) {
    assert.ok(validateDocument(doc), `${doc.source}: ${ajv.errorsText(validateDocument.errors)}`);
    checkSpans(doc);
  }
});

test("analyze output is valid claimtrace.report/1", async () => {
  const r = await runCli(["analyze", "--format", "json", "examples/corpus"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.ok(validateReport(report), ajv.errorsText(validateReport.errors));
  assert.ok(report.documents.length >= 10);
});

test("the schemas reject what breaks the contract", () => {
  const good = {
    schema: "claimtrace.document/1",
    id: "0123456789abcdef0123456789abcdef",
    source: "a.txt",
    title: null,
    publishedAt: null,
    text: "x",
    excluded: [],
    attributions: [],
    figures: [],
    entities: [],
  };
  assert.ok(validateDocument(good), ajv.errorsText(validateDocument.errors));
  assert.ok(!validateDocument({ ...good, schema: "claimtrace.document/2" }));
  assert.ok(!validateDocument({ ...good, publishedAt: "4 Jan 2023" }));
  assert.ok(!validateDocument({ ...good, excluded: [{ start: 0, end: 1 }] }), "an exclusion needs a reason");
  const { figures: _dropped, ...missing } = good;
  assert.ok(!validateDocument(missing), "figures is required");
  const figure = {
    id: "f1",
    start: 0,
    end: 1,
    text: "x",
    value: 1,
    low: null,
    high: null,
    qualifier: "roughly",
    unit: null,
    measure: null,
    subject: null,
    attribution: null,
    speaker: null,
  };
  assert.ok(!validateDocument({ ...good, figures: [figure] }), "qualifier outside the vocabulary");
  assert.ok(validateDocument({ ...good, figures: [{ ...figure, qualifier: "approximate" }] }));
});

test("an event's passing mentions are in the report, valid, and point into the mentioning document's text", () => {
  const docs = [...fixtureDocuments(), article(passingMention)];
  const report = reportToJson(docs) as { events: Array<{ label: string; mentions: Array<Json> }>; documents: Array<Json> };
  assert.ok(validateReport(report), ajv.errorsText(validateReport.errors));
  const kramatorsk = report.events.find((e) => e.label === "Kramatorsk strike, 2022-04-08")!;
  const texts = kramatorsk.mentions.flatMap((m) => {
    const doc = report.documents.find((d) => d.id === m.document && d.source === m.source)!;
    return m.passages.map((p: SpanJson) => doc.text.slice(p.start, p.end));
  });
  assert.deepEqual(texts, [
    "The strike on the railway station in Kramatorsk on Friday killed 52 people, the regional governor, Pavlo Kyrylenko, said on Monday.",
    "The governor called the strike on the Kramatorsk station “a deliberate attack on people waiting to leave.”",
  ]);
  const event = { ...kramatorsk };
  const { mentions: _older, ...withoutMentions } = event;
  assert.ok(validateReport({ ...report, events: [withoutMentions] }), "a report from before mentions existed");
  const mention = kramatorsk.mentions[0]!;
  for (const bad of [
    { ...mention, passages: [] },
    { ...mention, passages: [{ start: 284 }] },
    { source: mention.source, passages: mention.passages },
  ])
    assert.ok(!validateReport({ ...report, events: [{ ...event, mentions: [bad] }] }), JSON.stringify(bad));
});
