/**
 * Linking speed: a synthetic corpus of 10,000 articles, made at run time from the example corpus (each family of
 * eleven articles gets its own invented places and people and its own dates, so it forms its own three events,
 * while the ministries, Zelensky and Putin recur across all of them), is extracted by the full per-document
 * pipeline and linked: in memory at once, and in the store in ingestion's batches (PGlite in memory; PostgreSQL too
 * when CLAIMTRACE_BENCH_POSTGRES names a server). The target (issue 5): linking the corpus takes less time than
 * extracting it. Run alone:
 *
 *   node --import tsx bench/link.ts [articles]       (default 10000; CLAIMTRACE_BENCH_LINK_ARTICLES too)
 *   CLAIMTRACE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/link.ts
 */
import { fileURLToPath } from "node:url";
import { titleAfterCleaning, toDocument } from "../src/ingest/document.js";
import { listInputs, readInput, type RawArticle } from "../src/ingest/inputs.js";
import { linkRecords } from "../src/link/batch.js";
import { prepareDocument } from "../src/link/records.js";
import type { Document } from "../src/model/document.js";
import { runPipeline } from "../src/pipeline/pipeline.js";
import pg from "pg";
import { openDatabase, type Database } from "../src/store/database.js";
import { saveDocument } from "../src/store/documents.js";
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

/** PGlite in memory, the default store. */
const pgliteStore: BenchStore = {
  name: "PGlite",
  open: () => openDatabase({ url: null, dataDir: "memory://" }),
  drop: async () => {},
  close: async () => {},
};

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
  /** linkDocuments over the corpus in batches of LINK_BATCH, as ingestion links. */
  batched: Clock;
  phases: LinkTimings;
  /** One article per transaction, on a sample (as one upload through the API is linked). */
  single: Clock;
  sample: number;
  /** Saving the documents themselves (not linking; not counted). */
  save: Clock;
}

async function measureStore(
  store: BenchStore,
  docs: readonly Document[],
  expected: { events: number; figureGroups: number },
): Promise<StoreRun> {
  let save = ZERO;
  let batched = ZERO;
  const phases: LinkTimings = { records: 0, claims: 0, linking: 0 };
  let db = await store.open();
  try {
    for (let i = 0; i < docs.length; i += LINK_BATCH) {
      const chunk = docs.slice(i, i + LINK_BATCH);
      let t = now();
      for (const d of chunk) await saveDocument(db, d, null);
      save = add(save, since(t));
      t = now();
      await linkDocuments(db, chunk, phases);
      batched = add(batched, since(t));
    }
    const stored = await loadLinkResult(db);
    if (stored.events.length !== expected.events || stored.figureGroups.length !== expected.figureGroups)
      throw new Error(`${store.name}: the store's ledger differs from the batch result`);
  } finally {
    await db.close();
    await store.drop();
  }
  const sample = docs.slice(0, Math.min(docs.length, 1_000));
  let single = ZERO;
  db = await store.open();
  try {
    for (const d of sample) {
      await saveDocument(db, d, null);
      const t = now();
      await linkDocument(db, d);
      single = add(single, since(t));
    }
  } finally {
    await db.close();
    await store.drop();
  }
  return { name: store.name, batched, phases, single, sample: sample.length, save };
}

export async function benchLink(n = Number(process.env.CLAIMTRACE_BENCH_LINK_ARTICLES ?? 10_000)): Promise<string> {
  const raw = await syntheticCorpus(n);

  let t = now();
  const docs: Document[] = raw.map((a) => titleAfterCleaning(runPipeline(toDocument(a))));
  const extraction = since(t);

  t = now();
  const records = docs.map(prepareDocument);
  const prepare = since(t);
  t = now();
  const linked = linkRecords(records);
  const inMemory = add(prepare, since(t));
  const expected = { events: linked.events.length, figureGroups: linked.figureGroups.length };

  const runs = [await measureStore(pgliteStore, docs, expected)];
  const postgres = await postgresStore();
  if (typeof postgres !== "string")
    try {
      runs.push(await measureStore(postgres, docs, expected));
    } finally {
      await postgres.close();
    }

  const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
  const ratio = (c: Clock, inProcess = true) =>
    `${pct(c.wall, extraction.wall)} of extraction` + (inProcess ? `; CPU ${pct(c.cpu, extraction.cpu)}` : "");
  const perArticle = (ms: number, count: number) => `${(ms / count).toFixed(2)} ms/article`;
  const lines = [
    `linking ${docs.length.toLocaleString("en")} synthetic articles (example corpus × ${Math.ceil(docs.length / 11)} families), one core; wall time (CPU time of this process where all the work is in it):`,
    `  extraction (full per-document pipeline)    ${seconds(extraction.wall)}  (${perArticle(extraction.wall, docs.length)}; CPU ${seconds(extraction.cpu)})`,
    `  linking in memory, all at once             ${seconds(inMemory.wall)}  (${ratio(inMemory)}; records ${seconds(prepare.wall)})`,
  ];
  for (const r of runs) {
    const inProcess = r.name === "PGlite";
    lines.push(
      `  linking in ${r.name}, batches of ${LINK_BATCH}`.padEnd(45) +
        `${seconds(r.batched.wall)}  (${ratio(r.batched, inProcess)}; ${perArticle(r.batched.wall, docs.length)})`,
      `    of which: records ${seconds(r.phases.records)}, writing claim rows (attributions with their search text, figures, keys) ${seconds(r.phases.claims)}, entities/events/groups ${seconds(r.phases.linking)}`,
      `    one article per transaction: ${perArticle(r.single.wall, r.sample)} on the first ${r.sample.toLocaleString("en")} (${pct(r.single.wall / r.sample, extraction.wall / docs.length)} of extraction per article)`,
      `    (saving the documents themselves: ${seconds(r.save.wall)}, not counted)`,
    );
  }
  if (typeof postgres === "string") lines.push(`  PostgreSQL: ${postgres}`);
  lines.push(
    `  ledger: ${linked.entities.length.toLocaleString("en")} entities, ${linked.events.length.toLocaleString("en")} events, ${linked.figureGroups.length.toLocaleString("en")} figure groups`,
    `  target "linking takes less time than extraction": in memory ${inMemory.wall < extraction.wall ? "met" : "NOT met"}; ` +
      runs.map((r) => `${r.name} ${r.batched.wall < extraction.wall ? "met" : "NOT met"}`).join("; "),
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(await benchLink(process.argv[2] ? Number(process.argv[2]) : undefined));
