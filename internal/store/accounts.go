package store

import (
	"context"
	"fmt"
	"strings"

	"newshound/internal/news"
)

const accountCols = `id, slug, name, avatar_url, bio`

// CreateAccount stores a new republishing account and sets its ID, and a
// unique Slug made from Name when Slug is empty.
func (s *Store) CreateAccount(ctx context.Context, a *news.Account) error {
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("store: create account: %w: name is empty", ErrInvalid)
	}
	given := a.Slug
	err := s.createRetrying(ctx, given == "", func(c conn) error {
		n := *a
		n.Slug = given
		if err := insertAccount(ctx, c, &n, false); err != nil {
			return err
		}
		*a = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create account %q: %w", a.Name, err)
	}
	return nil
}

// insertAccount writes a, choosing a slug when it has none. keepID writes
// a.ID as is (import); otherwise the database picks it.
func insertAccount(ctx context.Context, c conn, a *news.Account, keepID bool) error {
	if a.Slug == "" {
		slug, err := freeSlug(ctx, c, "accounts", slugBase(a.Name, "account"))
		if err != nil {
			return err
		}
		a.Slug = slug
	}
	args := []any{a.Slug, a.Name, a.AvatarURL, a.Bio}
	if keepID {
		_, err := c.exec(ctx, `INSERT INTO accounts (id, slug, name, avatar_url, bio)
			VALUES (?, ?, ?, ?, ?)`, append([]any{a.ID}, args...)...)
		return err
	}
	return c.queryRow(ctx, `INSERT INTO accounts (slug, name, avatar_url, bio)
		VALUES (?, ?, ?, ?) RETURNING id`, args...).Scan(&a.ID)
}

// Account returns the account with the given ID.
func (s *Store) Account(ctx context.Context, id int64) (news.Account, error) {
	return s.account(ctx, "id", id)
}

// AccountBySlug returns the account with the given slug.
func (s *Store) AccountBySlug(ctx context.Context, slug string) (news.Account, error) {
	return s.account(ctx, "slug", slug)
}

func (s *Store) account(ctx context.Context, col string, key any) (news.Account, error) {
	a, err := queryOne(ctx, s.conn(), scanAccount, `SELECT `+accountCols+` FROM accounts WHERE `+col+` = ?`, key)
	if err != nil {
		return news.Account{}, fmt.Errorf("store: account %s %v: %w", col, key, err)
	}
	return a, nil
}

// Accounts lists every account, ordered by name.
func (s *Store) Accounts(ctx context.Context) ([]news.Account, error) {
	as, err := s.accounts(ctx, s.conn(), `ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list accounts: %w", err)
	}
	return as, nil
}

func (s *Store) accounts(ctx context.Context, c conn, order string) ([]news.Account, error) {
	return queryAll(ctx, c, scanAccount, `SELECT `+accountCols+` FROM accounts `+order)
}

func scanAccount(sc scanner, a *news.Account) error {
	return sc.Scan(&a.ID, &a.Slug, &a.Name, &a.AvatarURL, &a.Bio)
}
