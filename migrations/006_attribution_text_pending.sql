-- Every ingest asks for attributions still without content_text (rows linked before 004; see fillAttributionText
-- in src/store/links.ts). Linking always writes it, so this partial index stays empty once the backfill has run,
-- and the question costs an empty index probe instead of a scan of every attribution.
CREATE INDEX attributions_text_pending_idx ON attributions (document_id) WHERE content_text IS NULL;
