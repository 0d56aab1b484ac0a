import { test } from "node:test";
import assert from "node:assert/strict";
import { documentToJson } from "../../src/contract/document-json.js";
import { datesStage } from "../../src/dates/stage.js";
import { figuresStage } from "../../src/figures/stage.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";
import { attribution, doc, figures, texts } from "./helpers.js";

const MINISTRY = { name: "Russian Defence Ministry", type: "organization" as const, role: null };
const UKRAINE = { name: "Ukraine", type: "country" as const, role: null };
const SEVRYUKOV = { name: "Sergei Sevryukov", type: "person" as const, role: "first deputy head" };

test("death toll with qualifier, unit, measure, subject, claimant and date", () => {
  const text =
    "Ukraine’s military, which said on Sunday that up to 400 Russian soldiers had died, did not comment on the revised figure.";
  const a = attribution(text, "a1", "up to 400 Russian soldiers had died", UKRAINE, "said");
  const [f, ...rest] = figures(text, { attributions: [a] });
  assert.equal(rest.length, 0);
  assert.equal(text.slice(f!.start, f!.end), "up to 400 Russian soldiers");
  assert.equal(f!.value, 400);
  assert.equal(f!.qualifier, "at_most");
  assert.equal(f!.unit, "people");
  assert.equal(f!.subject, "Russian soldiers");
  assert.equal(f!.measure, "killed");
  assert.equal(f!.attribution, "a1");
  assert.deepEqual(f!.speaker, UKRAINE);
  assert.equal(f!.date, "2023-01-01"); // the Sunday before Wednesday 4 January 2023
});

test("a revision inside one sentence gives two figures by the same speaker, the second revising the first", () => {
  const text = "The ministry initially said the strike killed 63 soldiers, before revising the number to 89.";
  const a = attribution(text, "a2", "the strike killed 63 soldiers", MINISTRY, "said");
  const figs = figures(text, { attributions: [a] });
  assert.deepEqual(texts(text, figs), ["63 soldiers", "89"]);
  const [first, second] = figs;
  assert.equal(first!.value, 63);
  assert.equal(second!.value, 89);
  assert.equal(first!.revises, null);
  assert.equal(second!.revises, first!.id);
  assert.deepEqual(second!.speaker, MINISTRY);
  assert.equal(second!.attribution, "a2");
  assert.equal(second!.measure, "killed");
  assert.equal(second!.unit, "people");
});

test("figures in a direct quote belong to the quote's speaker; the narrator's figures have none", () => {
  const text =
    "“Every unit lost at least 30 men in Makiivka,” Sevryukov said. The barracks housed about 600 soldiers, according to local media reports compiled by the newspaper.";
  const quote = "“Every unit lost at least 30 men in Makiivka,”";
  const a = attribution(text, "a3", quote, SEVRYUKOV, "said");
  const figs = figures(text, { attributions: [a] });
  assert.deepEqual(texts(text, figs), ["at least 30 men", "about 600 soldiers"]);
  assert.equal(figs[0]!.qualifier, "at_least");
  assert.equal(figs[0]!.attribution, "a3");
  assert.deepEqual(figs[0]!.speaker, SEVRYUKOV);
  assert.equal(figs[0]!.measure, "losses");
  assert.equal(figs[1]!.qualifier, "approximate");
  assert.equal(figs[1]!.attribution, null);
  assert.equal(figs[1]!.speaker, null);
});

test("without an attribution layer every figure has speaker null", () => {
  const figs = figures("Western officials said last week that Russian losses were upwards of 100,000 killed and wounded.");
  assert.equal(figs.length, 1);
  assert.equal(figs[0]!.value, 100000);
  assert.equal(figs[0]!.qualifier, "more_than");
  assert.equal(figs[0]!.measure, "casualties", "killed and wounded together");
  assert.equal(figs[0]!.speaker, null);
});

test("vague amounts keep a range; ranges set low and high, not value", () => {
  const figs = figures("Dozens of people were killed and between 300 and 400 were wounded, officials said.");
  assert.deepEqual(
    figs.map((f) => [f.value, f.low, f.high, f.qualifier, f.measure]),
    [
      [null, 12, 120, "vague", "killed"],
      [null, 300, 400, "range", "wounded"],
    ],
  );
});

test("dates, years, times, ordinals and unit names are not figures", () => {
  const text =
    "Putin announced the mobilisation on Sept. 21, 2022, at 10:32 a.m. Moscow time, and officers of the 12th Main Directorate and the 1444th Motorised Rifle Regiment were sent to Makiivka in 2022. Since Feb. 24, Russia has fired 4,500 missiles.";
  const figs = figures(text, { publishedAt: "2022-11-15" });
  assert.deepEqual(texts(text, figs), ["4,500 missiles"]);
  assert.equal(figs[0]!.unit, "missile");
  assert.equal(figs[0]!.measure, "launched");
});

test("a number after No. is a label: the office, the rank, the case", () => {
  const text =
    "A spokesman for No. 10 said the order was the ministry's No. 1 priority, citing Resolution No. 2231; no. 5 brigade lost 40 men.";
  const figs = figures(text, { publishedAt: "2022-11-15" });
  assert.deepEqual(texts(text, figs), ["40 men"]);
});

test("an age in apposition is an age, not a figure anyone claims", () => {
  const figs = figures("Ivan, 27, a reservist from the Samara region, said he and 15 other men had handed in written refusals.", { publishedAt: "2022-11-15" });
  assert.deepEqual(
    figs.map((f) => [f.value, f.unit, f.subject, f.measure]),
    [[15, "people", "other men", "refused"]],
  );
});

test("figures run inside the default pipeline and reach the JSON contract with their text", () => {
  const d = runPipeline(doc("Officials said more than 1,000 requests from mobilised men had arrived since Oct. 1."));
  const json = documentToJson(d) as unknown as { figures: Array<{ text: string; value: number; qualifier: string }> };
  assert.equal(json.figures.length, 1);
  assert.equal(json.figures[0]!.text, "more than 1,000 requests");
  assert.equal(json.figures[0]!.qualifier, "more_than");
  assert.equal(json.figures[0]!.value, 1000);
});

test("the stages are pure: running them twice gives the same layers", () => {
  const d = runPipeline(doc("Kyiv said 40 drones were shot down on Saturday."), [segmentStage]);
  const a = figuresStage.run({ ...d, layers: { ...d.layers, ...datesStage.run(d) } });
  const b = figuresStage.run({ ...d, layers: { ...d.layers, ...datesStage.run(d) } });
  assert.deepEqual(a, b);
  assert.equal(a.figures?.[0]?.date, "2022-12-31");
  assert.equal(a.figures?.[0]?.measure, "shot down");
});

test("a number glued to its unit is a candidate even when the sentence has no other number", () => {
  const text = "The company sold the 256GB model for less.";
  const [f, ...rest] = figures(text);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(f!.start, f!.end), "256GB");
  assert.equal(f!.unit, "gigabyte");
});

test("numbers inside dates make no figures, while a figure beside a date keeps it", () => {
  assert.deepEqual(texts("Voters went to the polls on Nov. 8, 2016.", figures("Voters went to the polls on Nov. 8, 2016.")), []);
  const text = "Since Jan. 1, 2015, the groups have raised $1million or more.";
  const figs = figures(text);
  assert.deepEqual(texts(text, figs), ["$1million or more"]);
  assert.equal(figs[0]!.qualifier, "at_least");
});

test("measures: a partitive names the whole, a change verb yields to the measure it changes, 'mobilised' before a noun describes", () => {
  const measures = (text: string) => figures(text).map((f) => [text.slice(f.start, f.end), f.measure]);
  assert.deepEqual(measures("The number of people wounded in the attack rose to 14 on Monday evening."), [["14", "wounded"]]);
  assert.deepEqual(measures("Prices rose to $5 a litre."), [["$5 a litre", "rose"]]);
  assert.deepEqual(measures("A doctor said two of the wounded were in serious condition."), [["two", null]]);
  assert.deepEqual(measures("The army said “up to 400” mobilised Russian soldiers had been killed."), [["up to 400", "killed"]]);
  assert.deepEqual(measures("The ministry said 300,000 reservists had been mobilised."), [["300,000 reservists", "mobilised"]]);
  // a participle right after the counted people describes them; the main verb is the measure
  assert.deepEqual(
    measures("More than 1,000 Russian soldiers called up under President Vladimir Putin's mobilisation order have refused to go to the front."),
    [["More than 1,000 Russian soldiers", "refused"]],
  );
  // "killed and wounded", "dead or injured": casualties, which neither a death toll nor a count of wounded disputes
  assert.deepEqual(measures("About 40 people were killed or injured in the strike."), [["About 40 people", "casualties"]]);
  assert.deepEqual(measures("Losses passed 5,000 dead and wounded."), [["passed 5,000", "casualties"]]);
  assert.deepEqual(measures("Officials said 63 people were killed and 40 wounded."), [["63 people", "killed"], ["40", "wounded"]]);
  // an aside between commas says who the people are; the verb after it says what happened to them
  assert.deepEqual(measures("Officials said 63 soldiers, most of them conscripts, were killed."), [["63 soldiers", "killed"]]);
  assert.deepEqual(measures("The army said 300 soldiers, all of them mobilised in September, had deserted."), [["300 soldiers", "deserted"]]);
  // the main clause that resumes after a relative clause is not about the figure inside it
  assert.deepEqual(
    measures("The ministry, which says it plans to expand the armed forces to 1.5 million, has not commented on the refusals."),
    [["1.5 million", null]],
  );
});

test("not claims: ages in apposition, time references, framing counts; a revision range is two figures", () => {
  assert.deepEqual(texts("Ivan, 27, said he refused.", figures("Ivan, 27, said he refused.")), []);
  const t1 = "Four days after the strike, 12 people were still missing.";
  assert.deepEqual(texts(t1, figures(t1)), ["12 people"]);
  const t2 = "Citing three sources, the paper said the two sides had met.";
  assert.deepEqual(texts(t2, figures(t2)), []);
  const t3 = "The ministry revised its count from 63 to 89.";
  const [old, revised, ...rest] = figures(t3);
  assert.equal(rest.length, 0);
  assert.deepEqual([t3.slice(old!.start, old!.end), old!.value, t3.slice(revised!.start, revised!.end), revised!.value], ["63", 63, "89", 89]);
  assert.equal(revised!.revises, old!.id);
  const t4 = "Fewer than half of the men found a lawyer, and the total passed 1,800.";
  assert.deepEqual(figures(t4).map((f) => [t4.slice(f.start, f.end), f.value, f.qualifier]), [["Fewer than half of the men", 0.5, "less_than"], ["passed 1,800", 1800, "more_than"]]);
});

test("numbers the grammar never reads as amounts do not make a sentence worth reading", () => {
  // each sentence's only number is a year, a clock time, an ordinal or a decade: no figures, and none lost
  for (const text of ["The 2016 race was close.", "Polls closed at 10:30 on Tuesday.", "It was his 21st win.", "Prices fell in the 1990s.", "Obama's (2008) win."])
    assert.deepEqual(texts(text, figures(text)), [], text);
  // a year-like number with a qualifier, a unit or a sign is still an amount
  const t = "More than 2000 troops marched 1900 km and raised $2016.";
  assert.deepEqual(texts(t, figures(t)), ["More than 2000 troops", "1900 km", "$2016"]);
});
