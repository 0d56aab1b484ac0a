/**
 * A document's claim rows: its attributions (with the text they report, which the full-text index reads), its
 * figures, and the places of its figures' scenes. They are the per-document pipeline's findings, so they are
 * written with the document itself (saveDocuments, src/store/documents.ts); linking only reads them. Documents
 * stored before claims were saved with them get theirs when they are linked (src/store/links.ts).
 */
import type { DocRecord } from "../link/model.js";
import type { Document } from "../model/document.js";
import type { Span } from "../model/span.js";
import type { Sql } from "./database.js";
import { json } from "./link-rows.js";

/** The text an attribution reports: its content spans, joined with " … " (searchable; see migration 004). */
export function contentText(text: string, content: readonly Span[]): string {
  return content.map((s) => text.slice(s.start, s.end)).join(" … ");
}

/** Writes the claim rows of documents (their records, and the documents for their text) in one statement. */
export async function writeClaimRows(
  tx: Sql,
  records: readonly DocRecord[],
  docs: ReadonlyMap<string, Document>,
): Promise<void> {
  const attributions = records.flatMap((r) =>
    r.attributions.map((a) => ({
      document_id: r.documentId,
      id: a.id,
      kind: a.kind,
      source_start: a.source?.start ?? null,
      source_end: a.source?.end ?? null,
      cue_start: a.cue?.start ?? null,
      cue_end: a.cue?.end ?? null,
      content: a.content,
      content_text: contentText(docs.get(r.documentId)!.text, a.content),
      speaker_name: a.speaker?.name ?? null,
      speaker_type: a.speaker?.type ?? null,
      speaker_role: a.speaker?.role ?? null,
      entity_type: a.speakerEntity?.type ?? null,
      entity_key: a.speakerEntity?.key ?? null,
      via: a.via,
      stated_on: a.date,
      scene: a.scene,
    })),
  );
  const figures = records.flatMap((r) =>
    r.figures.map((f) => ({
      document_id: r.documentId,
      id: f.id,
      start_offset: f.start,
      end_offset: f.end,
      text: f.text,
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      unit: f.unit,
      unit_kind: f.unitKind,
      measure: f.measure,
      subject: f.subject,
      attribution_id: f.attribution,
      speaker: f.speaker,
      entity_type: f.speakerEntity?.type ?? null,
      entity_key: f.speakerEntity?.key ?? null,
      via: f.via,
      stated_on: f.statedOn,
      refers_to: f.refersTo,
      revises: f.revises,
      scene: f.scene,
    })),
  );
  const scenes = records.flatMap((r) =>
    r.figures.flatMap((f) =>
      (f.scene?.places ?? []).map((place) => ({ document_id: r.documentId, figure_id: f.id, place, published_at: r.publishedAt })),
    ),
  );
  if (attributions.length === 0 && figures.length === 0) return;
  await tx.query(
    `WITH a AS (
       INSERT INTO attributions (document_id, id, kind, source_start, source_end, cue_start, cue_end, content,
                                 content_text, speaker_name, speaker_type, speaker_role, speaker_entity_type,
                                 speaker_entity_key, via, stated_on, scene)
       SELECT x.document_id, x.id, x.kind, x.source_start, x.source_end, x.cue_start, x.cue_end, x.content,
              x.content_text, x.speaker_name, x.speaker_type, x.speaker_role, x.entity_type, x.entity_key, x.via,
              x.stated_on, x.scene
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, id text, kind text, source_start int,
            source_end int, cue_start int, cue_end int, content jsonb, content_text text, speaker_name text,
            speaker_type text,
            speaker_role text, entity_type text, entity_key text, via jsonb, stated_on date, scene jsonb)
     ), f AS (
       INSERT INTO figures (document_id, id, start_offset, end_offset, text, value, low, high, qualifier, unit,
                            unit_kind, measure, subject, attribution_id, speaker, speaker_entity_type,
                            speaker_entity_key, via, stated_on, refers_to, revises, scene)
       SELECT x.document_id, x.id, x.start_offset, x.end_offset, x.text, x.value, x.low, x.high, x.qualifier,
              x.unit, x.unit_kind, x.measure, x.subject, x.attribution_id, x.speaker, x.entity_type, x.entity_key,
              x.via, x.stated_on, x.refers_to, x.revises, x.scene
       FROM jsonb_to_recordset($2::jsonb) AS x(document_id text, id text, start_offset int, end_offset int,
            text text, value double precision, low double precision, high double precision, qualifier text,
            unit text, unit_kind text, measure text, subject text, attribution_id text, speaker jsonb,
            entity_type text, entity_key text, via jsonb, stated_on date, refers_to date, revises text, scene jsonb)
     )
     -- (foreign keys are checked when the whole statement ends, after the figures above are in)
     INSERT INTO figure_scenes (document_id, figure_id, place, published_at)
     SELECT x.document_id, x.figure_id, x.place, x.published_at
     FROM jsonb_to_recordset($3::jsonb) AS x(document_id text, figure_id text, place text, published_at date)`,
    [json(attributions), json(figures), json(scenes)],
  );
}
