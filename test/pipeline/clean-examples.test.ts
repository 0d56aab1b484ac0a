import assert from "node:assert/strict";
import { test } from "node:test";
import { readDocuments } from "../../src/corpus/read.js";
import type { Document } from "../../src/model/document.js";

async function read(path: string): Promise<Document> {
  for await (const e of readDocuments([path], { maxBytes: 1_000_000 }))
    if (e.kind === "document") return e.doc;
  throw new Error(`no document in ${path}`);
}

const excludedOf = (doc: Document) => doc.excluded.map((e) => [e.reason, doc.text.slice(e.start, e.end)]);

// Expected furniture, checked by hand against examples/corpus/EXPECTED.md section (c) of each file.
test("example corpus: The Northern Ledger scraped page", async () => {
  const doc = await read("examples/corpus/makiivka-northern-ledger.txt");
  const caption =
    "A destroyed building in Makiivka, in the Russian-controlled part of Donetsk region, on Monday.";
  assert.deepEqual(excludedOf(doc), [
    ["byline", "By Anna Kowalski, Reporter | Jan 2, 2023, 10:32 AM EST"],
    ["navigation", "What's Hot"],
    ["navigation", "Ukraine live updates"],
    ["navigation", "Energy prices"],
    ["navigation", "Golden Globes"],
    ["caption", caption],
    ["caption", caption],
    ["credit", "(Photo by Mikhail Dorin via Reuters)"],
    ["advertisement", "Advertisement"],
    ["placeholder", "Loading..."],
    ["navigation", "Read more: Kremlin critics question how Moscow counts its war dead"],
    ["advertisement", "Advertisement"],
    ["navigation", "More from The Northern Ledger"],
  ]);
  assert.equal(doc.title, "Russia admits heavy losses after New Year's strike on Makiivka barracks");
});

test("example corpus: Baltic Monitor scraped page, with a trending block of headlines", async () => {
  const doc = await read("examples/corpus/makiivka-baltic-monitor.txt");
  const caption = "Relatives of the dead gather outside a military enlistment office in Samara.";
  assert.deepEqual(excludedOf(doc), [
    ["byline", "Updated Jan. 4, 2023 at 10:32 a.m. ET"],
    ["byline", "By Tomas Lindqvist"],
    ["caption", caption],
    ["caption", caption],
    ["credit", "Anadolu Agency via Getty Images"],
    ["advertisement", "ADVERTISEMENT"],
    ["placeholder", "Something went wrong. Please try again later."],
    ["navigation", "Trending Now"],
    ["navigation", "Estonia to boost border patrols after drone sightings"],
    ["navigation", "Why the Baltic Sea cable matters"],
    ["navigation", "Riga’s winter festival returns"],
    ["navigation", "Sign up for our newsletter"],
    ["navigation", "Close"],
  ]);
});

test("example corpus: Kyiv Daily Wire scraped page with single line breaks", async () => {
  const doc = await read("examples/corpus/refusals-kyiv-daily-wire.txt");
  const caption = "Mobilised reservists board a train in the Volgograd region in October 2022.";
  assert.deepEqual(excludedOf(doc), [
    ["navigation", "Skip to content"],
    ["byline", "Olena Savchuk | Nov 15, 2022, 18:05"],
    ["navigation", "Share"],
    ["caption", caption],
    ["caption", caption],
    ["credit", "Photo: Yevhen Marchuk / AFP"],
    ["advertisement", "Story continues below advertisement"],
    ["navigation", "Join the conversation"],
    ["navigation", "Close"],
    ["navigation", "Comments (12)"],
    ["navigation", "Most read"],
  ]);
  assert.equal(doc.title, "Russian lawyer says mobilised soldiers are refusing orders to deploy");
});

test("example corpus: a prose paragraph that starts 'By 10:30 a.m.' is not a byline", async () => {
  const doc = await read("examples/corpus/kherson-global-dispatch.txt");
  assert.deepEqual(excludedOf(doc), []);
  assert.ok(
    doc.layers.sentences!.some((s) =>
      doc.text.slice(s.start, s.end).startsWith("By 10:30 a.m., emergency crews"),
    ),
  );
});
