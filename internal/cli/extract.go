package cli

import (
	"context"
	"errors"
)

// runExtract is not written yet.
func runExtract(ctx context.Context, env Env, args []string) error {
	return errors.New("extract: not implemented yet")
}
