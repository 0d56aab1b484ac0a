-- Attributions whose content stands in a sentence that reports another happening than their article's
-- (src/link/scenes.ts): the scene, and the article it is anchored to (NULL: its own), under whose event the
-- sentence is listed as a passing mention. Few attributions have a scene, so a new article finds the scenes its
-- places may concern through a partial index on the scene's places rather than rows of their own. Attributions
-- linked before this migration have no scene.
ALTER TABLE attributions ADD COLUMN scene JSONB;
ALTER TABLE attributions ADD COLUMN anchor_document_id TEXT;
CREATE INDEX attributions_anchor_idx ON attributions (anchor_document_id) WHERE anchor_document_id IS NOT NULL;
CREATE INDEX attributions_scene_places_idx ON attributions USING gin ((scene -> 'places')) WHERE scene IS NOT NULL;
