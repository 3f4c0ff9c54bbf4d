// Command newshound is the whole newshound platform in one binary: the
// public site, ingestion workers and the command-line tools around them.
// Everything lives in internal/cli; this file only hands over the process.
package main

import (
	"os"

	"newshound/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
