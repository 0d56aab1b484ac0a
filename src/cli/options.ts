import { Option } from "commander";
import { isoDate } from "../ingest/dates.js";
import { InputError } from "../ingest/errors.js";
import { DEFAULT_MAX_BYTES, type ReadOptions } from "../ingest/inputs.js";

export interface ReadFlags {
  published?: string;
  maxBytes?: string;
}

export const publishedOption = () =>
  new Option("--published <date>", "publication date (YYYY-MM-DD) for inputs that do not state one");
export const maxBytesOption = () =>
  new Option("--max-bytes <n>", `refuse inputs larger than this many bytes`).default(
    String(DEFAULT_MAX_BYTES),
  );
export const dataOption = () =>
  new Option(
    "--data <dir>",
    "embedded store folder (default .claimtrace/data, or $CLAIMTRACE_DATA); ignored when DATABASE_URL is set",
  );

export function readOptions(flags: ReadFlags): ReadOptions {
  const published = flags.published ? isoDate(flags.published) : null;
  if (flags.published && !published)
    throw new InputError("--published", `"${flags.published}" is not a date (YYYY-MM-DD)`);
  const maxBytes = Number(flags.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0)
    throw new InputError("--max-bytes", `"${flags.maxBytes}" is not a positive whole number`);
  return { published, maxBytes };
}

export function reportRejection(error: InputError): void {
  process.stderr.write(`claimtrace: rejected ${error.message}\n`);
}
