import assert from "node:assert/strict";
import { test } from "node:test";
import { buildGroup, compatible, interval } from "../../src/link/figures.js";
import type { FigureRecord } from "../../src/link/model.js";
import type { Qualifier, Speaker } from "../../src/model/claims.js";

const fig = (qualifier: Qualifier, value: number | null, low: number | null = null, high: number | null = null) =>
  interval({ qualifier, value, low, high })!;

test("qualifiers decide whether two figures can both be right", () => {
  assert.equal(compatible(fig("at_most", 400), fig("exact", 89)), false, "up to 400 vs 89");
  assert.equal(compatible(fig("at_most", 400), fig("exact", 300)), true, "up to 400 vs 300");
  assert.equal(compatible(fig("more_than", 1000), fig("exact", 1200)), true, "more than 1,000 vs 1,200");
  assert.equal(compatible(fig("more_than", 1000), fig("exact", 1000)), false, "more than 1,000 vs 1,000");
  assert.equal(compatible(fig("at_least", 12), fig("exact", 12)), true, "at least 12 vs 12");
  assert.equal(compatible(fig("approximate", 300), fig("approximate", 300)), true, "about 300 vs roughly 300");
  assert.equal(compatible(fig("approximate", 300), fig("exact", 400)), false, "about 300 vs 400");
  assert.equal(compatible(fig("range", null, 300, 400), fig("exact", 89)), false, "300–400 vs 89");
  assert.equal(compatible(fig("range", null, 20, 40), fig("less_than", 50)), true, "20–40 vs fewer than 50");
  assert.equal(compatible(fig("less_than", 50), fig("exact", 50)), false, "fewer than 50 vs 50");
  assert.equal(compatible(fig("vague", null, 24, 99), fig("approximate", 30)), true, "dozens vs nearly 30");
  assert.equal(interval({ qualifier: "vague", value: null, low: null, high: null }), null, "no number, no interval");
});

let n = 0;
function record(speaker: Speaker | null, statedOn: string, value: number, qualifier: Qualifier = "exact", extra: Partial<FigureRecord> = {}): FigureRecord {
  n++;
  return {
    documentId: `d${statedOn}`,
    source: `${statedOn}.txt`,
    id: `f${n}`,
    start: n,
    end: n + 1,
    text: String(value),
    value,
    low: null,
    high: null,
    qualifier,
    unit: null,
    unitKind: "count",
    measure: "killed",
    subject: null,
    attribution: null,
    speaker,
    speakerEntity: speaker && speaker.type !== "group" ? { type: speaker.type === "person" ? "person" : "organization", key: speaker.name.toLowerCase() } : null,
    via: [],
    statedOn,
    refersTo: null,
    revises: null,
    publishedAt: statedOn,
    scene: null,
    ...extra,
  };
}

const ministry: Speaker = { name: "ru:ministry of defense", type: "organization", role: null };
const ukraine: Speaker = { name: "ua:armed forces", type: "organization", role: null };
const event = { id: "ev", label: "Makiivka strike, 2023-01-01" };

test("the same speaker's later value is a revision; a restated old value is not a new claim", () => {
  const figures = [
    record(ukraine, "2023-01-01", 400, "at_most"),
    record(ministry, "2023-01-02", 63),
    record(ministry, "2023-01-04", 89),
    record(ministry, "2023-01-05", 89),
  ];
  const g = buildGroup(event, "killed", "count", figures, () => null);
  assert.deepEqual(
    g.revisions.map((r) => [r.speaker?.name, r.from, r.to]),
    [["ru:ministry of defense", 63, 89]],
  );
  assert.deepEqual(g.figures.map((f) => f.superseded), [false, true, false, false]);
  assert.equal(g.disputed, true, "89 and up to 400 cannot both be right");
  assert.equal(g.label, "people killed — Makiivka strike, 2023-01-01");
});

test("a count that grows is an update from another source, not a dispute; a lower later count is", () => {
  const officials: Speaker = { name: "regional officials", type: "group", role: null };
  const admin: Speaker = { name: "kherson regional military administration", type: "organization", role: null };
  const growing = [
    record(officials, "2023-02-20", 12, "at_least"),
    record(admin, "2023-02-20", 14),
    record(officials, "2023-02-21", 16),
  ];
  const g = buildGroup(event, "wounded", "count", growing, () => null);
  assert.equal(g.disputed, false);
  assert.deepEqual(g.revisions.map((r) => [r.from, r.to]), [[12, 16]]);
  const shrinking = [record(officials, "2023-02-20", 16), record(admin, "2023-02-21", 12)];
  assert.equal(buildGroup(event, "wounded", "count", shrinking, () => null).disputed, true);
});

test("a person speaks for the body their role names; a bare surname is the one full name with it", () => {
  const admin: Speaker = { name: "kherson regional military administration", type: "organization", role: null };
  const sobko: Speaker = { name: "yurii sobko", type: "person", role: "head of the Kherson regional military administration" };
  const bare: Speaker = { name: "sobko", type: "person", role: null };
  const figures = [record(admin, "2023-02-20", 350, "approximate"), record(sobko, "2023-02-21", 400, "more_than"), record(bare, "2023-02-22", 450)];
  const g = buildGroup(event, "evacuated", "count", figures, () => null);
  assert.deepEqual(g.revisions.map((r) => [r.from, r.to]), [[350, 400], [400, 450]]);
});

test("explicit revisions inside one article are kept in their order even on one date", () => {
  const first = record(ministry, "2023-01-04", 63, "exact", { documentId: "same", id: "f1" });
  const second = record(ministry, "2023-01-04", 89, "exact", { documentId: "same", id: "f2", revises: "f1" });
  const g = buildGroup(event, "killed", "count", [second, first], () => null);
  assert.deepEqual(g.revisions.map((r) => [r.from, r.to, r.fromFigure.id, r.toFigure.id]), [[63, 89, "f1", "f2"]]);
});

test("figures without an identifiable speaker neither dispute nor revise", () => {
  const g = buildGroup(event, "killed", "count", [record(null, "2023-01-01", 10), record(null, "2023-01-02", 500)], () => null);
  assert.equal(g.disputed, false);
  assert.deepEqual(g.revisions, []);
});
