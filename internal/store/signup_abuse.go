package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// BlockedCount is how many join-form submissions were taken for bots on
// one day (YYYYMMDD) for one reason.
type BlockedCount struct {
	Day    int
	Reason string
	Count  int64
}

// CountBlockedSignup adds one to the count of blocked submissions for the
// reason on the calendar day of at, in at's location. The upsert is
// additive, so several processes count into one database exactly.
func (s *Store) CountBlockedSignup(ctx context.Context, reason string, at time.Time) error {
	if reason == "" {
		return fmt.Errorf("store: count blocked sign-up: %w: empty reason", ErrInvalid)
	}
	_, err := s.conn().exec(ctx, `INSERT INTO signup_blocked (day, reason, blocked) VALUES (?, ?, 1)
		ON CONFLICT (day, reason) DO UPDATE SET blocked = signup_blocked.blocked + 1`, dayNumber(at), reason)
	if err != nil {
		return fmt.Errorf("store: count blocked sign-up: %w", err)
	}
	return nil
}

// BlockedSignups returns the counts from day from to day to (YYYYMMDD, both
// included), by day then reason.
func (s *Store) BlockedSignups(ctx context.Context, from, to int) ([]BlockedCount, error) {
	out, err := queryAll(ctx, s.conn(), func(sc scanner, b *BlockedCount) error {
		return sc.Scan(&b.Day, &b.Reason, &b.Count)
	}, `SELECT day, reason, blocked FROM signup_blocked
		WHERE day BETWEEN ? AND ? ORDER BY day, reason`, from, to)
	if err != nil {
		return nil, fmt.Errorf("store: blocked sign-ups: %w", err)
	}
	return out, nil
}

// dayNumber is t's calendar date as YYYYMMDD.
func dayNumber(t time.Time) int {
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// IsDisposableDomain reports whether domain (exactly; callers walk parent
// domains themselves) is on the blocklist.
func (s *Store) IsDisposableDomain(ctx context.Context, domain string) (bool, error) {
	var n int
	err := s.conn().queryRow(ctx, `SELECT COUNT(*) FROM disposable_domains WHERE domain = ?`,
		normDomain(domain)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: check disposable domain: %w", err)
	}
	return n > 0, nil
}

// DisposableDomains lists the blocklist in order.
func (s *Store) DisposableDomains(ctx context.Context) ([]string, error) {
	out, err := queryAll(ctx, s.conn(), scanValue[string], `SELECT domain FROM disposable_domains ORDER BY domain`)
	if err != nil {
		return nil, fmt.Errorf("store: list disposable domains: %w", err)
	}
	return out, nil
}

// AddDisposableDomain puts domain on the blocklist; adding one already
// there is no error. by is the organiser, for the audit log.
func (s *Store) AddDisposableDomain(ctx context.Context, domain string, by User) error {
	d := normDomain(domain)
	if d == "" || !strings.Contains(d, ".") || strings.ContainsAny(d, " @/") {
		return fmt.Errorf("store: add disposable domain: %w: %q is not a domain like example.com", ErrInvalid, domain)
	}
	err := s.transact(ctx, func(c conn) error {
		if _, err := c.exec(ctx, `INSERT INTO disposable_domains (domain) VALUES (?) ON CONFLICT (domain) DO NOTHING`, d); err != nil {
			return err
		}
		e := byUser(by, ActionBlocklistAdd, actionTargetDisposable, 0, "blocked "+d)
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: add disposable domain %s: %w", d, err)
	}
	return nil
}

// RemoveDisposableDomain takes domain off the blocklist; ErrNotFound when
// it was not on it.
func (s *Store) RemoveDisposableDomain(ctx context.Context, domain string, by User) error {
	d := normDomain(domain)
	err := s.transact(ctx, func(c conn) error {
		res, err := c.exec(ctx, `DELETE FROM disposable_domains WHERE domain = ?`, d)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		e := byUser(by, ActionBlocklistRemove, actionTargetDisposable, 0, "unblocked "+d)
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: remove disposable domain %s: %w", d, err)
	}
	return nil
}

func normDomain(d string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
}
