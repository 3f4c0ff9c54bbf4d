-- Organiser accounts, sessions and the audit log, SQLite flavour. Keep in
-- step with 0032_users.postgres.sql.

-- email is lower-cased by the application. password_hash is an encoded
-- argon2id hash; the password itself is never stored.
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
	password_hash TEXT NOT NULL,
	created_at    TEXT NOT NULL
);

-- A session is known only by the SHA-256 of its cookie token (hex): a copy
-- of this table lets nobody log in. Expiry is decided by the application
-- from created_at (absolute) and last_seen_at (idle).
CREATE TABLE sessions (
	token_hash   TEXT PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at   TEXT NOT NULL,
	last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);

-- Every organiser action: who (user_id, and their email at the time in
-- actor, kept after the user is deleted), what, when, and on what. detail
-- never holds a sign-up's personal data.
CREATE TABLE audit_log (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
	actor       TEXT NOT NULL,
	action      TEXT NOT NULL,
	target_type TEXT NOT NULL DEFAULT '',
	target_id   INTEGER,
	detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_at ON audit_log (at DESC, id DESC);
