import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Exclusion, InputFormat, PublishedAtSource } from "../model/document.js";
import { isoDate } from "./dates.js";
import { DecodeError, decodeBytes } from "./decode.js";
import { InputError } from "./errors.js";
import { extractHtml } from "./html.js";

/** What a reader knows about one article before the pipeline runs. */
export interface RawArticle {
  source: string;
  format: InputFormat;
  text: string;
  encoding: string;
  excluded: Exclusion[];
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
}

export interface ReadOptions {
  /** Publication date for inputs that carry none (YYYY-MM-DD). */
  published?: string | null;
  /** Inputs larger than this are refused. */
  maxBytes: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};
const SIDECAR_SUFFIX = ".meta.json";

/** Files named on the command line, with directories walked recursively (hidden files and sidecars skipped). */
export async function listInputs(
  paths: readonly string[],
): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (
        e.isFile() &&
        !e.name.endsWith(SIDECAR_SUFFIX) &&
        FORMAT_BY_EXTENSION[extname(e.name).toLowerCase()]
      )
        files.push(path);
    }
  };
  for (const p of paths) {
    if (p === "-") {
      files.push(p);
      continue;
    }
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      errors.push(new InputError(p, "no such file or directory"));
    }
  }
  return { files, errors };
}

/** Reads one input (a file path or `-` for stdin) into articles; a JSONL file may give several. */
export async function readInput(
  path: string,
  options: ReadOptions,
): Promise<{ articles: RawArticle[]; errors: InputError[] }> {
  const bytes = path === "-" ? await readStdin(options.maxBytes) : await readLimited(path, options.maxBytes);
  const sidecar = path === "-" ? {} : await readSidecar(path);
  return readBytes(path, bytes, options, sidecar);
}

/**
 * Reads articles from bytes that came from somewhere other than a file (an upload, a request body). `name`
 * names the input in messages and gives the format by its extension; without one the content decides.
 */
export function readBytes(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions,
  sidecar: Record<string, unknown> = {},
): { articles: RawArticle[]; errors: InputError[] } {
  const path = name;
  if (bytes.length > options.maxBytes)
    throw new InputError(name, `too large (${bytes.length} bytes; the limit is ${options.maxBytes})`);
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new InputError(path, e.message);
    throw e;
  }
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? sniffFormat(decoded.text);
  const defaults: Defaults = {
    publishedAt: sidecarDate(sidecar, path) ?? null,
    publishedAtSource: "sidecar",
    outlet: str(sidecar.outlet),
    url: str(sidecar.url),
    title: str(sidecar.title),
    option: options.published ?? null,
  };
  if (!defaults.publishedAt) Object.assign(defaults, { publishedAt: null, publishedAtSource: "none" });

  switch (format) {
    case "txt":
      return { articles: [fromPlainText(path, decoded.text, decoded.encoding, defaults)], errors: [] };
    case "html":
      return { articles: [fromHtml(path, decoded.text, decoded.encoding, defaults)], errors: [] };
    case "json":
      return fromJson(path, decoded.text, decoded.encoding, defaults);
    case "jsonl":
      return fromJsonLines(path, decoded.text, decoded.encoding, defaults);
  }
}

interface Defaults {
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
  outlet: string | null;
  url: string | null;
  title: string | null;
  /** The --published option: used only when nothing else dates the input. */
  option: string | null;
}

function dated(found: string | null, source: PublishedAtSource, d: Defaults) {
  if (found) return { publishedAt: found, publishedAtSource: source };
  if (d.publishedAt) return { publishedAt: d.publishedAt, publishedAtSource: d.publishedAtSource };
  if (d.option) return { publishedAt: d.option, publishedAtSource: "option" as const };
  return { publishedAt: null, publishedAtSource: "none" as const };
}

/** A plain-text article: the text is the decoded file as-is; its first non-empty line is the title. */
function fromPlainText(source: string, text: string, encoding: string, d: Defaults): RawArticle {
  const firstLine = /^\s*(\S[^\r\n]*)/.exec(text)?.[1]?.trim() ?? null;
  return {
    source,
    format: "txt",
    text,
    encoding,
    excluded: [],
    title: d.title ?? firstLine,
    byline: null,
    outlet: d.outlet,
    url: d.url,
    language: null,
    ...dated(null, "none", d),
  };
}

function fromHtml(
  source: string,
  html: string,
  encoding: string,
  d: Defaults,
  format: InputFormat = "html",
): RawArticle {
  const page = extractHtml(html, d.title);
  if (!page.text.trim()) throw new InputError(source, "no article text found in the HTML");
  return {
    source,
    format,
    text: page.text,
    encoding,
    excluded: page.excluded,
    title: page.title ?? d.title,
    byline: page.byline,
    outlet: page.outlet ?? d.outlet,
    url: page.url ?? d.url,
    language: page.language,
    ...dated(page.publishedAt, page.publishedAtSource, d),
  };
}

function fromRecord(
  source: string,
  record: unknown,
  encoding: string,
  d: Defaults,
  format: InputFormat,
): RawArticle {
  if (!record || typeof record !== "object" || Array.isArray(record))
    throw new InputError(source, "record is not a JSON object");
  const r = record as Record<string, unknown>;
  const recordDate = str(r.publishedAt ?? r.published_at ?? r.date);
  const published = recordDate ? isoDate(recordDate) : null;
  if (recordDate && !published) throw new InputError(source, `publishedAt "${recordDate}" is not a date`);
  const fields = {
    title: str(r.title) ?? d.title,
    outlet: str(r.outlet ?? r.source_name) ?? d.outlet,
    url: str(r.url) ?? d.url,
    language: str(r.language ?? r.lang),
  };
  if (typeof r.text === "string" && r.text.trim()) {
    // A record's text is used as-is; a separate title is put in front only when the text does not start with it.
    const title = fields.title;
    const firstLine = r.text.trimStart().split(/\r?\n/, 1)[0]!.trim();
    const text = title && firstLine !== title ? `${title}\n\n${r.text}` : r.text;
    return {
      source,
      format,
      text,
      encoding,
      excluded: [],
      byline: str(r.byline ?? r.author),
      ...fields,
      ...dated(published, "record", d),
    };
  }
  if (typeof r.html === "string" && r.html.trim()) {
    const page = fromHtml(source, r.html, encoding, { ...d, title: fields.title }, format);
    return {
      ...page,
      title: fields.title ?? page.title,
      outlet: fields.outlet ?? page.outlet,
      url: fields.url ?? page.url,
      language: fields.language ?? page.language,
      byline: str(r.byline ?? r.author) ?? page.byline,
      ...(published ? { publishedAt: published, publishedAtSource: "record" as const } : {}),
    };
  }
  throw new InputError(source, 'record has no "text" or "html" string');
}

function fromJson(source: string, text: string, encoding: string, d: Defaults) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(source, `malformed JSON (${(e as Error).message})`);
  }
  const records = Array.isArray(data) ? data : [data];
  return collect(
    records.map(
      (r, i) => () => fromRecord(records.length > 1 ? `${source}#${i + 1}` : source, r, encoding, d, "json"),
    ),
  );
}

function fromJsonLines(source: string, text: string, encoding: string, d: Defaults) {
  const builders: Array<() => RawArticle> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}#${i + 1}`;
    builders.push(() => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (e) {
        throw new InputError(where, `malformed JSON on line ${i + 1} (${(e as Error).message})`);
      }
      return fromRecord(where, record, encoding, d, "jsonl");
    });
  });
  if (builders.length === 0) throw new InputError(source, "no records");
  return collect(builders);
}

/** Builds every record it can; a bad record is reported and the others are kept. */
function collect(builders: Array<() => RawArticle>): { articles: RawArticle[]; errors: InputError[] } {
  const articles: RawArticle[] = [];
  const errors: InputError[] = [];
  for (const build of builders) {
    try {
      articles.push(build());
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  return { articles, errors };
}

function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (
    head.startsWith("<!doctype html") ||
    head.startsWith("<html") ||
    /^<(head|body|article|p|div)\b/.test(head)
  )
    return "html";
  if (head.startsWith("[")) return "json";
  if (head.startsWith("{")) {
    const lines = text
      .trim()
      .split(/\r?\n/)
      .filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => l.trim().startsWith("{")) ? "jsonl" : "json";
  }
  return "txt";
}

async function readSidecar(path: string): Promise<Record<string, unknown>> {
  const ext = extname(path);
  const candidate = join(
    path.slice(0, path.length - basename(path).length),
    basename(path, ext) + SIDECAR_SUFFIX,
  );
  let raw: string;
  try {
    raw = await readFile(candidate, "utf8");
  } catch {
    return {};
  }
  try {
    const data = JSON.parse(raw);
    if (data && typeof data === "object" && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InputError(candidate, "sidecar is not a JSON object");
}

function sidecarDate(sidecar: Record<string, unknown>, path: string): string | null {
  const value = str(sidecar.publishedAt ?? sidecar.published_at ?? sidecar.date);
  if (!value) return null;
  const date = isoDate(value);
  if (!date) throw new InputError(path, `sidecar publishedAt "${value}" is not a date`);
  return date;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

async function readLimited(path: string, maxBytes: number): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InputError(path, "not a regular file");
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, "cannot read file");
  }
  if (size > maxBytes)
    throw new InputError(path, `too large (${size} bytes; the limit is ${maxBytes}, see --max-bytes)`);
  return readFile(path);
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes)
      throw new InputError("-", `standard input too large (over ${maxBytes} bytes, see --max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
