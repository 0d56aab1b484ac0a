import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Span } from "../../model/span.js";

/** One gold attribution relation from a PolNeAR brat standoff file. */
export interface GoldRelation {
  source: Span[] | null;
  cue: Span[];
  content: Span[];
}

export interface GoldFile {
  /** The .ann file name (article + annotator). */
  file: string;
  article: string;
  relations: GoldRelation[];
  /** Regions an annotator flagged "Discard": not scored. */
  discarded: Span[];
}

/**
 * Parses brat standoff: `T<n>\t<Label> <s> <e>[;<s> <e>…]\t<text>` and `E<n>\tAttribution:T.. Cue:T.. …`.
 * Text fields may run over several lines; only lines that start with an id are read.
 */
export function parseAnn(file: string, article: string, ann: string): GoldFile {
  const spans = new Map<string, { label: string; frags: Span[] }>();
  const rels: Array<Record<string, string>> = [];
  for (const line of ann.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const id = line.slice(0, tab);
    const body = line.slice(tab + 1).split("\t")[0]!;
    if (/^T\d+$/.test(id)) {
      const sp = body.indexOf(" ");
      const label = body.slice(0, sp);
      const frags = body
        .slice(sp + 1)
        .split(";")
        .map((f) => f.trim().split(" ").map(Number))
        .filter((f) => f.length === 2 && Number.isFinite(f[0]) && Number.isFinite(f[1]))
        .map(([start, end]) => ({ start: start!, end: end! }));
      spans.set(id, { label, frags });
    } else if (/^E\d+$/.test(id)) {
      const r: Record<string, string> = {};
      for (const kv of body.split(" ")) {
        const [k, v] = kv.split(":");
        if (k && v) r[k] = v;
      }
      rels.push(r);
    }
  }
  const relations: GoldRelation[] = [];
  for (const r of rels) {
    const cue = r.Cue ? spans.get(r.Cue)?.frags : undefined;
    const content = r.Content ? spans.get(r.Content)?.frags : undefined;
    if (!cue || !content) continue;
    const source = r.Source ? (spans.get(r.Source)?.frags ?? null) : null;
    relations.push({ source, cue, content });
  }
  const discarded = [...spans.values()].filter((s) => s.label === "Discard").flatMap((s) => s.frags);
  return { file, article, relations, discarded };
}

export interface SplitData {
  /** Article name → text. */
  texts: Map<string, string>;
  files: GoldFile[];
}

/** Reads one split (train/dev/test) of PolNeAR under an evaluation-data root (root/polnear/data/<split>). */
export function readSplit(root: string, split: string): SplitData {
  return readSplitAt(join(root, "polnear", "data"), split);
}

/** Reads one split from a PolNeAR data folder (data/<split>/{text,attributions}): every .ann file, each article's text once. */
export function readSplitAt(dataDir: string, split: string): SplitData {
  const dir = join(dataDir, split);
  const texts = new Map<string, string>();
  const files: GoldFile[] = [];
  for (const f of readdirSync(join(dir, "attributions")).sort()) {
    if (!f.endsWith(".ann")) continue;
    const article = f.replace(/_[0-9a-f]+\.ann$/, "");
    if (!texts.has(article)) texts.set(article, readFileSync(join(dir, "text", `${article}.txt`), "utf8"));
    files.push(parseAnn(f, article, readFileSync(join(dir, "attributions", f), "utf8")));
  }
  return { texts, files };
}
