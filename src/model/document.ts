import type { DateMention } from "../dates/resolve.js";
import type { Attribution, Entity, Figure } from "./claims.js";
import type { Span } from "./span.js";

/** Why a region of the text is not article prose. Cleaning marks regions; it never edits `text`. */
export type ExclusionReason =
  "advertisement" | "placeholder" | "credit" | "caption" | "navigation" | "byline" | "boilerplate";

export interface Exclusion extends Span {
  reason: ExclusionReason;
}

export type InputFormat = "txt" | "html" | "json" | "jsonl";

/** Where a document's publication date came from, so a reader can judge how far to trust it. */
export type PublishedAtSource =
  "meta" | "json-ld" | "time-element" | "record" | "sidecar" | "option" | "none";

export type TokenKind = "word" | "number" | "punct" | "quote" | "space" | "symbol";

export interface Token extends Span {
  kind: TokenKind;
}

/** Annotation layers; each is added by exactly one pipeline stage. */
export interface Layers {
  paragraphs?: Span[];
  sentences?: Span[];
  tokens?: Token[];
  attributions?: Attribution[];
  entities?: Entity[];
  /** Asserted numbers (src/figures). */
  figures?: Figure[];
  /** Date expressions resolved against publishedAt, with their anchors (src/dates). */
  dates?: DateMention[];
}

export type LayerName = keyof Layers | "excluded";

/** One article: the original text plus what we know about it. Annotations point into `text` by span. */
export interface Document {
  /** Hash of the normalised text: the same article ingested twice gets the same id. */
  id: string;
  /** The path, URL or `-` the document was read from (with `#N` for the N-th record of a JSON/JSONL file). */
  source: string;
  format: InputFormat;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) or null when nothing says when it was published. */
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
  language: string;
  /** The encoding the bytes were decoded from (e.g. "UTF-8", "windows-1251"). */
  encoding: string;
  /** The original text; every span indexes this string. */
  text: string;
  /** Regions of `text` that are page furniture rather than article prose, sorted by start. */
  excluded: Exclusion[];
  layers: Layers;
}
