package store

import "context"

// MigrateBefore applies the migrations numbered below version, as a
// database last migrated by an older newshound would have; tests use it to
// check what a later migration does to data already stored.
func (s *Store) MigrateBefore(ctx context.Context, version int) error {
	ms, err := migrationsFor(migrationFiles, s.dialect.name)
	if err != nil {
		return err
	}
	err = s.transact(ctx, func(c conn) error {
		_, err := c.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`)
		return err
	})
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version >= version {
			break
		}
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}
