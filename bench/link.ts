/**
 * Linking speed: a synthetic corpus of 10,000 articles, made at run time from the example corpus (each family of
 * eleven articles gets its own invented places and people and its own dates, so it forms its own three events,
 * while the ministries, Zelensky and Putin recur across all of them), is extracted by the full per-document
 * pipeline and linked: in memory at once, and in the store as ingestion does it, a batch at a time: each batch stored
 * (documents with their claims), then linked (PGlite on a fresh data folder, as claimtrace opens it by default, or in
 * memory with CLAIMTRACE_BENCH_PGLITE=memory; PostgreSQL too when CLAIMTRACE_BENCH_POSTGRES names a server). The
 * target (issue 5): linking the corpus takes less time than extracting it. Linking counts the records it reads
 * (made while storing, which needs them too), its own rows and the ledger's; storing the documents and their
 * claims is reported beside it, with the whole of ingestion. Run alone:
 *
 *   node --import tsx bench/link.ts [articles]       (default 10000; CLAIMTRACE_BENCH_LINK_ARTICLES too)
 *   CLAIMTRACE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/link.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { titleAfterCleaning, toDocument } from "../src/ingest/document.js";
import { listInputs, readInput, type RawArticle } from "../src/ingest/inputs.js";
import { linkRecords } from "../src/link/batch.js";
import { prepareDocument } from "../src/link/records.js";
import { runPipeline } from "../src/pipeline/pipeline.js";
import pg from "pg";
import { openDatabase, type Database } from "../src/store/database.js";
import { saveDocument, saveDocuments, type SaveTimings } from "../src/store/documents.js";
import { LINK_BATCH, linkDocument, linkDocuments, loadLinkResult, type LinkTimings } from "../src/store/links.js";

const EXAMPLES = fileURLToPath(new URL("../examples/corpus/", import.meta.url));

/** Names in the example corpus that each family replaces by invented ones of the same length (spans stay valid). */
const FAMILY_NAMES = [
  "Makiivka", "Kherson", "Korabel", "Svatove", "Luhansk", "Donetsk", "Samara", "Volgograd", "Dnipro", "Mykolaiv",
  "Rostov", "Orlov", "Sevryukov", "Vetrov", "Sobko", "Sokolova", "Koval", "Lahtinen", "Matviichuk", "Bondar",
  "Hnatiuk", "Ostapov", "Shield", "Okno",
];

/** A pronounceable invented word of `length` letters, the same for the same (family, name). */
function invented(family: number, name: string, length: number): string {
  let seed = family * 7919 + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 17);
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const consonants = "bdgklmnprstvz";
  const vowels = "aeiou";
  let w = "";
  for (let i = 0; i < length; i++) {
    const set = i % 2 === 0 ? consonants : vowels;
    w += set[next() % set.length];
  }
  return w[0]!.toUpperCase() + w.slice(1);
}

function shiftDate(iso: string | null, days: number): string | null {
  if (!iso) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function exampleArticles(): Promise<RawArticle[]> {
  const { files } = await listInputs([EXAMPLES]);
  const out: RawArticle[] = [];
  for (const f of files) out.push(...(await readInput(f, { maxBytes: 20 * 2 ** 20, published: null })).articles);
  return out;
}

/** `n` articles: family k is the example corpus with family k's names, published k × 120 days later. */
export async function syntheticCorpus(n: number): Promise<RawArticle[]> {
  const base = await exampleArticles();
  const out: RawArticle[] = [];
  for (let k = 0; out.length < n; k++)
    for (const a of base) {
      if (out.length >= n) break;
      let text = a.text;
      let title = a.title;
      for (const name of FAMILY_NAMES) {
        const word = invented(k, name, name.length);
        text = text.split(name).join(word).split(name.toUpperCase()).join(word.toUpperCase());
        title = title?.split(name).join(word) ?? null;
      }
      out.push({ ...a, source: `synthetic/${k}/${a.source.split("/").pop()}`, text, title, publishedAt: shiftDate(a.publishedAt, k * 120) });
    }
  return out;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Wall-clock and CPU milliseconds of this process (PGlite runs inside it; PostgreSQL's work is another process's). */
interface Clock {
  wall: number;
  cpu: number;
}
function now(): Clock {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
}
const since = (t: Clock): Clock => {
  const n = now();
  return { wall: n.wall - t.wall, cpu: n.cpu - t.cpu };
};
const add = (a: Clock, b: Clock): Clock => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
const ZERO: Clock = { wall: 0, cpu: 0 };

interface BenchStore {
  name: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
  close(): Promise<void>;
}

/** PGlite as `claimtrace` opens it by default: on a data folder (a fresh temporary one); in memory when asked. */
function pgliteStore(): BenchStore {
  const inMemory = process.env.CLAIMTRACE_BENCH_PGLITE === "memory";
  let dir: string | null = null;
  return {
    name: inMemory ? "PGlite (in memory)" : "PGlite (data folder)",
    async open() {
      if (inMemory) return openDatabase({ url: null, dataDir: "memory://" });
      dir = await mkdtemp(join(tmpdir(), "claimtrace-bench-"));
      return openDatabase({ url: null, dataDir: dir });
    },
    async drop() {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = null;
    },
    close: async () => {},
  };
}

/** A throw-away database on the PostgreSQL server named by CLAIMTRACE_BENCH_POSTGRES, if set and reachable. */
async function postgresStore(): Promise<BenchStore | string> {
  const server = process.env.CLAIMTRACE_BENCH_POSTGRES;
  if (!server) return "set CLAIMTRACE_BENCH_POSTGRES=postgres://… to measure PostgreSQL too";
  const name = `claimtrace_bench_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (e) {
    return `PostgreSQL at ${server} not reachable: ${(e as Error).message}`;
  }
  return {
    name: "PostgreSQL",
    async open() {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return openDatabase({ url: url.toString() });
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
    close: () => admin.end(),
  };
}

interface StoreRun {
  name: string;
  /** The per-document pipeline over the corpus, a batch at a time, in this run (as ingestion extracts). */
  extraction: Clock;
  /** saveDocuments over each batch, as ingestion stores, less the records made there. */
  store: Clock;
  /** linkDocuments over each stored batch, as ingestion links, plus the records the batch's saving made. */
  link: Clock;
  phases: LinkTimings;
  /** One article per call, on a sample (as one upload through the API is stored and linked). */
  singleStore: Clock;
  singleLink: Clock;
  sample: number;
}

const extract = (a: RawArticle) => titleAfterCleaning(runPipeline(toDocument(a)));

/**
 * Ingestion as `claimtrace ingest` runs it: each batch of LINK_BATCH articles extracted, stored, then linked, and
 * let go, so the heap holds what ingestion's does (a batch, and linking's copy of the link state) rather than the
 * whole corpus. Extraction is timed here too, so the ratio compares two measurements made under the same heap.
 */
async function measureStore(
  store: BenchStore,
  corpus: readonly RawArticle[],
  expected: { events: number; figureGroups: number },
): Promise<StoreRun> {
  let extraction = ZERO;
  let stored = ZERO;
  let linked = ZERO;
  const phases: LinkTimings = { records: 0, rows: 0, linking: 0 };
  const made: SaveTimings = { records: 0 };
  let db = await store.open();
  try {
    for (let i = 0; i < corpus.length; i += LINK_BATCH) {
      let t = now();
      const chunk = corpus.slice(i, i + LINK_BATCH).map(extract);
      extraction = add(extraction, since(t));
      t = now();
      const outcomes = await saveDocuments(db, chunk, null, made);
      stored = add(stored, since(t));
      t = now();
      await linkDocuments(db, chunk.filter((_, k) => outcomes[k] === "stored"), phases);
      linked = add(linked, since(t));
    }
    const ledger = await loadLinkResult(db);
    if (ledger.events.length !== expected.events || ledger.figureGroups.length !== expected.figureGroups)
      throw new Error(`${store.name}: the store's ledger differs from the batch result`);
  } finally {
    await db.close();
    await store.drop();
  }
  // Records were made while saving; they are linking's work (the in-memory line counts them too). They are timed
  // by the wall clock; as in-process JavaScript their CPU time is the same.
  phases.records += made.records;
  const records: Clock = { wall: made.records, cpu: made.records };
  const sample = corpus.slice(0, Math.min(corpus.length, 1_000)).map(extract);
  let singleStore = ZERO;
  let singleLink = ZERO;
  db = await store.open();
  try {
    for (const d of sample) {
      let t = now();
      await saveDocument(db, d, null);
      singleStore = add(singleStore, since(t));
      t = now();
      await linkDocument(db, d);
      singleLink = add(singleLink, since(t));
    }
  } finally {
    await db.close();
    await store.drop();
  }
  return {
    name: store.name,
    extraction,
    store: add(stored, { wall: -records.wall, cpu: -records.cpu }),
    link: add(linked, records),
    phases,
    singleStore,
    singleLink,
    sample: sample.length,
  };
}

/** The whole corpus extracted, then linked at once in memory; only the measurements outlive the call. */
function linkInMemory(raw: readonly RawArticle[]) {
  let t = now();
  const docs = raw.map(extract);
  const extraction = since(t);
  t = now();
  const records = docs.map(prepareDocument);
  const prepare = since(t);
  t = now();
  const linked = linkRecords(records);
  const inMemory = add(prepare, since(t));
  const ledger = { entities: linked.entities.length, events: linked.events.length, figureGroups: linked.figureGroups.length };
  return { extraction, prepare, inMemory, ledger };
}

export async function benchLink(n = Number(process.env.CLAIMTRACE_BENCH_LINK_ARTICLES ?? 10_000)): Promise<string> {
  const raw = await syntheticCorpus(n);

  const { extraction, prepare, inMemory, ledger } = linkInMemory(raw);
  const expected = { events: ledger.events, figureGroups: ledger.figureGroups };
  const articles = raw.length;

  const runs = [await measureStore(pgliteStore(), raw, expected)];
  const postgres = await postgresStore();
  if (typeof postgres !== "string")
    try {
      runs.push(await measureStore(postgres, raw, expected));
    } finally {
      await postgres.close();
    }

  const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
  const ratio = (c: Clock, of: Clock, inProcess = true) =>
    `${pct(c.wall, of.wall)} of extraction` + (inProcess ? `; CPU ${pct(c.cpu, of.cpu)}` : "");
  const perArticle = (ms: number, count: number) => `${(ms / count).toFixed(2)} ms/article`;
  const lines = [
    `linking ${articles.toLocaleString("en")} synthetic articles (example corpus × ${Math.ceil(articles / 11)} families), one core; wall time (CPU time of this process where all the work is in it):`,
    `  all at once, in memory:`,
    `    extraction (full per-document pipeline)  ${seconds(extraction.wall)}  (${perArticle(extraction.wall, articles)}; CPU ${seconds(extraction.cpu)})`,
    `    linking                                  ${seconds(inMemory.wall)}  (${ratio(inMemory, extraction)}; records ${seconds(prepare.wall)})`,
  ];
  for (const r of runs) {
    const inProcess = r.name.startsWith("PGlite");
    const ingest = add(add(r.extraction, r.store), r.link);
    lines.push(
      `  ${r.name}, as ingestion runs (a batch of ${LINK_BATCH} extracted, stored, linked):`,
      `    extraction                               ${seconds(r.extraction.wall)}  (${perArticle(r.extraction.wall, articles)})`,
      `    linking                                  ${seconds(r.link.wall)}  (${ratio(r.link, r.extraction, inProcess)}; ${perArticle(r.link.wall, articles)})`,
      `      of which: records ${seconds(r.phases.records)}, link rows (event features, keys, entity names) ${seconds(r.phases.rows)}, entities/events/groups ${seconds(r.phases.linking)}`,
      `    storing documents with their claims      ${seconds(r.store.wall)}  (${ratio(r.store, r.extraction, inProcess)}; ${perArticle(r.store.wall, articles)}; not linking: text, spans, attributions with their search text, figures)`,
      `    ingestion in all                         ${seconds(ingest.wall)}  (${perArticle(ingest.wall, articles)})`,
      `    one article per call, first ${r.sample.toLocaleString("en")}: storing ${perArticle(r.singleStore.wall, r.sample)}, linking ${perArticle(r.singleLink.wall, r.sample)} (${pct(r.singleLink.wall / r.sample, r.extraction.wall / articles)} of extraction per article)`,
    );
  }
  if (typeof postgres === "string") lines.push(`  PostgreSQL: ${postgres}`);
  lines.push(
    `  ledger: ${ledger.entities.toLocaleString("en")} entities, ${ledger.events.toLocaleString("en")} events, ${ledger.figureGroups.toLocaleString("en")} figure groups`,
    `  target "linking takes less time than extraction": in memory ${inMemory.wall < extraction.wall ? "met" : "NOT met"}; ` +
      runs.map((r) => `${r.name} ${r.link.wall < r.extraction.wall ? "met" : "NOT met"}`).join("; "),
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(await benchLink(process.argv[2] ? Number(process.argv[2]) : undefined));
