import { gunzipSync } from "node:zlib";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { ingestPaths } from "../../src/corpus/ingest.js";
import { createApp } from "../../src/server/app.js";
import { acceptsGzip, ResponseCache } from "../../src/server/cache.js";
import { openDatabase, type Database } from "../../src/store/database.js";

const TOKEN = "s3cret-token";
let db: Database;
let app: Hono;
let readOnly: Hono;

before(async () => {
  db = await openDatabase({ url: null, dataDir: "memory://" });
  await ingestPaths(db, ["examples/corpus"], { maxBytes: 1_000_000 }, "test");
  app = createApp({ db, token: TOKEN, maxBodyBytes: 50_000 });
  readOnly = createApp({ db, token: null });
});
after(() => db.close());

async function get(path: string, on: Hono = app) {
  const res = await on.request(path);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.json() };
}

async function post(path: string, body: BodyInit, headers: Record<string, string>, on: Hono = app) {
  const res = await on.request(path, { method: "POST", body, headers });
  return { status: res.status, body: await res.json() };
}

const auth = { authorization: `Bearer ${TOKEN}` };

test("the OpenAPI document describes every route of the app, and only those", async () => {
  const { status, body } = await get("/api/openapi.json");
  assert.equal(status, 200);
  assert.equal(body.openapi, "3.1.0");
  const routes = new Set(
    app.routes
      .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
  );
  const documented = new Set(
    Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    ),
  );
  assert.deepEqual([...documented].sort(), [...routes].sort());
  for (const key of ["GET /api/figure-groups", "GET /api/figure-groups/{id}", "POST /api/documents"])
    assert.ok(routes.has(key), key);
  // Every schema reference resolves.
  const refs = JSON.stringify(body).match(/#\/components\/schemas\/\w+/g) ?? [];
  for (const r of refs) assert.ok(body.components.schemas[r.split("/").pop()!], r);
});

test("documents are listed newest first, paginated with a total and the next offset", async () => {
  const first = await get("/api/documents?limit=4");
  assert.equal(first.status, 200);
  assert.equal(first.body.total, 11);
  assert.equal(first.body.items.length, 4);
  assert.equal(first.body.nextOffset, 4);
  assert.deepEqual(
    first.body.items.map((d: { publishedAt: string }) => d.publishedAt),
    ["2023-02-21", "2023-02-20", "2023-02-20", "2023-01-20"],
  );
  const last = await get("/api/documents?limit=4&offset=8");
  assert.equal(last.body.items.length, 3);
  assert.equal(last.body.nextOffset, null);
  const past = await get("/api/documents?offset=40");
  assert.deepEqual([past.body.items.length, past.body.total, past.body.nextOffset], [0, 11, null]);
});

test("documents filter by outlet, date range and full-text query", async () => {
  const outlet = await get("/api/documents?outlet=Baltic%20Monitor");
  assert.deepEqual(outlet.body.items.map((d: { title: string }) => d.title), ["Russia raises Makiivka death toll and blames soldiers’ phone use"]);
  const range = await get("/api/documents?from=2022-11-01&to=2022-11-30");
  assert.deepEqual(range.body.items.map((d: { outlet: string }) => d.outlet).sort(), ["Kyiv Daily Wire", "Meridian Report"]);
  const q = await get("/api/documents?q=Kherson&to=2023-02-20");
  assert.deepEqual(q.body.items.map((d: { outlet: string }) => d.outlet).sort(), ["Black Sea Courier", "Global Dispatch"]);
});

test("a document's detail is its claimtrace.document/1 form; bad and unknown ids are 400 and 404", async () => {
  const list = await get("/api/documents?outlet=Meridian%20Report");
  const id = list.body.items[0].id;
  const detail = await get(`/api/documents/${id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.schema, "claimtrace.document/1");
  assert.equal(detail.body.id, id);
  assert.ok(detail.body.text.includes("<script>alert(1)</script>"), "markup in article text travels as JSON text");
  assert.match(detail.type, /^application\/json/);
  assert.equal((await get("/api/documents/not-an-id")).status, 400);
  const missing = await get(`/api/documents/${"0".repeat(32)}`);
  assert.deepEqual([missing.status, missing.body.error.code], [404, "not_found"]);
});

test("search ranks matching documents; a missing query is a 400", async () => {
  const r = await get("/api/search?q=Sevryukov%20phones&limit=3");
  assert.equal(r.status, 200);
  assert.ok(r.body.total >= 1);
  assert.ok(r.body.items.every((d: { rank: number }) => d.rank > 0));
  assert.deepEqual((await get("/api/search")).body.error.code, "bad_parameter");
});

test("bad parameters and unknown routes get clear 4xx JSON errors, never a 500", async () => {
  for (const path of [
    "/api/documents?limit=0",
    "/api/documents?limit=201",
    "/api/documents?limit=ten",
    "/api/documents?offset=-1",
    "/api/documents?from=2023-13-01",
    "/api/documents?to=yesterday",
    `/api/documents?q=${"x".repeat(600)}`,
  ]) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.equal(r.body.error.code, "bad_parameter", path);
    assert.ok(r.body.error.message.length > 0);
  }
  const unknown = await get("/api/nothing-here");
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, "not_found"]);
});

test("writes need the token; a server started without one is read-only", async () => {
  const record = JSON.stringify({ title: "Token test", text: "The ministry said 12 people were hurt." });
  const json = { "content-type": "application/json" };
  assert.equal((await post("/api/documents", record, json)).status, 401);
  assert.equal((await post("/api/documents", record, { ...json, authorization: "Bearer wrong-token!" })).status, 401);
  const ro = await post("/api/documents", record, { ...json, ...auth }, readOnly);
  assert.deepEqual([ro.status, ro.body.error.code], [403, "read_only"]);
  const before = (await get("/api/documents")).body.total;
  assert.equal(before, 11, "nothing was stored by refused writes");
});

test("POST ingests JSON records and uploaded files; duplicates and bad records are reported", async () => {
  const headers = { "content-type": "application/json", ...auth };
  const records = [
    { title: "Governor revises count", outlet: "Test Wire", publishedAt: "2023-02-22", text: "The governor said 14 people were wounded." },
    { title: "No body here" },
  ];
  const first = await post("/api/documents", JSON.stringify(records), headers);
  assert.equal(first.status, 201);
  assert.deepEqual([first.body.stored, first.body.duplicates, first.body.rejected], [1, 0, 1]);
  assert.equal(first.body.documents[0].title, "Governor revises count");
  assert.deepEqual(first.body.errors, [{ input: "request.json#2", reason: 'record has no "text" or "html" string' }]);

  const again = await post("/api/documents", JSON.stringify(records[0]), headers);
  assert.deepEqual([again.status, again.body.stored, again.body.duplicates], [201, 0, 1]);

  const form = new FormData();
  form.append("file", new Blob(["Uploaded story\n\nFour rockets hit the port, the mayor said."]), "upload.txt");
  const upload = await post("/api/documents", form, auth);
  assert.equal(upload.status, 201);
  assert.deepEqual(upload.body.documents.map((d: { source: string; outcome: string }) => [d.source, d.outcome]), [["upload.txt", "stored"]]);

  const detail = await get(`/api/documents/${upload.body.documents[0].id}`);
  assert.equal(detail.body.text, "Uploaded story\n\nFour rockets hit the port, the mayor said.");
});

test("malformed, unsupported and oversized bodies are 422, 415 and 413", async () => {
  const bad = await post("/api/documents", "{ not json", { "content-type": "application/json", ...auth });
  assert.equal(bad.status, 422);
  assert.match(bad.body.errors[0].reason, /malformed JSON/);
  const xml = await post("/api/documents", "<a/>", { "content-type": "application/xml", ...auth });
  assert.deepEqual([xml.status, xml.body.error.code], [415, "unsupported_media_type"]);
  const huge = await post("/api/documents", JSON.stringify({ text: "x".repeat(60_000) }), { "content-type": "application/json", ...auth });
  assert.deepEqual([huge.status, huge.body.error.code], [413, "too_large"]);
});

test("markup in an article's title and quotes comes back as JSON strings, never as HTML", async () => {
  const record = {
    title: `Mayor <script>alert("title")</script> warns of <b>shelling</b>`,
    outlet: "Test <i>Wire</i>",
    publishedAt: "2023-03-01",
    text:
      `Mayor <script>alert("title")</script> warns of <b>shelling</b>\n\n` +
      `“Twelve people were hurt <img src=x onerror=alert(1)> in the night,” Mayor Ivan Petrenko said on Tuesday.`,
  };
  const stored = await post("/api/documents", JSON.stringify(record), { "content-type": "application/json", ...auth });
  assert.equal(stored.status, 201);
  const id = stored.body.documents[0].id;
  const doc = await get(`/api/documents/${id}`);
  assert.match(doc.type, /^application\/json/);
  assert.equal(doc.body.title, record.title);
  const listed = await get("/api/documents?outlet=Test%20%3Ci%3EWire%3C%2Fi%3E");
  assert.deepEqual(listed.body.items.map((d: { title: string }) => d.title), [record.title]);
  const res = await app.request(`/api/attributions?document=${id}`);
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const raw = await res.text();
  assert.ok(!raw.includes("<!") && raw.startsWith("{"), "a JSON body, not a page");
  const quote = JSON.parse(raw).items.find((a: { speaker: { name: string } | null }) => a.speaker?.name === "Ivan Petrenko");
  assert.ok(quote, raw);
  assert.equal(quote.content[0].text, "“Twelve people were hurt <img src=x onerror=alert(1)> in the night,”");
  assert.equal(quote.documentTitle, record.title);
});

test("the response cache serves repeated GETs and forgets everything when this server writes", async () => {
  const before = (await get("/api/entities?q=Hnatenko")).body.total;
  assert.equal(before, 0);
  const record = { title: "Port struck", publishedAt: "2023-03-02", text: "Port struck\n\n“Four rockets hit the port,” Governor Oleh Hnatenko said on Thursday." };
  assert.equal((await post("/api/documents", JSON.stringify(record), { "content-type": "application/json", ...auth })).status, 201);
  assert.equal((await get("/api/entities?q=Hnatenko")).body.total, 1, "the cached empty answer was dropped by the write");
});

test("concurrent requests for one URL run its handler once; other URLs and errors are not shared", async () => {
  const cache = new ResponseCache({ maxAgeMs: 60_000 });
  const runs = new Map<string, number>();
  const tiny = new Hono();
  tiny.use("*", cache.middleware());
  tiny.get("/n/:k", async (c) => {
    const k = c.req.param("k");
    runs.set(k, (runs.get(k) ?? 0) + 1);
    await new Promise((r) => setImmediate(r));
    return k === "bad" ? c.json({ error: "no" }, 400) : c.json({ k, run: runs.get(k) });
  });
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => tiny.request(`/n/${i % 2 ? "a" : "b"}`)));
  const bodies = await Promise.all(answers.map((r) => r.json()));
  assert.deepEqual([runs.get("a"), runs.get("b")], [1, 1]);
  assert.ok(bodies.every((b) => b.run === 1));
  await Promise.all([tiny.request("/n/bad"), tiny.request("/n/bad")]);
  await tiny.request("/n/bad");
  assert.ok(runs.get("bad")! >= 2, "error answers are never kept");
  cache.invalidate();
  assert.equal(cache.size, 0);
  assert.equal((await (await tiny.request("/n/a")).json()).run, 2);
});

test("a kept answer goes out gzipped to clients that accept gzip, as it is to the others", async () => {
  const cache = new ResponseCache({ maxAgeMs: 60_000 });
  const tiny = new Hono();
  tiny.use("*", cache.middleware());
  const big = { items: Array.from({ length: 200 }, (_, i) => ({ i, text: "“Four rockets hit the port,” <script>x</script>" })) };
  tiny.get("/big", (c) => c.json(big));
  tiny.get("/small", (c) => c.json({ ok: true }));
  const first = await tiny.request("/big", { headers: { "accept-encoding": "gzip" } });
  assert.equal(first.headers.get("content-encoding"), null, "the answer computed by this request goes out as it is");
  assert.deepEqual(await first.json(), big);
  const zipped = await tiny.request("/big", { headers: { "accept-encoding": "gzip, deflate, br" } });
  assert.equal(zipped.headers.get("content-encoding"), "gzip");
  assert.equal(zipped.headers.get("vary"), "accept-encoding");
  assert.match(zipped.headers.get("content-type") ?? "", /^application\/json/);
  const bytes = Buffer.from(await zipped.arrayBuffer());
  assert.equal(Number(zipped.headers.get("content-length")), bytes.length);
  assert.deepEqual(JSON.parse(gunzipSync(bytes).toString("utf8")), big);
  assert.ok(bytes.length * 5 < JSON.stringify(big).length, `gzip should shrink this answer (${bytes.length} bytes)`);
  for (const header of [undefined, "identity", "gzip;q=0", "br", "*;q=0"]) {
    const plain = await tiny.request("/big", { headers: header ? { "accept-encoding": header } : {} });
    assert.equal(plain.headers.get("content-encoding"), null, `Accept-Encoding: ${header}`);
    assert.equal(plain.headers.get("vary"), "accept-encoding");
    assert.deepEqual(await plain.json(), big);
  }
  assert.equal((await tiny.request("/big", { headers: { "accept-encoding": "*" } })).headers.get("content-encoding"), "gzip");
  await tiny.request("/small");
  const small = await tiny.request("/small", { headers: { "accept-encoding": "gzip" } });
  assert.equal(small.headers.get("content-encoding"), null, "a small answer is not worth compressing");
  assert.deepEqual(await small.json(), { ok: true });
});

test("Accept-Encoding is read as RFC 9110 says: weights, wildcards, case", () => {
  const cases: Array<[string | undefined, boolean]> = [
    [undefined, false], ["", false], ["gzip", true], ["GZIP", true], ["deflate, gzip;q=0.5", true], ["gzip;q=0", false],
    ["gzip; q=0.0", false], ["*", true], ["br, *;q=0.1", true], ["*;q=0", false], ["gzip;q=0, *", false], ["identity", false],
  ];
  for (const [header, expected] of cases) assert.equal(acceptsGzip(header), expected, `Accept-Encoding: ${header}`);
});

test("no malformed query string makes any endpoint fail with a 500", async () => {
  const endpoints = [
    "/api/documents", "/api/search", "/api/figure-groups", "/api/figure-groups/fg-85245b20e9b7", "/api/events",
    "/api/events/ev-3f8df5d08115", "/api/entities", "/api/entities/en-6fc3a4b62480", "/api/attributions", "/api/figures",
  ];
  const params = ["q", "limit", "offset", "from", "to", "outlet", "speaker", "entity", "event", "document", "kind", "type", "measure", "qualifier", "group", "disputed", "in"];
  const values = ["%00", "%ED%A0%80", "'%3B--", "-1", "99999999999999999999", "2023-02-29", "x".repeat(700)];
  for (const endpoint of endpoints)
    for (const name of params)
      for (const value of values) {
        const res = await app.request(`${endpoint}?${name}=${value}`);
        assert.ok(res.status < 500, `${endpoint}?${name}=${value} answered ${res.status}`);
        assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      }
});

test("an expired answer is recomputed by one request while the others still get the previous one", async () => {
  let clock = 0;
  const cache = new ResponseCache({ maxAgeMs: 1_000, now: () => clock });
  let version = 1;
  let runs = 0;
  let release = () => {};
  const tiny = new Hono();
  tiny.use("*", cache.middleware(["/live"]));
  tiny.get("/board", async (c) => {
    runs++;
    const seen = version;
    if (runs > 1) await new Promise<void>((r) => (release = r));
    return c.json({ seen });
  });
  tiny.get("/live", (c) => c.json({ version }));
  const seen = async (path = "/board") => (await (await tiny.request(path)).json()).seen;
  assert.equal(await seen(), 1);
  version = 2;
  clock = 999;
  assert.equal(await seen(), 1, "fresh for max age");
  clock = 1_500;
  const refreshing = seen();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(await Promise.all([seen(), seen()]), [1, 1], "while one request recomputes, the others get the previous answer");
  release();
  assert.equal(await refreshing, 2);
  assert.equal(await seen(), 2);
  assert.equal(runs, 2);
  clock = 10_000;
  version = 3;
  const late = seen();
  await new Promise((r) => setImmediate(r));
  const waiting = seen();
  release();
  assert.deepEqual(await Promise.all([late, waiting]), [3, 3], "an answer older than twice the max age is never served");
  assert.equal((await (await tiny.request("/live")).json()).version, 3);
});
