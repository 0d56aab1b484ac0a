/**
 * Linking speed: a synthetic corpus of 10,000 articles, made at run time from the example corpus (each family of
 * eleven articles gets its own invented places and people and its own dates, so it forms its own three events,
 * while the ministries, Zelensky and Putin recur across all of them), is extracted by the full per-document
 * pipeline and linked, both in memory at once and in the store one article at a time (PGlite, in memory). The
 * target (issue 5): linking the corpus takes less time than extracting it. Run alone:
 *
 *   node --import tsx bench/link.ts [articles]       (default 10000; CLAIMTRACE_BENCH_LINK_ARTICLES too)
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

/**
 * The store linked into: PGlite in memory, or a throw-away database on the PostgreSQL server named by
 * CLAIMTRACE_BENCH_POSTGRES (e.g. postgres://postgres@127.0.0.1:5432/postgres).
 */
async function benchStore(): Promise<{
  name: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
  close(): Promise<void>;
}> {
  const server = process.env.CLAIMTRACE_BENCH_POSTGRES;
  if (!server)
    return {
      name: "PGlite in memory",
      open: () => openDatabase({ url: null, dataDir: "memory://" }),
      drop: async () => {},
      close: async () => {},
    };
  const name = `claimtrace_bench_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
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

export async function benchLink(n = Number(process.env.CLAIMTRACE_BENCH_LINK_ARTICLES ?? 10_000)): Promise<string> {
  const raw = await syntheticCorpus(n);

  let t0 = performance.now();
  const docs: Document[] = raw.map((a) => titleAfterCleaning(runPipeline(toDocument(a))));
  const extraction = performance.now() - t0;

  t0 = performance.now();
  const records = docs.map(prepareDocument);
  const prepare = performance.now() - t0;
  t0 = performance.now();
  const linked = linkRecords(records);
  const batch = performance.now() - t0;

  // The store, as ingestion fills it: each article saved, then linked in batches of LINK_BATCH.
  let save = 0;
  let batched = 0;
  const phases: LinkTimings = { records: 0, claims: 0, linking: 0 };
  const store = await benchStore();
  let db = await store.open();
  try {
    for (let i = 0; i < docs.length; i += LINK_BATCH) {
      const chunk = docs.slice(i, i + LINK_BATCH);
      t0 = performance.now();
      for (const d of chunk) await saveDocument(db, d, null);
      save += performance.now() - t0;
      t0 = performance.now();
      await linkDocuments(db, chunk, phases);
      batched += performance.now() - t0;
    }
    const stored = await loadLinkResult(db);
    if (stored.events.length !== linked.events.length || stored.figureGroups.length !== linked.figureGroups.length)
      throw new Error("the store's ledger differs from the batch result");
  } finally {
    await db.close();
    await store.drop();
  }
  // One article per transaction (as a single upload through the API is linked), on a sample.
  const sample = docs.slice(0, Math.min(docs.length, 1_000));
  let single = 0;
  db = await store.open();
  try {
    for (const d of sample) {
      await saveDocument(db, d, null);
      t0 = performance.now();
      await linkDocument(db, d);
      single += performance.now() - t0;
    }
  } finally {
    await db.close();
    await store.drop();
    await store.close();
  }

  const ratio = (ms: number) => `${((ms / extraction) * 100).toFixed(1)}% of extraction`;
  const perArticle = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms/article`;
  return [
    `linking ${docs.length.toLocaleString("en")} synthetic articles (example corpus × ${Math.ceil(docs.length / 11)} families), one core:`,
    `  extraction (full per-document pipeline)    ${seconds(extraction)}  (${perArticle(extraction, docs.length)})`,
    `  linking in memory, all at once             ${seconds(prepare + batch)}  (${ratio(prepare + batch)}; records ${seconds(prepare)}, linking ${seconds(batch)})`,
    `  linking in the store, batches of ${LINK_BATCH}       ${seconds(batched)}  (${ratio(batched)}; ${perArticle(batched, docs.length)}, ${store.name})`,
    `    of which: records ${seconds(phases.records)}, writing claim rows ${seconds(phases.claims)}, updating entities/events/groups ${seconds(phases.linking)}`,
    `    without the claim rows (storage, like the documents themselves): ${seconds(batched - phases.claims)} (${ratio(batched - phases.claims)})`,
    `  linking in the store, one per transaction  ${perArticle(single, sample.length)} on the first ${sample.length.toLocaleString("en")}  (${((single / sample.length / (extraction / docs.length)) * 100).toFixed(0)}% of extraction per article)`,
    `  (saving the documents themselves           ${seconds(save)}, not counted)`,
    `  ledger: ${linked.entities.length.toLocaleString("en")} entities, ${linked.events.length.toLocaleString("en")} events, ${linked.figureGroups.length.toLocaleString("en")} figure groups`,
    `  target "linking takes less time than extraction": in memory ${prepare + batch < extraction ? "met" : "NOT met"}; in the store (batches) ${batched < extraction ? "met" : "NOT met"}, without writing claim rows ${batched - phases.claims < extraction ? "met" : "NOT met"}`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(await benchLink(process.argv[2] ? Number(process.argv[2]) : undefined));
