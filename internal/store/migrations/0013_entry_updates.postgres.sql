-- When each entry was last updated as its feed says, so a later poll that
-- shows a newer update time fetches the page again and updates the
-- article. NULL: the feed gave no update time. Keep in step with
-- 0013_entry_updates.sqlite.sql.
ALTER TABLE ingest_entries ADD COLUMN updated_at TIMESTAMPTZ;
