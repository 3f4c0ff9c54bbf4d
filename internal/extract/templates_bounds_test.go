package extract

import "testing"

// boundsCases are a fourth round of invented pages, written before any
// rule was tuned on them, about the article's bounds rather than its
// furniture: a second story appended below the first by infinite scroll,
// teasers that reuse the body's own class, a column whose second half a
// button reveals, a blog post outweighed by its comments, an Arabic page
// and an op-ed with its editor's lines and an author box. Each expectation
// says what a reader sees as the article.
var boundsCases = []pageCase{
	{
		// Infinite scroll: the next story is appended below as a second
		// <article> with the same classes, headline, byline, picture and a
		// body of the same length. Only the first is this page's article:
		// the title, canonical URL and metadata all name it.
		file: "bounds-infinite-scroll.html",
		url:  "https://eastbrookpost.example/news/2026/10/14/water-meters-every-home",
		meta: metaWant{Title: "Water meters for every home in Eastbrook by 2029, council says", Language: "en",
			Authors: []string{"Hannah Oduya"}, Published: "2026-10-14T06:30:00+01:00", SiteName: "The Eastbrook Post",
			Standfirst: "41,000 meters"},
		lines: []string{
			"An engineer checks a meter pit on Holloway Road",
			"Every home in Eastbrook will have a water meter by the spring of 2029",
			"Councillor Ruth Ambrose, who chairs the environment committee",
			"What households will pay",
			"Gareth Pell, who runs the Eastbrook Tenants' Forum",
			"Digging up the pavements",
			"In older terraces where the supply pipe is shared",
			"The plan still needs approval from the drinking water regulator",
		},
		elems:   []elemWant{{"h2", "What households will pay"}, {"h2", "Digging up the pavements"}},
		credits: map[string]string{"Photo: Dev Kaur": "An engineer checks a meter pit"},
		absent: []string{"Central library to open on Sundays", "Volunteers and two new part-time posts", "Tom Achebe",
			"closed on Sundays since 2011", "central library will open on Sundays", "Study space in demand",
			"Priya Nandakumar", "Friends of Eastbrook Library", "Events and opening hours", "corn exchange in 1868",
			"Next article", "Load next story", "Share on Facebook", "Copy link", "Skip to content", "Subscribe from",
			"Local Democracy Reporter", "Most read", "Bypass roundabout", "Registered in England", "Libraries"},
	},
	{
		// "More from this author" and "Recommended" teasers set as
		// siblings after the body, each in a div with the body's own
		// class: a linked headline and a summary of about forty words.
		file: "bounds-teaser-same-class.html",
		url:  "https://valleycourier.example/business/2026/05/dairy-robots",
		meta: metaWant{Title: "A county's last dairy farms bet on robots", Authors: []string{"Lena Whitcomb"},
			Published: "2026-05-08T08:00:00-05:00", SiteName: "The Valley Courier", Language: "en"},
		lines: []string{
			"At a quarter past four on a cold April morning",
			"Vossberg, 58, was in the kitchen drinking coffee.",
			"A loan and a gamble",
			"Labor is the reason all three farms gave.",
			"Not for every farm",
			"Extension agents at the state university",
			"For the Vossbergs, the change has meant more time at the computer",
		},
		elems: []elemWant{{"h2", "A loan and a gamble"}, {"h2", "Not for every farm"}},
		absent: []string{"More from Lena Whitcomb", "The grain elevator that became a climbing gym",
			"closed its elevator in Milford", "Seed library lends out", "heirloom", "Recommended",
			"Rural hospital reopens", "Harlan Memorial", "Why the school bus now leaves", "three hours a day on the bus",
			"Print", "Advertisement", "Partly cloudy", "Fair board", "Copyright", "210 Main St", "Farm Reporter"},
	},
	{
		// A column cut after three paragraphs by a "Continue reading"
		// button; the other eight wait in a sibling div set display:none,
		// which the button's script shows. A reader who presses it reads
		// the whole column, so all of it is the article.
		file: "bounds-continue-reading.html",
		url:  "https://coastlineweekly.example/columns/fiona-pratchett/suburban-footpath",
		meta: metaWant{Title: "In praise of the suburban footpath", Authors: []string{"Fiona Pratchett"},
			Published: "2026-08-22T05:00:00+10:00", SiteName: "Coastline Weekly", Language: "en"},
		lines: []string{
			"There is a stretch of footpath on Kurrajong Street",
			"Nobody has ever campaigned for that footpath.",
			"I have started to think this is one of the great blind spots",
			"Start with who uses it.",
			"The last group is the one that should worry transport planners most.",
			"When I asked our council how many kilometres",
			"This is not one council's failing.",
			"The fix is not complicated.",
			"I would add one more thing: shade.",
			"None of this makes for a ribbon-cutting.",
			"In the meantime, if you are walking down Kurrajong Street, mind the fig tree.",
		},
		absent: []string{"Continue reading", "Saturday Column", "More from Fiona Pratchett", "Facebook", "WhatsApp",
			"Popular this week", "Jetty repairs", "Sign up", "in your inbox", "Traditional Owners", "Log in",
			"Surf report", "Pty Ltd"},
	},
	{
		// A blog post under a long thread of comments, each an <article
		// class="comment-body"> of long prose: together they outweigh the
		// post. Jetpack's share, like and related blocks sit inside the
		// entry content; the reply form follows the thread.
		file: "bounds-wp-comments.html",
		url:  "https://hedgerowhives.example/2026/02/stopped-feeding-october/",
		meta: metaWant{Title: "Why I stopped feeding my bees in October", Authors: []string{"Rosalind Pike"},
			Published: "2026-02-09T20:14:00Z", SiteName: "Hedgerow Hives", Language: "en"},
		lines: []string{
			"For the first eleven years I kept bees, I did what the books said.",
			"The short version is that I now leave more honey on the hives",
			"What changed my mind",
			"It started with ivy.",
			"The second thing was a conversation with an older beekeeper",
			"How it has gone",
			"I lost one colony in each of the last three winters",
			"This is not advice.",
		},
		elems: []elemWant{{"h2", "What changed my mind"}, {"h2", "How it has gone"}},
		absent: []string{"Share this:", "Facebook", "Like this:", "Loading", "Related", "Hefting a hive",
			"bag of cement", "The ivy flow", "In \"Seasons\"", "Categorized as", "Tagged", "6 comments",
			"Colin Marchetti", "arable farm", "Exactly that, Colin", "Wendy Oyelaran", "questionnaire",
			"Tobias Fenwick", "push back a little", "Margit Svensson", "keep bees in Sweden", "Desmond Achterberg",
			"queen excluder", "says:", "Reply", "will not be published", "Post Comment", "Recent Posts",
			"Mouse guards", "Proudly powered", "at the edge of a Somerset village", "Skip to content",
			"Published 9 February 2026"},
	},
	{
		// An Arabic paper, right to left: share bar, a photo with its
		// caption, "اقرأ أيضا" (read also) teaser lines between
		// paragraphs, a tag row, a "مواضيع ذات صلة" (related topics)
		// box, and a "الأكثر قراءة" (most read) column. Class names are
		// generic (box-news, col-4), so the cue phrases must tell.
		file: "bounds-ar-news.html",
		url:  "https://alofoq.example/economy/2026/09/03/ras-al-shamal-desalination",
		meta: metaWant{Title: "افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في رأس الشمال", Language: "ar",
			Authors: []string{"سلمى الحداد"}, Published: "2026-09-03T09:15:00+03:00", SiteName: "صحيفة الأفق"},
		lines: []string{
			"ألواح الطاقة الشمسية التي تزود محطة التحلية بالكهرباء",
			"افتتح وزير المياه والطاقة صباح الأربعاء",
			"وقال الوزير في كلمة خلال حفل الافتتاح",
			"وكان سكان أحياء الميناء والمنارة والربوة",
			"وتعتمد المحطة على تقنية التناضح العكسي",
			"كلفة أقل وانبعاثات أقل",
			"وقالت المهندسة ريم العبدالله",
			"مخاوف بيئية",
			"غير أن جمعيات بيئية محلية",
			"ويرى الخبير الاقتصادي سامر القاسم",
			"ومن المقرر أن تبدأ المرحلة الثانية",
		},
		elems: []elemWant{{"h2", "مخاوف بيئية"}},
		absent: []string{"اقرأ أيضا", "الحكومة تدرس تعديل تعرفة", "يشكون انقطاع المياه للأسبوع الثالث", "شارك:",
			"فيسبوك", "واتساب", "نسخ الرابط", "الكلمات المفتاحية", "مواضيع ذات صلة", "مزرعة للطاقة الشمسية",
			"امتلاء السدود", "الأكثر قراءة", "المنتخب يتأهل", "إعلان", "عاجل", "جميع الحقوق محفوظة",
			"تسجيل الدخول", "09:15"},
	},
	{
		// An op-ed: the editor's italic line that opens it ("This is an
		// opinion piece") and the italic line that closes it, naming the
		// author's post, are printed as part of the column and stay; a
		// pull quote repeats one sentence; the author box with photo, bio
		// and social links and the "Have your say" letters prompt are
		// furniture.
		file: "bounds-oped.html",
		url:  "https://northfieldstandard.example/opinion/2026/jan/19/floodplain-building",
		meta: metaWant{Title: "We cannot keep building on the floodplain and calling it bad luck",
			Authors: []string{"Marta Okafor"}, Published: "2026-01-19T07:00:00Z", SiteName: "The Northfield Standard",
			Language: "en"},
		lines: []string{
			"Floodwater surrounds new homes at Riverside Meadows",
			"This is an opinion piece.",
			"When the River Lune came over its banks ten days ago",
			"I have spent most of my working life studying how rivers behave",
			"This is not hindsight.",
			"Every serious inquiry into flooding in this country",
			"There are things we could do tomorrow.",
			"Riverside Meadows will be pumped out, dried and repaired.",
			"Marta Okafor is a professor of hydrology at the University of Northfield.",
		},
		once:    []string{"The river did what rivers do."},
		credits: map[string]string{"Photograph: Sam Beattie": "Floodwater surrounds new homes"},
		absent: []string{"Marta studies how rivers respond", "advised three flood inquiries", "Follow on X", "Bluesky",
			"m.okafor@", "Have your say", "Do you agree with Marta Okafor", "letters@", "Letters may be edited",
			"More opinion", "Cheap bus fares", "Subscribe", "Complaints", "19 January 2026"},
	},
}

// TestBounds checks the pages about where an article starts and ends.
func TestBounds(t *testing.T) {
	runPageCases(t, boundsCases)
}
