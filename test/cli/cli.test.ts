import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import iconv from "iconv-lite";
import { runCli } from "../helpers/cli.js";
import { tempFiles } from "../helpers/tmp.js";

const story =
  "Officials revise toll 🙂 after strike\n\nThe ministry said on Tuesday that 89 soldiers died.\n“We will respond,” Sevryukov said.\n";

function lines(stdout: string) {
  return stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

test("extract prints one claimtrace.document/1 line per document, with exact UTF-16 spans into the file's text", async () => {
  const dir = tempFiles({
    "a-story.txt": story,
    "b-feed.jsonl": [
      JSON.stringify({ title: "Wire one", text: "Wire body one." }),
      JSON.stringify({ title: "Wire two", html: "<p>Wire body two.</p>" }),
    ].join("\n"),
    "c-ru.txt": iconv.encode("Заголовок\n\nВ ведомстве заявили, что погибли 89 человек.", "win1251"),
  });
  const r = await runCli(["extract", "--format", "jsonl", "--published", "2023-01-04", dir]);
  assert.equal(r.code, 0, r.stderr);
  const docs = lines(r.stdout);
  assert.deepEqual(
    docs.map((d) => [d.schema, d.source.replace(dir, ""), d.title, d.publishedAt]),
    [
      ["claimtrace.document/1", "/a-story.txt", "Officials revise toll 🙂 after strike", "2023-01-04"],
      ["claimtrace.document/1", "/b-feed.jsonl#1", "Wire one", "2023-01-04"],
      ["claimtrace.document/1", "/b-feed.jsonl#2", "Wire two", "2023-01-04"],
      ["claimtrace.document/1", "/c-ru.txt", "Заголовок", "2023-01-04"],
    ],
  );
  const first = docs[0];
  assert.equal(first.text, readFileSync(join(dir, "a-story.txt"), "utf8"));
  // The emoji is two UTF-16 code units: offsets after it must still slice the right text.
  const sentences = first.sentences.map((s: { start: number; end: number }) =>
    first.text.slice(s.start, s.end),
  );
  assert.deepEqual(sentences, [
    "Officials revise toll 🙂 after strike",
    "The ministry said on Tuesday that 89 soldiers died.",
    "“We will respond,” Sevryukov said.",
  ]);
  assert.equal(docs[3].encoding, "windows-1251");
  assert.equal(docs[3].language, "ru");
});

test("extract reads standard input with -", async () => {
  const r = await runCli(["extract", "-"], { input: story });
  assert.equal(r.code, 0, r.stderr);
  const [doc] = lines(r.stdout);
  assert.equal(doc.source, "-");
  assert.equal(doc.text, story);
});

test("bad inputs get one line each naming the input; the rest goes on; exit code 1", async () => {
  const dir = tempFiles({
    "good.txt": story,
    "binary.txt": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
    "empty.txt": "",
    "broken.json": "{ not json",
    "huge.txt": "word ".repeat(400),
    "copy.txt": story,
  });
  const r = await runCli(["extract", "--max-bytes", "1000", dir]);
  assert.equal(r.code, 1);
  assert.deepEqual(
    lines(r.stdout).map((d) => d.source.replace(dir, "")),
    ["/copy.txt"],
  );
  // V8's own wording of a JSON syntax error varies between Node versions, so only its start is fixed here.
  const errors = r.stderr
    .trim()
    .split("\n")
    .map((l) => l.replaceAll(dir, "").replace(/malformed JSON \(.*\)$/, "malformed JSON (…)"));
  assert.deepEqual(errors, [
    "claimtrace: rejected /binary.txt: binary content (NUL bytes), not text",
    "claimtrace: rejected /broken.json: malformed JSON (…)",
    "claimtrace: rejected /empty.txt: empty file",
    "claimtrace: skipped /good.txt: same content as /copy.txt",
    "claimtrace: rejected /huge.txt: too large (2000 bytes; the limit is 1000, see --max-bytes)",
  ]);
});

test("ingest stores once, counts duplicates, keeps what was stored when a later batch has bad files", async () => {
  const dir = tempFiles({
    "in/one.txt": story,
    "in/two.txt": "Second story\n\nMore than 1,000 soldiers refused to deploy, a lawyer wrote on Telegram.",
    "in/two-again.txt":
      "Second story\n\nMore than 1,000 soldiers refused to deploy, a lawyer wrote on Telegram.",
    "bad/empty.txt": "",
    "bad/three.txt": "Third story\n\nThe governor said four rockets were fired.",
  });
  const data = join(dir, "store");
  const first = await runCli(["ingest", join(dir, "in"), "--data", data]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^stored 2, duplicate 1, rejected 0 \(run 1, store .*store\)\n$/);

  const second = await runCli(["ingest", join(dir, "in"), join(dir, "bad"), "--data", data]);
  assert.equal(second.code, 1);
  assert.match(second.stdout, /^stored 1, duplicate 3, rejected 1 \(run 2/);
  assert.match(second.stderr, /rejected .*bad\/empty\.txt: empty file/);

  const report = await runCli(["analyze", "--format", "json", "--data", data]);
  assert.equal(report.code, 0, report.stderr);
  const parsed = JSON.parse(report.stdout);
  assert.equal(parsed.schema, "claimtrace.report/1");
  assert.deepEqual(parsed.documents.map((d: { title: string }) => d.title).sort(), [
    "Officials revise toll 🙂 after strike",
    "Second story",
    "Third story",
  ]);
});

test("--help teaches each command; usage errors exit 2", async () => {
  const top = await runCli(["--help"]);
  assert.equal(top.code, 0);
  for (const command of ["ingest", "extract", "analyze", "demo"])
    assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
  assert.match(top.stdout, /Exit codes/);
  for (const command of ["ingest", "extract", "analyze", "demo"]) {
    const r = await runCli([command, "--help"]);
    assert.equal(r.code, 0, command);
    assert.match(r.stdout, new RegExp(`Usage: claimtrace ${command}`));
  }
  const bad = await runCli(["extract", "--published", "someday", "x.txt"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--published: "someday" is not a date/);
  assert.equal((await runCli(["extract", "--format", "xml", "x.txt"])).code, 2);
  assert.equal((await runCli(["frobnicate"])).code, 2);
  const age = await runCli(["serve", "--cache-age", "soon"]);
  assert.equal(age.code, 2);
  assert.match(age.stderr, /--cache-age: "soon" is not a number of seconds/);
  assert.match((await runCli(["serve", "--help"])).stdout, /--cache-age <seconds>/);
});
