package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditEntry is one organiser action in the audit log. Detail says what
// changed in words an organiser reads, and never holds a sign-up's personal
// data: a deleted person appears as "deleted sign-up #ID".
type AuditEntry struct {
	ID         int64
	At         time.Time
	UserID     int64  // 0 when the user has since been deleted, or for the CLI
	Actor      string // the user's email at the time, or "cli"
	Action     string // e.g. "login", "signup.delete", "source.pause"
	TargetType string // e.g. "signup", "source", "article"; "" for none
	TargetID   int64  // 0 for none
	Detail     string
}

// Audit actions written by the store itself.
const (
	ActionSignupStatus     = "signup.status"
	ActionSignupDelete     = "signup.delete"
	ActionBlocklistAdd     = "blocklist.add"
	ActionBlocklistRemove  = "blocklist.remove"
	ActionUserCreate       = "user.create"
	ActionUserPassword     = "user.password"
	actionTargetSignup     = "signup"
	actionTargetUser       = "user"
	actionTargetDisposable = "disposable_domain"
)

// AddAudit writes e to the audit log and sets its ID, and At when zero.
// Store methods that change organiser data write their own entries in the
// same transaction; other packages call AddAudit for their actions.
func (s *Store) AddAudit(ctx context.Context, e *AuditEntry) error {
	if err := insertAudit(ctx, s.conn(), e); err != nil {
		return fmt.Errorf("store: add audit entry %q: %w", e.Action, err)
	}
	return nil
}

// byUser returns an audit entry of an action by u ("cli" when u is zero).
func byUser(u User, action, targetType string, targetID int64, detail string) AuditEntry {
	actor := u.Email
	if actor == "" {
		actor = "cli"
	}
	return AuditEntry{UserID: u.ID, Actor: actor, Action: action, TargetType: targetType, TargetID: targetID, Detail: detail}
}

func insertAudit(ctx context.Context, c conn, e *AuditEntry) error {
	if e.Action == "" || e.Actor == "" {
		return fmt.Errorf("%w: audit entry needs an action and an actor", ErrInvalid)
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = normTime(e.At)
	return c.queryRow(ctx, `INSERT INTO audit_log (at, user_id, actor, action, target_type, target_id, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.d.timeArg(e.At), nullID(e.UserID), e.Actor, e.Action, e.TargetType, nullID(e.TargetID), e.Detail).Scan(&e.ID)
}

// AuditLog lists audit entries newest first, with the total count for
// pagination. limit 0 means 50.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]AuditEntry, int, error) {
	if limit <= 0 {
		limit = 50
	}
	c := s.conn()
	var total int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM audit_log`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count audit log: %w", err)
	}
	out, err := queryAll(ctx, c, scanAuditEntry, `SELECT id, at, user_id, actor, action, target_type, target_id, detail
		FROM audit_log ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, limit, max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("store: list audit log: %w", err)
	}
	return out, total, nil
}

func scanAuditEntry(sc scanner, e *AuditEntry) error {
	var uid, tid sql.NullInt64
	err := sc.Scan(&e.ID, timeCol{&e.At}, &uid, &e.Actor, &e.Action, &e.TargetType, &tid, &e.Detail)
	e.UserID, e.TargetID = uid.Int64, tid.Int64
	return err
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
