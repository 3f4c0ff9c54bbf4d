-- Full-text search, PostgreSQL flavour: a generated tsvector column over
-- title (weight A), standfirst (B) and body text (C) with a GIN index.
-- Being generated, it is filled for every existing row by this migration and
-- kept current by PostgreSQL on every write. Keep in step with
-- 0022_search.sqlite.sql: the 'simple' configuration (no stemming, no stop
-- words, diacritics kept) matches SQLite's unicode61 tokenizer, and only the
-- first 100,000 characters of a body are indexed (a tsvector may not exceed
-- 1 MB).
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple'::regconfig, title), 'A') ||
	setweight(to_tsvector('simple'::regconfig, standfirst), 'B') ||
	setweight(to_tsvector('simple'::regconfig, left(body_text, 100000)), 'C')
) STORED;

CREATE INDEX articles_search ON articles USING GIN (search);
