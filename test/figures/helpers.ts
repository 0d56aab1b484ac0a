import { plainTextDocument } from "../../src/ingest/document.js";
import { datesStage } from "../../src/dates/stage.js";
import { figuresStage } from "../../src/figures/stage.js";
import type { Attribution, Figure, Speaker } from "../../src/model/claims.js";
import type { Document } from "../../src/model/document.js";
import { runPipeline } from "../../src/pipeline/pipeline.js";
import { segmentStage } from "../../src/pipeline/stages/segment.js";

/** A bare document around a passage we wrote, as ingestion would make it. */
export function doc(text: string, publishedAt: string | null = "2023-01-04"): Document {
  return plainTextDocument(text, { source: "test.txt", publishedAt });
}

/** A hand-built attribution whose content is the `content` substring and whose source is `source`. */
export function attribution(
  text: string,
  id: string,
  content: string,
  speaker: Speaker,
  cue?: string,
): Attribution {
  const start = text.indexOf(content);
  if (start < 0) throw new Error(`content not in text: ${content}`);
  const cueAt = cue ? text.indexOf(cue) : -1;
  return {
    id,
    kind: content.startsWith("“") ? "direct" : "indirect",
    source: null,
    cue: cueAt >= 0 ? { start: cueAt, end: cueAt + cue!.length } : null,
    content: [{ start, end: start + content.length }],
    speaker,
    via: [],
  };
}

/** Segments the text, adds the given attributions as if an attribution stage had, then dates and figures. */
export function figures(
  text: string,
  opts: { publishedAt?: string | null; attributions?: Attribution[] } = {},
): Figure[] {
  const d = doc(text, opts.publishedAt === undefined ? "2023-01-04" : opts.publishedAt);
  const segmented = runPipeline(d, [segmentStage]);
  // The attribution layer is built by hand here, so these tests do not depend on the attribution stage.
  const withAttr: Document = opts.attributions
    ? { ...segmented, layers: { ...segmented.layers, attributions: opts.attributions } as Document["layers"] }
    : segmented;
  const dated: Document = { ...withAttr, layers: { ...withAttr.layers, ...datesStage.run(withAttr) } };
  return figuresStage.run(dated).figures ?? [];
}

export function texts(text: string, figs: readonly Figure[]): string[] {
  return figs.map((f) => text.slice(f.start, f.end));
}
