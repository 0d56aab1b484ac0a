import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.js";

/** The one set of migrations for both back ends, at the repository root (works from src/ and dist/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** An arbitrary fixed key: concurrent processes starting on one PostgreSQL database migrate one at a time. */
const MIGRATION_LOCK = 7_246_001;

/**
 * Applies, in file-name order, each migration not yet recorded, all in one transaction under a transaction-level
 * advisory lock, so concurrent processes starting on one PostgreSQL database migrate once and never half-way.
 */
export async function migrate(db: Database, options: { through?: string } = {}): Promise<string[]> {
  // (through: the last migration to apply, for tests of a migration on a store made by the ones before)
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d+_.*\.sql$/.test(f) && (options.through === undefined || f <= options.through))
    .sort();
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const done = new Set(
      (await tx.query<{ name: string }>("SELECT name FROM schema_migrations")).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await readFile(MIGRATIONS_DIR + file, "utf8");
      // Each statement separately: PostgreSQL's extended protocol takes one statement per query.
      for (const statement of splitStatements(script)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
      applied.push(file);
    }
    return applied;
  });
}

/** Splits a migration on semicolons at line ends, dropping comment-only lines (our migrations use no $$ bodies). */
function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split("\n")
        .filter((l) => !/^\s*--/.test(l))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
}
