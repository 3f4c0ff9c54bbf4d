// Package signup takes in the join form: its configuration, field-by-field
// validation, the abuse checks, and the CSV export of sign-ups. It knows
// nothing of HTTP routing or templates; the web layer renders Form and
// passes posts to a Desk.
//
// A handler for POST /join (or the join block on an article) does this:
//
//	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
//	if err := r.ParseForm(); err != nil { return badRequest }
//	res, err := desk.Submit(ctx, signup.Request{
//		Client:    ratelimit.ClientKey(r.RemoteAddr),
//		Form:      r.PostForm,
//		ArticleID: articleID, // 0 on /join
//	})
//	switch {
//	case err != nil:       // our failure: show res.Values again with an apology, status 500/503
//	case res.Errors != nil: // show the form again: res.Values, res.Errors beside the fields, 422
//	default:                // stored, or res.Blocked: the same thank-you page either way
//	}
//
// Every rendering of the form carries two hidden inputs: TokenField with
// desk.Token() (a fresh one each time) and HoneypotField, empty and hidden
// from people. CSRF protection is the web layer's (http.CrossOriginProtection).
//
// Bots are told apart by a filled-in honeypot, a post without a token, a
// post sooner than MinDelay after the form was served, more posts from one
// visitor than the rate limit allows, or a domain on the site's blocklist of
// disposable email providers. They get Result.Blocked, nothing is stored,
// and the day's count for the reason goes up (Store.CountBlockedSignup).
// The rate limit keys on a keyed hash held in memory only: no IP address is
// stored anywhere.
//
// The email domain check asks DNS for an MX or address record. Only a
// definite "no such domain" is shown to the person; a slow or failing
// resolver lets the sign-up through, since losing a real person is worse
// than storing a mistyped address.
package signup
