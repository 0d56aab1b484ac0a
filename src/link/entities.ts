/**
 * Entity resolution across documents. Names are compared by key (src/link/names.ts), so spelling and
 * transliteration variants of one name ("Zelensky"/"Zelenskyy", "Sergei"/"Sergey Sevryukov") and the forms of
 * one body ("Russia's Defence Ministry"/"Russian MoD") are one entity. Beyond equal keys, merging is conservative:
 * a bare surname joins a full name only when exactly one full name in the whole corpus has that surname, and
 * two different full names never merge. People are clustered within their surname ("block"), everything else
 * within its key, so a new document only ever changes the blocks of the names it brings.
 */
import type { EntityType } from "../model/claims.js";
import { PERSON_TITLES } from "../lang/en/variants.js";
import type { DocRecord, EntityRef, ItemRef, LinkedEntity } from "./model.js";
import { fold, nameKey } from "./names.js";
import { cmp, push, shortHash } from "./util.js";

export interface BlockKey {
  key: string;
  full: boolean;
}

/** Which entity (by cluster key) each distinct key of one block belongs to. */
export function clusterBlock(type: EntityType, keys: readonly BlockKey[]): Map<string, string> {
  const out = new Map<string, string>();
  const fulls = [...new Set(keys.filter((k) => k.full).map((k) => k.key))];
  for (const k of keys)
    out.set(k.key, type === "person" && !k.full && fulls.length === 1 ? fulls[0]! : k.key);
  return out;
}

export function entityId(type: EntityType, clusterKey: string): string {
  return `en-${shortHash(`${type}:${clusterKey}`)}`;
}

/** What the corpus says about one key: counts are numbers of documents. */
export interface KeyStats {
  type: EntityType;
  key: string;
  surfaces: Map<string, number>;
  roles: Map<string, number>;
  documents: Set<string>;
  mentions: number;
}

/** A person's name without the titles before it ("Lt. Gen. Sergei Sevryukov" → "Sergei Sevryukov"). */
export function withoutTitles(surface: string): string {
  const words = surface.split(" ");
  let i = 0;
  while (i < words.length - 1 && PERSON_TITLES.has(fold(words[i]!).replace(/\.$/, ""))) i++;
  return words.slice(i).join(" ");
}

/**
 * The name an entity is shown by: the form most documents use, preferring for people a full name (without
 * titles) and for bodies a form that says their country; then the longer, then the first in code-unit order.
 */
export function describeEntity(
  type: EntityType,
  stats: readonly KeyStats[],
): { name: string; aliases: string[]; roles: string[] } {
  const surfaces = new Map<string, number>();
  const roles = new Set<string>();
  for (const s of stats) {
    for (const [surface, n] of s.surfaces) surfaces.set(surface, (surfaces.get(surface) ?? 0) + n);
    for (const r of s.roles.keys()) roles.add(r);
  }
  const display = new Map<string, number>();
  for (const [surface, n] of surfaces) {
    const d = type === "person" ? withoutTitles(surface) : surface;
    display.set(d, (display.get(d) ?? 0) + n);
  }
  const preferred = (s: string): number => {
    const k = nameKey(type, s);
    if (type === "person") return k?.full ? 1 : 0;
    if (type === "organization") return k?.key.includes(":") ? 1 : 0;
    return 0;
  };
  const fallback = stats[0]?.key ?? "";
  const name =
    [...display].sort(
      (a, b) => preferred(b[0]) - preferred(a[0]) || b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]),
    )[0]?.[0] ?? fallback;
  const aliases = [...new Set([...surfaces.keys(), ...display.keys()])].filter((s) => s !== name).sort(cmp);
  return { name, aliases, roles: [...roles].sort(cmp) };
}

export interface EntityLinks {
  entities: LinkedEntity[];
  /** The entity id a speaker reference resolves to. */
  idOf(ref: EntityRef | null): string | null;
}

/** Entities of a whole corpus at once. */
export function linkEntities(records: readonly DocRecord[]): EntityLinks {
  const stats = new Map<string, KeyStats & { block: string; full: boolean }>();
  for (const r of records)
    for (const e of r.entities) {
      const id = `${e.type}\u0000${e.key}`;
      let s = stats.get(id);
      if (!s) {
        s = {
          type: e.type,
          key: e.key,
          block: e.block,
          full: e.full,
          surfaces: new Map(),
          roles: new Map(),
          documents: new Set(),
          mentions: 0,
        };
        stats.set(id, s);
      }
      for (const x of e.surfaces) s.surfaces.set(x, (s.surfaces.get(x) ?? 0) + 1);
      for (const x of e.roles) s.roles.set(x, (s.roles.get(x) ?? 0) + 1);
      s.documents.add(r.source);
      s.mentions += e.mentions;
    }
  const blocks = new Map<string, Array<KeyStats & { block: string; full: boolean }>>();
  for (const s of stats.values()) {
    const b = `${s.type}\u0000${s.block}`;
    push(blocks, b, s);
  }
  const clusterOf = new Map<string, string>();
  const members = new Map<string, Array<KeyStats>>();
  for (const list of blocks.values()) {
    const type = list[0]!.type;
    for (const [key, cluster] of clusterBlock(type, list)) {
      const id = entityId(type, cluster);
      clusterOf.set(`${type}\u0000${key}`, id);
      push(members, id, stats.get(`${type}\u0000${key}`)!);
    }
  }
  const attributions = new Map<string, ItemRef[]>();
  for (const r of records)
    for (const a of r.attributions) {
      const id = a.speakerEntity && clusterOf.get(`${a.speakerEntity.type}\u0000${a.speakerEntity.key}`);
      if (id) push(attributions, id, { source: r.source, document: r.documentId, id: a.id });
    }
  const entities: LinkedEntity[] = [];
  for (const [id, list] of members) {
    const type = list[0]!.type;
    const sorted = [...list].sort((a, b) => cmp(a.key, b.key));
    const documents = new Set<string>();
    let mentions = 0;
    for (const s of sorted) {
      for (const d of s.documents) documents.add(d);
      mentions += s.mentions;
    }
    entities.push({
      id,
      type,
      ...describeEntity(type, sorted),
      documents: [...documents].sort(cmp),
      mentions,
      attributions: sortRefs(attributions.get(id) ?? []),
    });
  }
  return {
    entities: sortEntities(entities),
    idOf: (ref) => (ref ? (clusterOf.get(`${ref.type}\u0000${ref.key}`) ?? null) : null),
  };
}

export function sortRefs(refs: ItemRef[]): ItemRef[] {
  return refs.sort((a, b) => cmp(a.source, b.source) || cmp(a.document, b.document) || compareIds(a.id, b.id));
}

/** "a2" before "a10". */
export function compareIds(a: string, b: string): number {
  const na = /^(\D*)(\d+)$/.exec(a);
  const nb = /^(\D*)(\d+)$/.exec(b);
  if (na && nb && na[1] === nb[1]) return Number(na[2]) - Number(nb[2]);
  return cmp(a, b);
}

export function sortEntities(entities: LinkedEntity[]): LinkedEntity[] {
  return entities.sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.id, b.id));
}
