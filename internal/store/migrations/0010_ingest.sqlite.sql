-- Ingestion, SQLite flavour: what each source is polled from and how it is
-- doing, what its feeds listed, what was stored from where, and the durable
-- job queue. Keep in step with 0010_ingest.postgres.sql. Times are TEXT in
-- the fixed-width UTC layout of 0001, so text order is time order.

-- One row per polled source. A source without a row (created by import-url)
-- is never polled.
CREATE TABLE source_feeds (
	source_id         INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
	kind              TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap')),
	url               TEXT NOT NULL,
	etag              TEXT NOT NULL DEFAULT '',
	last_modified     TEXT NOT NULL DEFAULT '',
	next_poll_at      TEXT NOT NULL,
	last_polled_at    TEXT,
	last_success_at   TEXT,
	last_error_at     TEXT,
	last_error        TEXT NOT NULL DEFAULT '',
	failures          INTEGER NOT NULL DEFAULT 0,
	paused            INTEGER NOT NULL DEFAULT 0,
	pause_reason      TEXT NOT NULL DEFAULT '',
	articles_imported INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX source_feeds_due ON source_feeds (paused, next_poll_at);

-- Every entry a source's feed or sitemap listed, keyed by its GUID (or its
-- normalized URL when it has none), so a re-poll enqueues nothing twice.
CREATE TABLE ingest_entries (
	id         INTEGER PRIMARY KEY,
	source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	entry_key  TEXT NOT NULL,
	url        TEXT NOT NULL,
	seen_at    TEXT NOT NULL,
	UNIQUE (source_id, entry_key)
);
CREATE INDEX ingest_entries_by_url ON ingest_entries (source_id, url);

-- What ingestion knows of a stored article: its normalized URL (unique:
-- one article per page), where its body came from, the fetched page
-- (gzip) for reextract, and its MinHash signature for near-duplicates.
CREATE TABLE article_ingest (
	article_id     INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	url_norm       TEXT NOT NULL UNIQUE,
	content_source TEXT NOT NULL CHECK (content_source IN ('page', 'feed')),
	page_gz        BLOB,
	minhash        BLOB
);

-- MinHash bands (locality-sensitive hashing): articles sharing any band
-- are candidate near-duplicates, checked against the whole signature.
CREATE TABLE article_bands (
	band       INTEGER NOT NULL,
	hash       BIGINT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, hash, article_id)
);
CREATE INDEX article_bands_by_article ON article_bands (article_id);

-- Every source that carried an article, the first one included: a
-- duplicate found elsewhere is recorded here instead of stored twice.
CREATE TABLE article_sources (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	matched_by TEXT NOT NULL CHECK (matched_by IN ('original', 'url', 'content')),
	seen_at    TEXT NOT NULL,
	PRIMARY KEY (article_id, source_id, url)
);
CREATE INDEX article_sources_by_source ON article_sources (source_id);

-- The durable job queue. A job is queued until a worker claims it with a
-- lease; done jobs are deleted; a running job whose lease expired (its
-- worker died) is claimed again; dead jobs ran out of attempts.
CREATE TABLE jobs (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL,
	key          TEXT NOT NULL UNIQUE,
	payload      TEXT NOT NULL DEFAULT '',
	state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'dead')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL DEFAULT 5,
	run_at       TEXT NOT NULL,
	lease_until  TEXT,
	token        TEXT NOT NULL DEFAULT '',
	last_error   TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL
);
CREATE INDEX jobs_runnable ON jobs (state, run_at, id);
