-- Indexes for the HTTP API's lists (src/store/read): each list's order, so that a page is read in index order and
-- not by sorting every row.
CREATE INDEX figure_groups_board_idx ON figure_groups (disputed DESC, figure_count DESC, id);
CREATE INDEX figures_list_idx ON figures (stated_on DESC NULLS LAST, document_id, start_offset, id);
CREATE INDEX documents_list_idx ON documents (published_at DESC NULLS LAST, id);
