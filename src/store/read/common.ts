/**
 * Helpers shared by the read queries behind the HTTP API (src/server/routes). Every query is parameterised; the
 * only SQL assembled in code is fixed fragments chosen here, never values.
 */
import type { Sql } from "../database.js";

export { DATE, parse, relays, speakerOf } from "../link-rows.js";

/** A page of rows and how many rows match in all. */
export interface Paged<T> {
  items: T[];
  total: number;
}

/** A page request; `limit: null` reads every matching row. */
export interface Window {
  limit: number | null;
  offset: number;
}

/** A count from SQL (bigint arrives as a string from node-postgres, as a number from PGlite). */
export const count = (v: unknown): number => Number(v ?? 0);

/**
 * The total for a page read with `count(*) OVER () AS total`: past the last row no row carries it, so it is counted
 * on its own then (only then, so a normal page costs one statement).
 */
export async function totalOf(
  rows: ReadonlyArray<{ total?: unknown }>,
  window: Window,
  countAll: () => Promise<number>,
): Promise<number> {
  if (rows[0]) return count(rows[0].total);
  return window.offset === 0 ? 0 : countAll();
}

/**
 * The beginning of each document's text, long enough to cut every span asked for: `ends` maps a document id to
 * the largest UTF-16 end offset needed. SQL counts code points, never fewer than UTF-16 units, so `left(text, end)`
 * always covers `end` units; the spans are then cut in JavaScript, where offsets are UTF-16 as everywhere else.
 */
export async function textPrefixes(db: Sql, ends: ReadonlyMap<string, number>): Promise<Map<string, string>> {
  if (ends.size === 0) return new Map();
  const rows = await db.query<{ id: string; prefix: string }>(
    `SELECT d.id, left(d.text, x.end_offset) AS prefix
     FROM unnest($1::text[], $2::int[]) AS x(id, end_offset) JOIN documents d ON d.id = x.id`,
    [[...ends.keys()], [...ends.values()]],
  );
  return new Map(rows.map((r) => [r.id, r.prefix]));
}

/**
 * The total for a page read without a window count: a page shorter than asked for ends the list, so the total is
 * known without counting; otherwise `countAll` counts (a window count would make the page query visit every row).
 */
export async function pageTotal(
  rows: number,
  window: Window,
  countAll: () => Promise<number>,
): Promise<number> {
  if (window.limit === null || (rows < window.limit && (rows > 0 || window.offset === 0)))
    return window.offset + rows;
  return countAll();
}

/** Records, per document, the largest end offset a span needs (see textPrefixes). */
export function needEnd(ends: Map<string, number>, documentId: string, end: number | null | undefined): void {
  if (end === null || end === undefined) return;
  ends.set(documentId, Math.max(ends.get(documentId) ?? 0, end));
}

/** A span with its text, or null. */
export function spanText(
  prefixes: ReadonlyMap<string, string>,
  documentId: string,
  start: number | null,
  end: number | null,
): { start: number; end: number; text: string } | null {
  if (start === null || end === null) return null;
  return { start, end, text: (prefixes.get(documentId) ?? "").slice(start, end) };
}
