package extract

import "testing"

// stackCases are the second round of template pages (testdata/stack-*.html):
// five more publishing stacks, written around invented articles before any
// rule was tuned on them, with patterns the cms-*.html pages do not hold
// (ad labels between sibling paragraphs, screen-reader labels in captions,
// reader-support appeals after the body, line-numbered code, site builders
// with no article element). Each expectation says what a reader sees as the
// article and what is furniture.
var stackCases = []pageCase{
	{
		// A big newspaper on a React publishing stack: the body is sibling
		// <p data-testid="paragraph"> split by ad slots labelled "Story
		// continues below advertisement", an inline "READ MORE:" line and a
		// "Related coverage" list inside it, a captioned photo gallery
		// with "(Photo: X / Agency)" credits, a sticky share rail, a
		// paywall prompt, tags and a "Most read" rail.
		file: "stack-arc-newspaper.html",
		url:  "https://prairiestandard.example/news/local/2026/11/18/calder-falls-lead-water-lines-2030/",
		meta: metaWant{Title: "Calder Falls will replace every lead water line by 2030", Authors: []string{"Harriet Okafor"},
			Published: "2026-11-18T11:00:00-06:00", SiteName: "The Prairie Standard",
			CanonicalURL: "https://prairiestandard.example/news/local/2026/11/18/calder-falls-lead-water-lines-2030/",
			LeadImage:    "X7KQ2LEADPIPES.jpg", LeadCaption: "A crew lifts a section of lead service line",
			LeadCredit: "Photo: Dana Whitfield / The Prairie Standard"},
		// The dek tells the description: it opens the article, as on the
		// other pages whose standfirst sits in the header.
		lines: []string{
			"A provincial grant covers two thirds of the cost",
			"A crew lifts a section of lead service line",
			"Every lead pipe still carrying drinking water",
			"The vote, eleven to one,",
			"About 4,300 homes",
			"\"People were being asked to choose",
			"Under the plan, crews will work",
			"The city will replace the whole line",
			"The lone vote against came from",
			"City engineer Paulo Ferreira",
			"Crews dig a narrow trench",
			"An old lead line, left,",
			"Nora Beaulieu watches the work",
			"Lead was used for service lines",
			"Nora Beaulieu, whose line on Birch Street",
			"The city says homeowners",
			"Residents can check whether their address",
		},
		credits: map[string]string{"Photo: Marcus Lee / Canadian Press": "An old lead line, left, beside the copper pipe"},
		absent: []string{"Skip to main content", "Subscribe for $1", "Sign in", "Advertisement", "Story continues below",
			"Facebook", "Copy link", "Gift this article", "46 comments", "Local News", "Staff reporter",
			"Published Nov. 18", "READ MORE", "Lead found above guideline", "Related coverage", "Water rates to rise",
			"Province opens $400M fund", "Editorial: The lead pipes", "1 of 3", "Previous", "You've read 3",
			"Subscribe now", "Already a subscriber", "unlimited access", "Infrastructure", "Most read",
			"Snow route parking ban", "perogies", "About us", "Privacy policy", "All rights reserved", "Plainsview"},
	},
	{
		// A public broadcaster: every block a data-component (text-block,
		// image-block, subheadline-block, video-block, links-block,
		// topic-list) under hashed class names; captions and the image
		// credit open with screen-reader labels ("Image caption, "), and
		// the video has a "Media caption"; "More on this story", "Related
		// Topics" and a top-stories column follow.
		file: "stack-broadcaster.html",
		url:  "https://www.wbs.example/news/articles/c4n8x2e7lpzo",
		meta: metaWant{Title: "Clifftop homes to be taken down as sea edges closer", Authors: []string{"Tomasz Reid"},
			Published: "2026-11-19T06:12:44Z", SiteName: "WBS News", LeadImage: "_131872_saltby-cliff.jpg",
			LeadCaption: "The garden of the nearest bungalow", LeadCredit: "Coastline Images"},
		lines: []string{
			"The garden of the nearest bungalow now ends six metres",
			"Five clifftop homes in Saltby are to be demolished",
			"The bungalows on Marine Crescent",
			"Residents moved out in October",
			"Jean Harker, who lived at number 14",
			"Why now?",
			"This stretch of coast has been retreating",
			"Dr Anil Mehta, a coastal geomorphologist",
			"\"The clay here doesn't erode",
			"What happens to the residents?",
			"Homeowners whose property is lost",
			"Three of the five households",
			"Councillor Rachel Dunmore",
			"A spokesperson for the Department for Environment",
			"The shoreline management plan",
			"Another 23 homes further along",
		},
		elems:   []elemWant{{"h2", "Why now?"}, {"h2", "What happens to the residents?"}},
		credits: map[string]string{"Coastline Images": "The garden of the nearest bungalow"},
		// The screen-reader labels are read aloud, not shown: they are
		// not part of the caption a reader sees.
		absent: []string{"Skip to content", "Your account", "Share", "Save", "WBS News, North Coast", "Image source",
			"Image caption", "Media caption", "Play video", "Duration", "1:48", "More on this story",
			"Families told to leave", "Footpath closed", "Published 4 October", "Related Topics", "Coastal erosion",
			"Climate change", "Top stories", "rail fare freeze", "2,311 viewing", "herring smokehouse",
			"Terms of Use", "external linking"},
	},
	{
		// A national daily's own renderer: data-gu-name blocks, the
		// standfirst (with a related link under it) above the lead picture,
		// a "Related:" rich link and a pull quote as asides in the body,
		// a reader-support appeal after the body, topic tags, a comment
		// count, "Most viewed" and closed comments.
		file: "stack-guardian.html",
		url:  "https://www.themeridian.example/society/2026/nov/20/tower-block-tenants-broken-lifts-survey",
		meta: metaWant{Title: "Tenants in tower blocks wait years for broken lifts to be fixed, survey finds",
			Authors: []string{"Ines Calloway"}, Published: "2026-11-20T07:00:12Z", Updated: "2026-11-20T10:14:51Z",
			Standfirst: "One in five residents of high-rise social housing", LeadImage: "0_0_4000_2400/master/4000.jpg",
			LeadCaption: "Residents of Carlow House", LeadCredit: "Photograph: Felix Amadi/The Meridian"},
		lines: []string{
			"One in five residents of high-rise social housing says",
			"Residents of Carlow House, where both lifts",
			"Tenants in tower blocks across England",
			"One in five said a lift in their building",
			"The survey, carried out for the tenants' campaign group",
			"Marguerite Osei, 74,",
			"\"You feel like a parcel",
			"Parts on order",
			"Residents said the most common explanation",
			"Dev Ramaswamy, who has maintained lifts",
			"The National Housing Federation",
			"The Local Government Association",
			"A legal duty",
			"Up Not Down wants a legal limit",
			"\"If the water was off",
			"A spokesperson for the housing ministry",
		},
		elems:   []elemWant{{"h2", "Parts on order"}, {"h2", "A legal duty"}},
		credits: map[string]string{"Photograph: Felix Amadi/The Meridian": "Residents of Carlow House"},
		// The pull quote repeats the body's sentence.
		once: []string{"nobody has come to collect"},
		absent: []string{"Skip to main content", "Sign in", "Support us", "Social housing repairs backlog",
			"Social affairs correspondent", "Fri 20 Nov 2026", "Share on Facebook", "287", "Related:",
			"I haven't left my flat", "Before you move on", "small favour", "billionaire owner",
			"Remind me in December", "payment methods", "Explore more on these topics", "Social housing",
			"Older people", "Reuse this content", "Most viewed", "Winter fuel payment", "Seven soups",
			"Comments (", "discussion is closed", "Complaints", "All rights reserved"},
	},
	{
		// A static-site engineering blog: sections, a highlighted shell
		// block, a Go block in a line-number table, steps, a results
		// table, footnotes with back-links, a "Posted in … tagged …" line,
		// "Edit this page", previous/next posts and a comments embed.
		file: "stack-hugo-blog.html",
		url:  "https://engineering.lattice.example/posts/ci-cache-restores/",
		meta: metaWant{Title: "How we cut cache restores in CI from four minutes to forty seconds",
			Authors: []string{"Mirela Voss"}, Published: "2026-10-07T09:00:00+02:00", Updated: "2026-10-09T14:20:00+02:00",
			CanonicalURL: "https://engineering.lattice.example/posts/ci-cache-restores/"},
		lines: []string{
			"For most of last year, every pull request",
			"This post describes how we found out",
			"What was in the cache",
			"Our pipeline saved one archive per branch",
			"The first thing we did was measure",
			"The answer was about 9 per cent",
			"Why the fallback made it worse",
			"The fallback to the main branch's archive",
			"The changes",
			"We made three changes",
			"The trimming step is the only part",
			"The build tool touches an entry's file",
			"Results",
			"We measured the restore step",
			"The weekly key costs one slow build",
			"What we would do differently",
			"We should have measured first.",
		},
		elems: []elemWant{
			{"h3", "Why the fallback made it worse"}, {"h2", "Results"},
			{"li", "the compiler's build cache, about 1.5 GB"},
			{"li", "Key the build cache on the week as well as the lock files"},
			{"pre", "find ~/.cache/build -type f -anewer /tmp/build-start"},
			{"pre", "func trimCache(dir string, start time.Time) error {"},
			{"th", "Median restore"}, {"td", "0 min 41 s"},
			{"li", "The numbers in this post come from our own runners"},
			{"li", "This holds for the toolchain version we use."},
		},
		// The line numbers beside the code are drawn by the highlighter,
		// not part of the program.
		absent: []string{"9 min read", "October 7, 2026", "Posted in", "tagged", "build-performance",
			"Edit this page", "Previous post", "Next post", "Quarantining flaky tests", "Postgres connection limits",
			"Disqus", "disqus", "enable JavaScript", "We're hiring", "Imprint", "Built with", "Lattice Systems GmbH",
			"1\n2\n3\n4\n5"},
	},
	{
		// A site builder's page used as an article: no <article> or
		// <main>, generated block ids, the text in three sibling html
		// blocks around an image block, a subscribe block with an email
		// field in a section of its own, and a footer of contact details.
		file: "stack-sitebuilder.html",
		url:  "https://www.hollowbrookpottery.example/the-old-kiln",
		meta: metaWant{Title: "Bringing the old kiln back to life", SiteName: "Hollowbrook Pottery",
			CanonicalURL: "https://www.hollowbrookpottery.example/the-old-kiln", LeadImage: "kiln-exterior.jpg"},
		lines: []string{
			"For sixty years the bottle kiln",
			"The kiln was built around 1880",
			"When we took on the buildings in 2019",
			"Two of the eight firemouths, with the iron doors",
			"Repairs",
			"The first job was to find out",
			"The bands were replaced by a local blacksmith",
			"We do not burn coal.",
			"The first firing",
			"We packed the kiln over three days",
			"About two thirds of the work came out well.",
			"If you would like to see the kiln",
		},
		elems: []elemWant{{"h3", "Repairs"}, {"h3", "The first firing"},
			{"figcaption", "Two of the eight firemouths"}},
		absent: []string{"Bringing the old kiln back to life", "Shop", "Classes", "Visit us", "Cart", "Subscribe",
			"Sign up with your email", "Email Address", "Sign Up", "We respect your privacy", "Mill Lane", "ST9 4QE",
			"Studio open", "hello@", "01782", "Instagram", "Hollowbrook Pottery"},
	},
}

// TestTemplateStacks runs the second round of template pages.
func TestTemplateStacks(t *testing.T) {
	runPageCases(t, stackCases)
}
