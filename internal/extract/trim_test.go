package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestTrimEdges(t *testing.T) {
	const (
		p1 = "<p>The council has bought the old Regal cinema on the high street for a community arts centre, ending years of uncertainty.</p>"
		p2 = "<p>The sale price was not disclosed, but councillors had set aside money in this year's budget for the purchase.</p>"
		p3 = "<p>Local groups have campaigned since the cinema closed in 2019, and held screenings in the car park every summer.</p>"
		// long is a paragraph of prose over 200 characters.
		long = "<p>The council has bought the old Regal cinema on the high street, and it will reopen as a community arts centre next spring, with a café, two studios and a hall for two hundred people, ending years of uncertainty.</p>"
	)
	tests := []struct {
		name   string
		in     string
		keep   []string
		absent []string
	}{
		{
			name: "a heading over a list of links into the page, at the head",
			in: `<h2>Key events</h2><ul><li><a href="#u3">11:02 Road closed</a></li><li><a href="#u1">09:15 Lines shut</a></li></ul>` +
				`<div id="u3">` + p1 + `</div><div id="u1">` + p2 + `</div>` + p3,
			keep:   []string{"The council has bought", "The sale price", "Local groups"},
			absent: []string{"Key events", "Road closed", "Lines shut"},
		},
		{
			name:   "a share widget's copy-link label between posts",
			in:     p1 + `<div><span>Copy link</span></div>` + p2 + `<p>Copy the link</p>` + p3,
			keep:   []string{"The council has bought", "The sale price", "Local groups"},
			absent: []string{"Copy link", "Copy the link"},
		},
		{
			name:   "a heading over a short first line stays",
			in:     `<h2>Risk analysis</h2><p>Exposure</p>` + p1 + p2 + p3,
			keep:   []string{"Risk analysis", "The council has bought"},
			absent: []string{},
		},
		{
			name:   "related line and its link list",
			in:     p1 + p2 + `<p><strong>Related</strong></p><ul><li><a href="/a">Library hours extended</a></li><li><a href="/b">New bus route</a></li><li><a href="/c">Market moves</a></li></ul>` + p3,
			keep:   []string{"Local groups"},
			absent: []string{"Related", "Library hours", "Market moves"},
		},
		{
			name: "further-reading line ahead of teasers, early in a short article",
			in: p1 + p2 + `<p><strong>More information:</strong></p>` +
				`<h3><a href="/t1">Cinema trust founded</a></h3><p>The trust was set up in 2020 to run the building.</p><p><a href="/t1">More</a></p>` +
				`<h3><a href="/t2">Arts grants announced</a></h3><p>Twelve groups share the first round of grants.</p><p><a href="/t2">More</a></p>` +
				`<h3><a href="/t3">Market moves</a></h3><p>The Saturday market moves to the square.</p><p><a href="/t3">More</a></p>`,
			keep:   []string{"The sale price"},
			absent: []string{"More information", "Cinema trust founded", "Twelve groups"},
		},
		{
			name: "a further-information line ahead of more article stays",
			in:   p1 + `<p><strong>Further information:</strong></p>` + p2 + p3 + p1,
			keep: []string{"Further information:", "Local groups"},
		},
		{
			name:   "byline and date at the head",
			in:     `<p>By Sam Reyes</p><p>12 May 2024, 10:32</p>` + p1 + p2 + p3,
			keep:   []string{"The council has bought"},
			absent: []string{"Sam Reyes", "10:32"},
		},
		{
			name:   "author box and call to action at the tail",
			in:     p1 + p2 + p3 + `<p>Sam Reyes is the Herald's transport correspondent.</p><p>Sign up for our morning newsletter.</p>`,
			keep:   []string{"Local groups"},
			absent: []string{"transport correspondent", "newsletter"},
		},
		{
			name: "teaser links and stray credits mid-body",
			in: p1 + `<p>ALSO READ: <a href="/x">Council votes on parking charges</a></p>` + p2 + `<p>Photo: Jo Smith/Agency</p>` +
				`<p>JIM WATSON/AFP/Getty Images</p>` + p3,
			keep:   []string{"The sale price", "Local groups"},
			absent: []string{"ALSO READ", "parking charges", "Jo Smith", "WATSON"},
		},
		{
			name:   "advertisement label mid-body",
			in:     p1 + `<p>Advertisement</p>` + p2 + `<div>ADVERTISING</div>` + p3,
			keep:   []string{"The sale price"},
			absent: []string{"Advertisement", "ADVERTISING"},
		},
		{
			name: "a sentence that opens with a cue word stays",
			in:   p1 + `<p>Share prices of the cinema chain fell by a third after the closure was announced.</p>` + p2 + p3,
			keep: []string{"Share prices of the cinema chain fell"},
		},
		{
			name: "a counted comment section ends the article",
			in: p1 + p2 + p3 + `<h2>12 comments</h2><p>Great news, I grew up going to that cinema every Saturday with my brothers.</p>` +
				`<p>About time too, the building has been empty for far too long and it was falling apart.</p>`,
			keep:   []string{"Local groups"},
			absent: []string{"12 comments", "Great news", "About time"},
		},
		{
			name: "sentences that look like furniture at a glance stay",
			in: `<p>By the time the firefighters arrived, the roof had fallen in.</p>` + p1 + p2 +
				`<p>Share prices of the cinema chain fell by a third after the closure.</p>`,
			keep: []string{"By the time the firefighters", "Share prices of the cinema chain"},
		},
		{
			name:   "reading time and relative time at the head",
			in:     `<p>4 min read</p><p>Updated 3 hours ago</p>` + p1 + p2 + p3,
			keep:   []string{"The council has bought"},
			absent: []string{"min read", "hours ago"},
		},
		{
			name: "a short dated sentence at the head stays",
			in:   `<p>On 12 May 2024 the council met in the old hall.</p>` + p1 + p2 + p3,
			keep: []string{"On 12 May 2024 the council met"},
		},
		{
			name:   "tags and copyright at the tail",
			in:     p1 + p2 + p3 + `<p>Tags: cinema, council</p><p>© 2024 The Herald. All rights reserved.</p>`,
			keep:   []string{"Local groups"},
			absent: []string{"Tags:", "All rights reserved"},
		},
		{
			name: "a list of sources written out as addresses stays at the tail",
			in: p1 + p2 + p3 + `<h2>Sources</h2><ul><li><a href="https://council.example/minutes">https://council.example/minutes</a></li>` +
				`<li><a href="https://www.regal.example/history">https://www.regal.example/history</a></li>` +
				`<li><a href="http://archive.example/1931/regal">http://archive.example/1931/regal</a></li></ul>`,
			keep: []string{"Sources", "https://council.example/minutes", "https://www.regal.example/history"},
		},
		{
			name:   "a list of teaser links goes from the tail",
			in:     p1 + p2 + p3 + `<h2>Elsewhere</h2><ul><li><a href="/a">Library hours extended</a></li><li><a href="/b">New bus route opens</a></li></ul>`,
			keep:   []string{"Local groups"},
			absent: []string{"Elsewhere", "Library hours", "New bus route"},
		},
		{
			name: "a paragraph that is all link stays in the middle of the article",
			in: p1 + `<p><a href="https://events.example/regal-opening">Details of the opening night</a></p>` + p2 +
				`<p><a href="mailto:arts@council.example">arts@council.example</a></p>` + p3,
			keep: []string{"Details of the opening night", "arts@council.example", "Local groups"},
		},
		{
			name:   "a closing sentence with a playful © stays, a dated © line goes",
			in:     p1 + p2 + p3 + `<p>This is not a manifesto™© but we hope the cinema will be full.</p><p>Photos © Jo Smith 2019.</p>`,
			keep:   []string{"This is not a manifesto"},
			absent: []string{"Jo Smith"},
		},
		{
			name: "a short sentence said twice stays, a repeated label goes",
			in: p1 + `<p>“I would prefer not to.”</p><p>Business news in pictures</p>` + p2 +
				`<p>“I would prefer not to.”</p><p>Business news in pictures</p>` + p3,
			keep: []string{"“I would prefer not to.”\n\nBusiness news in pictures\n\nThe sale price was not disclosed, but councillors had set aside money in this year's budget for the purchase.\n\n“I would prefer not to.”\n\nLocal groups"},
		},
		{
			name: "the first of several linked section headings stays",
			in: `<h2><a href="/s/1">Cinema bought for the arts</a></h2>` + long + p2 +
				`<h2><a href="/s/2">Bus route extended to the coast</a></h2>` + long + p3,
			keep: []string{"Cinema bought for the arts", "Bus route extended"},
		},
		{
			name:   "a lone linked heading at the head goes",
			in:     `<h2><a href="/s/9">Cinema news</a></h2>` + long + p2 + p3,
			keep:   []string{"The council has bought"},
			absent: []string{"Cinema news"},
		},
		{
			name: "a document of sections keeps its See also",
			in: `<h2>History</h2>` + long + `<h2>Building</h2>` + p2 + `<h2>Programme</h2>` + p3 + `<h2>Funding</h2>` + p1 +
				`<h2>See also</h2><ul><li><a href="/w/Regal">Regal cinemas</a></li><li><a href="/w/Arts">Arts centres in the county</a></li><li><a href="/w/Halls">Town halls</a></li></ul>` +
				`<h2>References</h2><ol><li>Council minutes, 3 March 2024.</li><li>Herald, 4 March 2024.</li></ol>`,
			keep: []string{"See also", "Arts centres in the county", "Council minutes"},
		},
		{
			name: "a news story's See also goes, as a heading or as a line",
			in: long + `<p><strong>See also:</strong> <a href="/x">Council votes on parking charges</a></p>` + p2 + `<h2>Funding</h2>` + p3 + `<h2>See also</h2><ul><li><a href="/y">Library hours extended</a></li><li><a href="/z">New bus route to the coast</a></li><li><a href="/v">Market moves</a></li></ul>` +
				`<p>This article was amended on 5 March: the arts centre opens next spring, not this autumn as first reported.</p>`,
			keep:   []string{"Local groups", "This article was amended"},
			absent: []string{"See also", "parking charges", "Library hours", "bus route"},
		},
		{
			name: "a press release ends at its end mark",
			in: long + p2 + p3 + `<p>About the council: it serves 90,000 residents in the borough and its eleven parishes.</p>` +
				`<p>###</p><p><strong>Media contact:</strong> Jo Bell, press office, 01632 960 123.</p><p>Was this page helpful?</p>`,
			keep:   []string{"Local groups", "About the council"},
			absent: []string{"###", "Media contact", "Jo Bell", "helpful"},
		},
		{
			name:   "a feedback widget closes the page",
			in:     long + p2 + p3 + `<div><p>Was this page helpful?</p><p>Thank you for your feedback.</p></div>`,
			keep:   []string{"Local groups"},
			absent: []string{"helpful", "feedback"},
		},
		{
			name: "a hash mark early in the body is not the end",
			in:   p1 + `<p>###</p>` + long + p2 + p3,
			keep: []string{"The council has bought the old Regal cinema on the high street, and", "Local groups"},
		},
		{
			name: "a label over a contents list at the head goes with it",
			in: `<p>Jump to:</p><ol><li><a href="#s1">The sale</a></li><li><a href="#s2">The campaign</a><ul><li><a href="#s3">Screenings</a></li></ul></li></ol>` +
				long + `<h2 id="s1">The sale</h2>` + p2 + `<h2 id="s2">The campaign</h2>` + p3 + `<h3 id="s3">Screenings</h3>` + p1,
			keep:   []string{"The sale\n\nThe sale price", "The campaign\n\nLocal groups"},
			absent: []string{"Jump to", "Screenings\n\nThe sale"},
		},
		{
			name: "a list of links out of the page at the head is no contents list",
			in:   `<p>Sources:</p><ul><li><a href="/report">Council report</a> (PDF)</li><li><a href="/minutes">Minutes</a> of the March meeting</li></ul>` + long + p2 + p3,
			keep: []string{"Council report", "Minutes of the March meeting"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><article>" + tt.in + "</article></body></html>"
			art, err := FromHTML([]byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tt.keep {
				if !strings.Contains(art.BodyText, k) {
					t.Errorf("lost %q:\n%s", k, art.BodyText)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(art.BodyText, a) {
					t.Errorf("kept %q:\n%s", a, art.BodyText)
				}
			}
		})
	}
}

func TestFullDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"stars (1 / 1) 06.11.2023 13:30 von olga", true},
		{"updated 2024-05-12", true},
		{"on 11/06/23 we met", true},
		{"version 2.4 was released", false},
		{"a 12-year-old boy", false},
	}
	for _, tt := range tests {
		if got := fullDate(tt.in); got != tt.want {
			t.Errorf("fullDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFurnitureLineRepeatedInBody(t *testing.T) {
	promo := "Get the week's best local stories in your inbox every Friday morning"
	page := `<html><body><aside class="sidebar"><p>` + promo + `</p></aside><article>` +
		`<p>The council has bought the old Regal cinema on the high street for a community arts centre, ending years of uncertainty.</p>` +
		`<p>` + promo + `</p>` +
		`<p>The sale price was not disclosed, but councillors had set aside money in this year's budget for the purchase.</p>` +
		`<p>Local groups have campaigned since the cinema closed in 2019, and held screenings in the car park every summer.</p>` +
		`</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyText, "inbox every Friday") {
		t.Errorf("the sidebar's line stayed in the body:\n%s", art.BodyText)
	}
	if !strings.Contains(art.BodyText, "The sale price") {
		t.Errorf("article text lost:\n%s", art.BodyText)
	}
}

// TestPullQuote checks that a quote repeating a sentence of a paragraph
// near it goes, while a quoted fragment marked with an ellipsis (quoted
// again to be discussed), a plain paragraph saying a sentence again and a
// quote of its own stay.
func TestPullQuote(t *testing.T) {
	const para = "<p>The ferry has run since 1921. Nobody on the island can remember a winter without it, " +
		"and the petition to save it was signed by every household within a week.</p>"
	const other = "<p>The operator says the boat needs a new engine, which would cost more than the service earns in ten years.</p>"
	tests := []struct {
		name, in, text string
		want           int
	}{
		{"pull quote", para + "<blockquote><p>“Nobody on the island can remember a winter without it”</p></blockquote>" + other,
			"Nobody on the island can remember a winter without it", 1},
		{"fragment with ellipsis", para + "<blockquote><p>“Nobody on the island can remember a winter …”</p></blockquote>" + other,
			"Nobody on the island can remember a winter", 2},
		{"a paragraph saying a sentence again", para + "<p>Nobody on the island can remember a winter without it.</p>" + other,
			"Nobody on the island can remember a winter without it", 2},
		{"quote of its own", para + "<blockquote><p>“We will fight for it as long as there is a pier to land on.”</p></blockquote>" + other,
			"as long as there is a pier to land on", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := FromHTML([]byte("<html><body><article>"+tt.in+"</article></body></html>"), "")
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(art.BodyText, tt.text); n != tt.want {
				t.Errorf("%q appears %d times, want %d:\n%s", tt.text, n, tt.want, art.BodyText)
			}
		})
	}
}

// TestAuthorContactLine checks that a closing line giving the reporter's
// address goes, while one telling readers whom else to write to stays.
func TestAuthorContactLine(t *testing.T) {
	const body = "<p>The council has bought the old Regal cinema on the high street for a community arts centre, ending years of uncertainty.</p>" +
		"<p>The sale price was not disclosed, but councillors had set aside money in this year's budget for the purchase.</p>" +
		"<p>Groups who want to use the hall can write to the arts officer, Sam Reid, at arts@council.example.</p>"
	page := `<html><head><meta name="author" content="Jo Bell"></head><body><article>` + body +
		`<p><em>Reach Jo Bell at jbell@paper.example or @jobell on X.</em></p></article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(art.BodyText, "Reach Jo Bell") {
		t.Errorf("kept the reporter's contact line:\n%s", art.BodyText)
	}
	if !strings.Contains(art.BodyText, "arts@council.example") {
		t.Errorf("lost the article's own address line:\n%s", art.BodyText)
	}
}

// TestCuesRussianChineseJapanese checks the furniture cues of three more
// languages, and that a sentence opening with the same word stays: in
// scripts without spaces only the character after the cue tells them apart.
func TestCuesRussianChineseJapanese(t *testing.T) {
	for _, tc := range []struct {
		line string
		cue  bool
	}{
		{"Читайте также: Ремонт моста завершат раньше срока", true},
		{"Подписывайтесь на наш канал в Telegram", true},
		{"Комментарии (12)", true},
		{"Комментарии экспертов разошлись: одни считают проект дорогим.", false},
		{"（责任编辑：陈思远）", true},
		{"相关阅读：", true},
		{"分享到：", true},
		{"责任编辑认为，这篇稿件需要补充采访。", false},
		{"声明：本文转载自江城日报，仅代表作者观点，不代表本站立场。", true},
		{"声明发表后，双方均未作进一步回应。", false},
		{"関連記事", true},
		{"広告", true}, // the Japanese form; 广告 is the simplified Chinese one
		{"Подписаться", true},
		{"Нашли опечатку? Выделите текст и нажмите Ctrl+Enter", true},
		{"シェア", true},
		{"広告業界では、若手の人手不足が続いている。", false},
		{"会員登録（無料）で、すべての記事が読めます", true},
		{"地域のニュースを毎朝メールでお届けします。", true},
		{"町は高齢者にも会員登録を呼びかけている。", false},
	} {
		lower := cueText(tc.line)
		got := cueLine(lower) || promoLine(lower) || callToAction(lower)
		if got != tc.cue {
			t.Errorf("%q: cue = %v, want %v", tc.line, got, tc.cue)
		}
	}
}

// TestTeaserLengthInCharacters checks that a "read also" line is judged by
// its length in characters: in Cyrillic it takes twice the bytes of the
// same line in English and used to count as too long to be a teaser. A
// sentence opening "По теме" ("on the subject of") is no stop cue.
func TestTeaserLengthInCharacters(t *testing.T) {
	page := `<html lang="ru"><body><article>
<p>Депутаты городской думы на заседании во вторник одобрили проект восстановления трамвайной линии на Заречной улице.</p>
<p>Трамвай ходил по Заречной улице с 1958 года, но в 2009 году движение закрыли: пути и контактная сеть износились.</p>
<p><b>Читайте также:</b> <a href="/x">Маршрутки на правом берегу с января перейдут на новую схему движения, а часть остановок перенесут ближе к мосту</a></p>
<p>Смета проекта составляет 4,8 миллиарда рублей. Большую часть денег город рассчитывает получить по федеральной программе.</p>
<p>По теме доклада выступили двое.</p>
<p>Подрядчика выберут на конкурсе в феврале. Строительство начнётся весной 2027 года с демонтажа старых путей.</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.BodyText, "По теме доклада") {
		t.Errorf("a paragraph opening 'По теме' (on the subject) ended the article:\n%s", art.BodyText)
	}
	if strings.Contains(art.BodyText, "Читайте также") {
		t.Errorf("teaser line kept:\n%s", art.BodyText)
	}
	for _, s := range []string{"Трамвай ходил", "Смета проекта"} {
		if !strings.Contains(art.BodyText, s) {
			t.Errorf("lost %q beside the teaser:\n%s", s, art.BodyText)
		}
	}
}

// TestShortCJKSentenceAtTail checks that a short closing sentence in
// Chinese is read as a sentence (it ends with "。"), not as a label: at
// three bytes a character, it is as short in bytes as a label in English.
func TestShortCJKSentenceAtTail(t *testing.T) {
	page := `<html lang="zh-CN"><body><article>
<p>昨天下午，市区一辆公交车在青石路路口与一辆货车相撞，造成车上五名乘客受伤，事故发生后交警和救护车迅速赶到现场。</p>
<p>据目击者介绍，货车当时正在右转，公交车直行通过路口时来不及刹车，两车发生碰撞，公交车前挡风玻璃被撞碎。</p>
<p>交警部门表示，事故的具体原因正在进一步调查中，该路口的信号灯配时也将重新评估，以减少类似事故的发生。</p>
<p>伤者已无生命危险。</p>
</article></body></html>`
	art, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(strings.TrimSpace(art.BodyText), "伤者已无生命危险。") {
		t.Errorf("lost the closing sentence:\n%s", art.BodyText)
	}
}

// TestStopCueInSentence checks that a late sentence opening with a stop
// cue's word is the story's, with all that follows it, while the labels
// the cue stands for still go, and a count of comments still ends the
// article.
func TestStopCueInSentence(t *testing.T) {
	var body strings.Builder
	for i := range 6 {
		fmt.Fprintf(&body, "<p>The river rose four metres overnight and cut the coast road for most of the day; crews pumped water from %d streets as families waited in the school hall.</p>", i+2)
	}
	const after = "The council meets again"
	for _, tc := range []struct {
		line      string
		kept, cut bool // the line stays; what follows it goes
	}{
		{"Comments on social media were divided.", true, false},
		{"Related work on the flood wall starts in spring.", true, false},
		{"Comments", false, false},
		{"Related:", false, false},
		{"You may also like...", false, true},
		{"12 comments", false, true},
		{"Leave a comment.", false, true},
	} {
		page := "<html><body><article>" + body.String() + "<p>" + tc.line + "</p>" +
			"<p>" + after + " on Monday to set the repair budget for the flood wall and the pumping station.</p></article></body></html>"
		art, err := FromHTML([]byte(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(art.BodyText, tc.line); got != tc.kept {
			t.Errorf("%q kept = %v, want %v", tc.line, got, tc.kept)
		}
		if got := !strings.Contains(art.BodyText, after); got != tc.cut {
			t.Errorf("%q: the paragraph after it cut = %v, want %v", tc.line, got, tc.cut)
		}
	}
}

// TestSectionHeadingWithCueWord checks that a section heading opening with
// a cue word stays when prose follows it, wherever it stands, while the
// cue headings it looks like still go: bare, as a label, as a pitch, or
// over links.
func TestSectionHeadingWithCueWord(t *testing.T) {
	var lead strings.Builder
	for i := range 4 {
		fmt.Fprintf(&lead, "<p>Councillors voted on Tuesday to keep paying the island ferry subsidy for another %d years, after a debate that ran past midnight in a full town hall.</p>", i+3)
	}
	const prose = "<p>Fuel has risen by a third since 2023 and the ferry's insurance has nearly doubled after two winters of storm damage to the slipway, the finance officer said.</p>"
	const later = "<p>The agreement will be reviewed in 2029, when the council expects the new breakwater to have cut the cost of repairs by about a fifth each year.</p>"
	for _, tc := range []struct {
		heading, under string
		kept           bool
	}{
		{"Share prices fall", prose, true},
		{"Comments from islanders", prose, true},
		{"More from the meeting", prose, true},
		{"Related costs rise", prose, true},
		{"Comments (23)", prose, false},
		{"About the author", prose, false},
		{"Support us with a gift today!", prose, false},
		{"Related stories", `<ul><li><a href="/a">Slipway repairs to start in May after years of delay</a></li><li><a href="/b">Island school to stay open</a></li></ul>`, false},
	} {
		for _, where := range []string{"middle", "end"} {
			body := lead.String() + "<h2>" + tc.heading + "</h2>" + tc.under + later
			if where == "end" {
				body = lead.String() + later + "<h2>" + tc.heading + "</h2>" + tc.under
			}
			art, err := FromHTML([]byte("<html><body><article>"+body+"</article></body></html>"), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(art.BodyHTML, ">"+tc.heading+"</h2>"); got != tc.kept {
				t.Errorf("%q in the %s: kept = %v, want %v\n%s", tc.heading, where, got, tc.kept, art.BodyHTML)
			}
		}
	}
}
