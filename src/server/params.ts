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
  // The store refuses NUL and broken UTF-16 outright; answer that as the client's mistake, not the server's.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u.test(raw))
    throw new HttpError(400, "bad_parameter", `${name} contains control characters or malformed text`);
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

/** `true` or `false`; anything else is a 400. */
export function bool(raw: string | undefined, name: string): boolean | null {
  if (raw === undefined || raw === "") return null;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new HttpError(400, "bad_parameter", `${name} must be true or false`);
}

/** One of a fixed set of words; anything else is a 400 that lists them. */
export function oneOf<T extends string>(raw: string | undefined, name: string, allowed: readonly T[]): T | null {
  if (raw === undefined || raw === "") return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new HttpError(400, "bad_parameter", `${name} must be one of ${allowed.join(", ")}`);
}

/** Id shapes: documents are 32 hex digits, linked items a prefix and a hash ("ev-3f8df5d08115"). */
const ID_PATTERNS = {
  document: /^[0-9a-f]{32}$/,
  event: /^ev-[0-9a-f]{6,40}$/,
  entity: /^en-[0-9a-f]{6,40}$/,
  group: /^fg-[0-9a-f]{6,40}$/,
} as const;

const ID_SHAPES: Record<keyof typeof ID_PATTERNS, string> = {
  document: "32 hexadecimal digits",
  event: '"ev-" and hexadecimal digits',
  entity: '"en-" and hexadecimal digits',
  group: '"fg-" and hexadecimal digits',
};

/** An id in a query parameter or path; a malformed one is a 400 (an unknown well-formed one is the caller's 404). */
export function id(raw: string | undefined, name: string, kind: keyof typeof ID_PATTERNS): string | null {
  if (raw === undefined || raw === "") return null;
  if (!ID_PATTERNS[kind].test(raw))
    throw new HttpError(400, "bad_parameter", `${name} must be a${kind === "event" || kind === "entity" ? "n" : ""} ${kind} id (${ID_SHAPES[kind]})`);
  return raw;
}

/** A path id that must be present. */
export function pathId(raw: string, kind: keyof typeof ID_PATTERNS): string {
  return id(raw, `the ${kind} id`, kind) ?? raw;
}

/** The dates of a `from`/`to` pair; `from` after `to` is a 400 rather than a silently empty page. */
export function dateRange(query: (name: string) => string | undefined): { from: string | null; to: string | null } {
  const from = date(query("from"), "from");
  const to = date(query("to"), "to");
  if (from && to && from > to) throw new HttpError(400, "bad_parameter", "from must not be after to");
  return { from, to };
}
