-- A document's entity layer is stored with the document, as its attributions and figures are (saveDocuments in
-- src/store/documents.ts): documents.entities. link_documents.entities keeps the layer of documents stored before
-- this, and of documents whose claims linking wrote (stored before claims were saved with them, or analysed again);
-- otherwise it is NULL and the document's own is read.
ALTER TABLE documents ADD COLUMN entities JSONB;
ALTER TABLE link_documents ALTER COLUMN entities DROP NOT NULL;
ALTER TABLE link_documents ALTER COLUMN entities DROP DEFAULT;
-- The names each linked document mentions ("type:key", the key of entity_names), in one array on its row instead
-- of a row each in entity_mentions: those rows were most of what linking wrote per document, and their surface
-- forms, roles and counts were never read (linking keeps running counts per name in entity_name_surfaces and
-- entity_name_roles). Readers want an entity's documents: the GIN index finds them.
ALTER TABLE link_documents ADD COLUMN names TEXT[] NOT NULL DEFAULT '{}';
UPDATE link_documents d SET names = m.names
FROM (SELECT document_id, array_agg(type || ':' || key ORDER BY type, key) AS names FROM entity_mentions
      GROUP BY document_id) m
WHERE m.document_id = d.document_id;
DROP TABLE entity_mentions;
CREATE INDEX link_documents_names_idx ON link_documents USING GIN (names) WITH (fastupdate = off);
