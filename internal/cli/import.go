package cli

import (
	"context"
	"errors"
)

// runImport is not written yet.
func runImport(ctx context.Context, env Env, args []string) error {
	return errors.New("import: not implemented yet")
}
