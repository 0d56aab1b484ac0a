-- The text an attribution reports (its content spans joined with " … "), written by linking, and a full-text
-- index over speaker name and content so the API can search statements. Rows linked before this migration keep
-- content_text NULL until src/store/links.ts (fillAttributionText) recomputes it from the stored text: UTF-16
-- offsets cannot be cut exactly in SQL, whose substr counts code points.
ALTER TABLE attributions ADD COLUMN content_text TEXT;
ALTER TABLE attributions ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
  to_tsvector('simple', coalesce(speaker_name, '') || ' ' || coalesce(content_text, ''))) STORED;
CREATE INDEX attributions_search_idx ON attributions USING GIN (search);
