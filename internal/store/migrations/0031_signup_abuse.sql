-- What the join form's abuse checks need, the same on both databases.

-- Submissions taken for bots, counted per day (YYYYMMDD, as article_views)
-- and reason (honeypot, no_token, too_fast, rate_limited, disposable).
-- Only counts: nothing about the sender is kept.
CREATE TABLE signup_blocked (
	day     INTEGER NOT NULL,
	reason  TEXT NOT NULL,
	blocked BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (day, reason)
);

-- Disposable email domains the join form refuses; organisers edit the list.
-- A domain also covers its subdomains. The starting list is ours: a few
-- widely known throwaway-mail services.
CREATE TABLE disposable_domains (
	domain TEXT PRIMARY KEY
);
INSERT INTO disposable_domains (domain) VALUES
	('10minutemail.com'),
	('discard.email'),
	('dispostable.com'),
	('emailondeck.com'),
	('fakeinbox.com'),
	('getairmail.com'),
	('getnada.com'),
	('guerrillamail.com'),
	('guerrillamail.net'),
	('maildrop.cc'),
	('mailinator.com'),
	('mailnesia.com'),
	('mintemail.com'),
	('mohmal.com'),
	('sharklasers.com'),
	('spamgourmet.com'),
	('temp-mail.org'),
	('tempmail.com'),
	('tempmailo.com'),
	('throwawaymail.com'),
	('trashmail.com'),
	('yopmail.com');
