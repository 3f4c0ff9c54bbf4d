package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// The pages in testdata/ are written by us. Each reproduces one kind of page
// furniture the way a real CMS emits it, around a real-length article, so
// that the extractor has to find the article's edges the hard way. The
// tests say what of the article must survive and what must not.

// elemWant asks for an element of BodyHTML with the given tag whose text
// contains text.
type elemWant struct{ tag, text string }

// metaWant lists the metadata a page declares. Zero fields are not checked.
type metaWant struct {
	Title        string
	Standfirst   string // substring of Article.Standfirst
	Authors      []string
	Published    string // RFC 3339
	Updated      string // RFC 3339
	Language     string // primary subtag, e.g. "en"
	SiteName     string
	CanonicalURL string
	LeadImage    string // substring of LeadImage.ImageURL
	LeadCaption  string // substring of LeadImage.Caption
	LeadCredit   string // substring of LeadImage.Credit, absent from the caption
}

// pageCase is one testdata page and what extraction must make of it.
type pageCase struct {
	file string
	url  string
	meta metaWant
	// lines are texts that must start a line of BodyText (a paragraph,
	// heading, list item or caption kept as its own block).
	lines []string
	// elems are structure that BodyHTML must keep.
	elems []elemWant
	// absent are strings that must appear neither in BodyText nor anywhere
	// in BodyHTML (attributes included).
	absent []string
	// credits maps a figure credit to its caption: both are kept inside one
	// figure and the credit sits in an element of its own.
	credits map[string]string
	// once are texts that BodyText must hold exactly once: body sentences
	// that the page repeats as a pull quote.
	once []string
}

var boilerplateCases = []pageCase{
	{
		file: "nav-header-footer.html",
		url:  "https://harbourtimes.example/news/2026/11/council-approves-winter-ferry-timetable",
		meta: metaWant{Title: "Council approves winter ferry timetable", Language: "en",
			CanonicalURL: "https://harbourtimes.example/news/2026/11/council-approves-winter-ferry-timetable",
			Published:    "2026-11-20T17:05:00Z"},
		lines: []string{
			"The harbour council voted seven to two on Thursday evening",
			"The new schedule starts on the first Monday of December.",
			"What changes for passengers",
			"First sailing from the old pier at 06:10 on weekdays.",
			"Late sailing at 23:30 on Fridays and Saturdays only.",
			"Officers told the meeting that the lease could be extended",
		},
		elems: []elemWant{
			{"h2", "What changes for passengers"}, {"h2", "Objections from the two dissenters"},
			{"li", "Last regular sailing from the island at 22:40."},
		},
		absent: []string{"Skip to main content", "Main navigation", "Culture and the Arts", "Weather and Tides",
			"Independent news for the bay", "Contact the newsroom", "Advertise with us", "Privacy policy",
			"All rights reserved", "company number"},
	},
	{
		file: "share-follow.html",
		url:  "https://lantern.example/trees/",
		meta: metaWant{Title: "Volunteers map every tree in the old quarter", SiteName: "The Lantern",
			Standfirst: "A weekend survey counted 2,318 trees"},
		lines: []string{
			"Armed with tape measures, clipboards and a borrowed laser rangefinder",
			"Older than the streets",
			"The council's parks officer said the map would be used",
		},
		elems: []elemWant{{"blockquote", "We did not expect to find that the city had been built around them"},
			{"blockquote", "Pilar Eastwood"}, {"h2", "What happens next"}},
		absent: []string{"Share this article", "Share on Facebook", "Share on X", "Share on LinkedIn",
			"Email this story", "Copy link", "Share it with a friend", "WhatsApp", "Follow The Lantern",
			"Follow us on Mastodon", "Subscribe", "Published with a content management system"},
	},
	{
		file: "view-counter.html",
		url:  "https://northsidevoice.example/2026/10/02/library-extends-opening-hours/",
		meta: metaWant{Title: "Library extends opening hours after petition", Published: "2026-10-02T09:12:44Z"},
		lines: []string{
			"The Northside branch library will stay open until eight",
			"A trial, then a review",
			"Both students who started the petition said",
		},
		elems:  []elemWant{{"h3", "A trial, then a review"}},
		absent: []string{"Visited 1 times", "visit(s) today", "Post Views", "1,204", "Posted in", "Community", "Proudly published"},
	},
	{
		file: "related-blocks.html",
		url:  "https://courier.example/economy/2026/09/14/rail-strike-ends/",
		meta: metaWant{Title: "Regional rail strike ends after overnight talks", Published: "2026-09-14T06:30:00Z"},
		lines: []string{
			"A nine-day strike that halted most regional rail services",
			"Under the deal, drivers' pay rises with the consumer price index",
			"How the talks were unblocked",
			"Commuter groups welcomed the end of the dispute",
		},
		elems: []elemWant{{"h2", "How the talks were unblocked"}},
		absent: []string{"Read more", "How the strike is costing shops", "Related", "Transport minister urges",
			"Freight operators divert cargo", "Hauliers report", "Recommended For You", "Ferry workers vote",
			"Fuel prices fall", "Most read", "Storm warning", "Hospital car park"},
	},
	{
		file: "author-box.html",
		url:  "https://eastbank.example/2026/08/03/bike-coop/",
		meta: metaWant{Title: "Inside the co-op that repairs bicycles for free", Language: "en"},
		lines: []string{
			"Behind a roller shutter on Cannery Lane",
			"Teaching, not just fixing",
			"The housing association has agreed to a ten-year lease",
		},
		elems: []elemWant{{"figcaption", "A volunteer trues a wheel on one of the co-op's four benches."},
			{"blockquote", "Now I'm the one with the keys."}, {"blockquote", "Mariam Idowu"}},
		absent: []string{"Avatar photo", "About Kieran Foley", "Kieran Foley covers community groups",
			"cycle courier", "View all posts", "kfoley-120x120", "kfoley-96x96", "Eastbank Herald is a not-for-profit"},
	},
	{
		file: "signup-form.html",
		url:  "https://commonground.example/news/rent-freeze-ruling",
		meta: metaWant{Title: "Tenants win rent freeze in court ruling"},
		lines: []string{
			"Tenants in the four Riverside towers won a twelve-month rent freeze",
			"A diary as evidence",
			"Rents are frozen at their current level for twelve months.",
			"The landlord said it was considering an appeal.",
		},
		elems: []elemWant{{"ol", "Lift repairs must be finished within ninety days."},
			{"li", "Damp surveys must be carried out in every flat that reported it."}},
		absent: []string{"Join the fight", "Fill out this form and we'll contact you soon.", "Renters across the city are organising",
			"Your name", "Email address", "Sign me up", "I agree to be contacted", "Get the weekly bulletin",
			"Subscribe to our newsletter", "Upcoming meetings", "Registered address"},
	},
	{
		file: "comments.html",
		url:  "https://valleypost.example/education/summer-meals",
		meta: metaWant{Title: "School meal programme expands to the summer holidays"},
		lines: []string{
			"Children who receive free school meals in the valley",
			"Paid for by the kitchen budget",
			"The six kitchens were chosen so that every family",
		},
		absent: []string{"14 comments", "Marguerite", "says:", "neighbour's kids used to come round", "Geoff R.",
			"villages up the top of the valley", "Reply", "Leave a Reply",
			"Your email address will not be published.", "Post Comment", "the newspaper of the three valleys"},
	},
	{
		file: "cookie-banner.html",
		url:  "https://fieldnotes.example/rivers/otters-return",
		meta: metaWant{Title: "River otters return to the upper reaches", Published: "2026-05-09T00:00:00Z"},
		lines: []string{
			"Otters have been recorded breeding on the upper reaches",
			"Fragile progress",
			"Anyone who sees an otter, alive or dead",
		},
		absent: []string{"We value your privacy", "cookies", "Accept all cookies", "Reject all", "Manage preferences",
			"OK, got it", "Cookie policy", "published by the regional wildlife trust"},
	},
	{
		file: "ads.html",
		url:  "https://maritimedaily.example/ports/shore-power-plan",
		meta: metaWant{Title: "Port unveils plan to plug ships into shore power"},
		lines: []string{
			"Cruise ships and ferries calling at the port",
			"Who pays",
			"Ship operators said the charge was fair",
		},
		absent: []string{"Advertisement", "Cheap flights", "Sponsored", "cabin upgrades", "Promoted Stories",
			"retired captain", "morning habit", "adnetwork", "promo.example"},
	},
	{
		file: "video-player.html",
		url:  "https://harbourherald.example/news/ferry-rescue",
		meta: metaWant{Title: "Ferry crew rescue kayaker off the headland"},
		lines: []string{
			"The crew of the morning ferry pulled a kayaker",
			"Passengers applauded as the ferry docked",
		},
		absent: []string{"Captions will look like this", "Palatino", "Verdana", "opaque", "Fullscreen",
			"Video unavailable", "cannot be played where you are", "Medium"},
	},
	{
		file: "standfirst-header.html",
		url:  "https://valleycourier.example/2026/05/cider-mill-vote",
		meta: metaWant{Title: "Orchard town votes to keep its last cider mill",
			Standfirst: "residents chose to buy the old press house"},
		lines: []string{
			"After a year of debate, residents chose to buy the old press house",
			"The vote at the parish meeting on Thursday",
			"The town will borrow the purchase price",
		},
		absent: []string{"Bakers in the valley", "By Maren Holt"},
	},
	{
		file: "standfirst-outside.html",
		url:  "https://coastweekly.example/heritage/keepers-cottage",
		meta: metaWant{Title: "Lighthouse keeper's cottage opens as a museum"},
		lines: []string{
			"The cottage at the end of the breakwater, empty since",
			"Volunteers spent two winters clearing the damp",
			"The harbour trust, which owns the cottage",
		},
		absent: []string{"Heritage", "By Idris Pell", "Also this week"},
	},
	{
		file: "sidebar-captions.html",
		url:  "https://thequarter.example/2026/03/night-market-reopens",
		meta: metaWant{Title: "Night market reopens with new rules for vendors",
			Standfirst:  "Stalls must now use reusable dishes",
			LeadImage:   "https://thequarter.example/media/2026/03/night-market.jpg",
			LeadCaption: "Crowds returned to the car park on Station Road",
			LeadCredit:  "Jonas Berglund"},
		lines: []string{
			"The night market on Station Road reopened on Friday",
			"Vendors divided",
			"Neighbours who had complained to the council",
		},
		absent: []string{"Photo of the week", "A heron keeps watch", "heron.jpg", "What's on",
			"The Basement Trio", "jazz.jpg", "a neighbourhood newspaper"},
	},
	{
		file: "republish-source.html",
		url:  "https://peopleswire.example/2026/02/water-utility-to-replace-every-lead-pipe-by-2030/",
		meta: metaWant{Title: "Water utility to replace every lead pipe by 2030"},
		lines: []string{
			"The city's water utility has committed to replacing every remaining lead service line",
			"Crews on every street",
			"Campaigners said they would hold the utility to the new date",
		},
		absent: []string{"Source:", "The City Ledger", "Visited 52 times", "visit(s) today", "News from the movement",
			"republishes news with permission"},
	},
	{
		// The page that started it all: a WordPress republishing site whose
		// captured text once kept every one of these strings.
		file: "seed-like.html",
		url:  "https://thenewshound.example/warehouse-workers-vote-to-form-a-union/",
		meta: metaWant{Title: "Warehouse workers vote to form a union", SiteName: "The News Hound",
			Published:    "2026-11-05T10:31:07Z",
			CanonicalURL: "https://thenewshound.example/warehouse-workers-vote-to-form-a-union/",
			Language:     "en"},
		lines: []string{
			"Workers at the parcel distribution centre on the edge of Fenbridge voted by 612 to 401",
			"A campaign built shift by shift",
			"Their main demands were predictable breaks",
			"What the union will ask for first",
			"Fixed break times published a week in advance.",
			"An end to individual scanning-rate targets.",
			"A joint committee to allocate overtime fairly.",
			"Organisers at two other sites in the region said",
		},
		elems: []elemWant{
			{"h2", "A campaign built shift by shift"}, {"h3", "What the union will ask for first"},
			{"figcaption", "A committee meeting in the car park between the late and night shifts in June."},
			{"figure", "Photo: Anwar Siddiqui"},
			{"blockquote", "People were not asking for the moon."}, {"blockquote", "Dolores Achterberg"},
			{"ul", "An end to individual scanning-rate targets."},
		},
		credits: map[string]string{"Photo: Anwar Siddiqui": "A committee meeting in the car park"},
		absent: []string{"Visited 1 times", "visit(s) today", "Post Views", "Recommended For You", "Avatar photo",
			"hound-120x120", "hound-96x96", "The News Hound shares reporting", "Send us tips", "View all posts",
			"Join the fight", "Fill out this form and we'll contact you soon.", "Want to organise your workplace",
			"Workplace", "Submit", "Share this:", "Click to share", "Originally published by",
			"Nurses' strike enters its second week", "Bus drivers win pay deal", "guaranteed meal break",
			"Port workers walk out", "Teachers to ballot", "Post navigation", "Search for:", "Recent Posts",
			"Labour news from across the country", "Skip to content", "Proudly powered by", "Posted in"},
	},
	{
		file: "de-boilerplate.html",
		url:  "https://nordkurier-lokal.example/lokales/waermenetz-hafenviertel",
		meta: metaWant{Title: "Stadtwerke bauen Wärmenetz im Hafenviertel aus", Language: "de",
			Published: "2026-02-20T06:00:00Z"},
		lines: []string{
			"Die Stadtwerke wollen in den kommenden drei Jahren",
			"Kosten für die Mieter",
			"Die Stadtwerke wollen im März zu einer Informationsveranstaltung",
		},
		absent: []string{"Lesen Sie auch", "Neues Parkhaus am Hafen", "Diesen Artikel teilen", "Newsletter abonnieren",
			"Jetzt kostenlos anmelden", "Für dich empfohlen", "Fähre fährt wieder", "MEIST GELESEN", "Sturmflut",
			"Hinterlasse einen Kommentar", "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
			"Alle Rechte vorbehalten", "Impressum", "Karriere"},
	},
	{
		// The body is split in three parts around a promo and an ad.
		file: "split-body.html",
		url:  "https://northerndispatch.example/health/midwives-staffing",
		meta: metaWant{Title: "Midwives vote to accept new staffing rules"},
		lines: []string{
			"Midwives at the region's three maternity units have voted",
			"The rules, agreed between the health board",
			"Union members voted by a large majority to accept the offer",
			"Recruitment still the problem",
			"The unit that came closest to closing",
			"The agreement will be reviewed in two years.",
		},
		absent: []string{"Read more", "The birth centre that almost closed", "Advertisement", "Most read",
			"Bridge closure extended", "© Northern Dispatch", "Health Correspondent"},
	},
	{
		// Two short paragraphs beside a sidebar with more prose than the
		// article itself.
		file: "short-article.html",
		url:  "https://westfieldbulletin.example/news/book-sale",
		meta: metaWant{Title: "Library book sale raises record sum"},
		lines: []string{
			"The Friends of Westfield Library raised more than four thousand",
			"Volunteers said the queue stretched round the car park",
		},
		absent: []string{"Events this week", "Knitting circle", "Local history talk", "Repair café",
			"Classifieds", "Allotment plot wanted", "delivered free to every home", "Posted 14 March 2026"},
	},
	{
		// Reader comments outweigh the article they hang under.
		file: "long-comments.html",
		url:  "https://hilltopchronicle.example/transport/route-14",
		meta: metaWant{Title: "Bus route 14 to be cut back to the hospital"},
		lines: []string{
			"The number 14 bus will no longer run beyond the hospital from April",
			"The authority said passenger numbers on the last section",
			"Residents will be able to use a new on-demand minibus",
		},
		absent: []string{"Comments", "hillwalker52", "This is a disgrace", "I drive the 14",
			"Has anyone actually tried booking", "Write to your councillor", "Submitted by", "independent since 1972"},
	},
	{
		// A 2000s layout: tables, <font>, paragraphs made of <br><br>, and
		// a Latin-1 page.
		file: "table-layout.html",
		url:  "https://quaysidegazette.example/news/ice-plant.html",
		meta: metaWant{Title: "Fishermen's co-operative buys its own ice plant"},
		lines: []string{
			"The fishermen's co-operative has bought the ice plant on the north quay",
			"Members of the co-operative voted at their annual meeting",
			"The harbour board said it was glad to hand the plant",
			"The co-operative plans to install a new, more efficient compressor",
			"The old ice house next door will become a café selling fish soup and crème brûlée",
		},
		absent: []string{"Fishermen's co-operative buys its own ice plant", "Front page", "Tide tables", "Archive",
			"Contact", "Copyright 2026", "best viewed", "The Quayside Gazette", "By our harbour correspondent"},
	},
	{
		// Furniture lines inside the body, with no class names to give
		// them away.
		file: "inline-cues.html",
		url:  "https://cityreview.example/housing/heat-pumps",
		meta: metaWant{Title: "Heat pumps fitted in a hundred council homes"},
		lines: []string{
			"The council has finished fitting air-source heat pumps",
			"Tenants were given a training session on how to use the new controls",
			"The next thousand",
			"The local college has started a short course",
		},
		absent: []string{"Sign up for our weekly climate newsletter", "Read more", "Why storage heaters cost so much",
			"Follow City Review", "Tags:", "housing, energy", "City Review · About"},
	},
	{
		// Furniture boxes in the middle of the body, named only "box".
		file: "mid-article-furniture.html",
		url:  "https://standardreview.example/news/empty-shops",
		meta: metaWant{Title: "Council to buy empty shops on the high street"},
		lines: []string{
			"The council will use new compulsory purchase powers",
			"Officers say the owners of most of the empty units live abroad",
			"The council's cabinet member for regeneration said",
			"Traders welcomed the plan.",
			"The first purchases are expected in the autumn",
		},
		absent: []string{"Related", "Market hall reopens", "Parking charges cut", "Last bank branch",
			"Subscribe to continue reading", "Support independent journalism", "Subscribe now",
			"Already a subscriber", "Log in", "Market Square"},
	},
	{
		file: "fr-boilerplate.html",
		url:  "https://courrierduport.example/ville/cantine-solidaire",
		meta: metaWant{Title: "La ville ouvre une cantine solidaire dans l'ancienne gare", Language: "fr",
			Published: "2026-03-03T07:00:00Z"},
		lines: []string{
			"La ville a ouvert lundi une cantine solidaire",
			"La cuisine est tenue par une association d'insertion",
			"Deux cents couverts par jour",
			"La mairie a pris en charge les travaux",
		},
		absent: []string{"À lire aussi", "Le marché de gros change d'horaires", "Partager", "Abonnez-vous",
			"Recevez chaque matin", "Les plus lus", "Travaux sur le pont levant", "Commentaires",
			"Connectez-vous", "Mentions légales", "Par Amélie Durand"},
	},
	{
		// A newsletter platform: subscribe widgets inside the body, like
		// and comment counters, a comment button, a footer call to action.
		file: "newsletter-platform.html",
		url:  "https://docklands.example/p/port-strike",
		meta: metaWant{Title: "What the port strike taught us about supply chains",
			Standfirst: "Three weeks without cranes", Authors: []string{"Tamsin Oyelaran"}},
		lines: []string{
			"For three weeks this spring, not a single container moved through the port.",
			"The hardware shop ran out of screws in the first week.",
			"The shops that did not notice",
			"That difference is not an argument against trade.",
			"Next week I will look at the cranes themselves",
		},
		absent: []string{"Subscribe", "Sign in", "Three weeks without cranes", "142", "Share",
			"reader-supported publication", "Type your email", "Leave a comment", "Ready for more?",
			"Likes", "Privacy", "Collection notice", "Apr 22, 2026"},
	},
	{
		// A blogging platform: sign-up banner, reading time, claps, the
		// "written by" box and cards of more stories.
		file: "blog-platform.html",
		url:  "https://fieldjournal.example/i-spent-a-year-counting-birds-3f9a",
		meta: metaWant{Title: "I spent a year counting the birds on one street", Authors: []string{"Oskar Lindgren"}},
		lines: []string{
			"Every morning for a year, before work, I walked the length of my street",
			"I recorded thirty-one species.",
			"The embankment matters more than the gardens",
			"Almost every species I saw more than a handful of times",
			"I have shared the counts with the local wildlife group",
		},
		elems: []elemWant{{"blockquote", "the most useful thing you can do is leave a corner untidy."}},
		absent: []string{"Sign up to discover human stories", "Sign in", "Follow", "6 min read", "Published in Field Journal",
			"Listen", "Share", "Written by", "214 Followers", "Urban naturalist", "More from Oskar Lindgren",
			"The hedgehog highway", "A winter of swifts", "Recommended from", "Ten plants", "Careers", "Text to speech"},
	},
	{
		// Head and tail lines with no class names at all: breadcrumb,
		// audio prompt, reading time, the standfirst repeated from the
		// description, an author bio, tags, a comment count, copyright.
		file: "edge-lines.html",
		url:  "https://riverbendtimes.example/arts/orchestra-gym",
		meta: metaWant{Title: "Orchestra moves rehearsals into a school gym",
			Standfirst: "The city orchestra will rehearse in a secondary school for a year"},
		lines: []string{
			"The city orchestra will spend the coming season rehearsing",
			"The orchestra's managing director said the school had offered",
			"Concerts will continue as planned at the cathedral",
			"The rewiring is expected to cost four million",
		},
		absent: []string{"Home", "› Arts", "Listen to this article", "Updated 3 hours ago", "4 min read",
			"The city orchestra will rehearse in a secondary school for a year",
			"Nadia Kowalski is the Riverbend Times' arts reporter", "Tags:", "12 comments",
			"All rights reserved"},
	},
	{
		// The other side of cue phrases: short sentences of the article
		// that open with "Comments", "Follow" or "Share" stay.
		file: "cue-words-in-prose.html",
		url:  "https://marketstreet.example/business/brewery-chair",
		meta: metaWant{Title: "Brewery board ousts its chair after vote"},
		lines: []string{
			"Comments by the chair at a staff meeting set off the revolt.",
			"The board of the city's oldest brewery voted on Tuesday",
			"Directors said the decision was about how the plan had been announced",
			"Follow-up meetings with the bottling staff are set for next week.",
			"Pemberton, who has chaired the company for eleven years",
			"Share prices closed four per cent higher on the news.",
		},
	},
	{
		// A news brief of one sentence: short is not the same as furniture.
		file:  "one-paragraph-brief.html",
		url:   "https://metrobriefs.example/traffic/ring-road-lane",
		meta:  metaWant{Title: "Ring road lane closed overnight"},
		lines: []string{"The inside lane of the ring road between junctions four and five will be closed"},
		absent: []string{"Home", "Traffic", "More briefs", "Pool reopens", "Market moves", "New bus shelter",
			"short news from the city", "About", "Contact"},
	},
}

var metadataCases = []pageCase{
	{
		file: "meta-jsonld.html",
		url:  "https://plainsgazette.example/farming/drought-barley/",
		meta: metaWant{Title: "Farmers turn to drought-tolerant barley",
			Standfirst: "A variety bred from a landrace collected in the 1950s",
			Authors:    []string{"Marta Kowalczyk", "Femi Adeyemi"},
			Published:  "2026-06-02T03:00:00Z", Updated: "2026-06-03T10:15:00Z",
			Language: "en", SiteName: "Plains Gazette",
			CanonicalURL: "https://plainsgazette.example/farming/drought-barley/",
			LeadImage:    "https://plainsgazette.example/media/barley-field.jpg"},
		lines: []string{"A barley variety bred from seed collected on the high plains", "Maltsters take notice"},
	},
	{
		file: "meta-opengraph.html",
		url:  "https://coastline.example/2026/12/winter-swimmers-hut/",
		meta: metaWant{Title: "Winter swimmers raise funds for a heated changing hut",
			Standfirst: "The harbour swimming club has raised enough",
			Authors:    []string{"Elodie Brennan"},
			Published:  "2026-12-01T08:30:00Z", Updated: "2026-12-01T10:00:00Z",
			Language: "en", SiteName: "Coastline Weekly",
			CanonicalURL: "https://coastline.example/2026/12/winter-swimmers-hut/",
			LeadImage:    "https://coastline.example/images/swimmers-hut.jpg"},
		lines: []string{"Members of the harbour swimming club", "The club's secretary said the old shed"},
	},
	{
		file: "meta-microdata.html",
		url:  "https://faroserrano.example/cultura/biblioteca-movil",
		meta: metaWant{Title: "La biblioteca móvil llega a los pueblos de la sierra",
			Standfirst: "Un autobús con cuatro mil libros",
			Authors:    []string{"Lucía Barrientos"},
			Published:  "2026-04-23T08:00:00Z", Language: "es"},
		lines: []string{"Un antiguo autobús escolar, reformado con estanterías", "Una idea que vuelve",
			"No es la primera vez que la sierra tiene biblioteca sobre ruedas."},
		absent: []string{"© El Faro Serrano"},
	},
	{
		file: "meta-time.html",
		url:  "https://riverinarecord.example/news/boardwalk-reopens",
		meta: metaWant{Title: "Wetland boardwalk reopens after flood repairs",
			Authors:   []string{"Josh Tamihana"},
			Published: "2026-01-14T22:00:00Z", Updated: "2026-01-16T03:30:00Z", Language: "en"},
		lines: []string{"The boardwalk through the town's wetland reserve reopened", "A ranger-led walk will be held"},
	},
	{
		file: "caption-credit.html",
		url:  "https://shorelines.example/news/keepers-cottages",
		meta: metaWant{Title: "Lighthouse keepers' cottages to become a field centre",
			LeadImage:   "https://shorelines.example/img/cottages-wide.jpg",
			LeadCaption: "The three keepers' cottages have stood empty",
			LeadCredit:  "Saoirse Delaney"},
		lines: []string{"The three cottages built for the keepers of the headland lighthouse",
			"The conversion will be paid for by a heritage grant"},
		elems: []elemWant{
			{"figcaption", "Kittiwakes nesting on the cliffs below the lighthouse."},
			{"figure", "Credit: Field Studies Trust"},
			{"figcaption", "Pupils from a local primary school on a trial visit to the rock pools in May."},
			{"figure", "Ruairi Quinn"},
		},
		credits: map[string]string{"Field Studies Trust": "Kittiwakes nesting on the cliffs"},
	},
	{
		file: "footnotes.html",
		url:  "https://ledgerreview.example/essays/bridge-tolls",
		meta: metaWant{Title: "How the bridge tolls were set, in three documents"},
		lines: []string{"When the estuary bridge opened in 1994", "The third document",
			"The authority has agreed to publish its full maintenance budget"},
		elems: []elemWant{
			{"li", "The documents were released in March after an appeal"},
			{"li", "The bank's letter is dated 11 February 1992"},
			{"li", "The campaign group Free the Bridge"},
			{"table", "310 million"}, {"th", "Loan outstanding"}, {"caption", "Car toll and outstanding loan"},
			{"pre", "toll = base_toll * (1 + rpi_change) + maintenance_levy"},
		},
		absent: []string{"reader funded"},
	},
	{
		// Every kind of structure the body keeps, nested.
		file: "structure-rich.html",
		url:  "https://opencitynotes.example/guides/flood-sensors",
		meta: metaWant{Title: "How the city's flood sensors report the river level, step by step"},
		lines: []string{
			"Since last winter, forty sensors bolted under the city's bridges",
			"What each sensor measures",
			"Calibration",
			"Lower a weighted tape from the bridge deck to the riverbed.",
			"Read the tape at the sensor's mounting bracket.",
			"When the riverbed moves",
			"From sensor to map",
			"Readings that jump more than half a metre",
			"If the second reading agrees, both are published.",
			"Sensors that miss three readings in a row",
			"The published feed is a plain list of records.",
			"Anyone can use the feed.",
		},
		elems: []elemWant{
			{"h2", "What each sensor measures"}, {"h3", "Calibration"}, {"h4", "When the riverbed moves"},
			{"ol", "Enter the figure in the sensor's configuration."},
			{"pre", `"sensor": "bridge-07"`}, {"caption", "Warning levels at the town bridge"},
			{"th", "Meaning"}, {"td", "Property flooding possible"},
			{"dt", "Suspect reading"}, {"dd", "A receiver that passes radio messages on to the internet."},
			{"blockquote", "Farida Osei, the council's flood engineer"},
			{"figcaption", "A sensor under the town bridge, fitted in November."},
		},
		credits: map[string]string{"Photo: Open City Notes": "A sensor under the town bridge"},
		absent:  []string{"How the city's flood sensors report the river level, step by step", "Open City Notes is written by volunteers"},
	},
}

// TestBoilerplate checks, page by page, that the article survives whole and
// each piece of furniture around it is gone.
func TestBoilerplate(t *testing.T) {
	runPageCases(t, boilerplateCases)
}

// TestPageMetadata checks metadata read from JSON-LD, OpenGraph, microdata,
// meta tags and <time>, and the lead image with its credit split off.
func TestPageMetadata(t *testing.T) {
	runPageCases(t, metadataCases)
}

func runPageCases(t *testing.T, cases []pageCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(strings.TrimSuffix(tc.file, ".html"), func(t *testing.T) {
			checkPage(t, tc, extractFile(t, tc.file, tc.url))
		})
	}
}

// checkPage checks one extracted page against what its case asks.
func checkPage(t *testing.T, tc pageCase, art news.Article) {
	t.Helper()
	checkSafe(t, art.BodyHTML)
	checkMeta(t, tc.meta, art)
	checkLines(t, art.BodyText, tc.lines)
	body := parseBody(t, art.BodyHTML)
	for _, w := range tc.elems {
		if !hasElem(body, w.tag, w.text) {
			t.Errorf("BodyHTML has no <%s> containing %q", w.tag, w.text)
		}
	}
	for credit, caption := range tc.credits {
		checkCredit(t, body, credit, caption)
	}
	for _, s := range tc.once {
		if n := strings.Count(art.BodyText, s); n != 1 {
			t.Errorf("BodyText has %q %d times, want once", s, n)
		}
	}
	rawHTML := html.UnescapeString(art.BodyHTML)
	for _, s := range tc.absent {
		if strings.Contains(art.BodyText, s) {
			t.Errorf("BodyText keeps boilerplate %q", s)
		}
		if strings.Contains(rawHTML, s) {
			t.Errorf("BodyHTML keeps boilerplate %q", s)
		}
	}
	if t.Failed() {
		t.Logf("BodyText:\n%s", art.BodyText)
	}
}

// TestPageBodyText checks the plain-text form: paragraphs split by
// one blank line, nothing before the first.
func TestPageBodyText(t *testing.T) {
	art := extractFile(t, "nav-header-footer.html", "https://harbourtimes.example/news/ferry")
	want := "The harbour council voted seven to two on Thursday evening to adopt a winter ferry timetable " +
		"that puts a boat on the water every forty minutes between the old pier and the island terminal, " +
		"ending two years of irregular crossings that islanders said had cut them off from work and school." +
		"\n\nThe new schedule starts on the first Monday of December."
	if !strings.HasPrefix(art.BodyText, want) {
		t.Errorf("BodyText starts\n%q\nwant\n%q", head(art.BodyText, len(want)+40), want)
	}
}

// TestPageNesting checks structure that text matching cannot see: an
// ordered list's start, a list nested in a list item, and code whose line
// breaks survive in both forms.
func TestPageNesting(t *testing.T) {
	art := extractFile(t, "structure-rich.html", "https://opencitynotes.example/guides/flood-sensors")
	body := parseBody(t, art.BodyHTML)
	var olStart string
	var nested bool
	eachNode(body, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n.Data == "ol" && strings.Contains(nodeText(n), "Lower a weighted tape") {
			olStart = attrOf(n, "start")
		}
		if n.Data == "ul" && n.Parent != nil && n.Parent.Data == "li" && strings.Contains(nodeText(n), "If the second reading agrees") {
			nested = true
		}
	})
	if olStart != "3" {
		t.Errorf(`<ol> start = %q, want "3"`, olStart)
	}
	if !nested {
		t.Errorf("the nested list is no longer inside its list item:\n%s", art.BodyHTML)
	}
	code := "{\n  \"sensor\": \"bridge-07\",\n  \"time\": \"2026-01-12T06:05:00Z\",\n  \"level_m\": 2.41\n}"
	if !strings.Contains(art.BodyText, code) {
		t.Errorf("BodyText lost the code block's lines; want\n%s\nin\n%s", code, art.BodyText)
	}
	if !strings.Contains(html.UnescapeString(art.BodyHTML), code) {
		t.Errorf("BodyHTML lost the code block's lines")
	}
}

// TestPageLazyImages checks that lazy-loading markup resolves to the real
// image: data-src, data-srcset, a <noscript> copy, and srcset alone.
func TestPageLazyImages(t *testing.T) {
	art := extractFile(t, "lazy-images.html", "https://heritage.example/2026/ceiling/")
	checkSafe(t, art.BodyHTML)
	body := parseBody(t, art.BodyHTML)
	srcs := imageURLs(body)
	for _, want := range []string{
		"https://heritage.example/media/ceiling-overview.jpg",
		"https://heritage.example/media/ceiling-ship-",
		"https://heritage.example/media/ceiling-map.jpg",
		"https://heritage.example/media/ceiling-whale-",
	} {
		if !anyHasPrefix(srcs, want) {
			t.Errorf("no <img> src starts with %q; have %q", want, srcs)
		}
	}
	for _, s := range srcs {
		if strings.HasPrefix(s, "data:image/gif") || strings.Contains(s, "placeholder") {
			t.Errorf("placeholder image kept as src: %q", s)
		}
	}
	for _, c := range []string{"The long room's ceiling after the first stage of cleaning.",
		"A three-masted ship in the north-east corner of the ceiling.",
		"The map of the estuary at the centre of the ceiling.",
		"A whale, one of several sea creatures painted around the edge."} {
		if !hasElem(body, "figcaption", c) {
			t.Errorf("caption %q lost", c)
		}
	}
}

// TestPageRelativeURLs checks that every link and image is made absolute
// against the page URL, whatever form the relative reference takes.
func TestPageRelativeURLs(t *testing.T) {
	art := extractFile(t, "relative-urls.html", "https://greenway.example/news/2026/allotments/list.html")
	checkSafe(t, art.BodyHTML)
	body := parseBody(t, art.BodyHTML)
	got := map[string]bool{}
	eachNode(body, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" {
				got[a.Val] = true
				if !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
					t.Errorf("<%s %s=%q> is not absolute", n.Data, a.Key, a.Val)
				}
			}
		}
	})
	for _, want := range []string{
		"https://greenway.example/places/gasworks",
		"https://greenway.example/news/2026/reports/allotments-2026.pdf",
		"https://greenway.example/news/2026/allotments/images/new-site.jpg",
		"https://cdn.greenway.example/docs/plot-rules.html",
		"https://greenway.example/news/2026/allotments/list.html?page=2#comments",
	} {
		if !got[want] {
			t.Errorf("BodyHTML has no link or image %q", want)
		}
	}
}

// TestPageFootnotes checks that footnote references and back-links still point
// at elements that exist in the body.
func TestPageFootnotes(t *testing.T) {
	art := extractFile(t, "footnotes.html", "https://ledgerreview.example/essays/bridge-tolls")
	checkInPageLinks(t, art.BodyHTML, 6) // 3 footnote references and 3 back-links
}

// checkInPageLinks fails unless bodyHTML has at least min links into the
// page, each relative (#id) and each pointing at an id the body keeps.
func checkInPageLinks(t *testing.T, bodyHTML string, min int) {
	t.Helper()
	body := parseBody(t, bodyHTML)
	ids := map[string]bool{}
	var frags []string
	eachNode(body, func(n *html.Node) {
		if id := attrOf(n, "id"); id != "" {
			ids[id] = true
		}
		if href := attrOf(n, "href"); strings.Contains(href, "#") {
			// A link into the same article must stay in-page once the
			// article is served from another address.
			if !strings.HasPrefix(href, "#") {
				t.Errorf("in-page link %q points at the original page; want %q", href, href[strings.Index(href, "#"):])
			}
			frags = append(frags, href[strings.Index(href, "#")+1:])
		}
	})
	if len(frags) < min {
		t.Fatalf("want %d in-page links, found %d: %q\n%s", min, len(frags), frags, bodyHTML)
	}
	for _, f := range frags {
		if !ids[f] {
			t.Errorf("link to #%s has no target in BodyHTML", f)
		}
	}
}

// TestPageHostileHTML checks the sanitizer: scripts, handlers, javascript: and
// data: links, unknown iframes, plugins and forms go; text, allowed video
// embeds and data: images stay.
func TestPageHostileHTML(t *testing.T) {
	art := extractFile(t, "hostile.html", "https://wavelength.example/news/fm-licence")
	checkSafe(t, art.BodyHTML)
	lower := strings.ToLower(art.BodyHTML)
	for _, bad := range []string{"<script", "<style", "onclick", "onerror", "onload", "onmouseover",
		"javascript:", "data:text", "evil.example", "<object", "<embed", "<form", "<input",
		"position:fixed", "alert("} {
		if strings.Contains(lower, bad) {
			t.Errorf("BodyHTML contains %q", bad)
		}
	}
	for _, bad := range []string{"alert(", "document.cookie", "injected by script", "display: none", "Log in to keep reading"} {
		if strings.Contains(art.BodyText, bad) {
			t.Errorf("BodyText contains %q", bad)
		}
	}
	checkLines(t, art.BodyText, []string{
		"A community radio station run by volunteers",
		"The station, which broadcasts in six languages",
		"Its founders say the licence will let them reach older listeners",
		"Volunteers are needed to present overnight programmes.",
		"The licence was one of four community licences",
	})
	body := parseBody(t, art.BodyHTML)
	var iframes []string
	eachNode(body, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "iframe" {
			iframes = append(iframes, attrOf(n, "src"))
		}
	})
	if diff := cmp.Diff([]string{"https://www.youtube.com/embed/dQw4w9WgXcQ"}, iframes); diff != "" {
		t.Errorf("iframes (-want +got):\n%s", diff)
	}
	if !anyHasPrefix(imageURLs(body), "data:image/png;base64,") {
		t.Errorf("inline data: image dropped; images %q", imageURLs(body))
	}
	if !hasElem(body, "figcaption", "Presenters in the station's studio, a former bank vault.") {
		t.Errorf("figure caption lost")
	}
}

// extractFile runs FromHTML on a testdata page and fails on error.
func extractFile(t *testing.T, name, pageURL string) news.Article {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	art, err := FromHTML(page, pageURL)
	if err != nil {
		t.Fatalf("FromHTML(%s): %v", name, err)
	}
	return art
}

// checkSafe fails on anything in body HTML that the sanitizer must remove.
func checkSafe(t *testing.T, bodyHTML string) {
	t.Helper()
	if msg := unsafeHTML(bodyHTML); msg != "" {
		t.Errorf("BodyHTML is not sanitized: %s", msg)
	}
}

// checkMeta compares the metadata fields that want sets.
func checkMeta(t *testing.T, want metaWant, art news.Article) {
	t.Helper()
	if want.Title != "" && art.Title != want.Title {
		t.Errorf("Title = %q, want %q", art.Title, want.Title)
	}
	if want.Standfirst != "" && !strings.Contains(art.Standfirst, want.Standfirst) {
		t.Errorf("Standfirst = %q, want it to contain %q", art.Standfirst, want.Standfirst)
	}
	if want.Authors != nil {
		var got []string
		for _, a := range art.Authors {
			got = append(got, a.Name)
		}
		if diff := cmp.Diff(want.Authors, got); diff != "" {
			t.Errorf("Authors (-want +got):\n%s", diff)
		}
	}
	checkTime(t, "PublishedAt", want.Published, art.PublishedAt)
	checkTime(t, "UpdatedAt", want.Updated, art.UpdatedAt)
	if want.Language != "" {
		if got, _, _ := strings.Cut(strings.ToLower(art.Language), "-"); got != want.Language {
			t.Errorf("Language = %q, want %q", art.Language, want.Language)
		}
	}
	if want.SiteName != "" && art.SiteName != want.SiteName {
		t.Errorf("SiteName = %q, want %q", art.SiteName, want.SiteName)
	}
	if want.CanonicalURL != "" && art.CanonicalURL != want.CanonicalURL {
		t.Errorf("CanonicalURL = %q, want %q", art.CanonicalURL, want.CanonicalURL)
	}
	if want.LeadImage == "" {
		return
	}
	if art.LeadImage == nil {
		t.Errorf("LeadImage = nil, want %q", want.LeadImage)
		return
	}
	li := art.LeadImage
	if !strings.Contains(li.ImageURL, want.LeadImage) {
		t.Errorf("LeadImage.ImageURL = %q, want %q", li.ImageURL, want.LeadImage)
	}
	if want.LeadCaption != "" && !strings.Contains(li.Caption, want.LeadCaption) {
		t.Errorf("LeadImage.Caption = %q, want it to contain %q", li.Caption, want.LeadCaption)
	}
	if want.LeadCredit != "" {
		if !strings.Contains(li.Credit, want.LeadCredit) {
			t.Errorf("LeadImage.Credit = %q, want it to contain %q", li.Credit, want.LeadCredit)
		}
		if strings.Contains(li.Caption, want.LeadCredit) {
			t.Errorf("LeadImage.Caption = %q still holds the credit %q", li.Caption, want.LeadCredit)
		}
	}
}

func checkTime(t *testing.T, field, want string, got time.Time) {
	t.Helper()
	if want == "" {
		return
	}
	w, err := time.Parse(time.RFC3339, want)
	if err != nil {
		t.Fatalf("bad test time %q: %v", want, err)
	}
	if !got.Equal(w) {
		t.Errorf("%s = %v, want %v", field, got, w.UTC())
	}
}

// checkLines fails for each prefix that does not start a line of text, and
// for consecutive prefixes not in order or not a blank line apart: every
// block is its own paragraph of the plain text.
func checkLines(t *testing.T, text string, prefixes []string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	last := -1 // byte offset in text of the previous prefix found
	for _, p := range prefixes {
		if !anyHasPrefix(lines, p) {
			if strings.Contains(text, p) {
				t.Errorf("BodyText has %q, but not at the start of its own line", p)
			} else {
				t.Errorf("BodyText lost %q", p)
			}
			last = -1
			continue
		}
		at := lineStart(text, p)
		switch {
		case last >= 0 && at < last:
			t.Errorf("BodyText has %q before the block that precedes it on the page", p)
		case last >= 0 && !strings.Contains(text[last:at], "\n\n"):
			t.Errorf("BodyText has no blank line before %q: blocks must be paragraphs of their own", p)
		}
		last = at
	}
}

// lineStart returns the offset in text of the first line that starts with
// prefix (after leading spaces), or -1.
func lineStart(text, prefix string) int {
	off := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return off
		}
		off += len(l)
	}
	return -1
}

// checkCredit checks that credit is kept inside a figure that also holds
// caption, in an element of its own that does not also hold the caption.
func checkCredit(t *testing.T, body *html.Node, credit, caption string) {
	t.Helper()
	var fig *html.Node
	eachNode(body, func(n *html.Node) {
		if fig == nil && n.Type == html.ElementNode && n.Data == "figure" {
			txt := nodeText(n)
			if strings.Contains(txt, credit) && strings.Contains(txt, caption) {
				fig = n
			}
		}
	})
	if fig == nil {
		t.Errorf("no <figure> holds both caption %q and credit %q", caption, credit)
		return
	}
	// The innermost element holding the credit must not hold the caption.
	var inner *html.Node
	eachNode(fig, func(n *html.Node) {
		if n.Type == html.ElementNode && strings.Contains(nodeText(n), credit) {
			inner = n // walk is pre-order, so the last match is innermost
		}
	})
	if strings.Contains(nodeText(inner), caption) {
		t.Errorf("credit %q is not split from caption %q: innermost element <%s> holds both", credit, caption, inner.Data)
	}
}

// parseBody parses BodyHTML as a fragment under a <div>.
func parseBody(t *testing.T, bodyHTML string) *html.Node {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(bodyHTML), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("BodyHTML does not parse: %v", err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// eachNode calls fn on n and every node below it, in document order.
func eachNode(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		eachNode(c, fn)
	}
}

// nodeText is the whitespace-collapsed text below n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	eachNode(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// hasElem reports whether some <tag> below root has text containing text.
func hasElem(root *html.Node, tag, text string) bool {
	found := false
	eachNode(root, func(n *html.Node) {
		if !found && n.Type == html.ElementNode && n.Data == tag && strings.Contains(nodeText(n), text) {
			found = true
		}
	})
	return found
}

// imageURLs lists the src (or, lacking one, the first srcset URL) of every
// <img> below root.
func imageURLs(root *html.Node) []string {
	var out []string
	eachNode(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "img" {
			return
		}
		if s := attrOf(n, "src"); s != "" {
			out = append(out, s)
		} else if f := strings.Fields(attrOf(n, "srcset")); len(f) > 0 {
			out = append(out, f[0])
		}
	})
	return out
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func anyHasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
