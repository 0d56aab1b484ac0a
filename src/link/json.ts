/**
 * The cross-document part of `claimtrace.report/1`: entities, events and figure groups as JSON (design.md §5).
 * Both the in-memory linker and the store produce a `LinkResult`; this is the one place it becomes JSON.
 */
import type { ItemRef, LinkResult } from "./model.js";

export interface LinkJson {
  entities: unknown[];
  events: unknown[];
  figureGroups: unknown[];
}

function figureRef(r: ItemRef) {
  return { source: r.source, document: r.document, figure: r.id };
}

export function linkToJson(result: LinkResult): LinkJson {
  return {
    entities: result.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      roles: e.roles,
      documents: e.documents,
      mentions: e.mentions,
      attributions: e.attributions.map((a) => ({ source: a.source, document: a.document, attribution: a.id })),
    })),
    events: result.events.map((e) => ({
      id: e.id,
      label: e.label,
      place: e.place,
      term: e.term,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      documents: e.documents,
      mentions: e.mentions.map((m) => ({
        source: m.source,
        document: m.document,
        passages: m.passages.map((p) => ({ start: p.start, end: p.end })),
      })),
    })),
    figureGroups: result.figureGroups.map((g) => ({
      id: g.id,
      label: g.label,
      measure: g.measure,
      unitKind: g.unitKind,
      event: g.eventId,
      figures: g.figures.map((f) => ({
        source: f.source,
        document: f.documentId,
        figure: f.id,
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        low: f.low,
        high: f.high,
        qualifier: f.qualifier,
        unit: f.unit,
        subject: f.subject,
        speaker: f.speaker,
        speakerEntity: f.speakerEntityId,
        via: f.via,
        attribution: f.attribution,
        date: f.statedOn,
        refersTo: f.refersTo,
        superseded: f.superseded,
      })),
      disputed: g.disputed,
      disputes: g.disputes.map((d) => ({ speakers: d.speakers, figures: d.figures.map(figureRef) })),
      revisions: g.revisions.map((r) => ({
        speaker: r.speaker,
        from: r.from,
        to: r.to,
        date: r.date,
        fromFigure: figureRef(r.fromFigure),
        toFigure: figureRef(r.toFigure),
      })),
    })),
  };
}
