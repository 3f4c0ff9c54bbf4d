package news

import "time"

// SignupStatus says where an organiser is with a person who signed up.
type SignupStatus string

// Sign-up statuses.
const (
	SignupNew       SignupStatus = "new"       // nobody has been in touch yet
	SignupContacted SignupStatus = "contacted" // an organiser has been in touch
)

// Signup is one person who filled in the join form, once or several times.
// People are told apart by their normalized email address: a second sign-up
// with the same address adds an event to the same person instead of
// creating another.
type Signup struct {
	ID      int64
	Email   string // normalized: trimmed, domain lower-cased
	Name    string
	Phone   string
	City    string
	Country string
	Message string // the latest message; every message is kept in Events

	Status SignupStatus
	Note   string // the organiser's note, e.g. how they made contact

	CreatedAt time.Time // the first sign-up
	UpdatedAt time.Time // the latest sign-up or organiser change
	Events    []SignupEvent
}

// SignupEvent is one filling-in of the join form.
type SignupEvent struct {
	At        time.Time
	ArticleID int64  // the article page the form was on; 0 for the /join page
	Consent   string // the consent wording the person agreed to, word for word
	Message   string
}
