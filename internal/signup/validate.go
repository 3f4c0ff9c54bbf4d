package signup

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newshound/internal/news"
)

// Errors maps a field to the message shown beside it. The empty field name
// (FieldForm) holds a message about the whole form.
type Errors map[FieldName]string

// Error lists the fields in error, never their values, so that it can be
// logged without personal data.
func (e Errors) Error() string {
	names := make([]string, 0, len(e))
	for n := range e {
		if n == FieldForm {
			n = "form"
		}
		names = append(names, string(n))
	}
	sort.Strings(names)
	return "signup: invalid " + strings.Join(names, ", ")
}

// Submission is a valid filling-in of the form, ready to store: the person's
// details, normalized, and the event of this one sign-up.
type Submission struct {
	Person news.Signup
	Event  news.SignupEvent
}

// validator checks the visible fields of the form.
type validator struct {
	form     Form
	resolver Resolver // nil skips the domain check
	timeout  time.Duration
}

// validate checks in field by field. It returns the submission, or the
// messages for every field in error (never just the first, so the person
// can fix all at once).
func (v validator) validate(ctx context.Context, in Values) (Submission, Errors) {
	errs := Errors{}
	var p news.Signup
	for _, fd := range v.form.Fields {
		if fd.Off {
			continue
		}
		raw := in.Get(fd.Name)
		var val, msg string
		switch fd.Name {
		case FieldFullName:
			val, msg = checkName(raw, fd.MaxLen)
		case FieldEmail:
			var e email
			e, msg = parseEmail(raw)
			if msg == "" && v.resolver != nil {
				msg = checkDomain(ctx, v.resolver, e, v.timeout)
			}
			val = e.normalized
		case FieldPhone:
			val, msg = checkPhone(raw, fd.MaxLen)
		case FieldMessage:
			val, msg = cleanText(raw, fd.MaxLen, true)
		default:
			val, msg = cleanText(raw, fd.MaxLen, false)
		}
		if msg == "" && val == "" && fd.Required {
			msg = "Please fill this in."
		}
		if msg != "" {
			errs[fd.Name] = msg
			continue
		}
		set(&p, fd.Name, val)
	}
	if !in.Consent {
		errs[FieldConsent] = "Please tick the box to agree, so that we may store your details."
	}
	if len(errs) > 0 {
		return Submission{}, errs
	}
	p.Status = news.SignupNew
	return Submission{Person: p, Event: news.SignupEvent{Consent: v.form.Consent, Message: p.Message}}, nil
}

func set(p *news.Signup, name FieldName, val string) {
	switch name {
	case FieldFullName:
		p.Name = val
	case FieldEmail:
		p.Email = val
	case FieldPhone:
		p.Phone = val
	case FieldCity:
		p.City = val
	case FieldCountry:
		p.Country = val
	case FieldMessage:
		p.Message = val
	}
}

// cleanText trims s and checks its length and characters. Control
// characters are refused (line breaks only where multiline), and so are the
// invisible bidirectional overrides, which can make a name display as
// something else in the organiser's list or a spreadsheet.
func cleanText(s string, max int, multiline bool) (string, string) {
	if !utf8.ValidString(s) {
		return "", "Please use plain text; some characters could not be read."
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if n := utf8.RuneCountInString(s); n > max {
		return "", tooLong(max, n)
	}
	for _, r := range s {
		switch {
		case multiline && (r == '\n' || r == '\t'):
		case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return "", "Please remove the invisible control characters."
		}
	}
	return s, ""
}

func tooLong(max, n int) string {
	return fmt.Sprintf("Please keep this to %d characters (it has %d).", max, n)
}

// checkName accepts names in any script, with the punctuation names use,
// but wants at least one letter and no web address (a favourite of spam).
func checkName(s string, max int) (string, string) {
	s, msg := cleanText(s, max, false)
	if msg != "" || s == "" {
		return s, msg
	}
	s = strings.Join(strings.Fields(s), " ")
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return "", "Please enter your name in letters."
	}
	low := strings.ToLower(s)
	if strings.Contains(low, "://") || strings.Contains(low, "www.") {
		return "", "Please enter just your name, without a web address."
	}
	return s, ""
}

// checkPhone accepts the usual ways of writing a number: an optional
// leading +, digits, and spaces, dashes, dots, slashes or brackets between
// them; 6 to 15 digits in all (15 is E.164's maximum).
func checkPhone(s string, max int) (string, string) {
	s, msg := cleanText(s, max, false)
	if msg != "" || s == "" {
		return s, msg
	}
	s = strings.Join(strings.Fields(s), " ")
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case strings.ContainsRune(" -.()/", r):
		default:
			return "", "Please use only digits, spaces and + - ( ) in the phone number."
		}
	}
	switch {
	case digits < 6:
		return "", "That phone number looks too short."
	case digits > 15:
		return "", "That phone number looks too long."
	}
	return s, ""
}
