import type { Context } from "hono";
import type { Database } from "../../store/database.js";
import type { Window } from "../../store/read/common.js";
import { page } from "../params.js";

/** What route modules need from the app. */
export interface RouteContext {
  db: Database;
  /** Bearer token that write endpoints require; with none, writes are refused. */
  token: string | null;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Called after a request wrote to the store (empties the response cache). */
  afterWrite(): void;
}

/** The query-string reader the parameter parsers take. */
export const queryOf = (c: Context) => (name: string) => c.req.query(name);

/** `limit`/`offset` of the request, as a page window for the read queries. */
export function windowOf(c: Context): Window & { limit: number } {
  return page(queryOf(c));
}
