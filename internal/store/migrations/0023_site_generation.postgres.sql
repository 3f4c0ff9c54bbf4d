-- A site-wide change counter; see 0023_site_generation.sqlite.sql for why.
-- Here one statement-level trigger per table bumps it once per statement.
-- The bump is an UPDATE of one row inside the writer's transaction, so a
-- reader sees the new number exactly when the change it announces commits.
CREATE TABLE site_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  BIGINT NOT NULL
);
INSERT INTO site_generation (id, n) VALUES (1, 1);

CREATE FUNCTION bump_site_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE site_generation SET n = n + 1 WHERE id = 1;
	RETURN NULL;
END;
$$;

CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_authors FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_tags FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tags FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
CREATE TRIGGER site_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_related FOR EACH STATEMENT EXECUTE FUNCTION bump_site_generation();
