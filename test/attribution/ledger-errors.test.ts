import { test } from "node:test";
import assert from "node:assert/strict";
import { attributions, byCue } from "./helpers.js";

// Speaker errors seen in the cross-article ledger on examples/corpus, on sentences of our own.

test("'called up', 'called off' and 'called in' are phrasal verbs, not speech cues", () => {
  const text = [
    "This year’s autumn draft called up 120,000 conscripts.",
    "The federation called off the match after the shelling.",
    "The army called in reservists from three regions.",
  ].join("\n\n");
  assert.deepEqual(attributions(text), []);
});

test("'called for', 'called on' and 'called in a statement for' stay cues", () => {
  const list = attributions(
    "The mayor called for calm after the blast.\n\nThe governor called on residents to stay indoors.\n\nThe ministry called in a statement for an inquiry.",
  );
  assert.deepEqual(
    list.map((a) => [a.speaker, a.cue]),
    [
      ["mayor", "called for"],
      ["governor", "called on"],
      ["ministry", "called in a statement"],
    ],
  );
});

test("the object of a negated 'commented on' is not taken for an inverted subject; the 'which says' clause is the organisation's", () => {
  const list = attributions(
    "The Interior Ministry, which says it plans to hire 20,000 new officers, has not commented on the protests.",
  );
  assert.ok(!list.some((a) => a.speaker === "protests" || a.source === "the protests"), JSON.stringify(list));
  const says = byCue(list, "says");
  assert.equal(says.speaker, "Interior Ministry");
  assert.deepEqual(says.content, ["it plans to hire 20,000 new officers"]);
});

test("a source with a relative clause before a sentence-final cue is taken whole", () => {
  const a = byCue(
    attributions(
      "About 300 workers laid off by the shipyard have not been paid since March, a union official who represents many of them said on Friday.",
    ),
    "said",
  );
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "a union official who represents many of them");
  assert.deepEqual(a.content, ["About 300 workers laid off by the shipyard have not been paid since March"]);
});

test("collectives capitalised at a sentence start stay groups; an appositive naming a news site types an outlet", () => {
  const list = attributions(
    "Analysts said the figure was too low.\n\nLawmakers from the Tver region said the commanders must be punished.\n\nVestnik, an independent Russian news site, said last week that relatives of the men had appealed to the governor.",
  );
  assert.deepEqual(
    list.map((a) => [a.speaker, a.type]),
    [
      ["Analysts", "group"],
      ["Lawmakers from the Tver region", "group"],
      ["Vestnik", "outlet"],
    ],
  );
});

test("a country's own military or army is an organisation speaker, not an anonymous one", () => {
  const list = attributions(
    "Ukraine’s military said up to 400 soldiers had been killed.\n\nRussia's army said it had repelled the attack.",
  );
  assert.deepEqual(
    list.map((a) => [a.speaker, a.type]),
    [
      ["Ukraine’s military", "organization"],
      ["Russia's army", "organization"],
    ],
  );
});
