-- A site-wide change counter. Every write to what the public pages show
-- (articles, their authors and tags, sources, accounts, recommendations)
-- bumps it in the same transaction, so a web process that caches rendered
-- pages can notice any change, its own or another process's, by reading one
-- row. Visit counts (article_views) deliberately do not bump it: they
-- change on every page view and are spliced into cached pages instead.
-- Keep in step with 0023_site_generation.postgres.sql.
CREATE TABLE site_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  BIGINT NOT NULL
);
INSERT INTO site_generation (id, n) VALUES (1, 1);

CREATE TRIGGER site_gen_articles_insert AFTER INSERT ON articles BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_articles_update AFTER UPDATE ON articles BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_articles_delete AFTER DELETE ON articles BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_authors_insert AFTER INSERT ON article_authors BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_authors_update AFTER UPDATE ON article_authors BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_authors_delete AFTER DELETE ON article_authors BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_article_tags_insert AFTER INSERT ON article_tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_article_tags_update AFTER UPDATE ON article_tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_article_tags_delete AFTER DELETE ON article_tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_tags_insert AFTER INSERT ON tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_tags_update AFTER UPDATE ON tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_tags_delete AFTER DELETE ON tags BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_sources_insert AFTER INSERT ON sources BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_sources_update AFTER UPDATE ON sources BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_sources_delete AFTER DELETE ON sources BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_accounts_insert AFTER INSERT ON accounts BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_accounts_update AFTER UPDATE ON accounts BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_accounts_delete AFTER DELETE ON accounts BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_related_insert AFTER INSERT ON article_related BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_related_update AFTER UPDATE ON article_related BEGIN UPDATE site_generation SET n = n + 1; END;
CREATE TRIGGER site_gen_related_delete AFTER DELETE ON article_related BEGIN UPDATE site_generation SET n = n + 1; END;
