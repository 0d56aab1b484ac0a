/** Messages between the main thread and a PGlite store running on a worker thread (pglite-thread.ts). */

export type Request =
  | { op: "query"; id: number; sql: string; params: unknown[]; tx: number | null }
  /** Opens a transaction; its id is this request's id. */
  | { op: "begin"; id: number }
  | { op: "end"; id: number; tx: number; commit: boolean }
  | { op: "close"; id: number };

/** A database error as it crosses threads: its message and the fields callers read (SQLSTATE `code` …). */
export interface WireError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  severity?: string;
}

/** The answer to request `id` (id 0: the store is open). */
export type Reply =
  | { id: number; ok: true; rows: Record<string, unknown>[] }
  | { id: number; ok: false; error: WireError };
