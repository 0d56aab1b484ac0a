import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { InputError } from "../../src/ingest/errors.js";
import { listInputs, readInput, type RawArticle, type ReadOptions } from "../../src/ingest/inputs.js";
import { tempFiles } from "../helpers/tmp.js";

const options: ReadOptions = { maxBytes: 1_000_000 };
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

async function readOne(path: string, opts = options): Promise<RawArticle> {
  const { articles, errors } = await readInput(path, opts);
  assert.deepEqual(errors, []);
  assert.equal(articles.length, 1);
  return articles[0]!;
}

test(".txt: the text is the decoded file as-is and the first non-empty line is the title", async () => {
  const content =
    "\n\n  Moscow revises toll to 89  \r\nThe ministry said on Tuesday that 89 soldiers died.\r\n";
  const dir = tempFiles({ "a.txt": content });
  const a = await readOne(join(dir, "a.txt"));
  assert.equal(a.text, content);
  assert.equal(a.title, "Moscow revises toll to 89");
  assert.equal(a.format, "txt");
  assert.equal(a.publishedAt, null);
  assert.equal(a.publishedAtSource, "none");
});

test(".txt in Windows-1251 decodes to the Cyrillic text", async () => {
  const content = "Минобороны пересмотрело число погибших\n\nВ ведомстве заявили, что погибли 89 человек.";
  const dir = tempFiles({ "ru.txt": iconv.encode(content, "win1251") });
  const a = await readOne(join(dir, "ru.txt"));
  assert.equal(a.text, content);
  assert.equal(a.encoding, "windows-1251");
  assert.equal(a.title, "Минобороны пересмотрело число погибших");
});

test("a sidecar NAME.meta.json dates the article; --published only fills in when nothing else does", async () => {
  const dir = tempFiles({
    "dated.txt": "Headline\n\nBody text of the article.",
    "dated.meta.json": JSON.stringify({
      publishedAt: "2023-01-04",
      outlet: "Baltic Monitor",
      url: "https://example.org/x",
    }),
    "undated.txt": "Another headline\n\nMore body text.",
  });
  const dated = await readOne(join(dir, "dated.txt"), { ...options, published: "2022-12-31" });
  assert.equal(dated.publishedAt, "2023-01-04");
  assert.equal(dated.publishedAtSource, "sidecar");
  assert.equal(dated.outlet, "Baltic Monitor");
  const undated = await readOne(join(dir, "undated.txt"), { ...options, published: "2022-12-31" });
  assert.equal(undated.publishedAt, "2022-12-31");
  assert.equal(undated.publishedAtSource, "option");
});

test(".html: main text by Readability, metadata from meta tags and JSON-LD, captions excluded", async () => {
  const a = await readOne(join(FIXTURES, "html/strike-report.html"));
  assert.equal(a.title, "Kyiv says overnight strike hit barracks near Donetsk");
  assert.equal(a.byline, "Marta Hryhorenko");
  assert.equal(a.outlet, "The Northern Ledger");
  assert.equal(a.url, "https://example.org/world/strike-barracks");
  assert.equal(a.language, "en-GB");
  // article:published_time is absent, so the JSON-LD date is used, as written (local date).
  assert.equal(a.publishedAt, "2023-01-02");
  assert.equal(a.publishedAtSource, "json-ld");
  const paragraphs = a.text.split("\n\n");
  assert.equal(paragraphs[0], "Kyiv says overnight strike hit barracks near Donetsk");
  assert.ok(paragraphs.some((p) => p.startsWith("Ukraine's armed forces said on Monday")));
  assert.ok(a.text.includes("rescue work was under way & that"), "entities are decoded");
  assert.ok(a.text.includes('<script>alert("hi")</script> was written'), "escaped markup stays text");
  assert.ok(!a.text.includes("Sport"), "navigation is left out");
  assert.ok(!a.text.includes("All rights reserved"), "the footer is left out");
  const caption = "Smoke rises over the town on Sunday morning. Photo: Ivan Petrenko via AFP";
  const at = a.text.indexOf(caption);
  assert.ok(at > 0);
  assert.deepEqual(a.excluded, [{ start: at, end: at + caption.length, reason: "caption" }]);
});

test(".html: article:published_time wins over JSON-LD; a page with no article text is refused", async () => {
  const body = "<p>" + "The ministry said the figure was final. ".repeat(12) + "</p>";
  const dir = tempFiles({
    "meta.html": `<html><head><meta property="article:published_time" content="2023-01-03T21:00:00Z"><title>T</title></head><body><article>${body}</article></body></html>`,
    "empty.html": "<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>",
  });
  const a = await readOne(join(dir, "meta.html"));
  assert.equal(a.publishedAt, "2023-01-03");
  assert.equal(a.publishedAtSource, "meta");
  const empty = await readInput(join(dir, "empty.html"), options).then(
    (r) => r,
    (e: InputError) => e,
  );
  // A title alone is still a (tiny) article; a page with no text at all is refused.
  if (empty instanceof InputError) assert.match(empty.message, /empty\.html: no article text/);
  else assert.equal(empty.articles[0]!.text, "Nothing");
});

test(".json: one record or an array; text or html; bad records are reported and the rest kept", async () => {
  const dir = tempFiles({
    "one.json": JSON.stringify({
      title: "Toll revised",
      outlet: "Global Dispatch",
      publishedAt: "2023-01-04T10:00:00Z",
      text: "The ministry said 89 died.",
    }),
    "many.json": JSON.stringify([
      { title: "First", text: "First body." },
      { html: "<p>Second body from <b>HTML</b>.</p><p>Another paragraph.</p>", title: "Second" },
      { title: "No body" },
      "not an object",
    ]),
    "broken.json": '{"title": "x", "text": ',
  });
  const one = await readOne(join(dir, "one.json"));
  assert.equal(one.text, "Toll revised\n\nThe ministry said 89 died.");
  assert.equal(one.publishedAt, "2023-01-04");
  assert.equal(one.publishedAtSource, "record");
  assert.equal(one.outlet, "Global Dispatch");

  const many = await readInput(join(dir, "many.json"), options);
  assert.deepEqual(
    many.articles.map((a) => [a.source.replace(dir, ""), a.text]),
    [
      ["/many.json#1", "First\n\nFirst body."],
      ["/many.json#2", "Second\n\nSecond body from HTML.\n\nAnother paragraph."],
    ],
  );
  assert.deepEqual(
    many.errors.map((e) => e.message.replace(dir, "")),
    ['/many.json#3: record has no "text" or "html" string', "/many.json#4: record is not a JSON object"],
  );
  await assert.rejects(readInput(join(dir, "broken.json"), options), /broken\.json: malformed JSON/);
});

test(".jsonl: one record per line; a malformed line is reported with its number and the others kept", async () => {
  const dir = tempFiles({
    "feed.jsonl": [
      JSON.stringify({ title: "A", text: "Alpha body." }),
      "",
      "{not json",
      JSON.stringify({ title: "C", text: "Gamma body.", publishedAt: "yesterday" }),
      JSON.stringify({ title: "D", text: "Delta body.", publishedAt: "2023-01-05" }),
    ].join("\n"),
  });
  const r = await readInput(join(dir, "feed.jsonl"), options);
  assert.deepEqual(
    r.articles.map((a) => [a.source.replace(dir, ""), a.title, a.publishedAt]),
    [
      ["/feed.jsonl#1", "A", null],
      ["/feed.jsonl#5", "D", "2023-01-05"],
    ],
  );
  assert.equal(r.errors.length, 2);
  assert.match(r.errors[0]!.message, /feed\.jsonl#3: malformed JSON on line 3/);
  assert.match(r.errors[1]!.message, /feed\.jsonl#4: publishedAt "yesterday" is not a date/);
});

test("oversized, binary and empty files are refused naming the file", async () => {
  const dir = tempFiles({
    "big.txt": "x".repeat(2000),
    "img.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    "empty.txt": "",
  });
  await assert.rejects(
    readInput(join(dir, "big.txt"), { maxBytes: 1000 }),
    /big\.txt: too large \(2000 bytes; the limit is 1000/,
  );
  await assert.rejects(readInput(join(dir, "img.txt"), options), /img\.txt: binary content/);
  await assert.rejects(readInput(join(dir, "empty.txt"), options), /empty\.txt: empty file/);
});

test("directories are walked recursively in name order, skipping sidecars, hidden and unknown files", async () => {
  const dir = tempFiles({
    "b.txt": "B",
    "a/one.html": "<p>x</p>",
    "a/two.jsonl": "{}",
    "a/two.meta.json": "{}",
    "a/.hidden.txt": "h",
    "notes.md": "# notes",
  });
  const { files, errors } = await listInputs([dir, join(dir, "missing.txt")]);
  assert.deepEqual(
    files.map((f) => f.replace(dir, "")),
    ["/a/one.html", "/a/two.jsonl", "/b.txt"],
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /missing\.txt: no such file or directory/);
});
