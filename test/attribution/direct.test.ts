import { test } from "node:test";
import assert from "node:assert/strict";
import { attributions, byCue } from "./helpers.js";

// Issue 3, item 1: direct quotes.

test("quote before its cue, curly marks, with nested quote inside", () => {
  const list = attributions(
    "KYIV — Emergency crews worked through the night.\n\n“The commander told us, ‘Stay in the barracks,’ and we stayed,” said Oleksiy Danilov, a local official.",
  );
  const a = byCue(list, "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "Oleksiy Danilov, a local official");
  assert.deepEqual(a.content, ["“The commander told us, ‘Stay in the barracks,’ and we stayed,”"]);
  assert.equal(a.speaker, "Oleksiy Danilov");
  assert.equal(a.type, "person");
  assert.equal(a.role, "local official");
});

test("straight quotes after the cue and a colon", () => {
  const list = attributions(`The governor spoke to reporters on Monday.\n\nGovernor Vitaly Kim said: "The shelling has not stopped for a single hour."`);
  const a = byCue(list, "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "Governor Vitaly Kim");
  assert.deepEqual(a.content, [`"The shelling has not stopped for a single hour."`]);
  assert.equal(a.speaker, "Vitaly Kim");
  assert.equal(a.role, "governor");
});

test("a quote interrupted by its cue is one attribution with two content spans", () => {
  const list = attributions("“We lost many good men,” the general said. “The families will be informed this week.”");
  assert.equal(list.length, 1);
  const a = byCue(list, "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "the general");
  assert.deepEqual(a.content, ["“We lost many good men,”", "“The families will be informed this week.”"]);
});

test("a quote over two paragraphs, the second reopened, attributed by the cue after it", () => {
  const text =
    "Residents described the night of the strike.\n\n“The first rocket hit the school at midnight. Then the second one came.\n\n“By morning there was nothing left of the building,” said Irina Kovalenko, who lives across the street.";
  const a = byCue(attributions(text), "said");
  assert.equal(a.kind, "direct");
  assert.deepEqual(a.content, ["“The first rocket hit the school at midnight. Then the second one came.", "“By morning there was nothing left of the building,”"]);
  assert.equal(a.speaker, "Irina Kovalenko");
});

test("a quote whose opening mark is missing", () => {
  const text = "The soldiers had been warned.\n\nNobody expected the strike to come so soon,” the commander said.";
  const a = byCue(attributions(text), "said");
  assert.equal(a.kind, "direct");
  assert.equal(a.source, "the commander");
  assert.deepEqual(a.content, ["Nobody expected the strike to come so soon,”"]);
});

test("a quotation paragraph with no cue continues the quote attributed just before it", () => {
  const text =
    "“We are not going anywhere,” Mayor Ihor Terekhov told reporters on Friday.\n\n“The city will keep working, whatever they throw at us.”\n\nThe city council met later that day.";
  const list = attributions(text);
  assert.equal(list.length, 1);
  const a = byCue(list, "told");
  assert.deepEqual(a.content, ["“We are not going anywhere,”", "“The city will keep working, whatever they throw at us.”"]);
  assert.equal(a.speaker, "Ihor Terekhov");
});

test("interview Q&A: each labelled turn is attributed without a cue verb", () => {
  const text =
    "Meduza spoke to Pavel Chikov about the trials.\n\nQ: How many cases has your team taken on this year?\n\nChikov: More than four hundred, and the number keeps growing.";
  const list = attributions(text);
  const q = list.find((a) => a.source === "Q")!;
  const answer = list.find((a) => a.source === "Chikov")!;
  assert.equal(q.cue, ":");
  assert.deepEqual(q.content, ["How many cases has your team taken on this year?"]);
  assert.equal(q.kind, "direct");
  assert.equal(q.speaker, "Meduza");
  assert.equal(q.type, "outlet");
  assert.equal(answer.kind, "direct");
  assert.deepEqual(answer.content, ["More than four hundred, and the number keeps growing."]);
  assert.equal(answer.speaker, "Pavel Chikov");
});

test("a transcript quoted turn by turn: each paragraph opens with a quote mark before its speaker's label", () => {
  const text =
    'Sobko spoke to the Evening Post on Sunday. A partial transcript follows:\n\n"HOST: How many people left the city overnight?\n\n"SOBKO: About four hundred, most of them on the last bus.\n\n"HOST: And the hospital?';
  const list = attributions(text);
  const turns = list.filter((a) => a.cue === ":");
  assert.deepEqual(
    turns.map((a) => [a.source, a.content]),
    [
      ["HOST", ["How many people left the city overnight?"]],
      ["SOBKO", ["About four hundred, most of them on the last bus."]],
      ["HOST", ["And the hospital?"]],
    ],
  );
});

test("a cue inside a quotation belongs to the quoted speaker and is not read", () => {
  const list = attributions("“My brother said they would never send us to the front,” the conscript told the court.");
  assert.equal(list.length, 1);
  assert.equal(list[0]!.cue, "told");
});

test("a quote signed with a dash and a name at the end of its line", () => {
  const list = attributions("“We cannot wait for another winter like this one.” ― Olga Petrova\n“The trains never came.” ― Ivan S. Markov\n");
  assert.equal(list.length, 2);
  assert.equal(list[0]!.kind, "direct");
  assert.equal(list[0]!.cue, "―");
  assert.equal(list[0]!.source, "Olga Petrova");
  assert.deepEqual(list[0]!.content, ["“We cannot wait for another winter like this one.”"]);
  assert.equal(list[1]!.source, "Ivan S. Markov");
});
