-- Visit counts: one row per article per day. day is the calendar date in the
-- site's time zone written as the integer YYYYMMDD, which reads well and
-- compares the same on both databases. Only counts live here: nothing derived
-- from a visitor's address or browser is ever written (see docs/counting.md).
CREATE TABLE article_views (
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	day        INTEGER NOT NULL,
	views      BIGINT NOT NULL DEFAULT 0,
	visitors   BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, day)
);

-- The organisers' "top articles" over a range of days.
CREATE INDEX article_views_by_day ON article_views (day, article_id);
