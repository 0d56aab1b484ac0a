import type { Relay, Speaker } from "./api.js";

/** Speaker colours (Tableau 10): the chart marks and the reader's highlights use the same index. */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#59a14f",
  "#b07aa1",
  "#9c755f",
  "#76b7b2",
  "#edc948",
  "#ff9da7",
  "#7f7f7f",
];

/** Hands out colour indexes to keys in the order they are first seen. */
export class ColourKeys {
  private readonly indexes = new Map<string, number>();
  index(key: string): number {
    let i = this.indexes.get(key);
    if (i === undefined) {
      i = this.indexes.size % PALETTE.length;
      this.indexes.set(key, i);
    }
    return i;
  }
  colour(key: string): string {
    return PALETTE[this.index(key)]!;
  }
}

const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export function num(n: number | null | undefined): string {
  return n == null ? "?" : NUMBER.format(n);
}

/** A figure's value as a reader would say it: "up to 400", "63", "12–120 (vague)". */
export function figureValue(f: {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
}): string {
  const v = num(f.value);
  switch (f.qualifier) {
    case "approximate":
      return `about ${v}`;
    case "at_least":
      return `at least ${v}`;
    case "more_than":
      return `more than ${v}`;
    case "at_most":
      return `up to ${v}`;
    case "less_than":
      return `fewer than ${v}`;
    case "range":
      return `${num(f.low)}–${num(f.high)}`;
    case "vague":
      return f.low != null || f.high != null ? `${num(f.low)}–${num(f.high)} (vague)` : "vague";
    default:
      return f.value != null ? v : `${num(f.low)}–${num(f.high)}`;
  }
}

export function speakerName(s: Speaker | null | undefined): string {
  return s?.name ?? "Unattributed";
}

/** "via CNN → Telegram", or "" for a direct statement. */
export function relayChain(via: readonly Relay[] | undefined): string {
  return via && via.length ? `via ${via.map((r) => r.name).join(" → ")}` : "";
}

/** The text of a quote's content spans, joined. */
export function contentText(content: ReadonlyArray<{ text: string }>): string {
  return content.map((c) => c.text).join(" … ");
}

/** Quote text in curly quotes unless it already carries its own quotation marks. */
export function quoted(text: string): string {
  return /^\s*["“«‘„']/.test(text) ? text : `“${text}”`;
}
