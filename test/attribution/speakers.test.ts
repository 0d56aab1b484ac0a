import { test } from "node:test";
import assert from "node:assert/strict";
import { attributions, byCue, extract } from "./helpers.js";

// Issue 3, items 3 and 4: speakers (names, titles, roles, organisations, pronouns, nominals, anonymous) and relays.

test("a named person with a title and an appositive role", () => {
  const a = byCue(attributions("Lawyer Pavel Chikov, founder of the Agora legal-aid NGO, said the sentences were unprecedented."), "said");
  assert.equal(a.source, "Lawyer Pavel Chikov, founder of the Agora legal-aid NGO");
  assert.equal(a.speaker, "Pavel Chikov");
  assert.equal(a.type, "person");
  assert.equal(a.role, "lawyer, founder of the Agora legal-aid NGO");
});

test("organisations and governments are different speakers from each other", () => {
  const text = [
    "The Defence Ministry said the strike killed 63 servicemen.",
    "Moscow said the talks were over.",
    "The Kremlin said it had no comment.",
    "The UK’s Ministry of Defence said the toll was likely higher.",
  ].join("\n\n");
  const speakers = attributions(text).map((a) => [a.speaker, a.type]);
  assert.deepEqual(speakers, [
    ["Defence Ministry", "organization"],
    ["Moscow", "country"],
    ["Kremlin", "organization"],
    ["UK’s Ministry of Defence", "organization"],
  ]);
});

test("pronouns resolve to the nearest compatible named entity", () => {
  const text =
    "Hanna Maliar, Ukraine’s deputy defence minister, visited the front on Monday.\n\nShe said the counteroffensive was going to plan.\n\nThe Defence Ministry said losses were light. It added that reinforcements had arrived.";
  const list = attributions(text);
  const she = list.find((a) => a.source === "She")!;
  assert.equal(she.speaker, "Hanna Maliar");
  assert.equal(she.type, "person");
  const it = list.find((a) => a.source === "It")!;
  assert.equal(it.speaker, "Defence Ministry");
});

test("he/she agreement: “she” skips a man mentioned in between", () => {
  const text = "Mrs. Olga Petrova met Governor Ivan Sidorov in Belgorod.\n\nShe said the meeting had been productive.";
  const she = attributions(text).find((a) => a.source === "She")!;
  assert.equal(she.speaker, "Olga Petrova");
});

test("nominal mentions resolve: “the ministry”, “the news outlet”", () => {
  const text =
    "The Russian Defence Ministry published new figures on Wednesday.\n\nThe ministry said 89 servicemen were killed.\n\nMeduza obtained a list of the dead.\n\nThe news outlet reported that most of them were mobilised men.";
  const list = attributions(text);
  const ministry = byCue(list, "said");
  assert.equal(ministry.source, "The ministry");
  assert.equal(ministry.speaker, "Russian Defence Ministry");
  const outlet = byCue(list, "reported");
  assert.equal(outlet.speaker, "Meduza");
  assert.equal(outlet.type, "outlet");
});

test("a last name resolves to the full name met earlier", () => {
  const text = "Semyon Pegov, a war correspondent, arrived in Makiivka on Tuesday.\n\nPegov said the building had housed hundreds of men.";
  const a = byCue(attributions(text), "said");
  assert.equal(a.source, "Pegov");
  assert.equal(a.speaker, "Semyon Pegov");
});

test("anonymous and collective speakers stay as they are", () => {
  const text = [
    "“Nobody warned us,” one source told Meduza.",
    "Western officials said the toll was likely higher.",
    "A Russian soldier said the ammunition was stored next to the dormitory.",
  ].join("\n\n");
  const list = attributions(text);
  assert.deepEqual(
    list.map((a) => [a.source, a.speaker, a.type]),
    [
      ["one source", "one source", "anonymous"],
      ["Western officials", "Western officials", "group"],
      ["A Russian soldier", "Russian soldier", "anonymous"],
    ],
  );
});

test("relay chain: “According to CNN, he wrote on Telegram …” → Pegov via CNN and Telegram", () => {
  const text =
    "Semyon Pegov, a war correspondent, visited the site.\n\nAccording to CNN, he wrote on Telegram that the barracks had been hit by four rockets.";
  const list = attributions(text);
  assert.equal(list.length, 1);
  const a = byCue(list, "wrote");
  assert.equal(a.source, "he");
  assert.equal(a.speaker, "Semyon Pegov");
  assert.deepEqual(a.content, ["that the barracks had been hit by four rockets"]);
  assert.deepEqual(a.via, ["CNN/outlet", "Telegram/platform"]);
});

test("relay: “X told Current Time”, “an extract shared by The Washington Post”", () => {
  const a = byCue(attributions("Pavel Chikov told Current Time that the trials were closed to the public."), "told");
  assert.deepEqual(a.via, ["Current Time/outlet"]);
  const b = byCue(attributions("In an extract shared by The Washington Post, the general wrote that the front was collapsing."), "wrote");
  assert.deepEqual(b.via, ["The Washington Post/outlet"]);
  assert.equal(b.source, "the general");
});

test("document entities: people, organisations and countries with aliases and mentions", () => {
  const doc = extract("Semyon Pegov arrived in Makiivka.\n\nPegov said the Defence Ministry had lied. He added that Ukraine had used HIMARS.");
  const ents = doc.layers.entities ?? [];
  const pegov = ents.find((e) => e.name === "Semyon Pegov")!;
  assert.equal(pegov.type, "person");
  assert.ok(pegov.aliases.includes("Pegov"));
  assert.ok(pegov.aliases.includes("He"));
  assert.equal(pegov.mentions.length, 3);
  assert.equal(ents.find((e) => e.name === "Defence Ministry")?.type, "organization");
  assert.equal(ents.find((e) => e.name === "Ukraine")?.type, "country");
  assert.equal(ents.find((e) => e.name === "Makiivka")?.type, "place");
});
