-- Every linked batch asks this index which stored quotes name its places. With GIN's fast update, new entries wait
-- in a pending list that each such question reads through whole (tens of milliseconds a batch once the list has
-- filled); the index holds few entries (quotes with a scene only), so entries go straight into it instead.
ALTER INDEX attributions_scene_places_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('attributions_scene_places_idx'::regclass);
