package extract

import "testing"

// densityCases are a fourth round of invented pages, written like
// templateCases before any rule was run on them. Each puts the article
// where names and tags say little and the text around it outweighs it:
// paragraphs without <p>, a layout table full of summaries, a brief
// smaller than its furniture, reader replies longer than the story and
// never called comments, a gallery that is mostly captions, a data story
// with a table, a timeline and a methodology note.
var densityCases = []pageCase{
	{
		// A script-rendered news site: every class a hash, the body a run
		// of divs of bare text (two of them split by <br><br>), subheads as
		// plain divs, a "Most popular" rail set inside the body, and the
		// body again as JSON in __NEXT_DATA__.
		file: "density-nextjs.html",
		url:  "https://civicpost.example/climate/2026/11/24/larch-terrace-heat-pumps",
		meta: metaWant{Title: "The street where every house swapped its boiler for a heat pump",
			SiteName: "The Civic Post", Authors: []string{"Hattie Okonjo"}, Published: "2026-11-24T06:00:00Z",
			Language: "en", CanonicalURL: "https://civicpost.example/climate/2026/11/24/larch-terrace-heat-pumps"},
		// The dek tells the description, and the lede does not tell it
		// again, so it stays as the article's first paragraph (step 6).
		lines: []string{
			"Forty-two homes on Larch Terrace replaced their gas boilers in one summer.",
			"Outdoor units now sit behind every house on Larch Terrace.",
			"When the first lorry full of outdoor units turned into Larch Terrace",
			"Over the following fourteen weeks, every one of the forty-two houses",
			"A year on, the residents have been through a full winter",
			"The bills",
			"Most households say their energy bills have fallen",
			"The difference, the association's chair Malik Hussain said",
			"The noise and the space",
			"Inside, the hot water cylinders that heat pumps need",
			"What the council learned",
			"Three more streets in the same ward have applied to be next.",
		},
		// The JSON copy of the body must not be added to the page's own.
		once: []string{"When the first lorry full of outdoor units", "Three more streets in the same ward"},
		absent: []string{"Sign in", "Subscribe from", "Climate", "By Hattie Okonjo", "Tue 24 Nov 2026",
			"Most popular", "Ring road to close", "Rents rise fastest", "Late equaliser", "Free school meals",
			"Share", "Topics", "More from Climate", "Solar farm on old airfield", "About us", "Privacy policy",
			"All rights reserved", "buildId", "__N_SSG", "mostPopular"},
	},
	{
		// An old regional CMS: a layout table with a menu and ad column on
		// the left and a long "Other news" column of headlines with
		// one-sentence summaries on the right; the story is text set
		// straight in one div, paragraphs parted by <br><br>, subheads in
		// <b>; the headline is a span, the photo an <img> with a caption
		// span under it, outside the story's div.
		file: "density-regional-table.html",
		url:  "http://valleyecho.example/story.php?id=20446",
		// The <title> puts the site's two-word name before the headline,
		// which the page shows in a span, not an <h1>.
		meta: metaWant{Title: "Millbrook flood wall finished, two years late"},
		lines: []string{
			"The new wall along Riverside Walk, seen from the footbridge.",
			"THE flood wall along the river Aske at Millbrook is finally finished",
			"The Environment Agency handed the wall over to the council",
			"Delays and cost",
			"Work started in the spring of 2023",
			"Gordon Threlfall, who chairs the Millbrook flood action group",
			"Insurance",
			"Residents hope the wall will bring down the cost of home insurance",
			"What happens next",
			"A second phase, to protect the houses upstream at Askeby Bridge",
		},
		absent: []string{"Family Notices", "SECTIONS", "Upper Dale", "Dale Motors", "WEATHER", "showers, 9",
			"Home >", "Posted: Thursday", "Print this story", "Email to a friend", "Published by the Valley Echo",
			"OTHER NEWS", "Askeby post office to close", "The last post office in Askeby", "Dale bus service saved",
			"slurry", "Christmas lights", "St Cuthbert's", "old dairy", "Cricket Club", "Library opening hours",
			"funeral directors", "All material is copyright", "Advertise with us", "UA-1234567"},
	},
	{
		// A news brief: two short paragraphs (about 80 words) and a
		// photo, while the related stories (each a headline and a
		// 25-word summary), the latest news and a footer of prose hold
		// several times as much text.
		file: "density-brief.html",
		url:  "https://peaklandtoday.example/news/2026/04/18/hollins-cross-fire/",
		meta: metaWant{Title: "Fire crews tackle moorland blaze near Hollins Cross", Authors: []string{"Ellis Mayhew"},
			Published: "2026-04-18T07:40:00+01:00", SiteName: "Peakland Today", LeadImage: "hollins-fire",
			LeadCaption: "Smoke over the moor above Hollins Cross", LeadCredit: "Picture: Rhian Cole"},
		lines: []string{
			"Smoke over the moor above Hollins Cross on Friday evening.",
			"Firefighters spent the night tackling a moorland fire near Hollins Cross",
			"Six crews and a landowner's water bowser were still on the moor",
		},
		absent: []string{"Announcements", "By Ellis Mayhew", "18 April 2026, 7:40am", "Facebook", "Email",
			"Related stories", "Landowners told to stop burning", "New rules mean estates", "four rangers",
			"Driest spring", "Water levels at the three valley reservoirs", "Mountain rescue", "Latest news",
			"Market traders", "2 hours ago", "Snake Pass", "Cycle race", "is the independent news website",
			"Useful links", "Send us your news", "Got a story", "Registered in England", "editors' code"},
	},
	{
		// A story under a reader discussion longer than itself, named
		// "discussion", "thread", "reply" and "post-item", never
		// "comment": avatars, names, times, paragraphs of prose, "Reply ·
		// Like" links, a "42 replies" heading and a "show more" link.
		file: "density-reader-thread.html",
		url:  "https://westvalecourier.example/education/homework-dropped-primary-schools",
		meta: metaWant{Title: "Primary schools in Westvale to drop homework for under-elevens",
			Authors: []string{"Dana Whitcombe"}, Published: "2026-10-08T11:15:00-05:00", SiteName: "Westvale Courier",
			CanonicalURL: "https://westvalecourier.example/education/homework-dropped-primary-schools"},
		lines: []string{
			"Eleven primary schools in Westvale will stop setting homework",
			"What parents said",
			"But a substantial minority wanted homework to stay.",
			"Teachers' workload",
			"Lewis Adebayo, who teaches a class of nine-year-olds",
			"Secondary schools unconvinced",
			"The trust plans to review the policy after two years",
		},
		elems: []elemWant{{"h2", "What parents said"}, {"h2", "Secondary schools unconvinced"}},
		absent: []string{"Log in", "By Dana Whitcombe", "Jump to replies", "Share", "Print", "42 replies",
			"Sort by", "Newest", "Carol Brennan", "As a parent of three", "Martin Oyelaran",
			"not every child has a parent", "Teacher of twenty years", "marked thousands", "Ruth Abernethy",
			"did us no harm", "Sam Ketteridge", "Did you read the article", "Priyanka Dales", "homework club",
			"no reading log", "hours ago", "minutes ago", "Reply", "Like", "Show 36 more", "Trending",
			"Leisure centre pool", "Foundry Street", "Ethics policy"},
	},
	{
		// A photo gallery: a 60-word intro, then twelve figures, each a
		// caption and a credit, between "Previous / Next" buttons and a
		// slide counter; a share row and a grid of other galleries
		// follow.
		file: "density-gallery.html",
		url:  "https://wealdenmercury.example/pictures/2026/09/hop-harvest",
		meta: metaWant{Title: "In pictures: the last week of the hop harvest", Authors: []string{"Lydia Farrant"},
			Published: "2026-09-21T08:00:00+01:00", SiteName: "Wealden Mercury", LeadImage: "hops-01-1200.jpg"},
		// Every caption is the article: a gallery tells its story there.
		lines: []string{
			"For three weeks every September the hop gardens at Ashdown Farm",
			"Mist lifts off the hop garden at half past six",
			"Tom Ellery drives the cutting trailer",
			"Each bine grows to more than five metres",
			"In the picking shed, the bines are hung on hooks",
			"Marta Nowak has worked on the sorting belt",
			"A handful of Fuggle cones",
			"Green hops are hauled up to the drying floor",
			"Kiln man Derek Amos checks the temperature",
			"Dried hops are raked off the kiln",
			"The press packs the cooled hops into pockets",
			"Lunch on the bales.",
			"The last row cut, the wirework stands empty",
		},
		elems:   []elemWant{{"figcaption", "The last row cut"}, {"figcaption", "Marta Nowak"}},
		credits: map[string]string{"Lydia Farrant/Wealden Mercury": "Mist lifts off the hop garden"},
		absent: []string{"Pictures", "Photographs by", "Previous", "Next", "1 / 12", "Share this gallery", "Facebook",
			"WhatsApp", "More galleries", "Ploughing match", "Steam rally", "county show", "Cricket week",
			"The Old Bank", "Cookie settings"},
	},
	{
		// A data story: an intro, a dated timeline as a list, a table
		// with its <caption> and a "Source:" note under it (the note is
		// the article's), a chart embedded from an unknown host with a
		// link to open it, and a "Methodology" section at the end; a
		// donation box, more data stories and a newsletter box around.
		file: "density-data-story.html",
		url:  "https://northgateobserver.example/data/2026/06/02/brackley-buses",
		meta: metaWant{Title: "Twenty years of cuts: how Brackley's bus network shrank",
			Authors: []string{"Femi Castell", "Alice Brandt"}, Published: "2026-06-02T05:00:00Z",
			Updated: "2026-06-02T09:30:00Z", SiteName: "The Northgate Observer"},
		// The chart's frame goes (unknown host), and so does the link to
		// open it: it is the embed's own control, set in the embed's
		// wrapper, and a short div of nothing but a link is furniture
		// wherever it stands (first written as kept; see the report).
		lines: []string{
			"In 2006, a resident of Brackley could catch a bus",
			"How it happened",
			"September 2006: The network peaks at 31 routes",
			"October 2017: The 22 to Castle Ashby is withdrawn",
			"January 2026: The network stands at 14 routes",
			"The steepest single fall came after 2010",
			"Who lost out",
			"Source: county council bus timetables and operator returns",
			"Passenger numbers fell much less than the number of journeys",
			"The pandemic broke that pattern.",
			"The county council said it had protected as many routes",
			"Methodology",
			"We counted a route as any service with a published number",
		},
		elems: []elemWant{{"caption", "Routes, journeys and passengers in Brackley"}, {"td", "3.9 million"},
			{"th", "Weekly journeys"}, {"li", "March 2020:"}, {"h2", "Methodology"}, {"h2", "Who lost out"}},
		absent: []string{"Donate", "By Femi Castell", "Updated 9:30am", "charts.vizhost.example/embed", "Open the interactive chart",
			"Independent journalism needs you", "Investigations like this", "Also on the data desk",
			"Pothole complaints", "GP, surgery by surgery", "Newsletter", "The week's data stories", "Sign up",
			"not-for-profit newsroom", "Registered charity", "Corrections"},
	},
}

// TestDensityPages checks the fourth round of invented pages.
func TestDensityPages(t *testing.T) {
	runPageCases(t, densityCases)
}
