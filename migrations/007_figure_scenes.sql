-- Figures whose sentence reports another happening than their article's (src/link/scenes.ts): the scene (places
-- and kinds of event) kept with the figure, its places indexed so that a new article naming one of them can
-- re-anchor it, and the article it is anchored to (NULL: its own), whose event it joins. Figures linked before
-- this migration have no scene.
ALTER TABLE figures ADD COLUMN scene JSONB;
ALTER TABLE figures ADD COLUMN anchor_document_id TEXT;
CREATE INDEX figures_anchor_idx ON figures (anchor_document_id) WHERE anchor_document_id IS NOT NULL;
CREATE TABLE figure_scenes (
  document_id  TEXT NOT NULL,
  figure_id    TEXT NOT NULL,
  place        TEXT NOT NULL,
  published_at DATE,
  PRIMARY KEY (document_id, figure_id, place),
  FOREIGN KEY (document_id, figure_id) REFERENCES figures (document_id, id) ON DELETE CASCADE
);
CREATE INDEX figure_scenes_place_idx ON figure_scenes (place, published_at);
