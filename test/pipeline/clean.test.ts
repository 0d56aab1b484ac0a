import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { plainTextDocument } from "../../src/ingest/document.js";
import type { Document } from "../../src/model/document.js";
import { cleanStage } from "../../src/pipeline/stages/clean.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/scraped/${name}`, import.meta.url), "utf8");

function textDoc(text: string): Document {
  return plainTextDocument(text, { source: "t.txt" });
}

function excludedLines(text: string): Array<[string, string]> {
  const doc = textDoc(text);
  const { excluded } = cleanStage.run(doc);
  return (excluded ?? []).map((e) => [e.reason, text.slice(e.start, e.end)]);
}

test("a scraped wire page: menus, byline, placeholder, doubled caption, ads, promos and share bar are excluded", () => {
  const text = fixture("belgorod-regional-wire.txt");
  assert.deepEqual(excludedLines(text), [
    ["navigation", "Skip to main content"],
    ["navigation", "World"],
    ["navigation", "Europe"],
    ["navigation", "Politics"],
    ["byline", "By Olena Savchuk, Regional Correspondent | Published Mar 12, 2023, 7:05 AM ET"],
    ["placeholder", "Loading..."],
    [
      "credit",
      "Firefighters work at the site of a damaged house in Belgorod. (Photo by Yuri Koval via Reuters)",
    ],
    [
      "credit",
      "Firefighters work at the site of a damaged house in Belgorod. (Photo by Yuri Koval via Reuters)",
    ],
    ["advertisement", "ADVERTISEMENT"],
    ["advertisement", "Story continues below advertisement"],
    ["placeholder", "Something went wrong. Please try again later."],
    ["navigation", "Read more: Drone debris damages power line near Kursk"],
    ["navigation", "Trending Now"],
    ["navigation", "Join the conversation"],
    ["navigation", "Share this article"],
    ["navigation", "Close"],
  ]);
});

test("prose survives: quotes, 'via Telegram' in a sentence, a short closing sentence, a cross-head", () => {
  const text = fixture("belgorod-regional-wire.txt");
  const excluded = excludedLines(text).map(([, line]) => line);
  for (const kept of [
    "Belgorod governor says dozens of drones downed overnight",
    "Residents said the alarms sounded at about 3:40 a.m. and lasted for an hour. The video was shared via Telegram.",
    "The regional health ministry said no one had died.",
    "Kherson shelling: what we know",
  ])
    assert.ok(!excluded.includes(kept), `kept: ${kept}`);
});

test("a page with blank-line paragraphs: time stamp, promo, agency credit, ad, newsletter, copyright", () => {
  const text = fixture("refusal-current-post.txt");
  assert.deepEqual(excludedLines(text), [
    ["byline", "Updated Jan. 4, 2023 at 10:32 a.m. ET"],
    ["navigation", "What's Hot"],
    ["credit", "Soldiers wait at a railway station in Omsk. Alexei Sorokin/Anadolu Agency via Getty Images"],
    ["advertisement", "Advertisement"],
    ["navigation", "Sign up for our newsletter"],
    ["boilerplate", "© 2023 Current Post Media"],
  ]);
});

test("cleaning marks regions and never changes the text; HTML caption exclusions are kept", () => {
  const text = "Headline\n\nA caption from the page\n\nThe ministry said on Tuesday that the toll was final.";
  const doc = { ...textDoc(text), excluded: [{ start: 10, end: 33, reason: "caption" as const }] };
  const out = cleanStage.run(doc);
  assert.deepEqual(out.excluded, [{ start: 10, end: 33, reason: "caption" }]);
  assert.equal(doc.text, text);
});

test("a repeated line is a doubled caption only when it is repeated in a row", () => {
  const line = "Rescuers search the rubble of the building";
  const text = `Title\n\nFirst paragraph of the article, which is long enough to be prose.\n${line}\n${line}\nMore prose follows here, long enough to be a paragraph.\n${line}`;
  const got = excludedLines(text);
  assert.deepEqual(got, [
    ["caption", line],
    ["caption", line],
  ]);
});

test("bylines and time stamps are told from sentences that begin with 'By'", () => {
  const text = [
    "Kherson counts its wounded",
    "By Mykola Hrabar • Feb. 20, 2023, 8:40 p.m.",
    "Posted 21 February 2023",
    "By 10:30 a.m., emergency crews had restored power to most of the city centre, officials said.",
    "By Tuesday, the regional administration said 14 people had been wounded in the attack.",
    "Published reports said the hospital was hit twice during the night, according to local officials.",
  ].join("\n");
  assert.deepEqual(excludedLines(text), [
    ["byline", "By Mykola Hrabar • Feb. 20, 2023, 8:40 p.m."],
    ["byline", "Posted 21 February 2023"],
  ]);
});
