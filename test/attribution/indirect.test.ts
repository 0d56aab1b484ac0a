import { test } from "node:test";
import assert from "node:assert/strict";
import { attributions, byCue } from "./helpers.js";

// Issue 3, item 2: indirect and mixed attributions; content stops where the reported content stops.

test("X said that …, content to the end of the sentence", () => {
  const a = byCue(attributions("The Defence Ministry said that 63 servicemen were killed in the strike."), "said");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "The Defence Ministry");
  assert.deepEqual(a.content, ["that 63 servicemen were killed in the strike"]);
  assert.equal(a.type, "organization");
});

test("X told Y (that) …: the addressee is neither source nor content", () => {
  const list = attributions("Lawyer Pavel Chikov told reporters on Tuesday the conscripts had been housed in a vocational school.");
  const a = byCue(list, "told");
  assert.equal(a.source, "Lawyer Pavel Chikov");
  assert.deepEqual(a.content, ["the conscripts had been housed in a vocational school"]);
});

for (const verb of ["claimed", "warned", "denied", "admitted", "stated", "declared", "revealed", "explained", "added"]) {
  test(`X ${verb} …`, () => {
    const a = byCue(attributions(`A spokesman for the regional government ${verb} that the evacuation had been delayed by two days.`), verb);
    assert.equal(a.kind, "indirect");
    assert.equal(a.source, "A spokesman for the regional government");
    assert.deepEqual(a.content, ["that the evacuation had been delayed by two days"]);
  });
}

test("according to X, … and …, according to X", () => {
  const list = attributions(
    "According to the Institute for the Study of War, Russian forces made small gains near Bakhmut.\n\nThe convoy was stopped at the border, according to local officials.",
  );
  const [first, second] = list.filter((a) => a.cue === "According to" || a.cue === "according to");
  assert.equal(first!.source, "the Institute for the Study of War");
  assert.deepEqual(first!.content, ["Russian forces made small gains near Bakhmut"]);
  assert.equal(first!.speaker, "Institute for the Study of War");
  assert.equal(second!.source, "local officials");
  assert.deepEqual(second!.content, ["The convoy was stopped at the border"]);
  assert.equal(second!.type, "group");
});

test("…, X said. — content before the cue", () => {
  const a = byCue(attributions("The bridge will reopen in March, the regional governor said."), "said");
  assert.equal(a.kind, "indirect");
  assert.equal(a.source, "the regional governor");
  assert.deepEqual(a.content, ["The bridge will reopen in March"]);
});

test("X wrote on Telegram: “…” — the platform is a relay, not content", () => {
  const a = byCue(attributions("War correspondent Semyon Pegov wrote on Telegram: “The losses are heavy, and the command is silent.”"), "wrote");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "War correspondent Semyon Pegov");
  assert.deepEqual(a.content, ["“The losses are heavy, and the command is silent.”"]);
  assert.equal(a.speaker, "Semyon Pegov");
  assert.deepEqual(a.via, ["Telegram/platform"]);
});

test("in a post on Twitter, X wrote …", () => {
  const a = byCue(attributions("In a post on Twitter, Deputy Defence Minister Hanna Maliar wrote that the strike was justified."), "wrote");
  assert.equal(a.source, "Deputy Defence Minister Hanna Maliar");
  assert.deepEqual(a.content, ["that the strike was justified"]);
  assert.equal(a.speaker, "Hanna Maliar");
  assert.deepEqual(a.via, ["Twitter/platform"]);
});

test("X said in a statement …", () => {
  const a = byCue(attributions("The Kremlin said in a statement that the talks would continue."), "said in a statement");
  assert.equal(a.source, "The Kremlin");
  assert.deepEqual(a.content, ["that the talks would continue"]);
  assert.equal(a.speaker, "Kremlin");
});

test("citing three sources, the outlet reported …", () => {
  const list = attributions("Meduza published the list on Monday.\n\nCiting three sources, the outlet reported that commanders had ignored the warnings.");
  const a = byCue(list, "reported");
  assert.equal(a.source, "the outlet");
  assert.deepEqual(a.content, ["that commanders had ignored the warnings"]);
  assert.equal(a.speaker, "three sources");
  assert.equal(a.type, "group");
  assert.deepEqual(a.via, ["Meduza/outlet"]);
});

test("a partial quote inside reported speech makes a mixed attribution", () => {
  const a = byCue(attributions("Zelensky said the troops would hold the city “for as long as it takes.”"), "said");
  assert.equal(a.kind, "mixed");
  assert.equal(a.source, "Zelensky");
  assert.deepEqual(a.content, ["the troops would hold the city “for as long as it takes.”"]);
});

test("content stops before a coordinated cue, which shares the subject", () => {
  const list = attributions("“This was a tragedy,” the governor said, adding that an investigation had begun.");
  const said = byCue(list, "said");
  const adding = byCue(list, "adding");
  assert.deepEqual(said.content, ["“This was a tragedy,”"]);
  assert.equal(adding.source, null);
  assert.deepEqual(adding.content, ["that an investigation had begun"]);
  assert.equal(adding.speaker, said.speaker);
});

test("two speakers in one sentence get one attribution each; content stops before “according to”", () => {
  const list = attributions("The mayor said the water supply was restored and the governor said power would follow by Friday.");
  assert.equal(list.length, 2);
  assert.deepEqual(list[0]!.content, ["the water supply was restored"]);
  assert.equal(list[1]!.source, "the governor");
  assert.deepEqual(list[1]!.content, ["power would follow by Friday"]);
  const b = byCue(attributions("The UK’s Ministry of Defence said the strike showed poor discipline, according to a Reuters report."), "said");
  assert.deepEqual(b.content, ["the strike showed poor discipline"]);
  assert.deepEqual(b.via, ["Reuters/outlet"]);
});

test("intent verbs: the infinitive is the content, the cue stays the verb", () => {
  const a = byCue(attributions("The regional governor plans to reopen the bridge next spring."), "plans");
  assert.equal(a.source, "The regional governor");
  assert.deepEqual(a.content, ["to reopen the bridge next spring"]);
  const b = byCue(attributions("The ministry agreed to release the detained journalists."), "agreed");
  assert.deepEqual(b.content, ["to release the detained journalists"]);
});

test("content stops at a spaced dash, a semicolon, ', which' and a participle clause", () => {
  const cases: Array<[string, string]> = [
    ["The mayor said the shelter was full - a claim nobody disputed.", "the shelter was full"],
    ["The mayor said the shelter was full; volunteers kept arriving.", "the shelter was full"],
    ["The mayor said the shelter would close, which surprised the volunteers.", "the shelter would close"],
    ["The mayor said the shelter would close, prompting an outcry from the volunteers.", "the shelter would close"],
  ];
  for (const [text, content] of cases) assert.deepEqual(byCue(attributions(text), "said").content, [content], text);
});

test("a prepositional adjunct between the cue and 'that' is neither cue nor content", () => {
  const a = byCue(attributions("The city attorney said in the letter that the advertisement misled voters."), "said");
  assert.equal(a.source, "The city attorney");
  assert.deepEqual(a.content, ["that the advertisement misled voters"]);
});
