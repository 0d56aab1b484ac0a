import type { Span } from "./span.js";

/** Who a speaker is. `anonymous` and `group` keep unnamed speakers as such ("one source", "Western officials"). */
export type SpeakerType =
  "person" | "organization" | "country" | "group" | "anonymous" | "document" | "outlet" | "unknown";

export interface Speaker {
  name: string;
  type: SpeakerType;
  role: string | null;
}

/** A link in a relay chain: "According to CNN, he wrote on Telegram" → via CNN (outlet), Telegram (platform). */
export interface Relay {
  name: string;
  type: "outlet" | "platform" | "person" | "organization" | "document";
}

export type AttributionKind = "direct" | "indirect" | "mixed";

/** A quotation or reported statement: speaker mention + cue + content, all spans into the document text. */
export interface Attribution {
  id: string;
  kind: AttributionKind;
  /** The speaker mention in this document ("he", "the ministry", "Lt. Gen. Sergey Sevryukov"), if the text has one. */
  source: Span | null;
  cue: Span | null;
  /** One or more spans: a quote interrupted by its cue has two. */
  content: Span[];
  /** Whom the source resolves to. */
  speaker: Speaker | null;
  via: Relay[];
  /** ISO date the statement was made, where the text says it. */
  date?: string | null;
}

export type EntityType = "person" | "organization" | "country" | "place" | "group" | "outlet" | "platform";

export interface Entity {
  name: string;
  type: EntityType;
  aliases: string[];
  roles?: string[];
  mentions: Span[];
}

export type Qualifier =
  "exact" | "approximate" | "at_least" | "more_than" | "at_most" | "less_than" | "range" | "vague";

/** A number someone asserts. A single number sets `value`; a range (or a vague "dozens") sets `low`/`high`. */
export interface Figure extends Span {
  id: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  /** Id of the attribution whose content holds the figure; null in the narrator's own voice. */
  attribution: string | null;
  speaker: Speaker | null;
  /** ISO date the figure refers to or was stated on, where the text says it. */
  date?: string | null;
  /** Id of the earlier figure by the same speaker that this one revises ("63, before revising the number to 89"). */
  revises?: string | null;
}
