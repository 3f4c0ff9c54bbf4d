package admin

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"newshound/internal/store"
)

// maxPage bounds ?page= so offsets stay small.
const maxPage = 100000

// pageNumber reads ?page=, 1 when absent or nonsense.
func pageNumber(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxPage)
}

// makePager links the neighbours of page, keeping the request's other
// query parameters (search, filter).
func makePager(r *http.Request, page, total, per int) pager {
	pages := max(1, (total+per-1)/per)
	p := pager{Page: page, Pages: pages, Total: total}
	link := func(n int) string {
		q := url.Values{}
		for k, v := range r.URL.Query() {
			if k != "page" && k != "done" {
				q[k] = v
			}
		}
		if n > 1 {
			q.Set("page", strconv.Itoa(n))
		}
		if len(q) == 0 {
			return r.URL.Path
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, pages))
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

// pathID reads the {id} path value.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, fmt.Errorf("%w: id %q", errNotFound, r.PathValue("id"))
	}
	return id, nil
}

func isInvalid(err error) bool { return errors.Is(err, store.ErrInvalid) }
