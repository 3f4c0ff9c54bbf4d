package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"newshound/internal/extract"
	"os"

	"newshound/internal/config"
	"newshound/internal/related"
	"newshound/internal/store"
)

// runImport reads a file written by export ("-" for standard input) into
// the database in one transaction. The file is read and checked in full
// before the database is opened, and the store refuses to merge into a
// database whose IDs or slugs clash, so a bad file changes nothing.
func runImport(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("import", env)
	loader := config.Bind(fs, config.DataDir, config.Database)
	cfg, pos, err := loadConfig(fs, loader, env, args, 1)
	if err != nil {
		return err
	}
	name := pos[0]
	snap, err := readSnapshot(name, env.Stdin)
	if err != nil {
		return err
	}
	sanitizeBodies(&snap)
	st, err := createStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Import(ctx, snap); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("import %s: the database already holds sources or articles with the same IDs or slugs (%v); import into an empty database (a fresh --data or --database)", name, err)
		}
		return fmt.Errorf("import %s: %w", name, err)
	}
	// Recommendations are not part of an export: compute them now, so the
	// imported site shows them even when no ingestion worker runs.
	if _, err := related.Load(ctx, st, related.Options{}); err != nil {
		return fmt.Errorf("import %s: recommend related articles: %w", name, err)
	}
	fmt.Fprintf(env.Stdout, "imported %d sources, %d accounts, %d articles and %d tags into %s\n",
		len(snap.Sources), len(snap.Accounts), len(snap.Articles), len(snap.Tags), cfg.DatabaseName())
	return nil
}

// readSnapshot reads and decodes an export from the file name, or from
// stdin when name is "-". Unknown fields are refused: they mean the file is
// not an export of this version and would be silently dropped.
func readSnapshot(name string, stdin io.Reader) (store.Snapshot, error) {
	var (
		b   []byte
		err error
	)
	if name == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return store.Snapshot{}, fmt.Errorf("cannot read %s: %v; give the path of a file written by 'newshound export'", name, unwrapPathError(err))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return store.Snapshot{}, fmt.Errorf("%s is empty; give a file written by 'newshound export'", name)
	}
	var snap store.Snapshot
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&snap); err != nil {
		return store.Snapshot{}, fmt.Errorf("%s is not a newshound export: %s; give a file written by 'newshound export'", name, describeJSONError(b, err))
	}
	if dec.More() {
		return store.Snapshot{}, fmt.Errorf("%s is not a newshound export: more data after the end of the JSON document", name)
	}
	if snap.Version == 0 {
		return store.Snapshot{}, fmt.Errorf("%s is not a newshound export: it has no \"version\" field; give a file written by 'newshound export'", name)
	}
	return snap, nil
}

// describeJSONError adds the line number to a syntax or type error, so a
// hand-edited file can be fixed.
func describeJSONError(b []byte, err error) string {
	var off int64
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends too early (truncated file?)"
	default:
		return err.Error()
	}
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	return fmt.Sprintf("line %d: %v", line, err)
}

// sanitizeBodies passes every article body through the extractor's
// allowlist: a site file may come from anywhere, and stored HTML is served
// as is. The allowlist keeps everything the site itself writes and is
// idempotent, so an export of this site imports unchanged.
func sanitizeBodies(snap *store.Snapshot) {
	for i := range snap.Articles {
		snap.Articles[i].BodyHTML = extract.Sanitize(snap.Articles[i].BodyHTML, "")
	}
}
