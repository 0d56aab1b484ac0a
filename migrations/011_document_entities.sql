-- A document's entity layer is stored with the document, as its attributions and figures are (saveDocuments in
-- src/store/documents.ts): documents.entities. link_documents.entities keeps the layer of documents stored before
-- this, and of documents whose claims linking wrote (stored before claims were saved with them, or analysed again);
-- otherwise it is NULL and the document's own is read.
ALTER TABLE documents ADD COLUMN entities JSONB;
ALTER TABLE link_documents ALTER COLUMN entities DROP NOT NULL;
ALTER TABLE link_documents ALTER COLUMN entities DROP DEFAULT;
-- The surface forms and roles of each document's names were written and never read: linking keeps their running
-- counts per name (entity_name_surfaces, entity_name_roles), and readers of entity_mentions want its documents.
ALTER TABLE entity_mentions DROP COLUMN surfaces;
ALTER TABLE entity_mentions DROP COLUMN roles;
