package signup

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// FieldName names one input of the join form. The names are also the HTML
// form field names.
type FieldName string

// The fields the join form knows. Name, email and consent are always asked;
// the site may relabel, require or switch off the others.
const (
	FieldFullName FieldName = "name"
	FieldEmail    FieldName = "email"
	FieldPhone    FieldName = "phone"
	FieldCity     FieldName = "city"
	FieldCountry  FieldName = "country"
	FieldMessage  FieldName = "message"
	FieldConsent  FieldName = "consent"

	// FieldForm keys messages about the form as a whole, e.g. that it was
	// left open too long and must be sent again.
	FieldForm FieldName = ""
)

// Hidden inputs used by the abuse checks; the handler renders them.
const (
	// HoneypotField is an input hidden from people (by CSS and aria-hidden,
	// with tabindex -1 and autocomplete off) that bots fill in.
	HoneypotField = "website"
	// TokenField carries the signed time the form was served (Guard.Token).
	TokenField = "form_token"
)

// Field is one input of the join form as the site configures it.
type Field struct {
	Name     FieldName `json:"name"`
	Label    string    `json:"label"`
	Help     string    `json:"help,omitempty"` // a short hint shown under the input
	Required bool      `json:"required,omitempty"`
	Off      bool      `json:"off,omitempty"`     // not shown nor accepted; only optional fields can be off
	MaxLen   int       `json:"max_len,omitempty"` // in characters; 0 in a file means the default
}

// Form is the site's configuration of the join form.
type Form struct {
	Heading string  `json:"heading"`
	Text    string  `json:"text"`   // the paragraph under the heading
	Fields  []Field `json:"fields"` // in display order
	// Consent is the wording of the required consent checkbox. It is stored,
	// word for word, with every sign-up.
	Consent string `json:"consent"`
	Submit  string `json:"submit"` // the button's label
	Thanks  string `json:"thanks"` // shown after a sign-up (and to blocked bots alike)
}

// Default limits, in characters.
const (
	MaxName    = 100
	MaxEmail   = 254 // RFC 5321's limit on a forward path
	MaxPhone   = 30
	MaxPlace   = 100
	MaxMessage = 2000
)

// DefaultForm returns the join form a new site starts with.
func DefaultForm() Form {
	return Form{
		Heading: "Join the fight",
		Text:    "Fill out this form and we'll contact you soon.",
		Fields: []Field{
			{Name: FieldFullName, Label: "Your name", Required: true, MaxLen: MaxName},
			{Name: FieldEmail, Label: "Email", Required: true, MaxLen: MaxEmail},
			{Name: FieldPhone, Label: "Phone (optional)", Help: "With your country code if you are outside the country.", MaxLen: MaxPhone},
			{Name: FieldCity, Label: "City", MaxLen: MaxPlace},
			{Name: FieldCountry, Label: "Country", MaxLen: MaxPlace},
			{Name: FieldMessage, Label: "Anything you want to tell us? (optional)", MaxLen: MaxMessage},
		},
		Consent: "I agree that the organisers may store these details and contact me about this campaign. I can ask for them to be deleted at any time.",
		Submit:  "Join",
		Thanks:  "Thank you! We'll be in touch soon.",
	}
}

// limits are the hard caps a site cannot raise, so that storage and
// re-display stay bounded.
var limits = map[FieldName]int{
	FieldFullName: MaxName, FieldEmail: MaxEmail, FieldPhone: MaxPhone,
	FieldCity: MaxPlace, FieldCountry: MaxPlace, FieldMessage: MaxMessage,
}

// Check reports what is wrong with a site's form configuration, so that a
// bad configuration is refused at start-up rather than on a visitor's post.
func (f Form) Check() error {
	var errs []error
	if strings.TrimSpace(f.Heading) == "" {
		errs = append(errs, errors.New("the heading is empty"))
	}
	if strings.TrimSpace(f.Consent) == "" {
		errs = append(errs, errors.New("the consent wording is empty"))
	}
	seen := map[FieldName]bool{}
	for _, fd := range f.Fields {
		max, known := limits[fd.Name]
		switch {
		case !known:
			errs = append(errs, fmt.Errorf("unknown field %q (known: name, email, phone, city, country, message)", fd.Name))
			continue
		case seen[fd.Name]:
			errs = append(errs, fmt.Errorf("field %q is listed twice", fd.Name))
		case strings.TrimSpace(fd.Label) == "":
			errs = append(errs, fmt.Errorf("field %q has no label", fd.Name))
		case fd.MaxLen < 1 || fd.MaxLen > max:
			errs = append(errs, fmt.Errorf("field %q: length limit %d is outside 1..%d", fd.Name, fd.MaxLen, max))
		case fd.Off && fd.Required:
			errs = append(errs, fmt.Errorf("field %q is both required and off", fd.Name))
		}
		seen[fd.Name] = true
	}
	for _, must := range []FieldName{FieldFullName, FieldEmail} {
		fd, ok := f.Field(must)
		if !ok || fd.Off || !fd.Required {
			errs = append(errs, fmt.Errorf("field %q must be listed, on and required", must))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("signup: join form: %w", err)
	}
	return nil
}

// ReadForm reads a site's join form from JSON, as written by the site's
// organisers; see docs/signups-and-auth.md. Omitted texts and fields keep
// their defaults, a field's omitted max_len takes the field's default
// limit, and unknown keys are refused so a typo is not silently ignored.
func ReadForm(r io.Reader) (Form, error) {
	f := DefaultForm()
	// Decode fields into an empty slice: decoding into the defaults would
	// let a default's help text or limit leak into another field.
	f.Fields = nil
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Form{}, fmt.Errorf("signup: read join form: %w", err)
	}
	if dec.More() {
		return Form{}, errors.New("signup: read join form: more than one JSON value")
	}
	if f.Fields == nil {
		f.Fields = DefaultForm().Fields
	}
	for i := range f.Fields {
		if f.Fields[i].MaxLen == 0 {
			f.Fields[i].MaxLen = limits[f.Fields[i].Name]
		}
	}
	if err := f.Check(); err != nil {
		return Form{}, err
	}
	return f, nil
}

// Field returns the configuration of the named field.
func (f Form) Field(name FieldName) (Field, bool) {
	for _, fd := range f.Fields {
		if fd.Name == name {
			return fd, true
		}
	}
	return Field{}, false
}

// Values are the join form's inputs exactly as the person typed them; on an
// error they go back into the form so that nothing typed is lost.
type Values struct {
	Name    string
	Email   string
	Phone   string
	City    string
	Country string
	Message string
	Consent bool
}

// ParseValues reads the join form's inputs from a parsed POST body.
func ParseValues(v url.Values) Values {
	return Values{
		Name:    v.Get(string(FieldFullName)),
		Email:   v.Get(string(FieldEmail)),
		Phone:   v.Get(string(FieldPhone)),
		City:    v.Get(string(FieldCity)),
		Country: v.Get(string(FieldCountry)),
		Message: v.Get(string(FieldMessage)),
		Consent: v.Get(string(FieldConsent)) != "",
	}
}

// Get returns the typed value of a text field.
func (v Values) Get(name FieldName) string {
	switch name {
	case FieldFullName:
		return v.Name
	case FieldEmail:
		return v.Email
	case FieldPhone:
		return v.Phone
	case FieldCity:
		return v.City
	case FieldCountry:
		return v.Country
	case FieldMessage:
		return v.Message
	}
	return ""
}
