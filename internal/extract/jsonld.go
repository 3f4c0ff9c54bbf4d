package extract

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"

	"newshound/internal/news"
)

// JSON-LD: the article node of a page's structured data, with @id
// references followed.

// ldArticle is what we read from JSON-LD.
type ldArticle struct {
	found                           bool
	headline, name, description     string
	body                            string
	published, modified, lang, site string
	image, url                      string
	authors, creators               []news.Author
	orgAuthors                      []string // authors typed as an organisation
}

// articleTypes are the JSON-LD types that describe an article page.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "techarticle": true, "scholarlyarticle": true,
	"report": true, "liveblogposting": true, "socialmediaposting": true, "posting": true,
	"webpage": false,
}

// addJSONLD reads one JSON-LD script: the first article-typed node is the
// article; every node with an @id is kept so that references resolve.
func (pm *pageMeta) addJSONLD(raw string) {
	if len(raw) > 2<<20 {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(unwrapCDATA(raw)), &v); err != nil {
		return
	}
	pm.findLD(v, 0)
}

// unwrapCDATA trims a script and takes off the <![CDATA[ ... ]]> wrapper,
// bare or behind "//" comments, that XHTML-minded templates and some
// serialisers put around it; JSON cannot start with it.
func unwrapCDATA(raw string) string {
	s := strings.TrimSpace(raw)
	for _, open := range [...]string{"//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["} {
		if strings.HasPrefix(s, open) {
			s = strings.TrimSpace(s[len(open):])
			for _, end := range [...]string{"//]]>", "/*]]>*/", "]]>"} {
				if strings.HasSuffix(s, end) {
					s = strings.TrimSpace(s[:len(s)-len(end)])
					break
				}
			}
			break
		}
	}
	return s
}

func (pm *pageMeta) findLD(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			pm.findLD(e, depth+1)
		}
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) > 1 {
			if pm.ldIDs == nil {
				pm.ldIDs = map[string]map[string]any{}
			}
			if _, dup := pm.ldIDs[id]; !dup {
				pm.ldIDs[id] = x
			}
		}
		if pm.ldObj == nil && isArticleType(x["@type"]) {
			pm.ldObj = x
		}
		for _, k := range [...]string{"@graph", "mainEntity", "itemListElement"} {
			if g, ok := x[k]; ok {
				pm.findLD(g, depth+1)
			}
		}
	}
}

// deref replaces a bare {"@id": ...} reference with the node it names.
func (pm *pageMeta) deref(v any) any {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["@id"].(string); ok && len(m) == 1 {
			if n, ok := pm.ldIDs[id]; ok {
				return n
			}
		}
	}
	if l, ok := v.([]any); ok {
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = pm.deref(e)
		}
		return out
	}
	return v
}

// isArticleType reports an @type (string or list) naming an article.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// readLD reads the article node, following @id references.
func (pm *pageMeta) readLD() {
	if pm.ldObj == nil {
		return
	}
	x := map[string]any{}
	for k, v := range pm.ldObj {
		x[k] = pm.deref(v)
	}
	pm.ld = readLD(x)
}

// readLD reads an article object.
func readLD(x map[string]any) ldArticle {
	a := ldArticle{found: true}
	a.headline = ldString(x["headline"])
	a.name = ldString(x["name"])
	a.description = ldString(x["description"])
	a.body = ldString(x["articleBody"])
	a.published = ldString(x["datePublished"])
	a.modified = ldString(x["dateModified"])
	a.lang = ldString(x["inLanguage"])
	a.url = ldString(x["url"])
	if a.url == "" {
		switch m := x["mainEntityOfPage"].(type) {
		case string:
			a.url = m
		case map[string]any:
			a.url = first(ldString(m["url"]), ldString(m["@id"]))
		}
	}
	a.image = ldURL(x["image"])
	if p, ok := x["publisher"].(map[string]any); ok {
		a.site = ldString(p["name"])
	}
	a.authors = ldAuthors(x["author"])
	a.orgAuthors = ldOrgNames(x["author"])
	a.creators = ldAuthors(x["creator"])
	return a
}

// ldString reads a string (or the first string of a list).
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s := ldString(x["@value"]); s != "" {
			return s
		}
		return ldString(x["name"])
	}
	return ""
}

// ldURL reads an image: a URL string, an ImageObject or a list of them.
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if u := ldURL(e); u != "" {
				return u
			}
		}
	case map[string]any:
		if u := ldURL(x["url"]); u != "" {
			return u
		}
		return ldURL(x["contentUrl"])
	}
	return ""
}

// ldAuthors reads author: a name, a Person, or a list of them.
func ldAuthors(v any) []news.Author {
	var out []news.Author
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" && !strings.HasPrefix(s, "http") {
			out = append(out, news.Author{Name: s})
		}
	case []any:
		for _, e := range x {
			out = append(out, ldAuthors(e)...)
		}
	case map[string]any:
		if n := ldString(x["name"]); n != "" {
			out = append(out, news.Author{Name: n, URL: ldString(x["url"])})
		}
	}
	return out
}

// ldOrgNames returns the names of the author nodes whose @type is an
// organisation (Organization, NewsMediaOrganization, ...), not a person.
func ldOrgNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, ldOrgNames(e)...)
		}
	case map[string]any:
		if ldOrgType(x["@type"]) {
			if n := ldString(x["name"]); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// ldOrgType reports an @type (string or list) naming an organisation.
func ldOrgType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(strings.ToLower(x), "organization")
	case []any:
		for _, e := range x {
			if ldOrgType(e) {
				return true
			}
		}
	}
	return false
}
