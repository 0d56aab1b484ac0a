import type { Entity, Speaker } from "../model/claims.js";
import type { Span } from "../model/span.js";
import { FEMALE_NAMES, MALE_NAMES, type Gender } from "../lang/en/speakers.js";
import type { DocumentEntities } from "./entities.js";
import { classifyMention, type MentionClass } from "./mentions.js";

/**
 * Whom a source mention stands for. Named mentions resolve to the document entity they name (a last name to the
 * full name met earlier); pronouns and nominals ("he", "the ministry", "the news outlet") to the nearest earlier
 * compatible entity, preferring the previous attribution's speaker, as a reader does; anonymous and collective
 * speakers stay as they are.
 */
export interface Resolution {
  speaker: Speaker | null;
  /** Index of the entity the speaker is, if any. */
  entity: number | null;
}

export interface PreviousSpeaker {
  speaker: Speaker;
  entity: number | null;
  end: number;
}

export function resolveSpeaker(
  text: string,
  mention: Span,
  ents: DocumentEntities,
  previous: PreviousSpeaker | null,
): Resolution {
  const raw = text.slice(mention.start, mention.end);
  // Interview transcripts: "Q" is the interviewer (the outlet met last), "A" the person interviewed.
  if (raw === "Q" || raw === "A") {
    const want = raw === "Q" ? "outlet" : "person";
    const idx = nearest(ents, mention.start, (e) => e.type === want);
    if (idx !== null) {
      const e = ents.entities[idx]!;
      return { speaker: { name: e.name, type: speakerType(e.type), role: raw === "Q" ? "interviewer" : e.roles?.[0] ?? null }, entity: idx };
    }
    return { speaker: { name: raw === "Q" ? "interviewer" : "interviewee", type: "unknown", role: null }, entity: null };
  }
  const c: MentionClass = classifyMention(raw);
  switch (c.kind) {
    case "named": {
      const idx = entityAt(ents, mention, text) ?? findByName(ents.entities, c.name, c.type);
      if (idx !== null) {
        const e = ents.entities[idx]!;
        const role = c.role ?? e.roles?.[0] ?? null;
        // "the UK's Ministry of Defence" names more than its entity run ("Ministry of Defence").
        const name = c.type === "organization" && c.name.length > e.name.length && c.name.includes(e.name) ? c.name : e.name;
        return { speaker: { name, type: speakerType(c.type === "organization" ? "organization" : e.type), role }, entity: idx };
      }
      return { speaker: { name: c.name, type: speakerType(c.type), role: c.role }, entity: null };
    }
    case "anonymous":
      return { speaker: { name: c.name, type: c.type, role: null }, entity: null };
    case "pronoun": {
      if (c.gender === "any") {
        // "I"/"we"/"you" inside reported speech: the previous speaker, or unknown.
        if (previous && previous.end <= mention.start) return { speaker: previous.speaker, entity: previous.entity };
        return { speaker: null, entity: null };
      }
      const want = c.gender;
      if (previous && compatible(want, previous.speaker.type, genderOf(ents, previous.entity, previous.speaker.name)) && previous.end <= mention.start && mention.start - previous.end < 600) {
        return { speaker: previous.speaker, entity: previous.entity };
      }
      const idx = nearest(ents, mention.start, (e, i) => compatible(want, speakerType(e.type), genderOf(ents, i, e.name)));
      if (idx !== null) {
        const e = ents.entities[idx]!;
        return { speaker: { name: e.name, type: speakerType(e.type), role: e.roles?.[0] ?? null }, entity: idx };
      }
      return { speaker: null, entity: null };
    }
    case "nominal": {
      const head = c.head.toLowerCase();
      const target = c.target;
      if (target === "document") return { speaker: { name: raw.replace(/^the\s+/i, "").trim(), type: "document", role: null }, entity: null };
      const idx =
        nearest(ents, mention.start, (e) => (target === "outlet" ? e.type === "outlet" : target === "person" ? e.type === "person" && (e.roles ?? []).some((r) => r.toLowerCase().includes(head)) : (e.type === "organization" || e.type === "country") && e.name.toLowerCase().includes(head))) ??
        (target === "organization" ? nearest(ents, mention.start, (e) => e.type === "organization") : null);
      if (idx !== null) {
        const e = ents.entities[idx]!;
        return { speaker: { name: e.name, type: speakerType(e.type), role: e.roles?.[0] ?? null }, entity: idx };
      }
      const name = raw.replace(/^(the|a|an)\s+/i, "").trim();
      return { speaker: { name, type: target === "person" ? "person" : target === "outlet" ? "outlet" : target === "group" ? "group" : "organization", role: target === "person" ? name : null }, entity: null };
    }
    case "relative": {
      // "…, said Ivan Petrenko, who said …" / "Petrenko, a driver, who …": the antecedent just before the pronoun.
      const gap = (end: number) => end <= mention.start && mention.start - end < 80 && /^\s*,(?:[^,.;:!?\n]*,)?\s*$/.test(text.slice(end, mention.start));
      for (let k = ents.mentions.length - 1; k >= 0; k--) {
        const m = ents.mentions[k]!;
        if (m.start >= mention.start) continue;
        if (!gap(m.end)) break;
        const e = ents.entities[m.entity]!;
        return { speaker: { name: e.name, type: speakerType(e.type), role: e.roles?.[0] ?? null }, entity: m.entity };
      }
      if (previous && gap(previous.end)) return { speaker: previous.speaker, entity: previous.entity };
      return { speaker: null, entity: null };
    }
  }
}

/**
 * The entity a mention names: a person inside it ("Lawyer Pavel Chikov, founder of …"), else the last entity
 * before its first comma (the head: "the UK's Ministry of Defence" → the ministry, not the UK).
 */
function entityAt(ents: DocumentEntities, span: Span, text?: string): number | null {
  let person: number | null = null;
  let head: number | null = null;
  const comma = text ? text.indexOf(",", span.start) : -1;
  const headEnd = comma >= 0 && comma < span.end ? comma : span.end;
  for (const m of ents.mentions) {
    if (m.start >= span.end) break;
    if (m.end > span.start && m.start >= span.start) {
      const e = ents.entities[m.entity]!;
      if (e.type === "person" && person === null) person = m.entity;
      if (m.end <= headEnd) head = m.entity;
    }
  }
  return person ?? head;
}

function findByName(entities: readonly Entity[], name: string, type: string): number | null {
  const lower = name.toLowerCase();
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    if (e.type !== type) continue;
    if (e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower)) return i;
    if (type === "person" && !lower.includes(" ") && e.name.toLowerCase().endsWith(" " + lower)) return i;
  }
  return null;
}

function nearest(ents: DocumentEntities, before: number, ok: (e: Entity, i: number) => boolean): number | null {
  for (let k = ents.mentions.length - 1; k >= 0; k--) {
    const m = ents.mentions[k]!;
    if (m.start >= before) continue;
    const e = ents.entities[m.entity]!;
    if (ok(e, m.entity)) return m.entity;
  }
  return null;
}

function compatible(want: Gender, type: Speaker["type"], gender: Gender): boolean {
  switch (want) {
    case "male":
    case "female":
      return (type === "person" || type === "anonymous") && (gender === "any" || gender === want);
    case "neuter":
      return type === "organization" || type === "country" || type === "outlet" || type === "document";
    case "plural":
      return type === "organization" || type === "group" || type === "country";
    default:
      return true;
  }
}

function genderOf(ents: DocumentEntities, idx: number | null, name: string): Gender {
  const known = idx !== null ? ents.genders[idx] : undefined;
  if (known && known !== "any") return known;
  const first = name.split(" ")[0]!.toLowerCase();
  if (FEMALE_NAMES.has(first)) return "female";
  if (MALE_NAMES.has(first)) return "male";
  return "any";
}

function speakerType(t: string): Speaker["type"] {
  if (t === "place") return "country";
  if (t === "platform") return "organization";
  return t as Speaker["type"];
}
