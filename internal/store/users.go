package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// User is an organiser account. Roles are "admin" and "editor"; package auth
// gives them meaning.
type User struct {
	ID           int64
	Email        string // lower-cased
	Role         string
	PasswordHash string // encoded by auth.HashPassword; never the password
	CreatedAt    time.Time
}

// Session is a logged-in organiser's session. Only the hash of its token is
// stored; package auth decides expiry from the two times.
type Session struct {
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
}

const userCols = `id, email, role, password_hash, created_at`

// CreateUser stores a new user and sets its ID and CreatedAt. A second user
// with the same email (in any case) is ErrConflict. by is who did it (the
// zero User for the CLI), for the audit log.
func (s *Store) CreateUser(ctx context.Context, u *User, by User) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	if u.Email == "" || u.PasswordHash == "" || (u.Role != "admin" && u.Role != "editor") {
		return fmt.Errorf("store: create user: %w: needs an email, a password hash and the role admin or editor", ErrInvalid)
	}
	u.CreatedAt = nowUTC()
	err := s.transact(ctx, func(c conn) error {
		err := c.queryRow(ctx, `INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			u.Email, u.Role, u.PasswordHash, c.d.timeArg(u.CreatedAt)).Scan(&u.ID)
		if err != nil {
			return err
		}
		e := byUser(by, ActionUserCreate, actionTargetUser, u.ID, "created "+u.Role+" "+u.Email)
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: create user %s: %w", u.Email, s.classify(err))
	}
	return nil
}

// User returns the user with the given ID.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	return s.user(ctx, "id", id)
}

// UserByEmail returns the user with the given email, in any case.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	return s.user(ctx, "email", strings.ToLower(strings.TrimSpace(email)))
}

func (s *Store) user(ctx context.Context, col string, key any) (User, error) {
	u, err := queryOne(ctx, s.conn(), scanUser, `SELECT `+userCols+` FROM users WHERE `+col+` = ?`, key)
	if err != nil {
		return User{}, fmt.Errorf("store: user by %s: %w", col, err)
	}
	return u, nil
}

// Users lists every user by email.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	users, err := queryAll(ctx, s.conn(), scanUser, `SELECT `+userCols+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	return users, nil
}

func scanUser(sc scanner, u *User) error {
	return sc.Scan(&u.ID, &u.Email, &u.Role, &u.PasswordHash, timeCol{&u.CreatedAt})
}

// SetUserPassword replaces a user's password hash and ends all their
// sessions, so a changed password locks out whoever knew the old one.
func (s *Store) SetUserPassword(ctx context.Context, id int64, hash string, by User) error {
	if hash == "" {
		return fmt.Errorf("store: set password of user %d: %w: empty hash", id, ErrInvalid)
	}
	err := s.transact(ctx, func(c conn) error {
		res, err := c.exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := c.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return err
		}
		e := byUser(by, ActionUserPassword, actionTargetUser, id, "changed password")
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: set password of user %d: %w", id, err)
	}
	return nil
}

// CreateSession stores a session for userID under the hash of its token.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, userID int64, at time.Time) error {
	at = normTime(at)
	_, err := s.conn().exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)`,
		tokenHash, userID, s.dialect.timeArg(at), s.dialect.timeArg(at))
	if err != nil {
		return fmt.Errorf("store: create session for user %d: %w", userID, s.classify(err))
	}
	return nil
}

// SessionUser returns the session stored under tokenHash and its user.
// Expiry is the caller's to judge.
func (s *Store) SessionUser(ctx context.Context, tokenHash string) (Session, User, error) {
	var u User
	se, err := queryOne(ctx, s.conn(), func(sc scanner, se *Session) error {
		return sc.Scan(&se.UserID, timeCol{&se.CreatedAt}, timeCol{&se.LastSeenAt},
			&u.ID, &u.Email, &u.Role, &u.PasswordHash, timeCol{&u.CreatedAt})
	}, `SELECT s.user_id, s.created_at, s.last_seen_at,
			u.id, u.email, u.role, u.password_hash, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, tokenHash)
	if err != nil {
		return Session{}, User{}, fmt.Errorf("store: session: %w", err)
	}
	return se, u, nil
}

// TouchSession records activity on a session at the given time.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, at time.Time) error {
	if _, err := s.conn().exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`,
		s.dialect.timeArg(normTime(at)), tokenHash); err != nil {
		return fmt.Errorf("store: touch session: %w", err)
	}
	return nil
}

// DeleteSession ends one session; deleting one that is gone is no error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.conn().exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions idle since before idleBefore or
// created before createdBefore, and reports how many went.
func (s *Store) DeleteExpiredSessions(ctx context.Context, idleBefore, createdBefore time.Time) (int64, error) {
	res, err := s.conn().exec(ctx, `DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?`,
		s.dialect.timeArg(normTime(idleBefore)), s.dialect.timeArg(normTime(createdBefore)))
	if err != nil {
		return 0, fmt.Errorf("store: delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
