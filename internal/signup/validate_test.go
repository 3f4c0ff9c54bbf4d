package signup

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
)

func TestParseEmail(t *testing.T) {
	tests := []struct {
		in, want, ascii string // want "" means refused
	}{
		{"ana@example.org", "ana@example.org", "example.org"},
		{"  Ana.Maria+news@Example.ORG ", "ana.maria+news@example.org", "example.org"},
		{"o'brien@mail.example.co.uk", "o'brien@mail.example.co.uk", "mail.example.co.uk"},
		{"user@bücher.example", "user@bücher.example", "xn--bcher-kva.example"},
		{"user@XN--BCHER-KVA.example", "user@bücher.example", "xn--bcher-kva.example"},
		{"josé@correo.example", "josé@correo.example", "correo.example"},
		{"ana@example.org.", "", ""},
		{"", "", ""},
		{"plainaddress", "", ""},
		{"@example.org", "", ""},
		{"ana@", "", ""},
		{"ana@@example.org", "", ""},
		{"ana@b@example.org", "", ""},
		{"Ana <ana@example.org>", "", ""},
		{`"ana smith"@example.org`, "", ""},
		{"ana smith@example.org", "", ""},
		{"ana@example", "", ""},
		{"ana@localhost", "", ""},
		{"ana@127.0.0.1", "", ""},
		{"ana@[127.0.0.1]", "", ""},
		{"ana@example.123", "", ""},
		{"a..b@example.org", "", ""},
		{".ana@example.org", "", ""},
		{"ana.@example.org", "", ""},
		{"ana@-example.org", "", ""},
		{"ana@example-.org", "", ""},
		{"ana@exa_mple.org", "", ""},
		{"ana@example..org", "", ""},
		{strings.Repeat("a", 65) + "@example.org", "", ""},
		{"ana@" + strings.Repeat("a", 64) + ".org", "", ""},
		{"a@" + strings.Repeat("abcdefghi.", 25) + "org", "", ""},
		{"ana@exam\x00ple.org", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, msg := parseEmail(tt.in)
			if tt.want == "" {
				if msg == "" {
					t.Fatalf("parseEmail(%q) accepted as %q, want refused", tt.in, e.normalized)
				}
				return
			}
			if msg != "" {
				t.Fatalf("parseEmail(%q) refused: %s", tt.in, msg)
			}
			if e.normalized != tt.want || e.ascii != tt.ascii {
				t.Errorf("parseEmail(%q) = %q (dns %q), want %q (dns %q)", tt.in, e.normalized, e.ascii, tt.want, tt.ascii)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	got, err := NormalizeEmail(" Ana@Example.Org")
	if err != nil || got != "ana@example.org" {
		t.Fatalf("NormalizeEmail = %q, %v; want ana@example.org", got, err)
	}
	if _, err := NormalizeEmail("nope"); err == nil {
		t.Fatal("NormalizeEmail(nope) succeeded, want an error")
	}
}

// good returns values that pass validation; tests change one thing.
func good() Values {
	return Values{Name: "Ana Souza", Email: "ana@example.org", Consent: true}
}

func TestValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	tests := []struct {
		name    string
		edit    func(v *Values)
		errs    []FieldName // fields expected in error; nil means valid
		checkFn func(t *testing.T, p news.Signup)
	}{
		{name: "minimal", edit: func(v *Values) {}},
		{name: "accented name", edit: func(v *Values) { v.Name = "Zoë Ørsted-Ñúñez" }},
		{name: "chinese name", edit: func(v *Values) { v.Name = "李小龙" }},
		{name: "arabic name", edit: func(v *Values) { v.Name = "محمد علي" }},
		{name: "vietnamese name", edit: func(v *Values) { v.Name = "Nguyễn Thị Minh Khai" }},
		{name: "apostrophe name", edit: func(v *Values) { v.Name = "Seán O'Brien" }},
		{name: "persian name with ZWNJ", edit: func(v *Values) { v.Name = "مهر\u200cناز" }},
		{name: "name spaces collapsed", edit: func(v *Values) { v.Name = "  Ana   Souza  " },
			checkFn: func(t *testing.T, p news.Signup) {
				if p.Name != "Ana Souza" {
					t.Errorf("Name = %q, want %q", p.Name, "Ana Souza")
				}
			}},
		{name: "name at limit", edit: func(v *Values) { v.Name = long(MaxName) }},
		{name: "name too long", edit: func(v *Values) { v.Name = long(MaxName + 1) }, errs: []FieldName{FieldFullName}},
		{name: "name missing", edit: func(v *Values) { v.Name = "   " }, errs: []FieldName{FieldFullName}},
		{name: "name digits only", edit: func(v *Values) { v.Name = "12345" }, errs: []FieldName{FieldFullName}},
		{name: "name is a url", edit: func(v *Values) { v.Name = "cheap pills http://spam.example" }, errs: []FieldName{FieldFullName}},
		{name: "name with bidi override", edit: func(v *Values) { v.Name = "Ana \u202eazuoS" }, errs: []FieldName{FieldFullName}},
		{name: "name with newline", edit: func(v *Values) { v.Name = "Ana\nSouza" }, errs: []FieldName{FieldFullName}},
		{name: "name bad utf8", edit: func(v *Values) { v.Name = "Ana \xff" }, errs: []FieldName{FieldFullName}},
		{name: "email missing", edit: func(v *Values) { v.Email = "" }, errs: []FieldName{FieldEmail}},
		{name: "email bad", edit: func(v *Values) { v.Email = "ana at example.org" }, errs: []FieldName{FieldEmail}},
		{name: "email normalized", edit: func(v *Values) { v.Email = "ANA@Example.ORG" },
			checkFn: func(t *testing.T, p news.Signup) {
				if p.Email != "ana@example.org" {
					t.Errorf("Email = %q, want ana@example.org", p.Email)
				}
			}},
		{name: "phone international", edit: func(v *Values) { v.Phone = "+44 20 7946 0958" }},
		{name: "phone brackets and dash", edit: func(v *Values) { v.Phone = "(020) 7946-0958" }},
		{name: "phone dots and slash", edit: func(v *Values) { v.Phone = "020/7946.0958" }},
		{name: "phone spaces collapsed", edit: func(v *Values) { v.Phone = " 020   7946 0958 " },
			checkFn: func(t *testing.T, p news.Signup) {
				if p.Phone != "020 7946 0958" {
					t.Errorf("Phone = %q, want %q", p.Phone, "020 7946 0958")
				}
			}},
		{name: "phone too short", edit: func(v *Values) { v.Phone = "12345" }, errs: []FieldName{FieldPhone}},
		{name: "phone too long", edit: func(v *Values) { v.Phone = "+1234567890123456" }, errs: []FieldName{FieldPhone}},
		{name: "phone letters", edit: func(v *Values) { v.Phone = "call me maybe" }, errs: []FieldName{FieldPhone}},
		{name: "phone plus inside", edit: func(v *Values) { v.Phone = "44+2079460958" }, errs: []FieldName{FieldPhone}},
		{name: "phone over length limit", edit: func(v *Values) { v.Phone = "+44 " + strings.Repeat(" -", 20) + "2079460958" }, errs: []FieldName{FieldPhone}},
		{name: "city and country", edit: func(v *Values) { v.City = "São Paulo"; v.Country = "Brasil" },
			checkFn: func(t *testing.T, p news.Signup) {
				if p.City != "São Paulo" || p.Country != "Brasil" {
					t.Errorf("City, Country = %q, %q", p.City, p.Country)
				}
			}},
		{name: "city too long", edit: func(v *Values) { v.City = long(MaxPlace + 1) }, errs: []FieldName{FieldCity}},
		{name: "message multiline", edit: func(v *Values) { v.Message = "Hello,\r\n\tI can help on weekends.\n" },
			checkFn: func(t *testing.T, p news.Signup) {
				if p.Message != "Hello,\n\tI can help on weekends." {
					t.Errorf("Message = %q", p.Message)
				}
			}},
		{name: "message too long", edit: func(v *Values) { v.Message = long(MaxMessage + 1) }, errs: []FieldName{FieldMessage}},
		{name: "message with escape char", edit: func(v *Values) { v.Message = "hi \x1b[31m" }, errs: []FieldName{FieldMessage}},
		{name: "consent missing", edit: func(v *Values) { v.Consent = false }, errs: []FieldName{FieldConsent}},
		{name: "everything wrong at once", edit: func(v *Values) { *v = Values{Phone: "x"} },
			errs: []FieldName{FieldFullName, FieldEmail, FieldPhone, FieldConsent}},
	}
	val := validator{form: DefaultForm()}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good()
			tt.edit(&in)
			sub, errs := val.validate(context.Background(), in)
			var got []FieldName
			for f := range errs {
				got = append(got, f)
			}
			sortNames(got)
			sortNames(tt.errs)
			if diff := cmp.Diff(tt.errs, got); diff != "" {
				t.Fatalf("fields in error (-want +got):\n%s\nmessages: %v", diff, map[FieldName]string(errs))
			}
			for f, msg := range errs {
				if msg == "" {
					t.Errorf("field %q has an empty message", f)
				}
			}
			if errs != nil {
				return
			}
			if sub.Person.Status != news.SignupNew || sub.Event.Consent != DefaultForm().Consent {
				t.Errorf("submission status %q consent %q; want new and the form's wording", sub.Person.Status, sub.Event.Consent)
			}
			if tt.checkFn != nil {
				tt.checkFn(t, sub.Person)
			}
		})
	}
}

func sortNames(s []FieldName) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestValidateConfiguredForm(t *testing.T) {
	f := DefaultForm()
	for i := range f.Fields {
		switch f.Fields[i].Name {
		case FieldPhone:
			f.Fields[i].Off = true
		case FieldCity:
			f.Fields[i].Required = true
		case FieldFullName:
			f.Fields[i].MaxLen = 5
		}
	}
	if err := f.Check(); err != nil {
		t.Fatal(err)
	}
	val := validator{form: f}
	in := Values{Name: "Ana S", Email: "ana@example.org", Phone: "not checked: off", Consent: true}
	_, errs := val.validate(context.Background(), in)
	if diff := cmp.Diff([]FieldName{FieldCity}, keys(errs)); diff != "" {
		t.Fatalf("errors (-want +got):\n%s", diff)
	}
	in.City = "Lyon"
	sub, errs := val.validate(context.Background(), in)
	if errs != nil {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if sub.Person.Phone != "" {
		t.Errorf("Phone = %q from a field that is off, want it dropped", sub.Person.Phone)
	}
	in.Name = "Ana Souza"
	if _, errs := val.validate(context.Background(), in); errs[FieldFullName] == "" {
		t.Error("a name over the site's limit of 5 was accepted")
	}
}

func keys(e Errors) []FieldName {
	var out []FieldName
	for k := range e {
		out = append(out, k)
	}
	sortNames(out)
	return out
}

func TestErrorsHideValues(t *testing.T) {
	val := validator{form: DefaultForm()}
	_, errs := val.validate(context.Background(), Values{Name: "Secret Person", Email: "secret@@example.org"})
	if msg := errs.Error(); strings.Contains(msg, "Secret") || strings.Contains(msg, "secret@") {
		t.Fatalf("Errors.Error() = %q leaks typed values", msg)
	}
	if got := errs.Error(); got != "signup: invalid consent, email" {
		t.Errorf("Errors.Error() = %q", got)
	}
}

func TestDomainCheck(t *testing.T) {
	r := startDNS(t, zone{
		"example.org":        {mx: []string{"mx1.example.org", "mx2.example.org"}},
		"a-only.example":     {a: []string{"192.0.2.10"}},
		"no-mail.example":    {mx: []string{"."}},
		"no-records.example": {},
		"slow.example":       {silent: true},
	})
	tests := []struct {
		email string
		ok    bool
	}{
		{"ana@example.org", true},
		{"ana@a-only.example", true},   // implicit MX: mail goes to the A record
		{"ana@no-mail.example", false}, // null MX: refuses all mail
		{"ana@no-records.example", false},
		{"ana@nosuch.example", false},
		{"ana@slow.example", true}, // resolver timeout: let the person through
	}
	for _, tt := range tests {
		t.Run(tt.email, func(t *testing.T) {
			// The server answers every other name at once: a long timeout
			// keeps a slow, busy machine from turning an answer into a
			// timeout (which lets the person through); only the silent
			// name needs the short one.
			timeout := 10 * time.Second
			if tt.email == "ana@slow.example" {
				timeout = 300 * time.Millisecond
			}
			val := validator{form: DefaultForm(), resolver: r, timeout: timeout}
			in := good()
			in.Email = tt.email
			_, errs := val.validate(context.Background(), in)
			if got := errs[FieldEmail] == ""; got != tt.ok {
				t.Errorf("accepted = %v, want %v (message %q)", got, tt.ok, errs[FieldEmail])
			}
		})
	}
}

func TestFormCheck(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *Form)
		ok   bool
	}{
		{"default", func(f *Form) {}, true},
		{"no heading", func(f *Form) { f.Heading = " " }, false},
		{"no consent wording", func(f *Form) { f.Consent = "" }, false},
		{"unknown field", func(f *Form) { f.Fields = append(f.Fields, Field{Name: "shoe_size", Label: "Shoe size", MaxLen: 3}) }, false},
		{"duplicate field", func(f *Form) { f.Fields = append(f.Fields, f.Fields[2]) }, false},
		{"email off", func(f *Form) { f.Fields[1].Off = true }, false},
		{"name optional", func(f *Form) { f.Fields[0].Required = false }, false},
		{"name missing", func(f *Form) { f.Fields = f.Fields[1:] }, false},
		{"limit over cap", func(f *Form) { f.Fields[5].MaxLen = MaxMessage + 1 }, false},
		{"limit zero", func(f *Form) { f.Fields[3].MaxLen = 0 }, false},
		{"no label", func(f *Form) { f.Fields[3].Label = "" }, false},
		{"off and required", func(f *Form) { f.Fields[2].Off = true; f.Fields[2].Required = true }, false},
		{"phone off", func(f *Form) { f.Fields[2].Off = true }, true},
		{"relabelled", func(f *Form) { f.Heading = "Rejoignez-nous"; f.Fields[0].Label = "Nom" }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := DefaultForm()
			tt.edit(&f)
			if err := f.Check(); (err == nil) != tt.ok {
				t.Errorf("Check() = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestParseValuesKeepsTyping(t *testing.T) {
	form := map[string][]string{
		"name": {"  Zoë  "}, "email": {"ZOE@Example.org "}, "phone": {"+33 (0)1"},
		"city": {"Lyon"}, "country": {""}, "message": {"Bonjour\r\n"}, "consent": {"yes"},
	}
	want := Values{Name: "  Zoë  ", Email: "ZOE@Example.org ", Phone: "+33 (0)1", City: "Lyon", Message: "Bonjour\r\n", Consent: true}
	if diff := cmp.Diff(want, ParseValues(form)); diff != "" {
		t.Errorf("ParseValues (-want +got):\n%s", diff)
	}
}

// BenchmarkValidate measures validating a full, valid form without DNS.
func BenchmarkValidate(b *testing.B) {
	val := validator{form: DefaultForm()}
	in := Values{Name: "Nguyễn Thị Minh Khai", Email: "Minh.Khai@Example.org", Phone: "+84 24 3825 0000",
		City: "Hà Nội", Country: "Việt Nam", Message: strings.Repeat("I would like to help. ", 40), Consent: true}
	for b.Loop() {
		if _, errs := val.validate(context.Background(), in); errs != nil {
			b.Fatal(errs)
		}
	}
}

func TestReadForm(t *testing.T) {
	tests := []struct {
		name string
		json string
		ok   bool
		test func(t *testing.T, f Form)
	}{
		{"empty object keeps the defaults", `{}`, true, func(t *testing.T, f Form) {
			if diff := cmp.Diff(DefaultForm(), f); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		}},
		{"french form without phone", `{
			"heading": "Rejoignez-nous", "consent": "J'accepte d'être contacté·e.",
			"fields": [
				{"name": "email", "label": "Courriel", "required": true, "max_len": 200},
				{"name": "name", "label": "Nom", "required": true},
				{"name": "phone", "label": "Téléphone", "off": true},
				{"name": "city", "label": "Ville", "required": true}
			]}`, true, func(t *testing.T, f Form) {
			if f.Heading != "Rejoignez-nous" || f.Text != DefaultForm().Text || len(f.Fields) != 4 {
				t.Errorf("form = %+v", f)
			}
			if fd, _ := f.Field(FieldFullName); fd.MaxLen != MaxName {
				t.Errorf("name max_len = %d, want the default %d", fd.MaxLen, MaxName)
			}
			if fd, _ := f.Field(FieldPhone); fd.Help != "" || fd.MaxLen != MaxPhone || !fd.Off {
				t.Errorf("phone = %+v; want off, no help text, the default limit", fd)
			}
			if fd, _ := f.Field(FieldFullName); fd.Label != "Nom" || fd.Help != "" {
				t.Errorf("name = %+v", fd)
			}
			if fd, _ := f.Field(FieldEmail); fd.MaxLen != 200 {
				t.Errorf("email max_len = %d, want 200", fd.MaxLen)
			}
		}},
		{"typo in a key", `{"heading": "Join", "fileds": []}`, false, nil},
		{"unknown field", `{"fields": [{"name": "name", "label": "N", "required": true}, {"name": "email", "label": "E", "required": true}, {"name": "age", "label": "Age"}]}`, false, nil},
		{"email left out", `{"fields": [{"name": "name", "label": "N", "required": true}]}`, false, nil},
		{"limit over the cap", `{"fields": [{"name": "name", "label": "N", "required": true, "max_len": 5000}, {"name": "email", "label": "E", "required": true}]}`, false, nil},
		{"broken json", `{"heading": `, false, nil},
		{"two documents", `{} {}`, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadForm(strings.NewReader(tt.json))
			if (err == nil) != tt.ok {
				t.Fatalf("ReadForm = %v, want ok %v", err, tt.ok)
			}
			if tt.test != nil {
				tt.test(t, f)
			}
		})
	}
}
