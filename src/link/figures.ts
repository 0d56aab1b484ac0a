/**
 * Figure groups: the figures about one measure of one event ("people killed — Makiivka strike, 2023-01-01"),
 * with who disputes whom and who revised their own number.
 *
 * - Each figure allows an interval of values, by its qualifier (src/lang/en/events.ts QUALIFIER_STRETCH): "up to
 *   400" allows 200–400, "more than 1,000" anything above 1,000, "about 300" 255–345.
 * - Figures come from *voices*: one speaker across documents (by entity key), a bare surname joined to the one
 *   full name in the group with that surname, and a person joined to the body their role names ("head of the
 *   Kherson regional military administration"). Unattributed and anonymous figures have no voice.
 * - A group is **disputed** when two voices still claim figures whose intervals do not meet (a value its voice
 *   later revised is no longer claimed). For counts that only grow
 *   (deaths, injuries, evacuations), a later figure entirely above an earlier one is an update, not a dispute.
 * - A **revision** is a voice giving a new value later: explicitly ("63, before revising the number to 89": the
 *   figure stage's `revises`), or on a later date than its previous value. Restatements of a superseded value
 *   ("the ministry initially said 63") do not count as new statements.
 */
import type { Speaker } from "../model/claims.js";
import { CUMULATIVE_MEASURES, MEASURE_LABELS, PROPORTION_UNITS, QUALIFIER_STRETCH } from "../lang/en/events.js";
import type {
  Dispute,
  EntityRef,
  FigureRecord,
  GroupFigure,
  ItemRef,
  LinkedFigureGroup,
  Revision,
} from "./model.js";
import { countryCode, fold, organizationKey } from "./names.js";
import { compareIds } from "./entities.js";
import { cmp, push, shortHash } from "./util.js";

export interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/** The values a figure allows, or null when it gives no usable number. */
export function interval(
  f: Pick<FigureRecord, "value" | "low" | "high" | "qualifier"> & { unit?: string | null },
): Interval | null {
  // Proportions ("one in five" = 0.2) are compared with percentages.
  const scale = f.unit && PROPORTION_UNITS.has(f.unit.toLowerCase()) ? 100 : 1;
  if (f.qualifier === "range" || f.qualifier === "vague" || f.value === null) {
    const low = f.low ?? f.value;
    const high = f.high ?? f.value;
    if (low === null && high === null) return null;
    return { low: (low ?? 0) * scale, high: (high ?? Infinity) * scale, lowOpen: false, highOpen: false };
  }
  const v = f.value * scale;
  const s = QUALIFIER_STRETCH[f.qualifier];
  return {
    low: v * s.low,
    high: v * s.high,
    lowOpen: f.qualifier === "more_than",
    highOpen: f.qualifier === "less_than",
  };
}

/** Whether two figures can both be right. */
export function compatible(a: Interval, b: Interval): boolean {
  const lowA = a.low;
  const lowB = b.low;
  // The larger lower bound must not pass the smaller upper bound.
  const [lo, loOpen] = lowA > lowB ? [lowA, a.lowOpen] : lowB > lowA ? [lowB, b.lowOpen] : [lowA, a.lowOpen || b.lowOpen];
  const [hi, hiOpen] =
    a.high < b.high ? [a.high, a.highOpen] : b.high < a.high ? [b.high, b.highOpen] : [a.high, a.highOpen || b.highOpen];
  return lo < hi || (lo === hi && !loOpen && !hiOpen);
}

export function groupId(eventId: string, measure: string, unitKind: string): string {
  return `fg-${shortHash(`${eventId}\u0000${measure}\u0000${unitKind}`)}`;
}

export function groupLabel(measure: string, unitKind: string, eventLabel: string): string {
  const what = MEASURE_LABELS.get(measure) ?? measure;
  const colon = unitKind.indexOf(":");
  const unit = unitKind === "percent" ? " (%)" : colon > 0 ? ` (${unitKind.slice(colon + 1)})` : "";
  return `${what}${unit} — ${eventLabel}`;
}

function ref(f: FigureRecord): ItemRef {
  return { source: f.source, document: f.documentId, id: f.id };
}

/** The order figures are listed and walked in: when said, then where. */
export function compareFigures(a: FigureRecord, b: FigureRecord): number {
  return (
    cmp(a.statedOn ?? "9999", b.statedOn ?? "9999") ||
    cmp(a.publishedAt ?? "9999", b.publishedAt ?? "9999") ||
    cmp(a.source, b.source) ||
    cmp(a.documentId, b.documentId) ||
    a.start - b.start ||
    compareIds(a.id, b.id)
  );
}

function groupVoiceKey(name: string): string {
  return fold(name)
    .replace(/^(the|some|several|many) /, "")
    .split(" ")
    .filter((w) => !countryCode(w))
    .join(" ");
}

function baseVoice(speaker: Speaker | null, entity: EntityRef | null): string | null {
  if (entity) return `${entity.type}:${entity.key}`;
  if (speaker?.type === "group") return `group:${groupVoiceKey(speaker.name)}`;
  return null;
}

/** The body a role names: "head of the Kherson regional military administration" → its organisation key. */
function roleBody(role: string | null): string | null {
  if (!role) return null;
  const m = /\b(?:of|for|at)\s+(.+)$/i.exec(role);
  const o = m && organizationKey(m[1]!);
  return o ? `organization:${o.key}` : null;
}

/** Voice of each figure (index-aligned), null for figures with no identifiable speaker. */
export function voices(figures: readonly FigureRecord[]): Array<string | null> {
  const base = figures.map((f) => baseVoice(f.speaker, f.speakerEntity));
  const all = new Set(base.filter((v): v is string => v !== null));
  const parent = new Map<string, string>();
  const find = (v: string): string => {
    let r = v;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(cmp(ra, rb) < 0 ? rb : ra, cmp(ra, rb) < 0 ? ra : rb);
  };
  const fullBySurname = new Map<string, Set<string>>();
  for (const v of all) {
    if (!v.startsWith("person:") || !v.includes(" ")) continue;
    const surname = v.slice(7).split(" ").pop()!;
    fullBySurname.set(surname, new Set([...(fullBySurname.get(surname) ?? []), v]));
  }
  for (const v of all) {
    if (v.startsWith("person:") && !v.includes(" ")) {
      const full = fullBySurname.get(v.slice(7));
      if (full?.size === 1) join(v, [...full][0]!);
    }
  }
  figures.forEach((f, i) => {
    const v = base[i];
    if (!v?.startsWith("person:")) return;
    const body = roleBody(f.speaker?.role ?? null);
    if (body && all.has(body)) join(v, body);
  });
  return base.map((v) => (v === null ? null : find(v)));
}

function sameValue(a: FigureRecord, b: FigureRecord): boolean {
  return a.value === b.value && a.low === b.low && a.high === b.high;
}

/** One number for a figure in a revision: its value, else the top of its range. */
function headline(f: FigureRecord): number {
  return f.value ?? f.high ?? f.low ?? 0;
}

function valueKey(f: FigureRecord): string {
  return `${f.value}|${f.low}|${f.high}`;
}

function figureKey(f: FigureRecord): string {
  return `${f.documentId}\u0000${f.id}`;
}

/** Revisions of each voice, in the order they were made; and the figures a later value superseded. */
export function revisions(
  figures: readonly FigureRecord[],
  voiceOf: ReadonlyArray<string | null>,
): { revisions: Revision[]; superseded: Set<string> } {
  const byKey = new Map(figures.map((f) => [figureKey(f), f]));
  const revisedValues = new Set<string>();
  const found = new Map<string, Revision>();
  const record = (voice: string, from: FigureRecord, to: FigureRecord) => {
    if (sameValue(from, to)) return;
    revisedValues.add(`${voice}\u0000${valueKey(from)}`);
    const id = `${voice}\u0000${valueKey(from)}\u0000${valueKey(to)}`;
    if (found.has(id)) return;
    found.set(id, {
      speaker: to.speaker,
      from: headline(from),
      to: headline(to),
      fromFigure: ref(from),
      toFigure: ref(to),
      date: to.statedOn,
    });
  };
  const explicitlyRevised = new Set<string>();
  const byVoice = new Map<string, FigureRecord[]>();
  figures.forEach((f, i) => {
    const v = voiceOf[i];
    if (!v) return;
    push(byVoice, v, f);
    if (f.revises) {
      const earlier = byKey.get(`${f.documentId}\u0000${f.revises}`);
      if (earlier) explicitlyRevised.add(figureKey(earlier));
    }
  });
  for (const [voice, list] of byVoice) {
    const ordered = [...list].sort(compareFigures);
    // Explicit revisions first: they carry their own order.
    for (const f of ordered) {
      const earlier = f.revises ? byKey.get(`${f.documentId}\u0000${f.revises}`) : undefined;
      if (earlier) record(voice, earlier, f);
    }
    // Then by date: each date's new values revise the value current before that date.
    let current: FigureRecord | null = null;
    const dated = ordered.filter((f) => f.statedOn && !explicitlyRevised.has(figureKey(f)));
    for (let i = 0; i < dated.length; ) {
      const date = dated[i]!.statedOn;
      let j = i;
      while (j < dated.length && dated[j]!.statedOn === date) j++;
      const before: FigureRecord | null = current;
      for (const f of dated.slice(i, j)) {
        if (before && !sameValue(before, f)) {
          record(voice, before, f);
          current = f;
        } else if (!before && !current) current = f;
      }
      i = j;
    }
  }
  const list = [...found.values()].sort(
    (a, b) =>
      cmp(a.date ?? "9999", b.date ?? "9999") ||
      cmp(a.speaker?.name ?? "", b.speaker?.name ?? "") ||
      a.from - b.from ||
      a.to - b.to,
  );
  // Every statement of a value its voice later revised is superseded, wherever it was reported.
  const superseded = new Set<string>();
  figures.forEach((f, i) => {
    if (voiceOf[i] && revisedValues.has(`${voiceOf[i]}\u0000${valueKey(f)}`)) superseded.add(figureKey(f));
  });
  return { revisions: list, superseded };
}

/** Pairs of voices whose figures cannot both be right (one example pair of figures each). */
export function disputes(
  figures: readonly FigureRecord[],
  voiceOf: ReadonlyArray<string | null>,
  measure: string,
  superseded: ReadonlySet<string> = new Set(),
): Dispute[] {
  // Only what each voice still claims: a value it has revised is no longer its position.
  const intervals = figures.map((f) => (superseded.has(figureKey(f)) ? null : interval(f)));
  const cumulative = CUMULATIVE_MEASURES.has(measure);
  const found = new Map<string, Dispute>();
  for (let i = 0; i < figures.length; i++)
    for (let j = i + 1; j < figures.length; j++) {
      const vi = voiceOf[i];
      const vj = voiceOf[j];
      const ii = intervals[i];
      const ij = intervals[j];
      if (!vi || !vj || vi === vj || !ii || !ij || compatible(ii, ij)) continue;
      const a = figures[i]!;
      const b = figures[j]!;
      if (cumulative && a.statedOn && b.statedOn && a.statedOn !== b.statedOn) {
        const [early, late] = a.statedOn < b.statedOn ? [ii, ij] : [ij, ii];
        if (late.low >= early.high) continue;
      }
      const pair = cmp(vi, vj) < 0 ? `${vi}\u0000${vj}` : `${vj}\u0000${vi}`;
      if (!found.has(pair)) found.set(pair, { speakers: [a.speaker, b.speaker], figures: [ref(a), ref(b)] });
    }
  return [...found.entries()].sort((x, y) => cmp(x[0], y[0])).map(([, d]) => d);
}

/** What the figures of one measure of one event say together: their order, revisions and disputes. */
export interface GroupFindings {
  /** The figures in the group's order (compareFigures). */
  ordered: FigureRecord[];
  revisions: Revision[];
  disputes: Dispute[];
  /** Whether the same speaker later gave a new value for the figure. */
  superseded(f: FigureRecord): boolean;
}

/**
 * The findings of a figure group without the group: the store writes them as rows and needs no member copies
 * (src/store/links.ts); buildGroup makes the group from them.
 */
export function groupFindings(measure: string, figures: readonly FigureRecord[]): GroupFindings {
  const ordered = [...figures].sort(compareFigures);
  const voiceOf = voices(ordered);
  const { revisions: revs, superseded } = revisions(ordered, voiceOf);
  return {
    ordered,
    revisions: revs,
    disputes: disputes(ordered, voiceOf, measure, superseded),
    superseded: (f) => superseded.has(figureKey(f)),
  };
}

/** A figure group from the figures of one measure (and unit kind) of one event. */
export function buildGroup(
  event: { id: string; label: string },
  measure: string,
  unitKind: string,
  figures: readonly FigureRecord[],
  entityIdOf: (ref: EntityRef | null) => string | null,
): LinkedFigureGroup {
  const found = groupFindings(measure, figures);
  const members: GroupFigure[] = found.ordered.map((f) => ({
    ...f,
    speakerEntityId: entityIdOf(f.speakerEntity),
    superseded: found.superseded(f),
  }));
  return {
    id: groupId(event.id, measure, unitKind),
    eventId: event.id,
    label: groupLabel(measure, unitKind, event.label),
    measure,
    unitKind,
    figures: members,
    disputed: found.disputes.length > 0,
    disputes: found.disputes,
    revisions: found.revisions,
  };
}

/**
 * Figures of one event, split by measure and unit kind. Figures with no measure, and durations and ages ("up to
 * 10 years", "58"), are not grouped: they are not counts anyone disputes.
 */
export function splitByMeasure(figures: readonly FigureRecord[]): Map<string, FigureRecord[]> {
  const out = new Map<string, FigureRecord[]>();
  for (const f of figures) {
    if (!f.measure || f.unitKind.startsWith("time:")) continue;
    const k = `${f.measure}\u0000${f.unitKind}`;
    push(out, k, f);
  }
  return out;
}
