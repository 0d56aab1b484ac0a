import assert from "node:assert/strict";
import { test } from "node:test";
import { linkCorpus } from "../../src/link/batch.js";
import type { LinkedEntity, LinkResult } from "../../src/link/model.js";
import { article } from "./build.js";
import { fixtureDocuments, ivanovaAlone, specs } from "../fixtures/link/articles.js";

const result: LinkResult = linkCorpus(fixtureDocuments());

function entity(type: string, alias: string): LinkedEntity {
  const found = result.entities.filter((e) => e.type === type && (e.name === alias || e.aliases.includes(alias)));
  assert.equal(found.length, 1, `one ${type} known as "${alias}", found ${found.map((e) => e.name).join(", ")}`);
  return found[0]!;
}

const group = (label: string) => {
  const g = result.figureGroups.find((x) => x.label === label);
  assert.ok(g, `group "${label}" in ${result.figureGroups.map((x) => x.label).join("; ")}`);
  return g;
};

test("spellings and transliterations of one person are one entity, with every attribution it made", () => {
  const governor = entity("person", "Pavlo Kyrylenko");
  assert.equal(entity("person", "Pavlo Kyrilenko").id, governor.id);
  assert.deepEqual(governor.documents, [specs.k1!.source, specs.k2!.source]);
  assert.equal(governor.attributions.length, 5);
  assert.deepEqual(governor.roles, ["governor", "governor of the Donetsk region"]);
  const zelensky = entity("person", "Zelensky");
  assert.equal(zelensky.name, "Volodymyr Zelenskyy");
  assert.equal(zelensky.attributions.length, 2);
});

test("the Russian ministry's names merge; the UK's Ministry of Defence stays apart", () => {
  const ru = entity("organization", "Russian MoD");
  assert.equal(entity("organization", "Russia's Defence Ministry").id, ru.id);
  assert.equal(entity("organization", "Russian defense ministry").id, ru.id);
  assert.deepEqual(ru.documents, [specs.k1!.source, specs.k3!.source, specs.r3!.source]);
  const uk = entity("organization", "UK's Ministry of Defence");
  assert.notEqual(uk.id, ru.id);
  const georgia = entity("organization", "Georgian Interior Ministry");
  assert.equal(entity("organization", "Georgia's Ministry of Internal Affairs").id, georgia.id);
  assert.equal(georgia.attributions.length, 3);
});

test("two different full names never merge, and a surname shared by two of them stays on its own", () => {
  const maria = entity("person", "Maria Ivanova");
  assert.equal(entity("person", "Mariya Ivanova").id, maria.id);
  const anna = entity("person", "Anna Ivanova");
  assert.notEqual(anna.id, maria.id);
  assert.equal(maria.documents.length, 3);

  const withBare = linkCorpus([...fixtureDocuments(), article(ivanovaAlone)]);
  const bare = withBare.entities.filter((e) => e.name === "Ivanova");
  assert.equal(bare.length, 1, "ambiguous: Maria or Anna");

  const withoutAnna = { ...specs.r1!, entities: specs.r1!.entities!.filter((e) => e.name !== "Anna Ivanova") };
  withoutAnna.attributions = withoutAnna.attributions!.filter((a) => a.speaker?.name !== "Anna Ivanova");
  const docs = [article(withoutAnna), article(specs.r2!), article(ivanovaAlone)];
  const merged = linkCorpus(docs).entities.filter((e) => e.type === "person");
  assert.deepEqual(
    merged.map((e) => [e.name, e.documents.length]),
    [["Mariya Ivanova", 3]],
    "the only Ivanova with a first name (Maria and Mariya in one article each: the longer form names it)",
  );
});

test("articles on one happening form an event with a readable label; same place months later does not", () => {
  assert.deepEqual(
    result.events.map((e) => [e.label, e.documents]),
    [
      ["Kramatorsk strike, 2022-04-08", [specs.k1!.source, specs.k2!.source, specs.k3!.source]],
      ["Kramatorsk shelling, 2022-06-20", [specs.m1!.source]],
      ["Refusals, 2022-10-10", [specs.r1!.source, specs.r2!.source, specs.r3!.source]],
      ["Tbilisi protests, 2023-03-08", [specs.t1!.source, specs.t2!.source]],
    ],
  );
});

test("figure groups: the Kramatorsk toll is disputed and revised by the governor", () => {
  const killed = group("people killed — Kramatorsk strike, 2022-04-08");
  assert.equal(killed.measure, "killed");
  assert.deepEqual(
    killed.figures.map((f) => [f.source, f.text, f.statedOn, f.superseded]),
    [
      [specs.k1!.source, "30", "2022-04-08", true],
      [specs.k2!.source, "52", "2022-04-09", false],
      [specs.k2!.source, "30", "2022-04-09", true],
      [specs.k2!.source, "52", "2022-04-09", false],
      [specs.k2!.source, "at least 50", "2022-04-09", false],
      [specs.k3!.source, "no more than 20", "2022-04-09", false],
    ],
  );
  assert.deepEqual(killed.revisions.map((r) => [r.speaker?.name, r.from, r.to]), [["Pavlo Kyrilenko", 30, 52]]);
  assert.equal(killed.disputed, true);
  assert.deepEqual(
    killed.disputes.map((d) => d.speakers.map((s) => s?.name).sort()),
    [
      ["Denis Pushilin", "Pavlo Kyrilenko"],
      ["Denis Pushilin", "Volodymyr Zelenskyy"],
    ],
  );
  const governor = entity("person", "Pavlo Kyrylenko");
  assert.equal(killed.figures[0]!.speakerEntityId, governor.id, "each figure knows its speaker's entity");
  const wounded = group("people wounded — Kramatorsk strike, 2022-04-08");
  assert.equal(wounded.disputed, false);
});

test("figure groups: Tbilisi arrests are revised (66 → 133) and disputed (about 300 vs 133); refusals only grow", () => {
  const arrests = group("people arrested — Tbilisi protests, 2023-03-08");
  assert.equal(arrests.disputed, true);
  assert.deepEqual(
    arrests.disputes.map((d) => d.figures.map((f) => `${f.source}#${f.id}`)),
    [[`${specs.t1!.source}#f2`, `${specs.t2!.source}#f1`]],
    "about 300 vs the ministry's current 133; its revised 66 is no longer claimed; 'more than 60' agrees",
  );
  assert.deepEqual(arrests.revisions.map((r) => [r.from, r.to, r.fromFigure.source, r.toFigure.source]), [
    [66, 133, specs.t1!.source, specs.t2!.source],
  ]);
  const refusals = group("people refusing — Refusals, 2022-10-10");
  assert.equal(refusals.disputed, false);
  assert.deepEqual(refusals.revisions.map((r) => [r.from, r.to]), [
    [500, 700],
    [700, 900],
  ]);
  assert.ok(
    result.figureGroups.every((g) => g.figures.every((f) => f.measure !== null)),
    "figures without a measure are not grouped",
  );
});

test("a relayed quote keeps its relay chain in the entity's attributions", () => {
  const doc = fixtureDocuments().find((d) => d.source === specs.k2!.source)!;
  const layers = doc.layers as { attributions?: Array<{ id: string; via: unknown[] }> };
  assert.deepEqual(layers.attributions!.find((a) => a.id === "a4")!.via, [
    { name: "CNN", type: "outlet" },
    { name: "Telegram", type: "platform" },
  ]);
  const governor = entity("person", "Pavlo Kyrylenko");
  assert.ok(governor.attributions.some((a) => a.source === specs.k2!.source && a.id === "a4"));
});

test("linking is independent of the order of the documents", () => {
  const docs = fixtureDocuments();
  const reversed = linkCorpus([...docs].reverse());
  assert.deepEqual(reversed, result);
  const shuffled = linkCorpus([docs[3]!, docs[0]!, docs[6]!, docs[1]!, docs[8]!, docs[2]!, docs[5]!, docs[7]!, docs[4]!]);
  assert.deepEqual(shuffled, result);
});
