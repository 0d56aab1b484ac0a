/**
 * Builds analysed documents with hand-made claim layers, so the linker's tests do not depend on how well the
 * per-document stages extract. Spans are found in the text by the surface strings the spec gives.
 */
import { documentId } from "../../src/ingest/document.js";
import type {
  Attribution,
  AttributionKind,
  Entity,
  EntityType,
  Figure,
  Qualifier,
  Relay,
  Speaker,
} from "../../src/model/claims.js";
import type { Document } from "../../src/model/document.js";
import type { Span } from "../../src/model/span.js";

export interface EntitySpec {
  name: string;
  type: EntityType;
  aliases?: string[];
  roles?: string[];
}

export interface AttributionSpec {
  id: string;
  speaker: Speaker | null;
  /** The speaker mention as written ("he", "Orlov"); found after `content` when `after` is set. */
  source?: string;
  cue?: string;
  content: string;
  kind?: AttributionKind;
  via?: Relay[];
  date?: string | null;
}

export interface FigureSpec {
  id: string;
  /** The figure's text ("up to 400"); the first occurrence inside `within` (or the whole text). */
  text: string;
  within?: string;
  value?: number | null;
  low?: number | null;
  high?: number | null;
  qualifier?: Qualifier;
  unit?: string | null;
  measure: string | null;
  subject?: string | null;
  attribution?: string | null;
  /** Defaults to the attribution's speaker. */
  speaker?: Speaker | null;
  date?: string | null;
  revises?: string | null;
}

export interface ArticleSpec {
  source: string;
  outlet: string;
  publishedAt: string | null;
  title: string;
  paragraphs: string[];
  entities?: EntitySpec[];
  attributions?: AttributionSpec[];
  figures?: FigureSpec[];
}

function find(text: string, needle: string, from = 0): Span {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not found in the article`);
  return { start: i, end: i + needle.length };
}

function allMentions(text: string, names: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const n of names) {
    let i = text.indexOf(n);
    while (i >= 0) {
      out.push({ start: i, end: i + n.length });
      i = text.indexOf(n, i + n.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const person = (name: string, role: string | null = null): Speaker => ({ name, type: "person", role });
export const org = (name: string, role: string | null = null): Speaker => ({ name, type: "organization", role });
export const group = (name: string): Speaker => ({ name, type: "group", role: null });
export const country = (name: string): Speaker => ({ name, type: "country", role: null });

export function article(spec: ArticleSpec): Document {
  const text = [spec.title, ...spec.paragraphs].join("\n\n");
  const paragraphs: Span[] = [];
  let at = 0;
  for (const p of [spec.title, ...spec.paragraphs]) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const attributions: Attribution[] = (spec.attributions ?? []).map((a) => {
    const content = find(text, a.content);
    return {
      id: a.id,
      kind: a.kind ?? "indirect",
      source: a.source ? find(text, a.source, Math.max(0, content.start - 200)) : null,
      cue: a.cue ? find(text, a.cue, Math.max(0, content.start - 200)) : null,
      content: [content],
      speaker: a.speaker,
      via: a.via ?? [],
      date: a.date ?? null,
    };
  });
  const byId = new Map(attributions.map((a) => [a.id, a]));
  const figures: Figure[] = (spec.figures ?? []).map((f) => {
    const scope = f.within ? find(text, f.within) : { start: 0, end: text.length };
    const span = find(text, f.text, scope.start);
    const attribution = f.attribution ?? null;
    const speaker = f.speaker !== undefined ? f.speaker : attribution ? (byId.get(attribution)?.speaker ?? null) : null;
    const qualifier = f.qualifier ?? "exact";
    return {
      id: f.id,
      ...span,
      value: f.value === undefined ? (qualifier === "range" ? null : Number(f.text.replace(/[^\d.]/g, ""))) : f.value,
      low: f.low ?? null,
      high: f.high ?? null,
      qualifier,
      unit: f.unit ?? null,
      measure: f.measure,
      subject: f.subject ?? null,
      attribution,
      speaker,
      date: f.date ?? null,
      revises: f.revises ?? null,
    };
  });
  const entities: Entity[] = (spec.entities ?? []).map((e) => ({
    name: e.name,
    type: e.type,
    aliases: e.aliases ?? [],
    roles: e.roles ?? [],
    mentions: allMentions(text, [e.name, ...(e.aliases ?? [])]),
  }));
  const layers = { paragraphs, sentences: paragraphs, attributions, entities, figures };
  return {
    id: documentId(text),
    source: spec.source,
    format: "txt",
    title: spec.title,
    byline: null,
    outlet: spec.outlet,
    url: null,
    publishedAt: spec.publishedAt,
    publishedAtSource: spec.publishedAt ? "sidecar" : "none",
    language: "en",
    encoding: "UTF-8",
    text,
    excluded: [],
    layers: layers as Document["layers"],
  };
}
