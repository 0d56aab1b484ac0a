/** Events for the API: the list (newest first, with counts) and one event with its documents and figure groups. */
import { eventMentions } from "../../link/batch.js";
import type { Sql } from "../database.js";
import { mentionsSelect, passingOf, type MentionRow } from "../link-rows.js";
import { count, DATE, needEnd, spanText, textPrefixes, totalOf, type Paged, type Window } from "./common.js";
import { documentSummary, SUMMARY_COLUMNS, type DocumentSummary, type DocumentSummaryRow } from "./documents.js";
import { listFigureGroups, type FigureGroupSummary } from "./figure-groups.js";

export interface EventFilter {
  /** Case-insensitive substring of the label or place. */
  q: string | null;
  /** Events whose span of dates reaches into [from, to]. */
  from: string | null;
  to: string | null;
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

const EVENT_FILTER = `($1::text IS NULL OR strpos(lower(e.label), lower($1)) > 0
                        OR strpos(lower(coalesce(e.place, '')), lower($1)) > 0)
  AND ($2::date IS NULL OR coalesce(e.last_date, e.first_date) >= $2)
  AND ($3::date IS NULL OR e.first_date <= $3)`;

interface EventRow extends Record<string, unknown> {
  id: string;
  label: string;
  place: string | null;
  term: string | null;
  first_date: string | null;
  last_date: string | null;
  document_count: number;
  figure_groups: unknown;
  disputed_groups: unknown;
  total?: unknown;
}

/** The page is chosen first; its groups are counted for its events only. */
const EVENT_SELECT = (where: string, paging: string) => `
  WITH page AS (
    SELECT e.id, e.label, e.place, e.term, e.first_date, e.last_date, e.document_count, count(*) OVER () AS total
    FROM events e WHERE ${where}
    ORDER BY e.first_date DESC NULLS LAST, e.id
    ${paging}
  )
  SELECT page.id, page.label, page.place, page.term, ${DATE("page.first_date", "first_date")},
         ${DATE("page.last_date", "last_date")}, page.document_count, page.total,
         (SELECT count(*) FROM figure_groups g WHERE g.event_id = page.id) AS figure_groups,
         (SELECT count(*) FROM figure_groups g WHERE g.event_id = page.id AND g.disputed) AS disputed_groups
  FROM page ORDER BY page.first_date DESC NULLS LAST, page.id`;

function eventSummary(r: EventRow): EventSummary {
  return {
    id: r.id,
    label: r.label,
    place: r.place,
    term: r.term,
    firstDate: r.first_date,
    lastDate: r.last_date,
    documents: count(r.document_count),
    figureGroups: count(r.figure_groups),
    disputedGroups: count(r.disputed_groups),
  };
}

/** Newest first (by the event's first date). */
export async function listEvents(db: Sql, filter: EventFilter, window: Window): Promise<Paged<EventSummary>> {
  const where = [filter.q, filter.from, filter.to];
  const rows = await db.query<EventRow>(EVENT_SELECT(EVENT_FILTER, "LIMIT $4 OFFSET $5"), [
    ...where,
    window.limit,
    window.offset,
  ]);
  const total = await totalOf(rows, window, async () =>
    count((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM events e WHERE ${EVENT_FILTER}`, where))[0]?.n),
  );
  return { items: rows.map(eventSummary), total };
}

/**
 * The event's detail: its list fields, with `documents` and `figureGroups` as lists instead of counts (all its
 * documents, newest first; its groups as the figure-group list orders them); the counts stay in `documentCount`
 * and `figureGroupCount`. `mentions` are the other articles that report it in passing (newest first), each with
 * the passages that do, as the report's `events[].mentions` has them.
 */
export interface EventDetail extends Omit<EventSummary, "documents" | "figureGroups"> {
  documentCount: number;
  figureGroupCount: number;
  documents: DocumentSummary[];
  mentions: EventMentionDetail[];
  figureGroups: FigureGroupSummary[];
}

export interface EventMentionDetail extends DocumentSummary {
  passages: Array<{ start: number; end: number; text: string }>;
}

export async function loadEvent(db: Sql, id: string): Promise<EventDetail | null> {
  const [row] = await db.query<EventRow>(EVENT_SELECT("e.id = $1", ""), [id]);
  if (!row) return null;
  const documents = await db.query<DocumentSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM documents
     WHERE id IN (SELECT document_id FROM link_documents WHERE event_id = $1)
     ORDER BY published_at DESC NULLS LAST, id`,
    [id],
  );
  const mentions = await loadMentions(db, id);
  const groups = await listFigureGroups(
    db,
    { event: id, measure: null, disputed: null, q: null },
    { limit: null, offset: 0 },
  );
  return {
    ...eventSummary(row),
    documentCount: count(row.document_count),
    figureGroupCount: groups.total,
    documents: documents.map(documentSummary),
    mentions,
    figureGroups: groups.items,
  };
}

/** The event's passing mentions, derived from its documents' scene anchors (src/link/batch.ts eventMentions). */
async function loadMentions(db: Sql, id: string): Promise<EventMentionDetail[]> {
  const rows = await db.query<MentionRow>(mentionsSelect(true), [id]);
  const mentions = eventMentions(rows.map(passingOf)).get(id) ?? [];
  if (mentions.length === 0) return [];
  const documents = await db.query<DocumentSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ANY($1::text[]) ORDER BY published_at DESC NULLS LAST, id`,
    [mentions.map((m) => m.document)],
  );
  const ends = new Map<string, number>();
  for (const m of mentions) for (const p of m.passages) needEnd(ends, m.document, p.end);
  const prefixes = await textPrefixes(db, ends);
  const passagesOf = new Map(mentions.map((m) => [m.document, m.passages]));
  return documents.map((d) => ({
    ...documentSummary(d),
    passages: passagesOf.get(d.id)!.map((p) => spanText(prefixes, d.id, p.start, p.end)!),
  }));
}
