/** The JSON API this UI reads (src/server/app.ts, documented at /api/openapi.json). */

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
}

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Speaker {
  name: string;
  type: string;
  role: string | null;
}

export interface Relay {
  name: string;
  type: string;
}

export interface DocumentSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string;
  rank?: number;
}

export interface DocAttribution {
  id: string;
  kind: string;
  source: TextSpan | null;
  cue: TextSpan | null;
  content: TextSpan[];
  speaker: Speaker | null;
  via: Relay[];
  date?: string | null;
  /** The speaker's entity in the ledger, when the attribution came from it. */
  speakerEntity?: string | null;
}

export interface DocFigure {
  id: string;
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  attribution: string | null;
  speaker: Speaker | null;
  date?: string | null;
  revises?: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  schema: string;
  format: string;
  byline: string | null;
  publishedAtSource: string;
  text: string;
  excluded: Array<{ start: number; end: number; reason: string }>;
  paragraphs: Array<{ start: number; end: number }>;
  sentences: Array<{ start: number; end: number }>;
  attributions: DocAttribution[];
  figures: DocFigure[];
  entities: Array<{
    name: string;
    type: string;
    aliases: string[];
    mentions: Array<{ start: number; end: number }>;
  }>;
}

export interface EventRef {
  id: string;
  label: string;
}

export interface FigureGroupSummary {
  id: string;
  label: string;
  measure: string;
  unitKind: string;
  event: EventRef | null;
  disputed: boolean;
  figureCount: number;
  speakers: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface FigureRef {
  source: string;
  document: string;
  figure: string;
}

export interface GroupFigure {
  source: string;
  document: string;
  figure: string;
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string | null;
  subject: string | null;
  speaker: Speaker | null;
  speakerEntity: string | null;
  via: Relay[];
  attribution: string | null;
  date: string | null;
  refersTo: string | null;
  superseded: boolean;
  documentTitle: string | null;
  outlet: string | null;
  publishedAt: string | null;
  sentence: TextSpan | null;
}

export interface FigureGroupDetail {
  id: string;
  label: string;
  measure: string;
  unitKind: string;
  event: EventRef | null;
  disputed: boolean;
  disputes: Array<{ speakers: Speaker[]; figures: FigureRef[] }>;
  revisions: Array<{
    speaker: Speaker | null;
    from: number;
    to: number;
    date: string | null;
    fromFigure: FigureRef;
    toFigure: FigureRef;
  }>;
  figures: GroupFigure[];
}

export interface EventSummary {
  id: string;
  label: string;
  place: string | null;
  term: string | null;
  firstDate: string | null;
  lastDate: string | null;
  documents: number;
  figureGroups: number;
  disputedGroups: number;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  roles: string[];
  documents: number | string[];
  mentions: number;
  attributions: number;
}

export interface AttributionItem {
  document: string;
  attribution: string;
  kind: string;
  source: TextSpan | null;
  cue: TextSpan | null;
  content: TextSpan[];
  speaker: Speaker | null;
  speakerEntity: string | null;
  via: Relay[];
  date: string | null;
  documentTitle: string | null;
  outlet: string | null;
  publishedAt: string | null;
  rank?: number;
}

export interface FigureItem {
  document: string;
  figure: string;
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  speaker: Speaker | null;
  speakerEntity: string | null;
  via: Relay[];
  attribution: string | null;
  date: string | null;
  refersTo: string | null;
  revises: string | null;
  group: string | null;
  documentTitle: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

export interface IngestResult {
  runId: number | string;
  stored: number;
  duplicates: number;
  rejected: number;
  documents: Array<{ id: string; source: string; title: string | null; outcome: string }>;
  errors: Array<{ input: string; reason: string }>;
}

/** A 4xx/5xx answer, with the API's `{error: {code, message}}` when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/${path}${qs ? `?${qs}` : ""}`;
}

async function answer<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(apiUrl(path, query), { signal, headers: { accept: "application/json" } }));
}

export async function postDocuments(body: FormData | string, token: string): Promise<IngestResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
  if (typeof body === "string") headers["content-type"] = "application/json";
  return answer<IngestResult>(await fetch(apiUrl("documents"), { method: "POST", body, headers }));
}

export const api = {
  documents: (q: Query, signal?: AbortSignal) => getJson<Page<DocumentSummary>>("documents", q, signal),
  document: (id: string, signal?: AbortSignal) =>
    getJson<DocumentDetail>(`documents/${encodeURIComponent(id)}`, {}, signal),
  search: (q: Query, signal?: AbortSignal) => getJson<Page<DocumentSummary>>("search", q, signal),
  searchAttributions: (q: Query, signal?: AbortSignal) =>
    getJson<Page<AttributionItem>>("search", { ...q, in: "attributions" }, signal),
  figureGroups: (q: Query, signal?: AbortSignal) =>
    getJson<Page<FigureGroupSummary>>("figure-groups", q, signal),
  figureGroup: (id: string, signal?: AbortSignal) =>
    getJson<FigureGroupDetail>(`figure-groups/${encodeURIComponent(id)}`, {}, signal),
  events: (q: Query, signal?: AbortSignal) => getJson<Page<EventSummary>>("events", q, signal),
  entities: (q: Query, signal?: AbortSignal) => getJson<Page<EntitySummary>>("entities", q, signal),
  entity: (id: string, signal?: AbortSignal) =>
    getJson<EntitySummary>(`entities/${encodeURIComponent(id)}`, {}, signal),
  attributions: (q: Query, signal?: AbortSignal) => getJson<Page<AttributionItem>>("attributions", q, signal),
  figures: (q: Query, signal?: AbortSignal) => getJson<Page<FigureItem>>("figures", q, signal),
};
