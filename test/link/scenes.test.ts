/**
 * Sentences that report another happening than their article's (src/link/scenes.ts): their figures join the
 * figure groups of the event that happening is, not their own article's.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { linkCorpus } from "../../src/link/batch.js";
import type { LinkResult } from "../../src/link/model.js";
import { prepareDocument } from "../../src/link/records.js";
import { SCENE_WINDOW_DAYS, sceneAnchor } from "../../src/link/scenes.js";
import { article, type ArticleSpec } from "./build.js";
import { fixtureDocuments, passingMention } from "../fixtures/link/articles.js";

const sloviansk = article(passingMention);

function groupsWith(result: LinkResult, source: string, text: string): string[] {
  return result.figureGroups.filter((g) => g.figures.some((f) => f.source === source && f.text === text)).map((g) => g.label);
}

test("a sentence naming a place its headline and lead do not, with a kind of event word, has a scene", () => {
  const record = prepareDocument(sloviansk);
  assert.deepEqual(
    record.figures.map((f) => [f.text, f.scene]),
    [
      ["about 1,500", null],
      ["52", { places: ["kramatorsk"], terms: ["strike"] }],
    ],
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

test("without an article that reports it, a scene's figure stays with its own article", () => {
  const result = linkCorpus([sloviansk, ...fixtureDocuments().filter((d) => !d.source.startsWith("link/k"))]);
  assert.deepEqual(groupsWith(result, passingMention.source, "52"), ["people killed — Sloviansk reports, 2022-04-12"]);
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
