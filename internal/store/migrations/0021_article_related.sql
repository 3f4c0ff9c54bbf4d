-- "Recommended for you": the ranked related articles of each article,
-- computed when articles are stored, so that a page view is one lookup.
CREATE TABLE article_related (
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	rank       INTEGER NOT NULL,
	related_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, rank)
);

-- Deleting an article cascades through related_id; this keeps that cheap.
CREATE INDEX article_related_by_related ON article_related (related_id);
