import type { DateMention } from "../dates/resolve.js";
import type { Attribution, Figure } from "../model/claims.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import { linkCorpus } from "../link/batch.js";
import { linkToJson, type LinkJson } from "../link/json.js";

export const DOCUMENT_SCHEMA = "claimtrace.document/1";
export const REPORT_SCHEMA = "claimtrace.report/1";

export interface TextSpan extends Span {
  text: string;
}

/** One line of `claimtrace extract --format jsonl`: the public contract, see schemas/ and design.md §5. */
export interface DocumentJson {
  schema: typeof DOCUMENT_SCHEMA;
  id: string;
  source: string;
  format: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  publishedAtSource: string;
  language: string;
  encoding: string;
  text: string;
  excluded: Array<Span & { reason: string }>;
  paragraphs: Span[];
  sentences: Span[];
  attributions: unknown[];
  figures: unknown[];
  /** Resolved date expressions (extra field within version 1). */
  dates?: unknown[];
  entities: unknown[];
}

export interface ReportJson {
  schema: typeof REPORT_SCHEMA;
  documents: DocumentJson[];
  entities: unknown[];
  events: unknown[];
  figureGroups: unknown[];
}

export function documentToJson(doc: Document): DocumentJson {
  return {
    schema: DOCUMENT_SCHEMA,
    id: doc.id,
    source: doc.source,
    format: doc.format,
    title: doc.title,
    byline: doc.byline,
    outlet: doc.outlet,
    url: doc.url,
    publishedAt: doc.publishedAt,
    publishedAtSource: doc.publishedAtSource,
    language: doc.language,
    encoding: doc.encoding,
    text: doc.text,
    excluded: doc.excluded.map(({ start, end, reason }) => ({ start, end, reason })),
    paragraphs: spans(doc.layers.paragraphs),
    sentences: spans(doc.layers.sentences),
    attributions: (doc.layers.attributions ?? []).map((a) => attributionJson(doc.text, a)),
    figures: (doc.layers.figures ?? []).map((f) => figureJson(doc.text, f)),
    dates: (doc.layers.dates ?? []).map((d) => dateJson(doc.text, d)),
    entities: (doc.layers.entities ?? []).map((e) => ({ ...e, mentions: spans(e.mentions) })),
  };
}

/** An attribution with the text of each of its spans (design.md §5). */
function attributionJson(text: string, a: Attribution): unknown {
  const withText = (s: Span) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  return { ...a, source: a.source && withText(a.source), cue: a.cue && withText(a.cue), content: a.content.map(withText) };
}

// Figures and dates are written field by field rather than spread: a literal of known shape is several times faster
// to build on V8, and an article can hold hundreds of each. The field order is the layers' own.
function figureJson(text: string, f: Figure): unknown {
  return {
    id: f.id,
    start: f.start,
    end: f.end,
    value: f.value,
    low: f.low,
    high: f.high,
    qualifier: f.qualifier,
    unit: f.unit,
    measure: f.measure,
    subject: f.subject,
    attribution: f.attribution,
    speaker: f.speaker,
    date: f.date,
    revises: f.revises,
    text: text.slice(f.start, f.end),
  };
}

function dateJson(text: string, d: DateMention): unknown {
  return { start: d.start, end: d.end, value: d.value, until: d.until, grain: d.grain, anchor: d.anchor, text: text.slice(d.start, d.end) };
}

/**
 * The corpus report. Cross-document layers (entities, events, figure groups) come from the linker: given (the
 * store's ledger, src/store/links.ts) or computed here over `docs` in memory (src/link).
 */
export function reportToJson(docs: readonly Document[], links: LinkJson = linkToJson(linkCorpus(docs))): ReportJson {
  return {
    schema: REPORT_SCHEMA,
    documents: docs.map(documentToJson),
    entities: links.entities,
    events: links.events,
    figureGroups: links.figureGroups,
  };
}

function spans(list: readonly Span[] | undefined): Span[] {
  return (list ?? []).map(({ start, end }) => ({ start, end }));
}
