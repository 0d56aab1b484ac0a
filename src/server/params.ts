import { isoDate } from "../ingest/dates.js";
import { HttpError } from "./errors.js";

export const MAX_PAGE = 200;

export interface Page {
  limit: number;
  offset: number;
}

/** `limit` (1–200, default 50) and `offset` (default 0) from the query string. */
export function page(query: (name: string) => string | undefined): Page {
  return {
    limit: integer(query("limit"), "limit", 1, MAX_PAGE, 50),
    offset: integer(query("offset"), "offset", 0, 1e9, 0),
  };
}

function integer(raw: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, "bad_parameter", `${name} must be a whole number`);
  const n = Number(raw);
  if (n < min || n > max)
    throw new HttpError(400, "bad_parameter", `${name} must be between ${min} and ${max}`);
  return n;
}

export function date(raw: string | undefined, name: string): string | null {
  if (raw === undefined || raw === "") return null;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? isoDate(raw) : null;
  if (!d) throw new HttpError(400, "bad_parameter", `${name} must be a date (YYYY-MM-DD)`);
  return d;
}

export function text(raw: string | undefined, name: string, maxLength = 500): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  if (raw.length > maxLength)
    throw new HttpError(400, "bad_parameter", `${name} is longer than ${maxLength} characters`);
  return raw.trim();
}

/** The paginated list shape every list endpoint returns. */
export function pageOf<T>(items: T[], total: number, p: Page) {
  return {
    items,
    total,
    limit: p.limit,
    offset: p.offset,
    nextOffset: p.offset + items.length < total ? p.offset + items.length : null,
  };
}
