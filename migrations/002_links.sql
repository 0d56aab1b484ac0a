-- Claims (attributions, figures) and what links them across documents: entities, events, figure groups.
-- Written one document at a time by src/store/links.ts; see src/link for the rules.

-- Attributions: speaker mention + cue + content spans, with the entity the speaker resolves to.
CREATE TABLE attributions (
  document_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id                  TEXT NOT NULL,
  kind                TEXT NOT NULL,
  source_start        INTEGER,
  source_end          INTEGER,
  cue_start           INTEGER,
  cue_end             INTEGER,
  content             JSONB NOT NULL,              -- [{start, end}, …]
  speaker_name        TEXT,
  speaker_type        TEXT,
  speaker_role        TEXT,
  speaker_entity_type TEXT,                        -- with speaker_entity_key: entity_names (type, key)
  speaker_entity_key  TEXT,
  via                 JSONB NOT NULL DEFAULT '[]', -- relay chain [{name, type}, …]
  stated_on           DATE,
  PRIMARY KEY (document_id, id)
);
CREATE INDEX attributions_speaker_entity_idx ON attributions (speaker_entity_type, speaker_entity_key);
CREATE INDEX attributions_speaker_name_idx ON attributions (lower(speaker_name));

-- Figures: a number someone asserts, with its qualifier, measure, speaker and dates.
CREATE TABLE figures (
  document_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id                  TEXT NOT NULL,
  start_offset        INTEGER NOT NULL,
  end_offset          INTEGER NOT NULL,
  text                TEXT NOT NULL,
  value               DOUBLE PRECISION,
  low                 DOUBLE PRECISION,
  high                DOUBLE PRECISION,
  qualifier           TEXT NOT NULL,
  unit                TEXT,
  unit_kind           TEXT NOT NULL,
  measure             TEXT,
  subject             TEXT,
  attribution_id      TEXT,
  speaker             JSONB,                       -- {name, type, role}
  speaker_entity_type TEXT,
  speaker_entity_key  TEXT,
  via                 JSONB NOT NULL DEFAULT '[]',
  stated_on           DATE,                        -- when it was said
  refers_to           DATE,                        -- the date the figure carries
  revises             TEXT,                        -- id of the figure in this document it revises
  PRIMARY KEY (document_id, id),
  CHECK (0 <= start_offset AND start_offset <= end_offset)
);
CREATE INDEX figures_measure_idx ON figures (measure, unit_kind);
CREATE INDEX figures_speaker_entity_idx ON figures (speaker_entity_type, speaker_entity_key);
CREATE INDEX figures_stated_on_idx ON figures (stated_on);

-- Each linked document: its event features (headline and lead), its entity layer, and its event.
CREATE TABLE link_documents (
  document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  source       TEXT NOT NULL,
  published_at DATE,
  features     JSONB NOT NULL,
  entities     JSONB NOT NULL DEFAULT '[]',
  event_id     TEXT NOT NULL,
  linked_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX link_documents_event_idx ON link_documents (event_id);
CREATE INDEX link_documents_published_idx ON link_documents (published_at);

-- Places and people through which a document finds the documents it may share an event with.
CREATE TABLE link_keys (
  kind        TEXT NOT NULL,
  key         TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (kind, key, document_id)
);
CREATE INDEX link_keys_document_idx ON link_keys (document_id);

-- Entity names per document: one row per (document, type, key), with the surface forms and roles it uses.
CREATE TABLE entity_mentions (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  key         TEXT NOT NULL,
  mentions    INTEGER NOT NULL,
  surfaces    TEXT[] NOT NULL,
  roles       TEXT[] NOT NULL,
  PRIMARY KEY (type, key, document_id)
);
CREATE INDEX entity_mentions_document_idx ON entity_mentions (document_id);

-- Every distinct name key, the block it is clustered in, and the entity it belongs to.
CREATE TABLE entity_names (
  type      TEXT NOT NULL,
  key       TEXT NOT NULL,
  block     TEXT NOT NULL,
  full_name BOOLEAN NOT NULL,
  entity_id TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  mentions  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (type, key)
);
CREATE INDEX entity_names_block_idx ON entity_names (type, block);
CREATE INDEX entity_names_entity_idx ON entity_names (entity_id);

-- Running counts (in documents) of each surface form and role per name key, so naming an entity reads few rows.
CREATE TABLE entity_name_surfaces (
  type      TEXT NOT NULL,
  key       TEXT NOT NULL,
  surface   TEXT NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (type, key, surface)
);
CREATE TABLE entity_name_roles (
  type      TEXT NOT NULL,
  key       TEXT NOT NULL,
  role      TEXT NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (type, key, role)
);

CREATE TABLE entities (
  id             TEXT PRIMARY KEY,
  type           TEXT NOT NULL,
  name           TEXT NOT NULL,
  roles          TEXT[] NOT NULL DEFAULT '{}',
  document_count INTEGER NOT NULL,
  mention_count  INTEGER NOT NULL
);
CREATE INDEX entities_type_idx ON entities (type);
CREATE INDEX entities_name_idx ON entities (lower(name));

CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias_idx ON entity_aliases (lower(alias));

CREATE TABLE events (
  id             TEXT PRIMARY KEY,
  label          TEXT NOT NULL,
  place          TEXT,
  term           TEXT,
  first_date     DATE,
  last_date      DATE,
  document_count INTEGER NOT NULL
);
CREATE INDEX events_first_date_idx ON events (first_date);
CREATE INDEX events_place_idx ON events (lower(place));

CREATE TABLE figure_groups (
  id           TEXT PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  measure      TEXT NOT NULL,
  unit_kind    TEXT NOT NULL,
  disputed     BOOLEAN NOT NULL,
  disputes     JSONB NOT NULL DEFAULT '[]',
  figure_count INTEGER NOT NULL
);
CREATE INDEX figure_groups_event_idx ON figure_groups (event_id);
CREATE INDEX figure_groups_measure_idx ON figure_groups (measure);
CREATE INDEX figure_groups_disputed_idx ON figure_groups (disputed);

CREATE TABLE figure_group_members (
  group_id    TEXT NOT NULL REFERENCES figure_groups (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  document_id TEXT NOT NULL,
  figure_id   TEXT NOT NULL,
  superseded  BOOLEAN NOT NULL,
  PRIMARY KEY (group_id, seq),
  FOREIGN KEY (document_id, figure_id) REFERENCES figures (document_id, id) ON DELETE CASCADE
);
CREATE INDEX figure_group_members_figure_idx ON figure_group_members (document_id, figure_id);

CREATE TABLE figure_revisions (
  group_id         TEXT NOT NULL REFERENCES figure_groups (id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  speaker          JSONB,
  from_value       DOUBLE PRECISION NOT NULL,
  to_value         DOUBLE PRECISION NOT NULL,
  from_document_id TEXT NOT NULL,
  from_figure_id   TEXT NOT NULL,
  to_document_id   TEXT NOT NULL,
  to_figure_id     TEXT NOT NULL,
  stated_on        DATE,
  PRIMARY KEY (group_id, seq)
);
