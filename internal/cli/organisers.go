package cli

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"

	"newshound/internal/admin"
	"newshound/internal/auth"
	"newshound/internal/config"
	"newshound/internal/fetch"
	"newshound/internal/ingest"
	"newshound/internal/signup"
	"newshound/internal/store"
	"newshound/internal/views"
)

// readJoinForm reads the site's join form from cfg.JoinForm (the file was
// found readable when the configuration was loaded), or returns the
// built-in form. serve calls it before any slow work, so a broken form file
// fails the start with one line.
func readJoinForm(cfg config.Config) (signup.Form, error) {
	if cfg.JoinForm == "" {
		return signup.DefaultForm(), nil
	}
	f, err := os.Open(cfg.JoinForm)
	if err != nil {
		return signup.Form{}, fmt.Errorf("join form: %w; fix --join-form (NEWSHOUND_JOIN_FORM) or unset it for the default form", err)
	}
	defer f.Close()
	form, err := signup.ReadForm(f)
	if err != nil {
		return signup.Form{}, fmt.Errorf("join form %s: %w", cfg.JoinForm, err)
	}
	return form, nil
}

// joinDesk builds the desk that takes in the join form. A nil key (no
// NEWSHOUND_FORM_KEY) makes the desk draw a random one for this process.
func joinDesk(form signup.Form, key []byte, st *store.Store, log *slog.Logger) (*signup.Desk, error) {
	return signup.New(signup.Config{Form: form, Store: st, Resolver: net.DefaultResolver, Key: key, Logger: log})
}

// organiserSite builds the admin pages with their login and, so that
// organisers can add sources and extract articles again from the browser,
// an ingester that fetches on request only (polling is the worker's), with
// serve's one client: what organisers fetch counts in the same per-host
// limits as what the workers fetch.
func organiserSite(cfg config.Config, client *fetch.Client, st *store.Store, log *slog.Logger, counter *views.Counter) (*admin.Admin, error) {
	a := auth.New(st, auth.Options{SecureCookies: strings.HasPrefix(cfg.BaseURL, "https:"), Logger: log})
	in, err := ingest.New(ingest.Options{Store: st, Fetcher: client, Logger: log})
	if err != nil {
		return nil, err
	}
	ac := admin.Config{Store: st, Auth: a, Ingest: admin.FromIngester(in, st), Logger: log, SiteName: cfg.SiteName,
		ClientIPHeader: cfg.ClientIPHeader}
	if counter != nil {
		ac.Top = counter
	}
	return admin.New(ac)
}
