-- A version of the link state, so a process may keep the state it reads while linking (names, documents' event
-- features and keys, figures) in memory between batches: each batch bumps it under the link lock, and a process
-- whose copy is not at the version before its own bump reads the store again (src/store/link-mirror.ts).
-- Changes to link_documents made outside linking (deleting documents, emptying the tables) bump it too.
CREATE TABLE link_state (
  id      BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
  version BIGINT NOT NULL
);
INSERT INTO link_state (version) VALUES (0);
CREATE FUNCTION link_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF coalesce(current_setting('claimtrace.linking', true), '') <> 'on' THEN UPDATE link_state SET version = version + 1; END IF; RETURN NULL; END $$;
CREATE TRIGGER link_documents_changed AFTER INSERT OR UPDATE OR DELETE ON link_documents
  FOR EACH STATEMENT EXECUTE FUNCTION link_state_changed();
CREATE TRIGGER link_documents_truncated AFTER TRUNCATE ON link_documents
  FOR EACH STATEMENT EXECUTE FUNCTION link_state_changed();

-- The speaker filter matches substrings (strpos), which a b-tree on lower(speaker_name) cannot serve; every
-- attribution paid for it.
DROP INDEX attributions_speaker_name_idx;
