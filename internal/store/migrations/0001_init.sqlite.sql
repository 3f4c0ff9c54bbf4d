-- Foundation schema, SQLite flavour. Times are TEXT in the fixed-width UTC
-- layout 2006-01-02T15:04:05.000000Z so text order is time order; NULL is
-- "no time". Keep in step with 0001_init.postgres.sql.

CREATE TABLE sources (
	id           INTEGER PRIMARY KEY,
	slug         TEXT NOT NULL UNIQUE,
	name         TEXT NOT NULL,
	homepage_url TEXT NOT NULL DEFAULT '',
	feed_url     TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL
);

CREATE TABLE accounts (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	avatar_url TEXT NOT NULL DEFAULT '',
	bio        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
	id                 INTEGER PRIMARY KEY,
	slug               TEXT NOT NULL UNIQUE,
	source_id          INTEGER NOT NULL REFERENCES sources (id),
	account_id         INTEGER REFERENCES accounts (id),
	original_url       TEXT NOT NULL DEFAULT '',
	canonical_url      TEXT NOT NULL DEFAULT '',
	site_name          TEXT NOT NULL DEFAULT '',
	title              TEXT NOT NULL,
	standfirst         TEXT NOT NULL DEFAULT '',
	language           TEXT NOT NULL DEFAULT '',
	published_at       TEXT,
	updated_at         TEXT,
	fetched_at         TEXT,
	-- lead image: lead_image_url is NULL when the article has none
	lead_image_url     TEXT,
	lead_image_alt     TEXT NOT NULL DEFAULT '',
	lead_image_caption TEXT NOT NULL DEFAULT '',
	lead_image_credit  TEXT NOT NULL DEFAULT '',
	body_html          TEXT NOT NULL DEFAULT '',
	body_text          TEXT NOT NULL DEFAULT '',
	fingerprint        TEXT NOT NULL DEFAULT '',
	status             TEXT NOT NULL DEFAULT 'published'
		CHECK (status IN ('published', 'draft', 'unpublished')),
	created_at         TEXT NOT NULL
);

-- The list pages: newest first, by status, optionally by source or account.
CREATE INDEX articles_by_status ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_source ON articles (source_id, status, published_at DESC, id DESC);
CREATE INDEX articles_by_account ON articles (account_id, status, published_at DESC, id DESC);
CREATE INDEX articles_by_fingerprint ON articles (fingerprint);
CREATE INDEX articles_by_original_url ON articles (original_url);

CREATE TABLE article_authors (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	name       TEXT NOT NULL,
	url        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, position)
);

CREATE TABLE tags (
	slug TEXT PRIMARY KEY,
	name TEXT NOT NULL
);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	tag_slug   TEXT NOT NULL REFERENCES tags (slug),
	position   INTEGER NOT NULL,
	PRIMARY KEY (article_id, tag_slug)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_slug, article_id);
