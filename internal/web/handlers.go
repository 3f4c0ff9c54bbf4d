package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"newshound/internal/news"
	"newshound/internal/store"
)

// maxPage bounds ?page= so that offsets stay small numbers.
const maxPage = 100000

// home serves / : the latest published articles, newest first.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	cards, pg, err := s.listing(r, store.ArticleFilter{}, "/")
	if err != nil {
		return err
	}
	l := s.layout("", "The latest articles on "+s.site)
	if pg.Page > 1 {
		l = s.layout(fmt.Sprintf("Latest articles, page %d", pg.Page), "")
	}
	return s.render(w, http.StatusOK, "home.html", homePage{Layout: l, Cards: cards, Pager: pg})
}

// bodyHTML marks an article's body as safe HTML. This is sound only because
// BodyHTML is sanitized at ingest before it is stored (and the demo content
// is written by us); nothing else on the site is ever marked safe.
func bodyHTML(a news.Article) template.HTML {
	return template.HTML(a.BodyHTML) // #nosec: sanitized at ingest, see above
}

// sourcePage serves /source/{slug}.
func (s *Server) sourcePage(w http.ResponseWriter, r *http.Request) error {
	src, err := s.store.SourceBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return fmt.Errorf("web: source %q: %w", r.PathValue("slug"), err)
	}
	cards, pg, err := s.listing(r, store.ArticleFilter{SourceID: src.ID}, "/source/"+src.Slug)
	if err != nil {
		return err
	}
	l := s.layout(src.Name, "Articles first published by "+src.Name)
	l.Feeds = append(l.Feeds, scopeFeeds("/source/"+src.Slug, src.Name)...)
	return s.render(w, http.StatusOK, "source.html", sourcePage{Layout: l, Source: src, Cards: cards, Pager: pg})
}

// authorPage serves /author/{slug}: a republishing account.
func (s *Server) authorPage(w http.ResponseWriter, r *http.Request) error {
	acc, err := s.store.AccountBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return fmt.Errorf("web: account %q: %w", r.PathValue("slug"), err)
	}
	cards, pg, err := s.listing(r, store.ArticleFilter{AccountID: acc.ID}, "/author/"+acc.Slug)
	if err != nil {
		return err
	}
	l := s.layout(acc.Name, acc.Bio)
	l.Feeds = append(l.Feeds, scopeFeeds("/author/"+acc.Slug, acc.Name)...)
	return s.render(w, http.StatusOK, "author.html", authorPage{Layout: l, Account: acc, Cards: cards, Pager: pg})
}

// tagPage serves /tag/{slug}.
func (s *Server) tagPage(w http.ResponseWriter, r *http.Request) error {
	tag, err := s.store.Tag(r.Context(), r.PathValue("slug"))
	if err != nil {
		return fmt.Errorf("web: tag %q: %w", r.PathValue("slug"), err)
	}
	cards, pg, err := s.listing(r, store.ArticleFilter{TagSlug: tag.Slug}, "/tag/"+tag.Slug)
	if err != nil {
		return err
	}
	l := s.layout(tag.Name, "Articles tagged "+tag.Name)
	l.Feeds = append(l.Feeds, scopeFeeds("/tag/"+tag.Slug, tag.Name)...)
	return s.render(w, http.StatusOK, "tag.html", tagPage{Layout: l, Tag: tag, Cards: cards, Pager: pg})
}

// listing loads the page of published articles matching f that the
// request's ?page= asks for, as cards, with links to its neighbours under
// path. A page past the last is not found; page 1 may be empty.
func (s *Server) listing(r *http.Request, f store.ArticleFilter, path string) ([]card, pager, error) {
	page, err := pageNumber(r)
	if err != nil {
		return nil, pager{}, err
	}
	f.Status = news.StatusPublished
	f.Limit = s.pageSize
	f.Offset = (page - 1) * s.pageSize
	arts, total, err := s.store.Articles(r.Context(), f)
	if err != nil {
		return nil, pager{}, fmt.Errorf("web: list articles: %w", err)
	}
	pages := (total + s.pageSize - 1) / s.pageSize
	if page > 1 && page > pages {
		return nil, pager{}, errNotFound
	}
	cards, err := s.cards(r.Context(), arts)
	if err != nil {
		return nil, pager{}, err
	}
	return cards, newPager(page, pages, path), nil
}

// pageNumber reads ?page=N; missing means 1.
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w: page %q is not a page number", errBadRequest, v)
	}
	if n > maxPage {
		return 0, errNotFound
	}
	return n, nil
}

// newPager links page to its neighbours. Page 1 is the bare path, so that
// every listing has one canonical first URL.
func newPager(page, pages int, path string) pager {
	p := pager{Page: page, Pages: max(pages, 1)}
	if page > 1 {
		p.Prev = pageURL(path, page-1)
	}
	if page < pages {
		p.Next = pageURL(path, page+1)
	}
	return p
}

func pageURL(path string, page int) string {
	if page <= 1 {
		return path
	}
	return path + "?page=" + strconv.Itoa(page)
}

// cards turns articles into listing cards with their sources' names.
func (s *Server) cards(ctx context.Context, arts []news.Article) ([]card, error) {
	if len(arts) == 0 {
		return nil, nil
	}
	srcs, err := s.store.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("web: list sources: %w", err)
	}
	byID := make(map[int64]news.Source, len(srcs))
	for _, src := range srcs {
		byID[src.ID] = src
	}
	cards := make([]card, len(arts))
	for i, a := range arts {
		cards[i] = card{
			Slug:        a.Slug,
			Title:       a.Title,
			Standfirst:  a.Standfirst,
			Source:      byID[a.SourceID],
			PublishedAt: a.PublishedAt,
			Image:       a.LeadImage,
		}
	}
	return cards, nil
}
