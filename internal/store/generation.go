package store

import (
	"context"
	"fmt"
)

// Generation returns the site-wide change counter: a number that grows
// whenever anything a public page shows is written (articles, their authors
// and tags, sources, accounts, recommendations), by this process or any
// other sharing the database. Visit counts do not change it. A web process
// polls it to know when its cached pages are stale; see migration 0023.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var n int64
	if err := s.conn().queryRow(ctx, `SELECT n FROM site_generation WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: site generation: %w", err)
	}
	return n, nil
}
