package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"newshound/internal/fetch"
)

// Polling a feed with a conditional GET and reading what the server said
// about caching.
func Example() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v7"`)
		w.Header().Set("Cache-Control", "max-age=900")
		if r.Header.Get("If-None-Match") == `"v7"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
		w.Write([]byte("<rss>caf\xe9</rss>")) // Latin-1 bytes
	}))
	defer srv.Close()

	// Only tests and intranet sources allow private addresses.
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second})
	defer client.CloseIdleConnections()
	ctx := context.Background()

	resp, err := client.Get(ctx, srv.URL+"/feed", fetch.Conditional{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, resp.Charset, string(resp.Body), resp.MaxAge)

	again, err := client.Get(ctx, srv.URL+"/feed", fetch.Conditional{ETag: resp.ETag, LastModified: resp.LastModified})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(again.NotModified)

	// The default client refuses private addresses before connecting.
	_, err = fetch.New(fetch.Options{}).Get(ctx, "http://169.254.169.254/latest/meta-data/", fetch.Conditional{})
	fmt.Println(errors.Is(err, fetch.ErrBlockedAddress), fetch.Temporary(err))
	// Output:
	// 200 windows-1252 <rss>café</rss> 15m0s
	// true
	// true false
}
