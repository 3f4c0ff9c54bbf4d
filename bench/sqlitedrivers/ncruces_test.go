//go:build ncruces

package sqlitedrivers

import _ "github.com/ncruces/go-sqlite3/driver"

var under = driver{name: "sqlite3", dsn: func(path string) string {
	return "file:" + path + "?_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
}}
