import { test } from "node:test";
import assert from "node:assert/strict";
import { findQuotes } from "../../src/attribution/quotes.js";
import { paragraphSpans } from "../../src/pipeline/stages/segment.js";

const pieces = (text: string) => findQuotes(text, paragraphSpans(text, [])).map((q) => q.pieces.map((p) => text.slice(p.start, p.end)));

test("curly and straight double quotes, each closed where it closes", () => {
  const text = `“We will rebuild,” the mayor said. He added: "Nobody will be left behind."`;
  assert.deepEqual(pieces(text), [["“We will rebuild,”"], [`"Nobody will be left behind."`]]);
});

test("a nested single quote stays inside its double quote", () => {
  const text = `“They told us, ‘Wait for orders,’ and then nothing came,” the soldier said.`;
  assert.deepEqual(pieces(text), [["“They told us, ‘Wait for orders,’ and then nothing came,”"]]);
});

test("apostrophes are not quotes", () => {
  assert.deepEqual(pieces("The ministry’s statement didn’t say how many were killed."), []);
});

test("a quote that runs over paragraphs: opened, not closed, reopened in the next paragraph", () => {
  const text = "“The building was hit at midnight.\n\n“Most of the men were asleep,” the officer said.";
  assert.deepEqual(pieces(text), [["“The building was hit at midnight.", "“Most of the men were asleep,”"]]);
});

test("a paragraph that opens a quote and the next that does not reopen it: the quote ends with its paragraph", () => {
  const text = "He wrote: “The building was hit at midnight.\n\nRescue teams arrived in the morning.";
  const q = findQuotes(text, paragraphSpans(text, []));
  assert.equal(q.length, 1);
  assert.equal(q[0]!.closed, false);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), "“The building was hit at midnight.");
});

test("a missing opening mark quotes from the start of the paragraph", () => {
  const text = "Nobody expected the strike to come so soon,” the commander said.";
  const q = findQuotes(text, paragraphSpans(text, []));
  assert.equal(q.length, 1);
  assert.equal(q[0]!.missingOpen, true);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), "Nobody expected the strike to come so soon,”");
});

test("guillemets and a wrongly curled closing mark", () => {
  assert.deepEqual(pieces("«Мы не сдадимся», — сказал он."), [["«Мы не сдадимся»"]]);
  assert.deepEqual(pieces("He said ”we are ready” and left."), [["”we are ready”"]]);
});
