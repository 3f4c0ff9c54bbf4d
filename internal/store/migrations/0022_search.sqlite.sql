-- Full-text search, SQLite flavour: an FTS5 index over each article's title,
-- standfirst and body text, kept in step with the articles table by
-- triggers, so every writer (ours, import, other packages) keeps it current.
-- It is an external-content index: it stores only the index, not a second
-- copy of the text. Keep in step with 0022_search.postgres.sql:
--   * no stemming and no stop words on either side, diacritics kept, so the
--     same words match on both databases;
--   * only the first 100,000 characters of a body are indexed (PostgreSQL
--     refuses tsvectors over 1 MB).
-- prefix='2 3' keeps short prefix queries (ca*, cat*) fast.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, standfirst, body_text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, standfirst, body_text)
	VALUES (new.id, new.title, new.standfirst, substr(new.body_text, 1, 100000));
END;

-- An external-content index forgets a row by being told the text it indexed.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, standfirst, body_text)
	VALUES ('delete', old.id, old.title, old.standfirst, substr(old.body_text, 1, 100000));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, standfirst, body_text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, standfirst, body_text)
	VALUES ('delete', old.id, old.title, old.standfirst, substr(old.body_text, 1, 100000));
	INSERT INTO articles_fts (rowid, title, standfirst, body_text)
	VALUES (new.id, new.title, new.standfirst, substr(new.body_text, 1, 100000));
END;

-- Articles stored before this migration (the demo site, an import) are
-- indexed now.
INSERT INTO articles_fts (rowid, title, standfirst, body_text)
SELECT id, title, standfirst, substr(body_text, 1, 100000) FROM articles;
