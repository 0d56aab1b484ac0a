import { plainTextDocument } from "../../src/ingest/document.js";
import { attributionStage } from "../../src/attribution/stage.js";
import type { Attribution } from "../../src/model/claims.js";
import type { Document } from "../../src/model/document.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { cleanStage } from "../../src/pipeline/stages/clean.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";

export function extract(text: string): Document {
  const doc = plainTextDocument(text, { source: "test.txt", publishedAt: "2023-01-04" });
  return runPipeline(doc, [cleanStage, segmentStage, attributionStage]);
}

/** An attribution as plain strings, for readable assertions. */
export interface Seen {
  kind: string;
  source: string | null;
  cue: string | null;
  content: string[];
  speaker: string | null;
  type: string | null;
  role: string | null;
  via: string[];
}

export function seen(doc: Document, a: Attribution): Seen {
  const t = (s: { start: number; end: number } | null) => (s ? doc.text.slice(s.start, s.end) : null);
  return {
    kind: a.kind,
    source: t(a.source),
    cue: t(a.cue),
    content: a.content.map((c) => doc.text.slice(c.start, c.end)),
    speaker: a.speaker?.name ?? null,
    type: a.speaker?.type ?? null,
    role: a.speaker?.role ?? null,
    via: a.via.map((v) => `${v.name}/${v.type}`),
  };
}

/** Every attribution of a text, as strings. */
export function attributions(text: string): Seen[] {
  const doc = extract(text);
  return (doc.layers.attributions ?? []).map((a) => seen(doc, a));
}

/** The one attribution whose cue is `cue` (fails the test when there is not exactly one). */
export function byCue(list: Seen[], cue: string): Seen {
  const found = list.filter((a) => a.cue === cue);
  if (found.length !== 1)
    throw new Error(
      `expected one attribution with cue "${cue}", got ${found.length}: ${JSON.stringify(list, null, 1)}`,
    );
  return found[0]!;
}
