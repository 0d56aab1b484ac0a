-- Documents, their annotation spans, and the ingestion runs that stored them.
CREATE TABLE ingestion_runs (
  id          BIGSERIAL PRIMARY KEY,
  command     TEXT NOT NULL,
  started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at TIMESTAMPTZ,
  stored      INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id                  TEXT PRIMARY KEY,            -- hash of the normalised text
  source              TEXT NOT NULL,               -- where it was first read from
  format              TEXT NOT NULL,
  title               TEXT,
  byline              TEXT,
  outlet              TEXT,
  url                 TEXT,
  published_at        DATE,
  published_at_source TEXT NOT NULL,
  language            TEXT NOT NULL,
  encoding            TEXT NOT NULL,
  text                TEXT NOT NULL,
  excluded            JSONB NOT NULL DEFAULT '[]',
  run_id              BIGINT REFERENCES ingestion_runs (id),
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  search              TSVECTOR GENERATED ALWAYS AS (
                        to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX documents_search_idx ON documents USING GIN (search);
CREATE INDEX documents_published_idx ON documents (published_at);

-- Every place a document was read from: the same article from two files is stored once, seen twice.
CREATE TABLE document_sources (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source      TEXT NOT NULL,
  run_id      BIGINT REFERENCES ingestion_runs (id),
  PRIMARY KEY (document_id, source)
);

-- Annotation spans by layer (paragraphs, sentences, …): UTF-16 offsets into documents.text.
CREATE TABLE spans (
  document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  layer        TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  data         JSONB,
  PRIMARY KEY (document_id, layer, seq),
  CHECK (0 <= start_offset AND start_offset <= end_offset)
);

-- Inputs a run refused, with the one-line reason shown to the user.
CREATE TABLE rejections (
  run_id BIGINT NOT NULL REFERENCES ingestion_runs (id),
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
