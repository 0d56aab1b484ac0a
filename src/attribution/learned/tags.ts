import type { Span } from "../../model/span.js";
import type { Draft } from "../extract.js";
import type { TokenView } from "../tokens.js";

/**
 * BIO tags over tokens for the three roles of an attribution. Index 0 is "outside"; each role has a begin tag
 * (odd) followed by its inside tag (even).
 */
export const TAGS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"] as const;
export const TAG_COUNT = TAGS.length;
export type Role = "source" | "cue" | "content";
export const ROLE_BEGIN: Record<Role, number> = { source: 1, cue: 3, content: 5 };
const ROLE_OF_TAG: Array<Role | null> = [null, "source", "source", "cue", "cue", "content", "content"];

export function roleOfTag(tag: number): Role | null {
  return ROLE_OF_TAG[tag] ?? null;
}

/** An inside tag may only continue a span of its own role. */
export function allowedTransition(prev: number, next: number): boolean {
  if (next === 0 || next % 2 === 1) return true;
  return prev === next || prev === next - 1;
}

/** Index of the first token that ends after `offset` (binary search over token ends). */
export function tokenAt(tv: TokenView, offset: number): number {
  let lo = 0;
  let hi = tv.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tv.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens [first, last] that a character span covers (a token counts when it starts inside the span). */
export function tokenRange(tv: TokenView, span: Span): { first: number; last: number } | null {
  let first = tokenAt(tv, span.start);
  while (first < tv.n && tv.starts[first]! < span.start) first++;
  let last = first - 1;
  while (last + 1 < tv.n && tv.starts[last + 1]! < span.end) last++;
  return last >= first ? { first, last } : null;
}

/** Writes a role over tokens [first, last] when none of them is tagged yet; returns whether it did. */
function paint(tags: Uint8Array, role: Role, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (tags[k] !== 0) return false;
  const b = ROLE_BEGIN[role];
  tags[first] = b;
  for (let k = first + 1; k <= last; k++) tags[k] = b + 1;
  return true;
}

export interface SpanRelation {
  source: readonly Span[] | null;
  cue: readonly Span[];
  content: readonly Span[];
}

/**
 * Gold tags from relations given as character spans. Flat tags cannot nest, so relations are painted
 * innermost first (shortest content first): a report inside another report's content keeps its own source,
 * cue and content, which is three spans gained for the one outer content given up.
 */
export function tagsFromRelations(tv: TokenView, relations: readonly SpanRelation[]): Uint8Array {
  const tags = new Uint8Array(tv.n);
  const size = (r: SpanRelation) => r.content.reduce((s, c) => s + c.end - c.start, 0);
  const ordered = [...relations].sort((a, b) => size(a) - size(b));
  for (const r of ordered) {
    const parts: Array<[Role, Span]> = [...(r.source ?? []).map((s): [Role, Span] => ["source", s]), ...r.cue.map((s): [Role, Span] => ["cue", s]), ...r.content.map((s): [Role, Span] => ["content", s])];
    for (const [role, span] of parts) {
      const range = tokenRange(tv, span);
      if (range) paint(tags, role, range.first, range.last);
    }
  }
  return tags;
}

/** The rule extractor's drafts as tags: the stacking features of the learned tagger. */
export function tagsFromDrafts(tv: TokenView, drafts: readonly Draft[]): Uint8Array {
  const tags = new Uint8Array(tv.n);
  for (const d of drafts) {
    if (d.source) paint(tags, "source", d.source.first, d.source.last);
    if (d.cue) paint(tags, "cue", d.cue.first, d.cue.last);
    for (const c of d.content) {
      const range = tokenRange(tv, c);
      if (range) paint(tags, "content", range.first, range.last);
    }
  }
  return tags;
}

export interface TaggedSpan {
  role: Role;
  first: number;
  last: number;
}

/** Maximal spans of one role each: a begin tag and the inside tags after it. */
export function spansFromTags(tags: Uint8Array): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let cur: TaggedSpan | null = null;
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!;
    const role = roleOfTag(t);
    if (cur && (t % 2 === 1 || t === 0 || role !== cur.role)) {
      spans.push(cur);
      cur = null;
    }
    if (role && !cur) cur = { role, first: k, last: k };
    else if (role && cur) cur.last = k;
  }
  if (cur) spans.push(cur);
  return spans;
}
