package admin

import (
	"bytes"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"newshound/internal/auth"
	"newshound/internal/news"
	"newshound/internal/signup"
	"newshound/internal/store"
)

const signupsPerPage = 50

var statuses = []news.SignupStatus{news.SignupNew, news.SignupContacted}

// signups serves /admin/signups: search by name, email or place, filter by
// status, latest sign-up first.
func (a *Admin) signups(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := signupsPage{Layout: a.layout(r, "Sign-ups", "signups"), Query: q.Get("q"), Statuses: statuses}
	f := store.SignupFilter{Query: p.Query, Limit: signupsPerPage}
	if st := news.SignupStatus(q.Get("status")); st == news.SignupNew || st == news.SignupContacted {
		f.Status, p.Status = st, string(st)
	}
	page := pageNumber(q.Get("page"))
	f.Offset = (page - 1) * signupsPerPage
	people, total, err := a.st.Signups(r.Context(), f)
	if err != nil {
		return err
	}
	p.People = people
	p.Pager = makePager(r, page, total, signupsPerPage)
	if p.Blocked, err = a.blockedByReason(r); err != nil {
		return err
	}
	return a.render(w, http.StatusOK, "signups.html", p)
}

// signup serves /admin/signups/{id}: one person, every time they signed up
// and from which article, the status form and the delete button.
func (a *Admin) signup(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	person, err := a.st.Signup(ctx, id)
	if err != nil {
		return err
	}
	p := signupPage{Layout: a.layout(r, person.Name, "signups"), Person: person, Statuses: statuses,
		Articles: map[int64]news.Article{}}
	for _, e := range person.Events {
		if e.ArticleID == 0 || p.Articles[e.ArticleID].ID != 0 {
			continue
		}
		if art, err := a.st.Article(ctx, e.ArticleID); err == nil {
			p.Articles[e.ArticleID] = art
		}
	}
	return a.render(w, http.StatusOK, "signup.html", p)
}

// setSignupStatus serves POST /admin/signups/{id}/status.
func (a *Admin) setSignupStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	st := news.SignupStatus(r.PostForm.Get("status"))
	note := strings.TrimSpace(r.PostForm.Get("note"))
	if len(note) > 4000 {
		return fmt.Errorf("%w: note of %d bytes", errBadRequest, len(note))
	}
	if err := a.st.SetSignupStatus(r.Context(), id, st, note, user(r)); err != nil {
		return err
	}
	seeOther(w, r, "/admin/signups/"+strconv.FormatInt(id, 10), "status")
	return nil
}

// deleteSignup serves POST /admin/signups/{id}/delete: the person's right
// to be forgotten. The form asks for a ticked confirmation.
func (a *Admin) deleteSignup(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if r.PostForm.Get("confirm") == "" {
		return fmt.Errorf("%w: delete without confirmation", errBadRequest)
	}
	if err := a.st.DeleteSignup(r.Context(), id, user(r)); err != nil {
		return err
	}
	seeOther(w, r, "/admin/signups", "deleted")
	return nil
}

// exportSignups serves /admin/signups/export.csv: every sign-up, the same
// CSV as `newshound signups export`. It is built in full before anything
// is sent, and the export is audited, since it hands personal data out.
func (a *Admin) exportSignups(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	people, err := a.st.AllSignups(ctx)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := signup.WriteCSV(&buf, people); err != nil {
		return err
	}
	u := user(r)
	e := store.AuditEntry{UserID: u.ID, Actor: u.Email, Action: "signup.export", TargetType: "signup",
		Detail: fmt.Sprintf("exported %d sign-ups as CSV", len(people))}
	if err := a.st.AddAudit(ctx, &e); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="signups-`+time.Now().UTC().Format("2006-01-02")+`.csv"`)
	_, err = w.Write(buf.Bytes())
	return err
}

// blocklist serves /admin/blocklist: the disposable-domain blocklist and
// the daily counts of submissions taken for bots.
func (a *Admin) blocklist(w http.ResponseWriter, r *http.Request) error {
	return a.renderBlocklist(w, r, http.StatusOK, "", "")
}

func (a *Admin) renderBlocklist(w http.ResponseWriter, r *http.Request, status int, typed, msg string) error {
	ctx := r.Context()
	p := blocklistPage{Layout: a.layout(r, "Bots and blocklist", "blocklist"), Typed: typed, Error: msg}
	var err error
	if p.Domains, err = a.st.DisposableDomains(ctx); err != nil {
		return err
	}
	now := time.Now()
	if p.Blocked, err = a.st.BlockedSignups(ctx, dayNumber(now.AddDate(0, 0, -30)), dayNumber(now.AddDate(0, 0, 1))); err != nil {
		return err
	}
	sort.SliceStable(p.Blocked, func(i, j int) bool { return p.Blocked[i].Day > p.Blocked[j].Day })
	return a.render(w, status, "blocklist.html", p)
}

// blocklistAdd serves POST /admin/blocklist/add.
func (a *Admin) blocklistAdd(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	d := r.PostForm.Get("domain")
	err := a.st.AddDisposableDomain(r.Context(), d, user(r))
	if isInvalid(err) {
		return a.renderBlocklist(w, r, http.StatusUnprocessableEntity, d, "That is not a domain like throwaway.example.")
	}
	if err != nil {
		return err
	}
	seeOther(w, r, "/admin/blocklist", "blocked")
	return nil
}

// blocklistRemove serves POST /admin/blocklist/remove.
func (a *Admin) blocklistRemove(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := a.st.RemoveDisposableDomain(r.Context(), r.PostForm.Get("domain"), user(r)); err != nil {
		return err
	}
	seeOther(w, r, "/admin/blocklist", "unblocked")
	return nil
}

// blockedByReason sums the last 30 days of blocked submissions by reason.
func (a *Admin) blockedByReason(r *http.Request) ([]store.BlockedCount, error) {
	now := time.Now()
	counts, err := a.st.BlockedSignups(r.Context(), dayNumber(now.AddDate(0, 0, -30)), dayNumber(now.AddDate(0, 0, 1)))
	if err != nil {
		return nil, err
	}
	sum := map[string]int64{}
	for _, c := range counts {
		sum[c.Reason] += c.Count
	}
	out := make([]store.BlockedCount, 0, len(sum))
	for reason, n := range sum {
		out = append(out, store.BlockedCount{Reason: reason, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Reason < out[j].Reason })
	return out, nil
}

// audit serves /admin/audit: every organiser action, newest first.
func (a *Admin) audit(w http.ResponseWriter, r *http.Request) error {
	const perPage = 100
	page := pageNumber(r.URL.Query().Get("page"))
	entries, total, err := a.st.AuditLog(r.Context(), perPage, (page-1)*perPage)
	if err != nil {
		return err
	}
	p := auditPage{Layout: a.layout(r, "Audit log", "audit"), Entries: entries, Pager: makePager(r, page, total, perPage)}
	return a.render(w, http.StatusOK, "audit.html", p)
}

// user is the organiser RequireRole put in the request.
func user(r *http.Request) store.User {
	u, _ := auth.UserFrom(r.Context())
	return u
}
