/**
 * Sentences that report another happening than their article's (src/link/scenes.ts): their figures join the
 * figure groups of the event that happening is, not their own article's.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { linkCorpus } from "../../src/link/batch.js";
import { linkToJson } from "../../src/link/json.js";
import type { LinkedEvent, LinkResult } from "../../src/link/model.js";
import { prepareDocument } from "../../src/link/records.js";
import { SCENE_WINDOW_DAYS, sceneAnchor } from "../../src/link/scenes.js";
import { article, type ArticleSpec } from "./build.js";
import { fixtureDocuments, passingMention } from "../fixtures/link/articles.js";

const sloviansk = article(passingMention);

/** Event label → its passing mentions, for the events that have any. */
function mentionsOf(result: LinkResult): Record<string, LinkedEvent["mentions"]> {
  return Object.fromEntries(result.events.filter((e) => e.mentions.length > 0).map((e) => [e.label, e.mentions]));
}

function groupsWith(result: LinkResult, source: string, text: string): string[] {
  return result.figureGroups.filter((g) => g.figures.some((f) => f.source === source && f.text === text)).map((g) => g.label);
}

test("a sentence naming a place its headline and lead do not, with a kind of event word, has a scene", () => {
  const record = prepareDocument(sloviansk);
  assert.deepEqual(
    record.figures.map((f) => [f.text, f.scene]),
    [
      ["about 1,500", null],
      ["52", { places: ["kramatorsk"], terms: ["strike"], start: 284, end: 415 }],
    ],
  );
  assert.equal(
    sloviansk.text.slice(284, 415),
    "The strike on the railway station in Kramatorsk on Friday killed 52 people, the regional governor, Pavlo Kyrylenko, said on Monday.",
  );
});

test("a passing mention's figure joins the group of the happening it reports; the article keeps its own event", () => {
  const result = linkCorpus([...fixtureDocuments(), sloviansk]);
  assert.deepEqual(groupsWith(result, passingMention.source, "52"), ["people killed — Kramatorsk strike, 2022-04-08"]);
  assert.deepEqual(groupsWith(result, passingMention.source, "about 1,500"), ["people evacuated — Sloviansk reports, 2022-04-12"]);
  const own = result.events.find((e) => e.documents.includes(passingMention.source))!;
  assert.deepEqual(own.documents, [passingMention.source]);
  // The governor's 52, given again, is no new claim: no new revision and no dispute with his own 52.
  const killed = result.figureGroups.find((g) => g.label === "people killed — Kramatorsk strike, 2022-04-08")!;
  assert.deepEqual(
    killed.revisions.map((r) => [r.from, r.to]),
    [[30, 52]],
  );
});

test("a quote in such a sentence has that sentence's scene; a quote in the article's own sentences has none", () => {
  assert.deepEqual(
    prepareDocument(sloviansk).attributions.map((a) => [a.id, a.scene]),
    [
      ["a1", null],
      ["a2", { places: ["kramatorsk"], terms: ["strike"], start: 284, end: 415 }],
      ["a3", { places: ["kramatorsk"], terms: ["attack", "strike"], start: 417, end: 523 }],
    ],
  );
  assert.equal(
    sloviansk.text.slice(417, 523),
    "The governor called the strike on the Kramatorsk station “a deliberate attack on people waiting to leave.”",
  );
});

const PASSAGES = [
  { start: 284, end: 415 },
  { start: 417, end: 523 },
];

test("the event lists the article that reports it in passing, with its sentences; no other event lists one", () => {
  const result = linkCorpus([...fixtureDocuments(), sloviansk]);
  // The toll's sentence (its figure and its quote anchored), and the governor's quote with no figure.
  assert.deepEqual(mentionsOf(result), {
    "Kramatorsk strike, 2022-04-08": [{ source: passingMention.source, document: sloviansk.id, passages: PASSAGES }],
  });
  assert.deepEqual(linkToJson(result).events.find((e) => (e as { label: string }).label === "Kramatorsk strike, 2022-04-08"), {
    id: result.events.find((e) => e.label === "Kramatorsk strike, 2022-04-08")!.id,
    label: "Kramatorsk strike, 2022-04-08",
    place: "Kramatorsk",
    term: "strike",
    firstDate: "2022-04-08",
    lastDate: "2022-04-09",
    documents: ["link/k1-harbour-times.txt", "link/k2-prairie-gazette.txt", "link/k3-northline.txt"],
    mentions: [{ source: passingMention.source, document: sloviansk.id, passages: PASSAGES }],
  });
});

test("a quote alone, with no figure, reports the event in passing", () => {
  const quoteOnly = article({ ...passingMention, source: "link/s4-quote-only.txt", figures: [] });
  const result = linkCorpus([...fixtureDocuments(), quoteOnly]);
  assert.deepEqual(mentionsOf(result), {
    "Kramatorsk strike, 2022-04-08": [{ source: "link/s4-quote-only.txt", document: quoteOnly.id, passages: PASSAGES }],
  });
  const noQuotes = article({ ...passingMention, source: "link/s5-no-claims.txt", figures: [], attributions: [] });
  assert.deepEqual(mentionsOf(linkCorpus([...fixtureDocuments(), noQuotes])), {}, "a sentence with no claim is not listed");
});

test("a passage is listed once however many of its figures are anchored; each anchored sentence is a passage", () => {
  const spec: ArticleSpec = {
    ...passingMention,
    source: "link/s3-two-passages.txt",
    paragraphs: [
      ...passingMention.paragraphs.slice(0, 2),
      "The strike on the railway station in Kramatorsk on Friday killed 52 people and wounded more than 100, the regional governor, Pavlo Kyrylenko, said on Monday.",
      "About 4,000 people had been waiting at the Kramatorsk station when the strike hit, according to the railway.",
    ],
    attributions: [],
    figures: [
      { id: "f1", text: "about 1,500", value: 1500, qualifier: "approximate", measure: "evacuated" },
      { id: "f2", text: "52", measure: "killed", unit: "people" },
      { id: "f3", text: "more than 100", value: 100, qualifier: "more_than", measure: "injured" },
      { id: "f4", text: "About 4,000", value: 4000, qualifier: "approximate", measure: null },
    ],
  };
  const doc = article(spec);
  const result = linkCorpus([...fixtureDocuments(), doc]);
  const passages = mentionsOf(result)["Kramatorsk strike, 2022-04-08"]![0]!.passages;
  assert.deepEqual(
    passages.map((p) => doc.text.slice(p.start, p.end)),
    [spec.paragraphs[2], spec.paragraphs[3]],
  );
  assert.deepEqual(Object.keys(mentionsOf(result)), ["Kramatorsk strike, 2022-04-08"]);
});

test("without an article that reports it, a scene's figure stays with its own article", () => {
  const result = linkCorpus([sloviansk, ...fixtureDocuments().filter((d) => !d.source.startsWith("link/k"))]);
  assert.deepEqual(groupsWith(result, passingMention.source, "52"), ["people killed — Sloviansk reports, 2022-04-12"]);
  assert.deepEqual(mentionsOf(result), {}, "and no event lists a mention");
});

test("the anchor is the nearest article in date within the window that names the place and the kind of event", () => {
  const scene = { places: ["kramatorsk"], terms: ["strike"] };
  const features = (places: string[], terms: string[]) => ({
    date: null,
    places: Object.fromEntries(places.map((p) => [p, 1])),
    placeNames: {},
    terms: Object.fromEntries(terms.map((t) => [t, 1])),
    persons: [],
  });
  const own = { documentId: "own", publishedAt: "2022-04-12" };
  const far = { documentId: "a-far", publishedAt: "2022-03-01", features: features(["kramatorsk"], ["strike"]) };
  const near = { documentId: "z-near", publishedAt: "2022-04-09", features: features(["kramatorsk"], ["strike"]) };
  const tie = { documentId: "b-tie", publishedAt: "2022-04-15", features: features(["kramatorsk"], ["strike"]) };
  const shelling = { documentId: "c-shelling", publishedAt: "2022-04-12", features: features(["kramatorsk"], ["shelling"]) };
  assert.equal(sceneAnchor(scene, own, [far]), null, `more than ${SCENE_WINDOW_DAYS} days apart`);
  assert.equal(sceneAnchor(scene, own, [far, near]), "z-near");
  assert.equal(sceneAnchor(scene, own, [near, tie]), "b-tie", "equally near: the smaller id");
  assert.equal(sceneAnchor(scene, own, [shelling]), null, "another kind of event");
  assert.equal(sceneAnchor(scene, { documentId: "own", publishedAt: null }, [near]), null, "undated");
});

test("a sentence that also names the article's own place is about the article's happening: no scene", () => {
  const spec: ArticleSpec = {
    ...passingMention,
    source: "link/s2-own-place.txt",
    paragraphs: [
      ...passingMention.paragraphs.slice(0, 2),
      "Departures from Sloviansk have been calm since the strike on the station in Kramatorsk, and 40 carriages were added to the trains.",
    ],
    attributions: [],
    figures: [{ id: "f1", text: "40", measure: null }],
  };
  assert.deepEqual(
    prepareDocument(article(spec)).figures.map((f) => f.scene),
    [null],
  );
});
