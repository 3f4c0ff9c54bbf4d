//go:build !mattn && !ncruces

package sqlitedrivers

var under = modernc
