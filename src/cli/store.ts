import { DEFAULT_DATA_DIR, openDatabase, type Database } from "../store/database.js";

/**
 * Opens the store the user asked for, with an error message that says which one failed. `thread` runs the
 * embedded store on its own thread (for the server: a long query must not stop it answering).
 */
export async function openStore(flags: { data?: string }, options: { thread?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL || null;
  const where = url ? "the PostgreSQL database in DATABASE_URL" : `the embedded store in ${storeDir(flags)}`;
  try {
    return await openDatabase({ url, dataDir: storeDir(flags), thread: options.thread ?? false });
  } catch (e) {
    throw new Error(`cannot open ${where}: ${(e as Error).message}`);
  }
}

export function storeDir(flags: { data?: string }): string {
  return flags.data ?? process.env.CLAIMTRACE_DATA ?? DEFAULT_DATA_DIR;
}

export function describeStore(flags: { data?: string }): string {
  return process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : storeDir(flags);
}
