-- Sign-ups from the join form, SQLite flavour. Keep in step with
-- 0030_signups.postgres.sql. Times are TEXT in the store's fixed-width UTC
-- layout, as in 0001.
--
-- One row per person: email is normalized by the application (trimmed,
-- lower-cased) and unique, so a second sign-up merges into the same row and
-- adds a signup_events row. search_text is the lower-cased name, email, city
-- and country, lower-cased in Go so that search treats non-ASCII letters
-- alike on both databases.
CREATE TABLE signups (
	id             INTEGER PRIMARY KEY,
	email          TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	phone          TEXT NOT NULL DEFAULT '',
	city           TEXT NOT NULL DEFAULT '',
	country        TEXT NOT NULL DEFAULT '',
	message        TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted')),
	note           TEXT NOT NULL DEFAULT '',
	search_text    TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	last_signup_at TEXT NOT NULL
);
CREATE INDEX signups_by_last ON signups (last_signup_at DESC, id DESC);
CREATE INDEX signups_by_status ON signups (status, last_signup_at DESC, id DESC);

-- Each filling-in of the form: when, from which article (NULL for /join or
-- an article since deleted) and the consent wording agreed to.
CREATE TABLE signup_events (
	id         INTEGER PRIMARY KEY,
	signup_id  INTEGER NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
	at         TEXT NOT NULL,
	article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
	consent    TEXT NOT NULL,
	message    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signup_events_by_signup ON signup_events (signup_id, at, id);
CREATE INDEX signup_events_by_article ON signup_events (article_id);
