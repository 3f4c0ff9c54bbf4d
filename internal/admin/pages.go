package admin

import (
	"newshound/internal/news"
	"newshound/internal/store"
)

// Each template gets one of these typed structs; layout.html reads the
// embedded Layout.

// Layout is the data every admin page shares.
type Layout struct {
	Site    string
	Title   string // the <title>
	Heading string // the page's h1
	Section string // the nav entry marked current
	Notice  string // the result of the last change, if any
	User    string // the logged-in organiser's email; "" on the login page
	Role    string
	IsAdmin bool
}

// pager links the pages of a list; Prev and Next are empty at the ends.
type pager struct {
	Page, Pages, Total int
	Prev, Next         string
}

type loginPage struct {
	Layout
	Email string
	Next  string
	Error string
}

type dashboardPage struct {
	Layout
	Signups  int // people, for admins
	Articles int
	Sources  int
	Blocked  []store.BlockedCount // last 30 days, summed by reason
}

type signupsPage struct {
	Layout
	Query    string
	Status   string
	People   []news.Signup
	Pager    pager
	Blocked  []store.BlockedCount
	Statuses []news.SignupStatus
}

type signupPage struct {
	Layout
	Person   news.Signup
	Articles map[int64]news.Article // the articles signed up from, by ID
	Statuses []news.SignupStatus
}

type blocklistPage struct {
	Layout
	Domains []string
	Blocked []store.BlockedCount // by day and reason, last 30 days
	Error   string
	Typed   string
}

type sourceRow struct {
	Source   news.Source
	Health   *SourceHealth // nil when unknown
	Articles int
}

type sourcesPage struct {
	Layout
	Rows      []sourceRow
	CanIngest bool
	Error     string
	URL, Name string // what was typed, on an error
}

type articlesPage struct {
	Layout
	Status   string
	Articles []news.Article
	Sources  map[int64]news.Source
	Pager    pager
}

type articlePage struct {
	Layout
	Article   news.Article
	Source    news.Source
	Tags      string // comma-separated names, as edited
	Error     string
	CanIngest bool
}

type countsPage struct {
	Layout
	Periods []countPeriod
}

type countPeriod struct {
	Name string
	Rows []store.ViewRank
}

type auditPage struct {
	Layout
	Entries []store.AuditEntry
	Pager   pager
}

type errorPage struct {
	Layout
	Status  int
	Message string
}
