package cli

import (
	"context"
	"encoding/json"
	"fmt"
)

// runExport writes the whole site (sources, accounts, articles with their
// authors and figures, tags) as indented JSON to standard output. The
// document is built in full before the first byte is written, so a failure
// never leaves half a file behind.
func runExport(ctx context.Context, env Env, args []string) error {
	st, _, err := openExisting(ctx, env, "export", args)
	if err != nil {
		return err
	}
	defer st.Close()
	snap, err := st.Export(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	b, err := json.MarshalIndent(snap, "", "  ")
	if err != nil {
		return fmt.Errorf("export: encode: %w", err)
	}
	if _, err := env.Stdout.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}
