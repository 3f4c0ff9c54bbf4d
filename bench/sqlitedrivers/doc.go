// Package sqlitedrivers compares SQLite drivers on newshound's own storage
// code (internal/store/storebench). It is a separate module so that the
// drivers we did not choose never enter the product's go.mod. See
// docs/storage-drivers.md for the results.
//
//	go test -bench . -benchtime 2s                  # modernc.org/sqlite (the product's)
//	go test -tags mattn -bench . -benchtime 2s      # github.com/mattn/go-sqlite3 (cgo)
//	go test -tags ncruces -bench . -benchtime 2s    # github.com/ncruces/go-sqlite3 (wasm)
package sqlitedrivers
