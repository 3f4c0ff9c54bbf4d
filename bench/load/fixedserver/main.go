// Command fixedserver answers every request with the bytes of one file
// (gzip-compressed ones when the client accepts gzip), as plainly as
// net/http allows: the ceiling of any Go handler, which bench/load/run.sh
// measures beside newshound and nginx for scale.
//
// Usage: fixedserver ADDR FILE FILE.gz
package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: fixedserver ADDR FILE FILE.gz")
		os.Exit(2)
	}
	plain, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "fixedserver:", err)
		os.Exit(1)
	}
	gz, err := os.ReadFile(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, "fixedserver:", err)
		os.Exit(1)
	}
	err = http.ListenAndServe(os.Args[1], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz)
			return
		}
		w.Write(plain)
	}))
	fmt.Fprintln(os.Stderr, "fixedserver:", err)
	os.Exit(1)
}
