import assert from "node:assert/strict";
import { test } from "node:test";
import { segmentStage } from "../../src/pipeline/stages/segment.js";
import { tokenize } from "../../src/pipeline/stages/tokenize.js";
import { plainTextDocument } from "../../src/ingest/document.js";
import type { Exclusion } from "../../src/model/document.js";

function segment(text: string, excluded: Exclusion[] = []) {
  const doc = plainTextDocument(text, { source: "t.txt", excluded });
  const out = segmentStage.run(doc);
  const show = (spans: { start: number; end: number }[] | undefined) =>
    (spans ?? []).map((s) => text.slice(s.start, s.end));
  return { paragraphs: show(out.paragraphs), sentences: show(out.sentences), tokens: out.tokens ?? [] };
}

test("abbreviations and initials do not end sentences", () => {
  const { sentences } = segment(
    "Lt. Gen. Sergey V. Sevryukov said the strike came after Feb. 24 and was reported by U.S. officials at 10:30 a.m. Moscow time. Mr. Peskov declined to comment. Funding went to Acme Inc. The ministry denied it.",
  );
  assert.deepEqual(sentences, [
    "Lt. Gen. Sergey V. Sevryukov said the strike came after Feb. 24 and was reported by U.S. officials at 10:30 a.m. Moscow time.",
    "Mr. Peskov declined to comment.",
    "Funding went to Acme Inc.",
    "The ministry denied it.",
  ]);
});

test("a full stop glued to what follows is inside a number or a name, not the end of a sentence", () => {
  const { sentences } = segment("The fund has 2.5million members. It grew by 3.2bn in 2022. Read more at Meduza.io. The ministry said “No.”");
  assert.deepEqual(sentences, ["The fund has 2.5million members.", "It grew by 3.2bn in 2022.", "Read more at Meduza.io.", "The ministry said “No.”"]);
});

test("a dotted abbreviation ends a sentence before a typical first word", () => {
  const { sentences } = segment("The rockets were made in the U.S. The ministry said so.");
  assert.deepEqual(sentences, ["The rockets were made in the U.S.", "The ministry said so."]);
});

test("quotes that end sentences keep their closing mark; a cue after the quote stays in the sentence", () => {
  const { sentences } = segment(
    '“We will respond,” he said. “Nobody was spared.” Then he left. "Was it worth it?" she asked. He said: "No." It ended.',
  );
  assert.deepEqual(sentences, [
    "“We will respond,” he said.",
    "“Nobody was spared.”",
    "Then he left.",
    '"Was it worth it?" she asked.',
    'He said: "No."',
    "It ended.",
  ]);
});

test("bracketed insertions do not break sentences", () => {
  const { sentences } = segment(
    "“They [the soldiers in Bakhmut. All of them.] were not warned,” he said. The unit [1444th Regiment] was hit.",
  );
  assert.deepEqual(sentences, [
    "“They [the soldiers in Bakhmut. All of them.] were not warned,” he said.",
    "The unit [1444th Regiment] was hit.",
  ]);
});

test("every line is a paragraph; sentences never cross paragraphs; excluded regions are skipped", () => {
  const text =
    "Headline without a stop\nFirst paragraph ends here\n\nAdvertisement\n\nSecond one? Yes! Done…\r\nLast line.";
  const ad = text.indexOf("Advertisement");
  const { paragraphs, sentences } = segment(text, [{ start: ad, end: ad + 13, reason: "advertisement" }]);
  assert.deepEqual(paragraphs, [
    "Headline without a stop",
    "First paragraph ends here",
    "Second one? Yes! Done…",
    "Last line.",
  ]);
  assert.deepEqual(sentences, [
    "Headline without a stop",
    "First paragraph ends here",
    "Second one?",
    "Yes!",
    "Done…",
    "Last line.",
  ]);
});

test("tokens are exact UTF-16 spans: numbers, dotted abbreviations, apostrophes, quotes, emoji", () => {
  const text = "Russia's MoD said 134,500 (1.5%) of U.S.-made 20-40% “up to” 12th 🙂 ok";
  const tokens = tokenize(text).map((t) => [text.slice(t.start, t.end), t.kind]);
  assert.deepEqual(tokens, [
    ["Russia's", "word"],
    ["MoD", "word"],
    ["said", "word"],
    ["134,500", "number"],
    ["(", "punct"],
    ["1.5", "number"],
    ["%", "symbol"],
    [")", "punct"],
    ["of", "word"],
    ["U.S.", "word"],
    ["-", "punct"],
    ["made", "word"],
    ["20", "number"],
    ["-", "punct"],
    ["40", "number"],
    ["%", "symbol"],
    ["“", "quote"],
    ["up", "word"],
    ["to", "word"],
    ["”", "quote"],
    ["12th", "number"],
    ["🙂", "symbol"],
    ["ok", "word"],
  ]);
});
