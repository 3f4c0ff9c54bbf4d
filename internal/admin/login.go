package admin

import (
	"errors"
	"fmt"
	"net/http"

	"newshound/internal/auth"
	"newshound/internal/ratelimit"
)

// maxFormBody bounds every admin form post.
const maxFormBody = 64 << 10

// parseForm reads a bounded POST body.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: %v", errBadRequest, err)
	}
	return nil
}

// loginForm serves GET /admin/login; an organiser already logged in goes
// straight on.
func (a *Admin) loginForm(w http.ResponseWriter, r *http.Request) error {
	next := auth.SafeNext(r.URL.Query().Get("next"), "/admin/")
	if _, err := a.auth.UserFromRequest(r); err == nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	return a.render(w, http.StatusOK, "login.html", loginPage{Layout: a.layout(r, "Log in", ""), Next: next})
}

// login serves POST /admin/login. A wrong email or password gets one
// message for both, so the form does not tell who has an account.
func (a *Admin) login(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	email, password := r.PostForm.Get("email"), r.PostForm.Get("password")
	next := auth.SafeNext(r.PostForm.Get("next"), "/admin/")
	token, err := a.auth.Login(r.Context(), email, password, ratelimit.ClientKey(ratelimit.ClientAddr(r, a.ipHeader)))
	p := loginPage{Layout: a.layout(r, "Log in", ""), Email: email, Next: next}
	switch {
	case errors.Is(err, auth.ErrBadCredentials):
		p.Error = "That email and password do not match an account."
		return a.render(w, http.StatusUnauthorized, "login.html", p)
	case errors.Is(err, auth.ErrRateLimited):
		p.Error = "Too many failed attempts. Wait 15 minutes and try again."
		return a.render(w, http.StatusTooManyRequests, "login.html", p)
	case err != nil:
		return err
	}
	a.auth.SetCookie(w, r, token)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// logout serves POST /admin/logout.
func (a *Admin) logout(w http.ResponseWriter, r *http.Request) error {
	if err := a.auth.Logout(w, r); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/login", http.StatusSeeOther)
	return nil
}

// dashboard serves /admin/: what there is, and the way to it.
func (a *Admin) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := dashboardPage{Layout: a.layout(r, "Overview", "home")}
	var err error
	if p.Articles, err = a.st.CountArticles(ctx); err != nil {
		return err
	}
	srcs, err := a.st.Sources(ctx)
	if err != nil {
		return err
	}
	p.Sources = len(srcs)
	if p.IsAdmin {
		if p.Signups, err = a.st.CountSignups(ctx); err != nil {
			return err
		}
		if p.Blocked, err = a.blockedByReason(r); err != nil {
			return err
		}
	}
	return a.render(w, http.StatusOK, "dashboard.html", p)
}
