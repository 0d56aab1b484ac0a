-- A document's publication date beside each of its link keys, so that finding the documents it may share an
-- event with reads only those within the time window (an index range), not every document sharing a place.
ALTER TABLE link_keys ADD COLUMN published_at DATE;
UPDATE link_keys k SET published_at = d.published_at FROM link_documents d WHERE d.document_id = k.document_id;
CREATE INDEX link_keys_window_idx ON link_keys (kind, key, published_at);
