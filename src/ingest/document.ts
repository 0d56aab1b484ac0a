import { createHash } from "node:crypto";
import { detectLanguage } from "../lang/detect.js";
import type { Document, Exclusion } from "../model/document.js";
import type { RawArticle } from "./inputs.js";

/** Content identity: the same article text, however it was spaced or encoded, gets the same id. */
export function documentId(text: string): string {
  const normalised = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalised).digest("hex").slice(0, 32);
}

export function toDocument(raw: RawArticle): Document {
  return {
    id: documentId(raw.text),
    source: raw.source,
    format: raw.format,
    title: raw.title,
    byline: raw.byline,
    outlet: raw.outlet,
    url: raw.url,
    publishedAt: raw.publishedAt,
    publishedAtSource: raw.publishedAtSource,
    language: normaliseLanguage(raw.language) ?? detectLanguage(raw.text),
    encoding: raw.encoding,
    text: raw.text,
    excluded: [...raw.excluded].sort((a, b) => a.start - b.start),
    layers: {},
  };
}

function normaliseLanguage(tag: string | null): string | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * A plain-text title is the first non-empty line; when cleaning found that line to be page furniture
 * ("Skip to main content"), the first line of prose that remains is the headline.
 */
export function titleAfterCleaning(doc: Document): Document {
  const first = doc.layers.paragraphs?.[0];
  if (doc.format !== "txt" || !first || !doc.title) return doc;
  const titleAt = doc.text.indexOf(doc.title);
  const excluded = doc.excluded.some((e) => e.start <= titleAt && titleAt < e.end);
  return excluded ? { ...doc, title: doc.text.slice(first.start, first.end) } : doc;
}

/** A document around a piece of plain text, as ingesting a .txt file would make it (tests, benchmarks, the API). */
export function plainTextDocument(
  text: string,
  options: { source?: string; publishedAt?: string | null; excluded?: Exclusion[] } = {},
): Document {
  const publishedAt = options.publishedAt ?? null;
  return toDocument({
    source: options.source ?? "text.txt",
    format: "txt",
    text,
    encoding: "UTF-8",
    excluded: options.excluded ?? [],
    title: null,
    byline: null,
    outlet: null,
    url: null,
    language: "en",
    publishedAt,
    publishedAtSource: publishedAt ? "option" : "none",
  });
}
