// Package news holds newshound's domain types: the plain values that flow
// from ingestion through storage to the public site. It has no behaviour
// beyond small helpers on those values and imports nothing of the project.
package news

import "time"

// Status says whether an article is shown on the public site.
type Status string

// Article statuses.
const (
	StatusPublished   Status = "published"   // visible on the site
	StatusDraft       Status = "draft"       // stored, not yet shown
	StatusUnpublished Status = "unpublished" // taken down by an organiser
)

// Source is a site newshound republishes from.
type Source struct {
	ID          int64
	Slug        string // stable, readable, unique; used in /source/{slug}
	Name        string
	HomepageURL string
	FeedURL     string // may be empty for sources added from single URLs
	CreatedAt   time.Time
}

// Author is an original author of an article, as credited by its source.
type Author struct {
	Name string
	URL  string // profile page on the source site, if known
}

// Account is a republishing account of this site (the site's "News Hound"):
// the byline under which articles are republished.
type Account struct {
	ID        int64
	Slug      string // used in /author/{slug}
	Name      string
	AvatarURL string
	Bio       string
}

// Figure is an image with its caption and credit.
type Figure struct {
	ImageURL string
	Alt      string
	Caption  string
	Credit   string
}

// Tag labels articles by topic.
type Tag struct {
	Slug string
	Name string
}

// Article is one republished story with its attribution.
type Article struct {
	ID        int64
	Slug      string // stable, readable, unique; used in /a/{slug}
	SourceID  int64
	AccountID int64 // the republishing account; 0 when none

	OriginalURL  string // where the article was first published
	CanonicalURL string // canonical URL as declared by the original page
	SiteName     string // site name as declared by the original page

	Title      string
	Standfirst string // the summary under the title
	Authors    []Author
	Language   string // BCP 47, e.g. "en"

	PublishedAt time.Time // first published by the source
	UpdatedAt   time.Time // last modified by the source
	FetchedAt   time.Time // when newshound fetched it

	LeadImage *Figure // nil when the article has none
	BodyHTML  string  // sanitized, structured HTML: safe to serve as is
	BodyText  string  // the body as plain text, paragraphs split by blank lines

	Tags        []Tag
	Fingerprint string // content fingerprint used to find duplicates
	Status      Status
}

// Published reports whether the article is visible on the public site.
func (a *Article) Published() bool { return a.Status == StatusPublished }
