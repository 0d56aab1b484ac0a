import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, type DateMention } from "../../src/dates/resolve.js";
import { datesStage } from "../../src/dates/stage.js";
import type { Attribution } from "../../src/model/claims.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";
import { doc } from "../figures/helpers.js";

function dates(text: string, publishedAt: string | null): Array<[string, string, string | null]> {
  return findDates(text, { start: 0, end: text.length }, publishedAt).map((d) => [text.slice(d.start, d.end), d.value, d.until]);
}

function one(text: string, publishedAt: string | null): DateMention {
  const found = findDates(text, { start: 0, end: text.length }, publishedAt);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0]!;
}

test("weekdays resolve to the one on or before publication, keeping the anchor", () => {
  // 2023-01-04 was a Wednesday
  const d = one("Russia’s Defence Ministry said on Wednesday that the toll had risen.", "2023-01-04");
  assert.equal(d.value, "2023-01-04");
  assert.deepEqual(d.anchor, { kind: "publication", base: "2023-01-04", rule: "Wednesday on or before publication" });
  assert.equal(one("Ukraine’s military said on Sunday that up to 400 had died.", "2023-01-04").value, "2023-01-01");
  assert.equal(one("The strike happened last Wednesday.", "2023-01-04").value, "2022-12-28");
  assert.equal(one("The commission will report next Friday.", "2023-01-04").value, "2023-01-06");
});

test("holidays: New Year's Eve is the one just past", () => {
  const d = one("The strike hit the barracks shortly after midnight on New Year’s Eve.", "2023-01-04");
  assert.equal(d.value, "2022-12-31");
  assert.equal(d.anchor.base, "2023-01-04");
  assert.match(d.anchor.rule, /New Year’s Eve/);
  assert.equal(one("Troops celebrated Orthodox Christmas in the trenches.", "2023-01-10").value, "2023-01-07");
});

test("seasons: last spring is the most recent spring that has ended", () => {
  const d = one("The building opened last spring.", "2023-01-04");
  assert.equal(d.value, "2022-03-01");
  assert.equal(d.until, "2022-05-31");
  assert.equal(d.grain, "season");
  assert.equal(one("The offensive is expected this summer.", "2023-01-04").value, "2023-06-01");
  assert.equal(one("It was cold last winter.", "2023-01-04").value, "2021-12-01");
});

test("month and day without a year: past tense looks back, future tense looks forward", () => {
  // chrono-node puts this in 2023; the invasion began in 2022
  assert.equal(one("Russia has fired missiles since the invasion began on Feb. 24.", "2022-11-15").value, "2022-02-24");
  assert.equal(one("The set will be available to buy online on October 1.", "2022-09-10").value, "2022-10-01");
  assert.equal(one("Putin announced a partial mobilisation on Sept. 21.", "2022-11-15").value, "2022-09-21");
  const abs = one("The report dated Jan. 4, 2023 was leaked.", null);
  assert.equal(abs.value, "2023-01-04");
  assert.equal(abs.anchor.kind, "absolute");
});

test("ranges of days: April 1 until July 15", () => {
  const d = one("The exemption applies from April 1 until July 15.", "2023-01-04");
  assert.equal(d.value, "2023-04-01");
  assert.equal(d.until, "2023-07-15");
  const past = one("Conscripts were exempt from April 1 until July 15.", "2023-01-04");
  assert.equal(past.value, "2022-04-01");
  assert.equal(past.until, "2022-07-15");
});

test("months, relative expressions and years", () => {
  assert.deepEqual(dates("They handed in refusals in late October.", "2022-11-15"), [["in late October", "2022-10-01", "2022-10-31"]]);
  assert.deepEqual(dates("The ministry said last month that 300,000 had been called up.", "2022-11-15"), [["last month", "2022-10-01", "2022-10-31"]]);
  assert.deepEqual(dates("Officials said yesterday it was over.", "2023-01-04"), [["yesterday", "2023-01-03", null]]);
  assert.deepEqual(dates("Western officials said last week that losses were high.", "2023-01-04"), [["last week", "2022-12-26", "2023-01-01"]]);
  assert.deepEqual(dates("He graduated in 2016.", null), [["in 2016", "2016-01-01", "2016-12-31"]]);
  assert.deepEqual(dates("Three days ago the convoy left.", "2023-01-04"), [["Three days ago", "2023-01-01", null]]);
});

test("numbers that are not dates: 'from 20 to 40 percent' is not 8 p.m.", () => {
  assert.deepEqual(dates("Casualties ranged from 20 to 40 percent of the unit.", "2023-01-04"), []);
  assert.deepEqual(dates("Officials may release 300 prisoners.", "2023-01-04"), []);
});

test("without a publication date only absolute dates resolve", () => {
  assert.deepEqual(dates("On Wednesday, on Jan. 3, 2023, it was over.", null), [["on Jan. 3, 2023", "2023-01-03", null]]);
});

test("the dates stage adds a layer and dates attributions from their cue's sentence", () => {
  const text = "The ministry said on Wednesday that 89 soldiers had died. “We will rebuild by spring,” he said.";
  const d = runPipeline(doc(text, "2023-01-04"), [segmentStage]);
  const content = "89 soldiers had died";
  const at = text.indexOf(content);
  const cue = text.indexOf("said");
  const a: Attribution = {
    id: "a1",
    kind: "indirect",
    source: null,
    cue: { start: cue, end: cue + 4 },
    content: [{ start: at, end: at + content.length }],
    speaker: { name: "Russian Defence Ministry", type: "organization", role: null },
    via: [],
  };
  const out = datesStage.run({ ...d, layers: { ...d.layers, attributions: [a] } as typeof d.layers }) as { dates: DateMention[]; attributions?: Attribution[] };
  assert.equal(out.dates.length, 1);
  assert.equal(out.attributions?.[0]?.date, "2023-01-04");
  // without an attribution layer the stage adds only dates
  assert.equal("attributions" in datesStage.run(d), false);
});

test("possessive forms are dates too: Monday’s vote, last week's debate", () => {
  const text = "Monday’s vote followed last week's debate.";
  const d = datesStage.run(runPipeline(doc(text, "2016-04-14"), [segmentStage])).dates ?? [];
  assert.deepEqual(
    d.map((x) => [text.slice(x.start, x.end), x.value]),
    [["Monday", "2016-04-11"], ["last week", "2016-04-04"]],
  );
});

test("common words that only sometimes name a date: 'before', 'ago', 'fall', a bare year", () => {
  const found = (text: string) => {
    const d = datesStage.run(runPipeline(doc(text, "2023-01-04"), [segmentStage])).dates ?? [];
    return d.map((x) => [text.slice(x.start, x.end), x.value]);
  };
  assert.deepEqual(found("He had warned them before the strike."), []);
  assert.deepEqual(found("The mayor spoke the day before."), [["the day before", "2023-01-03"]]);
  assert.deepEqual(found("Prices fall when the 2022 harvest comes in."), []);
  assert.deepEqual(found("The plant closed in 2019 and reopened three weeks ago."), [["in 2019", "2019-01-01"], ["three weeks ago", "2022-12-14"]]);
  assert.deepEqual(found("The bridge reopened last fall."), [["last fall", "2022-09-01"]]);
});

test("'mid-June' and 'early-2016' are dates; a number word inside a compound is not a count of days", () => {
  const found = (text: string) => {
    const d = datesStage.run(runPipeline(doc(text, "2016-09-20"), [segmentStage])).dates ?? [];
    return d.map((x) => [text.slice(x.start, x.end), x.value, x.until]);
  };
  assert.deepEqual(found("Talks stalled in mid-June."), [["in mid-June", "2016-06-01", "2016-06-30"]]);
  assert.deepEqual(found("The plant closed in early-2016."), [["early-2016", "2016-01-01", "2016-12-31"]]);
  // "five years ago" would be twenty years off
  assert.deepEqual(found("Twenty-five years ago, she founded the group."), []);
});
