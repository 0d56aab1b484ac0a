/** Figure groups for the API: the list (with speakers and date span) and one group with its figures in context. */
import { MEASURE_LABELS } from "../../lang/en/events.js";
import { linkToJson } from "../../link/json.js";
import { groupLabel } from "../../link/figures.js";
import type { Dispute, GroupFigure, LinkedFigureGroup } from "../../link/model.js";
import type { Sql } from "../database.js";
import {
  FIGURE_COLUMNS,
  figureRecord,
  REVISIONS_SELECT,
  revisionOf,
  type FigureRow,
  type RevisionRow,
} from "../link-rows.js";
import {
  count,
  DATE,
  needEnd,
  pageTotal,
  parse,
  spanText,
  textPrefixes,
  type Paged,
  type Window,
} from "./common.js";

export interface FigureGroupFilter {
  event: string | null;
  measure: string | null;
  disputed: boolean | null;
  /** Case-insensitive substring of the group's label. */
  q: string | null;
}

export interface FigureGroupSummary {
  id: string;
  label: string;
  measure: string;
  unitKind: string;
  event: { id: string; label: string };
  disputed: boolean;
  figureCount: number;
  /** Who gave its figures: the entity's name where the speaker resolves to one, else the name the text gives. */
  speakers: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * The label groupLabel() gives, in SQL, so `q` can filter on it: measure names come in as a JSON parameter ($5),
 * the rest is a fixed expression. Evaluated only when `q` is given.
 */
const LABEL_SQL = `coalesce($5::jsonb ->> g.measure, g.measure)
  || CASE WHEN g.unit_kind = 'percent' THEN ' (%)'
          WHEN strpos(g.unit_kind, ':') > 1 THEN ' (' || substr(g.unit_kind, strpos(g.unit_kind, ':') + 1) || ')'
          ELSE '' END
  || ' — ' || (SELECT e.label FROM events e WHERE e.id = g.event_id)`;

/** $1 … $5: event, measure, disputed, q, measure labels; a null parameter does not filter. */
const GROUP_FILTER = `($1::text IS NULL OR g.event_id = $1)
  AND ($2::text IS NULL OR g.measure = $2)
  AND ($3::boolean IS NULL OR g.disputed = $3)
  AND ($4::text IS NULL OR strpos(lower(${LABEL_SQL}), lower($4)) > 0)`;

/** The list's order; migrations/005 indexes it, so a page is read without sorting every group. */
const GROUP_ORDER = "g.disputed DESC, g.figure_count DESC, g.id";

const measureLabels = () => JSON.stringify(Object.fromEntries(MEASURE_LABELS));

/** Disputed groups first, then the groups with most figures. */
export async function listFigureGroups(
  db: Sql,
  filter: FigureGroupFilter,
  window: Window,
): Promise<Paged<FigureGroupSummary>> {
  const where = [filter.event, filter.measure, filter.disputed, filter.q, measureLabels()];
  // The page is chosen first (in index order); event labels, speakers and dates are gathered for its groups only.
  const rows = await db.query<{
    id: string;
    event_id: string;
    event_label: string;
    measure: string;
    unit_kind: string;
    disputed: boolean;
    figure_count: number;
    speakers: string[] | null;
    first_date: string | null;
    last_date: string | null;
  }>(
    `WITH page AS (
       SELECT g.id, g.event_id, g.measure, g.unit_kind, g.disputed, g.figure_count
       FROM figure_groups g
       WHERE ${GROUP_FILTER}
       ORDER BY ${GROUP_ORDER}
       LIMIT $6 OFFSET $7
     )
     SELECT g.*, e.label AS event_label, s.speakers,
            ${DATE("s.first_date", "first_date")}, ${DATE("s.last_date", "last_date")}
     FROM page g JOIN events e ON e.id = g.event_id
     LEFT JOIN LATERAL (
       SELECT array_agg(DISTINCT coalesce(en.name, f.speaker->>'name'))
                FILTER (WHERE coalesce(en.name, f.speaker->>'name') IS NOT NULL) AS speakers,
              min(f.stated_on) AS first_date, max(f.stated_on) AS last_date
       FROM figure_group_members m
       JOIN figures f ON f.document_id = m.document_id AND f.id = m.figure_id
       LEFT JOIN entity_names n ON n.type = f.speaker_entity_type AND n.key = f.speaker_entity_key
       LEFT JOIN entities en ON en.id = n.entity_id
       WHERE m.group_id = g.id
     ) s ON true
     ORDER BY ${GROUP_ORDER}`,
    [...where, window.limit, window.offset],
  );
  // Counted on its own: a window count would make the page query visit every matching group.
  const total = await pageTotal(rows.length, window, async () =>
    count(
      (
        await db.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM figure_groups g WHERE ${GROUP_FILTER}`,
          where,
        )
      )[0]?.n,
    ),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      label: groupLabel(r.measure, r.unit_kind, r.event_label),
      measure: r.measure,
      unitKind: r.unit_kind,
      event: { id: r.event_id, label: r.event_label },
      disputed: r.disputed,
      figureCount: count(r.figure_count),
      speakers: [...(r.speakers ?? [])].sort(),
      firstDate: r.first_date,
      lastDate: r.last_date,
    })),
  };
}

interface MemberRow extends FigureRow {
  title: string | null;
  outlet: string | null;
  entity_id: string | null;
  superseded: boolean;
  sentence_start: number | null;
  sentence_end: number | null;
}

/**
 * One group as `claimtrace.report/1` gives it (src/link/json.ts), plus its event, and for each figure the
 * document's title, outlet and date and the sentence the figure stands in. Null for an unknown id.
 */
export async function loadFigureGroup(db: Sql, id: string) {
  const [group] = await db.query<{
    id: string;
    event_id: string;
    event_label: string;
    measure: string;
    unit_kind: string;
    disputed: boolean;
    disputes: unknown;
  }>(
    `SELECT g.id, g.event_id, e.label AS event_label, g.measure, g.unit_kind, g.disputed, g.disputes
     FROM figure_groups g JOIN events e ON e.id = g.event_id WHERE g.id = $1`,
    [id],
  );
  if (!group) return null;
  const members = await db.query<MemberRow>(
    `SELECT ${FIGURE_COLUMNS}, doc.title, doc.outlet, n.entity_id, m.superseded,
            s.start_offset AS sentence_start, s.end_offset AS sentence_end
     FROM figure_group_members m
     JOIN figures f ON f.document_id = m.document_id AND f.id = m.figure_id
     JOIN link_documents d ON d.document_id = f.document_id
     JOIN documents doc ON doc.id = f.document_id
     LEFT JOIN entity_names n ON n.type = f.speaker_entity_type AND n.key = f.speaker_entity_key
     LEFT JOIN LATERAL (
       SELECT sp.start_offset, sp.end_offset FROM spans sp
       WHERE sp.document_id = f.document_id AND sp.layer = 'sentences'
         AND sp.start_offset <= f.start_offset AND f.start_offset < sp.end_offset
       ORDER BY sp.start_offset DESC LIMIT 1
     ) s ON true
     WHERE m.group_id = $1
     ORDER BY m.seq`,
    [id],
  );
  const revisions = await db.query<RevisionRow>(`${REVISIONS_SELECT} WHERE r.group_id = $1 ORDER BY r.seq`, [
    id,
  ]);
  const figures: GroupFigure[] = members.map((m) => ({
    ...figureRecord(m),
    speakerEntityId: m.entity_id,
    superseded: m.superseded,
  }));
  const linked: LinkedFigureGroup = {
    id: group.id,
    eventId: group.event_id,
    label: groupLabel(group.measure, group.unit_kind, group.event_label),
    measure: group.measure,
    unitKind: group.unit_kind,
    figures,
    disputed: group.disputed,
    disputes: parse<Dispute[]>(group.disputes),
    revisions: revisions.map(revisionOf),
  };
  // The report's own JSON for the group, so the API and `analyze --format json` cannot drift apart.
  const json = linkToJson({ entities: [], events: [], figureGroups: [linked] }).figureGroups[0] as Record<
    string,
    unknown
  > & { figures: Array<Record<string, unknown>> };
  const ends = new Map<string, number>();
  for (const m of members) needEnd(ends, m.document_id, m.sentence_end);
  const prefixes = await textPrefixes(db, ends);
  return {
    ...json,
    event: { id: group.event_id, label: group.event_label },
    figures: json.figures.map((f, i) => {
      const m = members[i]!;
      return {
        ...f,
        documentTitle: m.title,
        outlet: m.outlet,
        publishedAt: m.published_at,
        sentence: spanText(prefixes, m.document_id, m.sentence_start, m.sentence_end),
      };
    }),
  };
}
