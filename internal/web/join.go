package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"newshound/internal/news"
	"newshound/internal/ratelimit"
	"newshound/internal/signup"
)

// maxJoinBody bounds a join-form post: the longest message plus every
// other field fits well within it.
const maxJoinBody = 64 << 10

// joinArticleField is the hidden input naming the article whose Join block
// was used; absent on /join.
const joinArticleField = "article"

// joinForm is the data of the "joinform" partial: the site's form with
// what the person typed and the messages for each field in error.
type joinForm struct {
	Heading   string
	Text      string
	Fields    []joinField
	Consent   joinField // the checkbox; Value "on" when ticked
	Submit    string
	FormError string // about the whole form: expired, or our failure

	Token      string // signup.TokenField's value, fresh per rendering
	TokenName  string
	TrapName   string // the honeypot input's name
	ArticleID  int64  // 0 on /join
	HasErrors  bool
	Standalone bool // on a page of its own: the heading is the page's h1
}

// joinField is one input with its state.
type joinField struct {
	Name, ID     string
	Label, Help  string
	Type         string // "text", "email", "tel" or "textarea"
	Autocomplete string
	Value, Error string
	Required     bool
	MaxLen       int
}

// joinPage is join.html: the standalone form, the form again after an
// error, or the thank-you page.
type joinPage struct {
	Layout
	Join    joinForm
	Article *news.Article // the article the form was sent from, if any
	Thanks  string        // set on the thank-you page
}

// inputTypes gives each field its input type and autocomplete token, so
// phones show the right keyboard and browsers can fill in.
var inputTypes = map[signup.FieldName][2]string{
	signup.FieldFullName: {"text", "name"},
	signup.FieldEmail:    {"email", "email"},
	signup.FieldPhone:    {"tel", "tel"},
	signup.FieldCity:     {"text", "address-level2"},
	signup.FieldCountry:  {"text", "country-name"},
	signup.FieldMessage:  {"textarea", "off"},
}

// joinForm builds the form for rendering, with the typed values and errors
// (both empty for a fresh form) and a fresh time token.
func (s *Server) joinForm(articleID int64, v signup.Values, errs signup.Errors) joinForm {
	f := s.join.Form()
	jf := joinForm{
		Heading: f.Heading, Text: f.Text, Submit: f.Submit,
		FormError: errs[signup.FieldForm],
		Token:     s.join.Token(), TokenName: signup.TokenField, TrapName: signup.HoneypotField,
		ArticleID: articleID, HasErrors: len(errs) > 0,
	}
	for _, fd := range f.Fields {
		if fd.Off {
			continue
		}
		t := inputTypes[fd.Name]
		jf.Fields = append(jf.Fields, joinField{
			Name: string(fd.Name), ID: "join-" + string(fd.Name),
			Label: fd.Label, Help: fd.Help, Type: t[0], Autocomplete: t[1],
			Value: v.Get(fd.Name), Error: errs[fd.Name],
			Required: fd.Required, MaxLen: fd.MaxLen,
		})
	}
	jf.Consent = joinField{Name: string(signup.FieldConsent), ID: "join-consent", Label: f.Consent,
		Type: "checkbox", Error: errs[signup.FieldConsent], Required: true}
	if v.Consent {
		jf.Consent.Value = "on"
	}
	return jf
}

// joinBlock returns the Join block for an article page, or nil when the
// site takes no sign-ups.
func (s *Server) joinBlock(articleID int64) *joinForm {
	if s.join == nil {
		return nil
	}
	jf := s.joinForm(articleID, signup.Values{}, nil)
	return &jf
}

// joinGet serves GET /join: the form on a page of its own.
func (s *Server) joinGet(w http.ResponseWriter, r *http.Request) error {
	f := s.join.Form()
	p := joinPage{Layout: s.layout(f.Heading, f.Text), Join: s.joinForm(0, signup.Values{}, nil)}
	p.Join.Standalone = true
	return s.render(w, http.StatusOK, "join.html", p)
}

// joinPost serves POST /join, from /join or an article's Join block. A
// stored sign-up and a bot alike are redirected to the thank-you page, so
// that reloading never sends the form twice and a bot learns nothing. On
// any error the form comes back, on /join, with everything typed.
func (s *Server) joinPost(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxJoinBody)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: join form: %v", errBadRequest, err)
	}
	ctx := r.Context()
	articleID, _ := strconv.ParseInt(r.PostForm.Get(joinArticleField), 10, 64)
	res, err := s.join.Submit(ctx, signup.Request{
		Client:    ratelimit.ClientKey(ratelimit.ClientAddr(r, s.ipHeader)),
		Form:      r.PostForm,
		ArticleID: max(articleID, 0),
	})
	status := http.StatusUnprocessableEntity
	switch {
	case err != nil:
		// Our failure, e.g. the database is down: keep what was typed and
		// say so. The error is logged without the form's contents.
		s.log.Error("web: join form", "err", err)
		res.Errors = signup.Errors{signup.FieldForm: "Sorry, we could not save your details just now. Nothing you typed is lost: please try again in a minute."}
		status = http.StatusServiceUnavailable
	case res.Errors != nil:
	default:
		http.Redirect(w, r, "/join/thanks", http.StatusSeeOther)
		return nil
	}
	f := s.join.Form()
	p := joinPage{Layout: s.layout(f.Heading, ""), Join: s.joinForm(articleID, res.Values, res.Errors)}
	if articleID > 0 {
		if a, err := s.store.Article(ctx, articleID); err == nil && a.Published() {
			p.Article = &a
		}
	}
	if p.Article == nil {
		p.Join.ArticleID = 0
	}
	p.Join.Standalone = true
	p.Title = "Please check the form — " + s.site
	return s.render(w, status, "join.html", p)
}

// joinThanks serves GET /join/thanks.
func (s *Server) joinThanks(w http.ResponseWriter, r *http.Request) error {
	f := s.join.Form()
	p := joinPage{Layout: s.layout("Thank you", ""), Thanks: f.Thanks}
	return s.render(w, http.StatusOK, "join.html", p)
}

// ErrorCount is used by the template to say how many fields need a look.
func (f joinForm) ErrorCount() int {
	n := 0
	for _, fd := range f.Fields {
		if fd.Error != "" {
			n++
		}
	}
	if f.Consent.Error != "" {
		n++
	}
	return n
}

// DescribedBy lists the IDs of a field's help and error texts for
// aria-describedby.
func (f joinField) DescribedBy() string {
	var ids []string
	if f.Help != "" {
		ids = append(ids, f.ID+"-help")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}
