package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"newshound/internal/news"
)

// SignupFilter selects sign-ups for the organisers' list.
type SignupFilter struct {
	Query  string            // matched in name, email, city and country, any case; "" = all
	Status news.SignupStatus // "" = any
	Limit  int               // 0 = 50
	Offset int
}

const signupCols = `id, email, name, phone, city, country, message, status, note, created_at, updated_at`

// maxMergeAttempts bounds the insert-or-merge loop in AddSignup; a second
// pass is only needed when a concurrent sign-up with the same email commits
// between our two statements (PostgreSQL).
const maxMergeAttempts = 3

// AddSignup stores one sign-up in one transaction. When a person with the
// same email exists, it is merged into them: the new name and any non-empty
// new details replace the old, status and note stay, and the event is added
// beside the earlier ones, so both dates are kept. ev.At zero means now; an
// ev.ArticleID that names no article is stored as none.
func (s *Store) AddSignup(ctx context.Context, p news.Signup, ev news.SignupEvent) (id int64, merged bool, err error) {
	p.Email = strings.ToLower(strings.TrimSpace(p.Email))
	if p.Email == "" || strings.TrimSpace(p.Name) == "" || ev.Consent == "" {
		return 0, false, fmt.Errorf("store: add sign-up: %w: needs an email, a name and the consent wording", ErrInvalid)
	}
	if ev.At.IsZero() {
		ev.At = time.Now()
	}
	at := s.dialect.timeArg(normTime(ev.At))
	err = s.transact(ctx, func(c conn) error {
		for attempt := 1; ; attempt++ {
			var name, email, city, country string
			err := c.queryRow(ctx, `UPDATE signups SET
					name = ?,
					phone = COALESCE(NULLIF(?, ''), phone),
					city = COALESCE(NULLIF(?, ''), city),
					country = COALESCE(NULLIF(?, ''), country),
					message = COALESCE(NULLIF(?, ''), message),
					updated_at = ?, last_signup_at = ?
				WHERE email = ? RETURNING id, name, email, city, country`,
				p.Name, p.Phone, p.City, p.Country, p.Message, at, at, p.Email).
				Scan(&id, &name, &email, &city, &country)
			if err == nil {
				merged = true
				if _, err := c.exec(ctx, `UPDATE signups SET search_text = ? WHERE id = ?`,
					searchText(name, email, city, country), id); err != nil {
					return err
				}
				break
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			err = c.queryRow(ctx, `INSERT INTO signups (email, name, phone, city, country, message, status, note,
					search_text, created_at, updated_at, last_signup_at)
				VALUES (?, ?, ?, ?, ?, ?, 'new', '', ?, ?, ?, ?)
				ON CONFLICT (email) DO NOTHING RETURNING id`,
				p.Email, p.Name, p.Phone, p.City, p.Country, p.Message,
				searchText(p.Name, p.Email, p.City, p.Country), at, at, at).Scan(&id)
			if err == nil {
				break
			}
			if !errors.Is(err, sql.ErrNoRows) || attempt == maxMergeAttempts {
				return err
			}
		}
		_, err := c.exec(ctx, `INSERT INTO signup_events (signup_id, at, article_id, consent, message)
			VALUES (?, ?, (SELECT id FROM articles WHERE id = ?), ?, ?)`,
			id, at, ev.ArticleID, ev.Consent, ev.Message)
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("store: add sign-up: %w", s.classify(err))
	}
	return id, merged, nil
}

// searchText is what SignupFilter.Query matches against, lower-cased here
// rather than in SQL because SQLite's lower() knows only ASCII.
func searchText(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "\n"))
}

// Signup returns one person with all their sign-up events.
func (s *Store) Signup(ctx context.Context, id int64) (news.Signup, error) {
	c := s.conn()
	p, err := queryOne(ctx, c, scanSignup, `SELECT `+signupCols+` FROM signups WHERE id = ?`, id)
	if err == nil {
		err = loadEvents(ctx, c, []*news.Signup{&p})
	}
	if err != nil {
		return news.Signup{}, fmt.Errorf("store: sign-up %d: %w", id, err)
	}
	return p, nil
}

// Signups lists the people matching f, latest sign-up first, with their
// events, and the total count of matches for pagination.
func (s *Store) Signups(ctx context.Context, f SignupFilter) ([]news.Signup, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	where, args := signupWhere(f)
	c := s.conn()
	var total int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM signups`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count sign-ups: %w", err)
	}
	people, err := s.listSignups(ctx, c, where+` ORDER BY last_signup_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list sign-ups: %w", err)
	}
	return people, total, nil
}

// AllSignups returns every person with their events, by ID: what the CSV
// export writes.
func (s *Store) AllSignups(ctx context.Context) ([]news.Signup, error) {
	people, err := s.listSignups(ctx, s.conn(), ` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: all sign-ups: %w", err)
	}
	return people, nil
}

func signupWhere(f SignupFilter) (string, []any) {
	var conds []string
	var args []any
	if q := strings.TrimSpace(f.Query); q != "" {
		conds = append(conds, `search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(strings.ToLower(q))+"%")
	}
	if f.Status != "" {
		conds = append(conds, `status = ?`)
		args = append(args, string(f.Status))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func (s *Store) listSignups(ctx context.Context, c conn, rest string, args ...any) ([]news.Signup, error) {
	people, err := queryAll(ctx, c, scanSignup, `SELECT `+signupCols+` FROM signups`+rest, args...)
	if err != nil {
		return nil, err
	}
	ptrs := make([]*news.Signup, len(people))
	for i := range people {
		ptrs[i] = &people[i]
	}
	if err := loadEvents(ctx, c, ptrs); err != nil {
		return nil, err
	}
	return people, nil
}

func scanSignup(r scanner, p *news.Signup) error {
	var status string
	err := r.Scan(&p.ID, &p.Email, &p.Name, &p.Phone, &p.City, &p.Country, &p.Message,
		&status, &p.Note, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	p.Status = news.SignupStatus(status)
	return err
}

// eventBatch bounds the IDs in one IN list, well under both databases'
// limits on parameters.
const eventBatch = 500

// loadEvents fills in the events of people, oldest first.
func loadEvents(ctx context.Context, c conn, people []*news.Signup) error {
	byID := make(map[int64]*news.Signup, len(people))
	for _, p := range people {
		byID[p.ID] = p
	}
	for start := 0; start < len(people); start += eventBatch {
		batch := people[start:min(start+eventBatch, len(people))]
		args := make([]any, len(batch))
		for i, p := range batch {
			args[i] = p.ID
		}
		marks := idPlaceholders(len(batch))
		rows, err := c.query(ctx, `SELECT signup_id, at, article_id, consent, message FROM signup_events
			WHERE signup_id IN (`+marks+`) ORDER BY signup_id, at, id`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var sid int64
			var art sql.NullInt64
			var e news.SignupEvent
			if err := rows.Scan(&sid, timeCol{&e.At}, &art, &e.Consent, &e.Message); err != nil {
				rows.Close()
				return err
			}
			e.ArticleID = art.Int64
			byID[sid].Events = append(byID[sid].Events, e)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// SetSignupStatus records an organiser's contact with a person: the status
// and a note. The audit entry names the sign-up by ID and the new status
// only; the note may hold personal details and stays out of it.
func (s *Store) SetSignupStatus(ctx context.Context, id int64, status news.SignupStatus, note string, by User) error {
	if status != news.SignupNew && status != news.SignupContacted {
		return fmt.Errorf("store: set sign-up %d status: %w: unknown status %q", id, ErrInvalid, status)
	}
	err := s.transact(ctx, func(c conn) error {
		res, err := c.exec(ctx, `UPDATE signups SET status = ?, note = ?, updated_at = ? WHERE id = ?`,
			string(status), note, c.d.timeArg(nowUTC()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		e := byUser(by, ActionSignupStatus, actionTargetSignup, id, "marked sign-up #"+strconv.FormatInt(id, 10)+" "+string(status))
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: set sign-up %d status: %w", id, err)
	}
	return nil
}

// DeleteSignup removes a person and every sign-up event of theirs from the
// database, on their request, and says so in the audit log as "deleted
// sign-up #ID", without their data.
func (s *Store) DeleteSignup(ctx context.Context, id int64, by User) error {
	err := s.transact(ctx, func(c conn) error {
		// Events go explicitly as well as by cascade, so that nothing is
		// left even on a SQLite connection opened without foreign keys.
		if _, err := c.exec(ctx, `DELETE FROM signup_events WHERE signup_id = ?`, id); err != nil {
			return err
		}
		res, err := c.exec(ctx, `DELETE FROM signups WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		e := byUser(by, ActionSignupDelete, actionTargetSignup, id, "deleted sign-up #"+strconv.FormatInt(id, 10))
		return insertAudit(ctx, c, &e)
	})
	if err != nil {
		return fmt.Errorf("store: delete sign-up %d: %w", id, err)
	}
	return nil
}

// CountSignups returns how many people have signed up.
func (s *Store) CountSignups(ctx context.Context) (int, error) {
	var n int
	if err := s.conn().queryRow(ctx, `SELECT COUNT(*) FROM signups`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count sign-ups: %w", err)
	}
	return n, nil
}
