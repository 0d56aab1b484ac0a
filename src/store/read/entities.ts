/** Entities for the API: the list (most-quoted first) and one entity, with counts of what they said. */
import type { Sql } from "../database.js";
import { count, totalOf, type Paged, type Window } from "./common.js";

export interface EntityFilter {
  type: string | null;
  /** Case-insensitive substring of the name or an alias. */
  q: string | null;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  roles: string[];
  /** Documents that mention it. */
  documents: number;
  mentions: number;
  /** Attributions it made. */
  attributions: number;
}

const ENTITY_FILTER = `($1::text IS NULL OR e.type = $1)
  AND ($2::text IS NULL OR strpos(lower(e.name), lower($2)) > 0
       OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.entity_id = e.id AND strpos(lower(x.alias), lower($2)) > 0))`;

/** Attributions per entity: a speaker's (type, key) belongs to the entity its name key is clustered in. */
const QUOTED = `SELECT n.entity_id, count(*) AS n FROM attributions a
  JOIN entity_names n ON n.type = a.speaker_entity_type AND n.key = a.speaker_entity_key
  GROUP BY n.entity_id`;

interface EntityRow extends Record<string, unknown> {
  id: string;
  name: string;
  type: string;
  roles: string[];
  aliases: string[] | null;
  documents: unknown;
  mention_count: number;
  attributions: unknown;
  total?: unknown;
}

/** Aliases and distinct documents are gathered for the page's entities only. */
const DETAILS = `SELECT page.*,
    (SELECT array_agg(x.alias ORDER BY x.alias) FROM entity_aliases x WHERE x.entity_id = page.id) AS aliases,
    (SELECT count(*) FROM link_documents d
     WHERE d.names && ARRAY(SELECT n.type || ':' || n.key FROM entity_names n WHERE n.entity_id = page.id)) AS documents
  FROM page`;

function entitySummary(r: EntityRow): EntitySummary {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    aliases: r.aliases ?? [],
    roles: [...(r.roles ?? [])].sort(),
    documents: count(r.documents),
    mentions: count(r.mention_count),
    attributions: count(r.attributions),
  };
}

/** Most-quoted first, then most mentioned, then by name. */
export async function listEntities(db: Sql, filter: EntityFilter, window: Window): Promise<Paged<EntitySummary>> {
  const where = [filter.type, filter.q];
  const rows = await db.query<EntityRow>(
    `WITH quoted AS (${QUOTED}), page AS (
       SELECT e.id, e.name, e.type, e.roles, e.mention_count, coalesce(q.n, 0) AS attributions,
              count(*) OVER () AS total
       FROM entities e LEFT JOIN quoted q ON q.entity_id = e.id
       WHERE ${ENTITY_FILTER}
       ORDER BY coalesce(q.n, 0) DESC, e.mention_count DESC, e.name, e.id
       LIMIT $3 OFFSET $4
     )
     ${DETAILS}
     ORDER BY page.attributions DESC, page.mention_count DESC, page.name, page.id`,
    [...where, window.limit, window.offset],
  );
  const total = await totalOf(rows, window, async () =>
    count((await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM entities e WHERE ${ENTITY_FILTER}`, where))[0]?.n),
  );
  return { items: rows.map(entitySummary), total };
}

export async function loadEntity(db: Sql, id: string): Promise<EntitySummary | null> {
  const [row] = await db.query<EntityRow>(
    `WITH page AS (
       SELECT e.id, e.name, e.type, e.roles, e.mention_count,
              (SELECT count(*) FROM attributions a
                 JOIN entity_names n ON n.type = a.speaker_entity_type AND n.key = a.speaker_entity_key
               WHERE n.entity_id = e.id) AS attributions
       FROM entities e WHERE e.id = $1
     )
     ${DETAILS}`,
    [id],
  );
  return row ? entitySummary(row) : null;
}
