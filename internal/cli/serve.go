package cli

import (
	"context"
	"errors"
)

// runServe is not written yet.
func runServe(ctx context.Context, env Env, args []string) error {
	return errors.New("serve: not implemented yet")
}
