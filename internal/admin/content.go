package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"newshound/internal/news"
	"newshound/internal/store"
)

const articlesPerPage = 50

// sources serves /admin/sources: every source with how its polling goes.
func (a *Admin) sources(w http.ResponseWriter, r *http.Request) error {
	return a.renderSources(w, r, http.StatusOK, sourcesPage{})
}

func (a *Admin) renderSources(w http.ResponseWriter, r *http.Request, status int, p sourcesPage) error {
	ctx := r.Context()
	p.Layout = a.layout(r, "Sources", "sources")
	p.CanIngest = a.ingest != nil
	srcs, err := a.st.Sources(ctx)
	if err != nil {
		return err
	}
	var health map[int64]SourceHealth
	if a.ingest != nil {
		if health, err = a.ingest.Health(ctx); err != nil {
			return err
		}
	}
	for _, s := range srcs {
		row := sourceRow{Source: s}
		if h, ok := health[s.ID]; ok {
			row.Health = &h
		}
		_, row.Articles, err = a.st.Articles(ctx, store.ArticleFilter{SourceID: s.ID, AnyStatus: true, Limit: 1})
		if err != nil {
			return err
		}
		p.Rows = append(p.Rows, row)
	}
	return a.render(w, status, "sources.html", p)
}

// addSource serves POST /admin/sources. A URL that cannot be added comes
// back with the reason and what was typed.
func (a *Admin) addSource(w http.ResponseWriter, r *http.Request) error {
	if a.ingest == nil {
		return errNoIngest
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := sourcesPage{URL: strings.TrimSpace(r.PostForm.Get("url")), Name: strings.TrimSpace(r.PostForm.Get("name"))}
	if p.URL == "" {
		p.Error = "Please give the address of the site or its feed."
		return a.renderSources(w, r, http.StatusUnprocessableEntity, p)
	}
	src, err := a.ingest.AddSource(r.Context(), p.URL, p.Name)
	if err != nil {
		// Ingestion's errors say what is wrong with the address (no feed
		// found, not reachable, already added); they hold no secrets.
		a.log.Info("admin: add source refused", "err", err)
		p.Error = "Could not add this source: " + err.Error()
		status := http.StatusUnprocessableEntity
		if errors.Is(err, store.ErrConflict) {
			status = http.StatusConflict
		}
		return a.renderSources(w, r, status, p)
	}
	a.record(r, "source.add", "source", src.ID, "added source "+src.Name)
	seeOther(w, r, "/admin/sources", "added")
	return nil
}

func (a *Admin) pauseSource(w http.ResponseWriter, r *http.Request) error {
	return a.setPaused(w, r, true)
}

func (a *Admin) resumeSource(w http.ResponseWriter, r *http.Request) error {
	return a.setPaused(w, r, false)
}

// setPaused serves POST /admin/sources/{id}/pause and /resume.
func (a *Admin) setPaused(w http.ResponseWriter, r *http.Request, paused bool) error {
	if a.ingest == nil {
		return errNoIngest
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	src, err := a.st.Source(r.Context(), id)
	if err != nil {
		return err
	}
	if err := a.ingest.SetPaused(r.Context(), id, paused); err != nil {
		return err
	}
	action, done := "source.resume", "resumed"
	if paused {
		action, done = "source.pause", "paused"
	}
	a.record(r, action, "source", id, done+" source "+src.Name)
	seeOther(w, r, "/admin/sources", done)
	return nil
}

// articles serves /admin/articles: every article, any status, newest first.
func (a *Admin) articles(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	p := articlesPage{Layout: a.layout(r, "Articles", "articles"), Sources: map[int64]news.Source{}}
	f := store.ArticleFilter{AnyStatus: true, Limit: articlesPerPage}
	switch st := news.Status(q.Get("status")); st {
	case news.StatusPublished, news.StatusUnpublished, news.StatusDraft:
		f.AnyStatus, f.Status, p.Status = false, st, string(st)
	}
	page := pageNumber(q.Get("page"))
	f.Offset = (page - 1) * articlesPerPage
	arts, total, err := a.st.Articles(ctx, f)
	if err != nil {
		return err
	}
	p.Articles = arts
	p.Pager = makePager(r, page, total, articlesPerPage)
	srcs, err := a.st.Sources(ctx)
	if err != nil {
		return err
	}
	for _, s := range srcs {
		p.Sources[s.ID] = s
	}
	return a.render(w, http.StatusOK, "articles.html", p)
}

// article serves /admin/articles/{id}: the edit form and the actions.
func (a *Admin) article(w http.ResponseWriter, r *http.Request) error {
	art, err := a.pathArticle(r)
	if err != nil {
		return err
	}
	return a.renderArticle(w, r, http.StatusOK, art, tagNames(art.Tags), "")
}

func (a *Admin) renderArticle(w http.ResponseWriter, r *http.Request, status int, art news.Article, tags, msg string) error {
	src, err := a.st.Source(r.Context(), art.SourceID)
	if err != nil {
		return err
	}
	p := articlePage{Layout: a.layout(r, "Edit article", "articles"), Article: art, Source: src,
		Tags: tags, Error: msg, CanIngest: a.ingest != nil}
	return a.render(w, status, "article.html", p)
}

// Limits on what an editor may type, well within what pages show.
const (
	maxTitle      = 300
	maxStandfirst = 1000
	maxTags       = 20
)

// saveArticle serves POST /admin/articles/{id}: title, standfirst and tags.
// The slug never changes, so links stay good.
func (a *Admin) saveArticle(w http.ResponseWriter, r *http.Request) error {
	art, err := a.pathArticle(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	art.Title = strings.TrimSpace(r.PostForm.Get("title"))
	art.Standfirst = strings.TrimSpace(r.PostForm.Get("standfirst"))
	typedTags := r.PostForm.Get("tags")
	tags, msg := parseTags(typedTags)
	switch {
	case art.Title == "":
		msg = "The title cannot be empty."
	case len([]rune(art.Title)) > maxTitle:
		msg = fmt.Sprintf("Please keep the title to %d characters.", maxTitle)
	case len([]rune(art.Standfirst)) > maxStandfirst:
		msg = fmt.Sprintf("Please keep the standfirst to %d characters.", maxStandfirst)
	}
	if msg != "" {
		return a.renderArticle(w, r, http.StatusUnprocessableEntity, art, typedTags, msg)
	}
	art.Tags = tags
	if err := a.st.UpdateArticle(r.Context(), &art); err != nil {
		return err
	}
	a.record(r, "article.edit", "article", art.ID, "edited title, standfirst and tags of "+art.Slug)
	seeOther(w, r, articlePath(art.ID), "saved")
	return nil
}

func (a *Admin) unpublishArticle(w http.ResponseWriter, r *http.Request) error {
	return a.setStatus(w, r, news.StatusUnpublished)
}

func (a *Admin) publishArticle(w http.ResponseWriter, r *http.Request) error {
	return a.setStatus(w, r, news.StatusPublished)
}

// setStatus serves POST /admin/articles/{id}/unpublish and /publish.
func (a *Admin) setStatus(w http.ResponseWriter, r *http.Request, st news.Status) error {
	art, err := a.pathArticle(r)
	if err != nil {
		return err
	}
	art.Status = st
	if err := a.st.UpdateArticle(r.Context(), &art); err != nil {
		return err
	}
	a.record(r, "article."+strings.TrimSuffix(string(st), "ed"), "article", art.ID, string(st)+" "+art.Slug)
	seeOther(w, r, articlePath(art.ID), string(st))
	return nil
}

// reextractArticle serves POST /admin/articles/{id}/reextract.
func (a *Admin) reextractArticle(w http.ResponseWriter, r *http.Request) error {
	if a.ingest == nil {
		return errNoIngest
	}
	art, err := a.pathArticle(r)
	if err != nil {
		return err
	}
	if err := a.ingest.Reextract(r.Context(), art.ID); err != nil {
		// Ingestion says why (no stored page, extraction too thin); it
		// holds no secrets, and the editor can act on it.
		a.log.Info("admin: re-extract refused", "article", art.ID, "err", err)
		return a.renderArticle(w, r, http.StatusUnprocessableEntity, art, tagNames(art.Tags), "Could not extract again: "+err.Error())
	}
	a.record(r, "article.reextract", "article", art.ID, "re-extracted "+art.Slug)
	seeOther(w, r, articlePath(art.ID), "reextracted")
	return nil
}

// pathArticle loads the article whose ID is in the request's path.
func (a *Admin) pathArticle(r *http.Request) (news.Article, error) {
	id, err := pathID(r)
	if err != nil {
		return news.Article{}, err
	}
	return a.st.Article(r.Context(), id)
}

// articlePath is the address of an article's edit page.
func articlePath(id int64) string {
	return "/admin/articles/" + strconv.FormatInt(id, 10)
}

// counts serves /admin/counts: the most read articles today, over 7 days
// and over 30 days.
func (a *Admin) counts(w http.ResponseWriter, r *http.Request) error {
	p := countsPage{Layout: a.layout(r, "Most read", "counts")}
	for _, period := range []struct {
		name string
		days int
	}{{"Today", 1}, {"Last 7 days", 7}, {"Last 30 days", 30}} {
		rows, err := a.top.Top(r.Context(), period.days, 20)
		if err != nil {
			return err
		}
		p.Periods = append(p.Periods, countPeriod{Name: period.name, Rows: rows})
	}
	return a.render(w, http.StatusOK, "counts.html", p)
}

// parseTags reads a comma-separated list of tag names.
func parseTags(s string) ([]news.Tag, string) {
	var tags []news.Tag
	for _, name := range strings.Split(s, ",") {
		name = strings.Join(strings.Fields(name), " ")
		if name == "" {
			continue
		}
		if news.Slugify(name) == "" {
			return nil, fmt.Sprintf("The tag %q has no letters or digits to make an address from.", name)
		}
		if len([]rune(name)) > 60 {
			return nil, "Please keep each tag to 60 characters."
		}
		tags = append(tags, news.Tag{Name: name})
	}
	if len(tags) > maxTags {
		return nil, fmt.Sprintf("Please use at most %d tags.", maxTags)
	}
	return tags, ""
}

func tagNames(tags []news.Tag) string {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// record writes an organiser's action to the audit log. The action has
// already happened, so a failure to record it is logged loudly rather than
// undoing it.
func (a *Admin) record(r *http.Request, action, targetType string, targetID int64, detail string) {
	u := user(r)
	e := store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: action, TargetType: targetType, TargetID: targetID, Detail: detail}
	if err := a.st.AddAudit(r.Context(), &e); err != nil {
		a.log.Error("admin: write audit entry", "action", action, "err", err)
	}
}
