-- MinHash bands keyed by one hash that mixes in the band number, so that
-- finding candidates is one indexed IN lookup instead of sixteen (band,
-- hash) pairs joined by OR. The rows are derived data; articles stored
-- before this migration lose their bands and are matched by URL only.
DROP TABLE article_bands;

CREATE TABLE article_bands (
	hash       BIGINT NOT NULL,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (hash, article_id)
);
CREATE INDEX article_bands_by_article ON article_bands (article_id);
