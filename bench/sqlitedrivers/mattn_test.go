//go:build mattn

package sqlitedrivers

import _ "github.com/mattn/go-sqlite3"

var under = driver{name: "sqlite3", dsn: func(path string) string {
	return "file:" + path + "?_txlock=immediate&_busy_timeout=10000&_foreign_keys=1&_journal_mode=WAL&_synchronous=NORMAL"
}}
