package cli

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"newshound/internal/admin"
	"newshound/internal/auth"
	"newshound/internal/config"
	"newshound/internal/fetch"
	"newshound/internal/ingest"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/views"
)

// Settings of the join form that only serve reads, from the environment:
//
//	NEWSHOUND_JOIN_FORM  path of a JSON file with the site's join form
//	                     (heading, text, fields, consent; see docs/signups-and-auth.md)
//	NEWSHOUND_FORM_KEY   base64 of at least 32 random bytes signing the
//	                     form's time token; several serve processes behind
//	                     one load balancer must share it
const (
	envJoinForm = "NEWSHOUND_JOIN_FORM"
	envFormKey  = "NEWSHOUND_FORM_KEY"
)

// joinDesk builds the desk that takes in the join form.
func joinDesk(env Env, st *store.Store, log *slog.Logger) (*signup.Desk, error) {
	form := signup.DefaultForm()
	if path := env.Getenv(envJoinForm); path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("join form: %w; fix %s or unset it for the default form", err, envJoinForm)
		}
		defer f.Close()
		if form, err = signup.ReadForm(f); err != nil {
			return nil, fmt.Errorf("join form %s: %w", path, err)
		}
	}
	var key []byte
	if s := env.Getenv(envFormKey); s != "" {
		var err error
		if key, err = base64.StdEncoding.DecodeString(strings.TrimSpace(s)); err != nil || len(key) < 32 {
			return nil, fmt.Errorf("%s must be base64 of at least 32 random bytes (e.g. from `openssl rand -base64 32`)", envFormKey)
		}
	}
	return signup.New(signup.Config{Form: form, Store: st, Resolver: net.DefaultResolver, Key: key, Logger: log})
}

// organiserSite builds the admin pages with their login and, so that
// organisers can add sources and extract articles again from the browser,
// an ingester that fetches on request only (polling is the worker's).
func organiserSite(cfg config.Config, env Env, st *store.Store, log *slog.Logger, counter *views.Counter) (*admin.Admin, func(), error) {
	a := auth.New(st, auth.Options{SecureCookies: strings.HasPrefix(cfg.BaseURL, "https:"), Logger: log})
	ua := env.Getenv("NEWSHOUND_USER_AGENT")
	client := fetch.New(fetch.Options{
		AllowPrivate: cfg.AllowPrivateNetworks,
		UserAgent:    ua,
		Limiter:      fetch.NewHostLimiter(2, time.Second),
	})
	in, err := ingest.New(ingest.Options{Store: st, Fetcher: client, Logger: log})
	if err != nil {
		return nil, nil, err
	}
	ac := admin.Config{Store: st, Auth: a, Ingest: admin.FromIngester(in, st), Logger: log, SiteName: cfg.SiteName}
	if counter != nil {
		ac.Top = counter
	}
	adm, err := admin.New(ac)
	if err != nil {
		return nil, nil, err
	}
	return adm, client.CloseIdleConnections, nil
}
