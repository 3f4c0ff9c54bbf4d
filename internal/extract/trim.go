package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newshound/internal/news"
)

// Boundary trimming, jusText style: container scoring gets the middle of
// an article right and its edges wrong. The blocks at the head and tail
// are judged one by one (length, link share, cue phrases, what they look
// like) and furniture is cut until the first block of prose.

// cuePhrases open (or are) furniture lines, in the languages of the news
// we carry. Matched against the lowercased start of a short block.
var cuePhrases = [...]string{
	// English
	"share", "copy link", "copy the link", "read more", "read also", "read next", "related", "recommended",
	"advertisement", "advertising", "sponsored", "sign up", "subscribe", "newsletter", "follow us",
	"follow @", "comments", "leave a comment", "leave a reply", "post a comment",
	"copyright", "©", "(c) ", "all rights reserved", "tags:", "tagged", "filed under",
	"posted in", "categories:", "category:", "source:", "sources:", "visited ",
	"more:", "see also", "you may also like", "you might also like", "don't miss",
	"most read", "most popular", "trending", "click here", "download the", "for the latest",
	"more from", "more stories", "more on this", "related articles", "related stories",
	"continue reading", "sign in", "log in", "login", "register", "print", "email this",
	"printer friendly", "printer-friendly", "printable version", "print version", "print this",
	"avatar photo", "recommended for you", "weiter zu", "weiter mit", "continue to", "next page", "more coverage", "read the original",
	"nächste seite", "page suivante", "página siguiente", "next:", "previous:", "originally published", "this article originally",
	"this story originally", "this article first appeared", "this story first appeared",
	"this article was first", "first published", "republished from", "republished with",
	"zuerst erschienen", "ursprünglich erschienen", "publié initialement",
	"support us", "unterstütze", "unterstützen sie", "become a member", "become a supporter",
	"werde mitglied", "jetzt mitglied", "jetzt unterstützen", "soutenez", "your email address", "skip to",
	"back to top", "previous article", "next article", "previous post", "next post",
	"this entry was posted", "about the author", "photo credit", "image credit",
	"support our", "donate", "join our", "get our", "listen to this", "loading",
	"watch:", "watch more", "view comments", "report an error", "editor's picks",
	"ad feedback", "video ad feedback", "journal information:", "cite this article", "purchase licensing rights", "buy photo",
	"this site uses cookies", "this website uses cookies", "we use cookies", "by continuing",
	"was this page helpful", "was this article helpful", "was this helpful", "is this page useful",
	"media contact", "media contacts", "press contact", "media inquiries", "media enquiries", "pressekontakt",
	"contact presse", "contacto de prensa", "contacto para medios",
	"war dieser artikel hilfreich", "war diese seite hilfreich", "cet article vous a-t-il été utile",
	"cette page vous a-t-elle été utile", "¿te ha resultado útil", "¿le ha resultado útil", "¿te resultó útil",
	"photocredit", "photo credits", "fotocredit", "bildnachweis", "bildquelle", "image credits",
	"photo:", "photos:", "image:", "images:", "picture:", "credit:", "credits:", "bild:", "bilder:",
	"also read", "also see", "see more", "listen:", "mehr dazu", "auch interessant",
	"das könnte sie auch interessieren", "vedi anche", "le puede interesar", "también te puede interesar",
	"quellen:", "fuentes:", "fonti:", "posted by", "veröffentlicht von", "publié par",
	"publicado por", "pubblicato il", "twitter:", "instagram:", "facebook:", "anzeige:",
	"werbung:", "sponsored by", "in zusammenarbeit mit", "stay up to date", "stay informed",
	"bleib auf dem laufenden", "bleiben sie auf dem laufenden", "restez informé",
	"diese website verwendet cookies", "wir verwenden cookies", "ce site utilise des cookies",
	"utilizamos cookies", "questo sito utilizza",
	// German
	"mehr zum thema", "mehr themen", "mehr zu", "lesen sie auch", "lesen sie mehr",
	"auch interessant", "das könnte dich", "das könnte sie", "weitere artikel",
	"weitere themen", "teilen", "diesen artikel", "artikel teilen", "abonnieren",
	"kommentare", "kommentar schreiben", "quelle:", "foto:", "fotos:", "bild:",
	"anzeige", "werbung", "zum thema", "empfohlen", "für dich empfohlen",
	"meist gelesen", "meistgelesen", "weiterlesen", "zurück", "impressum", "datenschutz",
	"hinterlasse einen kommentar", "schreibe einen kommentar", "ähnliche beiträge",
	"verwandte artikel", "jetzt abonnieren", "newsletter abonnieren", "folgen sie uns",
	// French
	"lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "partager",
	"crédits photos", "crédit photo", "abonnez-vous", "publicité", "voir aussi",
	"commentaires", "sur le même sujet", "à voir aussi",
	// Spanish, Portuguese, Italian, Dutch, Polish
	"leer más", "compartir", "te puede interesar", "publicidad", "suscríbete",
	"lee también", "relacionado", "noticias relacionadas", "leia também",
	"publicidade", "veja também", "leia mais", "mais lidas", "compartilhar", "tópicos:",
	"compartilhe", "leggi anche", "condividi", "pubblicità", "lees ook", "deel dit",
	"advertentie", "zapraszamy", "czytaj też", "czytaj także", "czytaj więcej",
	"udostępnij", "reklama", "polecamy", "zobacz też", "zobacz także",
	"lees meer", "meer over", "meest gelezen", "reacties", "deel artikel",
	// Swedish, Danish, Norwegian
	"läs också", "läs mer", "dela", "annons", "kommentarer", "mest läst", "senaste nytt",
	"læs også", "læs mere", "les også", "les mer", "annonse", "del artikel", "del artikkelen",
	// Indonesian and Malay
	"baca juga", "baca pula", "simak video", "simak juga", "saksikan video", "tonton video",
	"berita terkait", "artikel terkait", "terpopuler", "bagikan", "komentar", "editor:", "penulis:",
	// Turkish
	"ilgili haber", "ilgili haberler", "ilgili içerik", "reklam", "paylaş", "etiketler:", "yorumlar",
	"çok okunanlar", "en çok okunanlar", "google news'te",
	// Korean: the copyright line forbids reprinting ("무단전재 및 재배포 금지")
	"관련기사", "관련 기사", "광고", "많이 본 뉴스", "댓글", "공유하기", "저작권자", "무단전재", "기사제보",
	// Russian
	"читайте также", "читайте ещё", "читайте еще", "смотрите также", "по теме:", "поделиться",
	"реклама", "теги:", "комментарии", "подписывайтесь", "подпишитесь", "фото:", "источник:",
	"нашли ошибку", "нашли опечатку", "подписаться",
	// Chinese: the editor's name is the portal's note on the story
	"责任编辑", "责编", "编辑：", "来源：", "相关阅读", "相关新闻", "延伸阅读",
	"分享到", "热门推荐", "猜你喜欢", "网友评论", "发表评论", "广告",
	"声明：", "免责声明", "本文转载自", "本文来源",
	// Japanese
	"関連記事", "関連ニュース", "あわせて読みたい", "シェア", "広告", "会員登録", "無料会員登録",
	"ログイン", "コメント", "おすすめ記事", "アクセスランキング",
	// Arabic (both spellings of "also": with and without the tanwin)
	"اقرأ أيضا", "اقرأ أيضًا", "إقرأ أيضا", "إقرأ أيضًا", "اقرأ المزيد", "مواضيع ذات صلة", "موضوعات ذات صلة",
	"أخبار ذات صلة", "مقالات ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "شارك:", "شارك الخبر", "شارك المقال",
	"الكلمات المفتاحية", "كلمات مفتاحية", "الوسوم:", "تابعونا", "المصدر:", "جميع الحقوق محفوظة",
}

// noteCues open the notes a site sets on every story at its edges: how to
// cite the page, its copyright terms, that a feed's story went out
// unedited, that a contributor's opinions are their own, a disclaimer.
// They run to a few sentences, so they are judged up to 400 characters.
var noteCues = [...]string{
	"citation:", "this document is subject to copyright", "(this story has not been edited",
	"this story has not been edited", "(only the headline of this report", "disclaimer:", "(disclaimer:",
	"opinions expressed by",
}

// noteMarks, anywhere in an edge block, mark the same kind of standing
// note when it opens with the site's or a desk's name: "The Press'
// climate coverage receives financial support from … AP is solely
// responsible for all content."
var noteMarks = [...]string{
	"solely responsible for all content", "solely responsible for this content",
	"auto-generated from a syndicated feed",
}

// stopCues, when they head a block near the end, mean the article is over:
// everything from there on is furniture.
var stopCues = [...]string{
	"related", "read more", "read also", "more from", "more stories", "recommended",
	"you may also like", "you might also like", "comments", "leave a comment",
	"leave a reply", "mehr zum thema", "mehr themen", "lesen sie auch",
	"das könnte dich", "das könnte sie", "weitere artikel", "kommentare",
	"für dich empfohlen", "ähnliche beiträge", "lire aussi", "à lire aussi",
	"sur le même sujet", "te puede interesar", "noticias relacionadas", "veja também",
	"leggi anche", "czytaj też", "czytaj także", "zobacz też", "polecamy",
	"lees ook", "meer over", "reacties", "läs också", "läs mer", "kommentarer", "læs også", "les også",
	"baca juga", "berita terkait", "artikel terkait", "komentar",
	"ilgili haber", "ilgili haberler", "yorumlar", "관련기사", "관련 기사", "댓글", "많이 본 뉴스",
	"hinterlasse einen kommentar", "schreibe einen kommentar", "about the author",
	"more on this", "related articles", "related stories", "editor's picks",
	"support us", "unterstütze", "unterstützen sie", "become a member", "werde mitglied",
	"was this page helpful", "was this article helpful", "is this page useful",
	"читайте также", "по теме:", "новости по теме", "комментарии", "другие новости", "похожие новости",
	"相关阅读", "相关新闻", "延伸阅读", "热门推荐", "猜你喜欢", "网友评论",
	"関連記事", "関連ニュース", "あわせて読みたい", "おすすめ記事",
	"اقرأ أيضا", "اقرأ أيضًا", "إقرأ أيضا", "إقرأ أيضًا", "مواضيع ذات صلة", "موضوعات ذات صلة",
	"أخبار ذات صلة", "مقالات ذات صلة", "التعليقات",
}

// cueText is a block's text as cues are matched against it: lowercased,
// without the dashes, bullets and quotes some pages put in front.
func cueText(t string) string {
	return strings.TrimLeftFunc(strings.ToLower(t), func(r rune) bool {
		return unicode.IsSpace(r) || r == '–' || r == '—' || r == '-' || r == '•' || r == '*' ||
			r == '»' || r == '>' || r == '|' || r == '·' || r == '.' || r == '…' || r == '→' ||
			r == '（' || r == '【' || r == '［' // "（责任编辑：…）": CJK pages bracket their notes
	})
}

// stopLine reports a line that ends the article: a stop cue, also after a
// count ("12 comments", "3 Kommentare", "2 thoughts on ...").
func stopLine(lower string) bool {
	if hasPrefixAny(lower, stopCues[:]) {
		return true
	}
	return introLine(lower) || countedLine(lower)
}

// repliesHeading reports a heading over readers' replies: counted ("12
// comments") or the bare word ("Comments"), which a section of a story
// is not called.
func repliesHeading(lower string) bool {
	if countedLine(lower) {
		return true
	}
	lower = strings.TrimRight(strings.TrimSpace(lower), ":")
	for _, c := range countedCues {
		if lower == c && c != "thoughts on" {
			return true
		}
	}
	return false
}

// countedLine reports a count of replies: "42 replies", "12 Kommentare".
func countedLine(lower string) bool {
	rest := strings.TrimLeft(lower, "0123456789 ")
	return len(rest) < len(lower) && hasPrefixAny(rest, countedCues[:])
}

// minStoryBeforeReplies is how much text must come before a heading
// counting replies for it to end the article in its first half: less,
// and the count is the story's meta bar ("3 comments" under the
// headline), which the head trimming takes.
const minStoryBeforeReplies = 600

// introLine reports a line that introduces further reading with a colon.
func introLine(lower string) bool {
	return strings.HasSuffix(lower, ":") && hasPrefixAny(lower, introCues[:])
}

// shortTails reports, for every k up to len(blocks), whether the blocks
// from k on are only short ones, some of them links: teasers rather than
// more of the article. One pass from the end: asking afresh at every
// intro line was quadratic in a body of thousands of them.
func shortTails(blocks []*block) []bool {
	short := make([]bool, len(blocks)+1)
	long, linked := false, false
	for k := len(blocks) - 1; k >= 0; k-- {
		b := blocks[k]
		long = long || len(b.text) >= 400
		linked = linked || 2*b.link > len(b.text)
		short[k] = !long && linked
	}
	return short
}

// introCues end the article when they introduce what follows with a colon
// ("Further reading:", "Mehr Informationen finden Sie unter:"); without
// the colon they may open a sentence of the article.
var introCues = [...]string{
	"more information", "further information", "further reading", "for more information",
	"mehr informationen", "weitere informationen", "mehr infos", "weitere infos",
	"plus d'informations", "pour en savoir plus", "más información", "maggiori informazioni",
	"więcej informacji",
}

// countedCues follow a count in a comment-section heading.
var countedCues = [...]string{
	"comment", "comments", "responses", "replies", "reactions", "thoughts on",
	"kommentar", "kommentare", "antworten", "commentaire", "commentaires",
	"comentario", "comentarios", "comentários", "commenti", "reacties", "komentarz", "komentarze",
}

// block is one top-level block of the body with its measures.
type block struct {
	n       *html.Node
	text    string
	lower   string
	link    int // characters of text in links
	heading bool
	// stop marks a heading that is a cue line and a stop cue ("Comments
	// (23)", "Reacties"): it goes wherever it stands, and cutAtStop may
	// first end the article there.
	stop bool
	// section marks a heading that opens with a cue word but heads a
	// section of the story (sectionHeading): no cue rule takes it.
	section bool
}

// trimBlocks removes furniture at the edges of the body, cue lines
// anywhere, and repeated blocks; furniture holds the lines of pruned
// furniture, lead the standfirst copied from outside the container.
func trimBlocks(out *html.Node, art *news.Article, furniture lineSet, lead *html.Node) {
	blocks := scanBlocks(out, strings.ToLower(art.Title), furniture)
	blocks = dropPullQuotes(out, blocks)
	blocks = cutAtStop(out, blocks)
	blocks = trimTail(out, blocks, art.Authors)
	trimHead(out, blocks, slug(art.Standfirst), lead, art.Authors)
}

// scanBlocks measures the top-level blocks of out, removing on the way
// the empty ones, repeats, the headline and lines that are furniture
// wherever they stand.
func scanBlocks(out *html.Node, title string, furniture lineSet) []*block {
	var blocks []*block
	seen := map[string]bool{}
	sections := map[atom.Atom]int{} // headings so far, by level
	for c := out.FirstChild; c != nil; {
		next := c.NextSibling
		t := innerText(c)
		bl := &block{n: c, text: t, lower: cueText(t), link: linkText(c), heading: isHeading(c.DataAtom)}
		if bl.heading {
			sections[c.DataAtom]++
		}
		switch {
		case bl.heading && sections[c.DataAtom] > 3 && seeAlso(bl.lower):
			// A document of several sections at one level ends with its
			// own cross-references, a section like the others; a news
			// story's "See also" is a teaser (see cueLine below).
			blocks = append(blocks, bl)
		case t == "" && !hasContent(c) && c.DataAtom != atom.Iframe && c.DataAtom != atom.Img && c.DataAtom != atom.Hr:
			out.RemoveChild(c)
		case len(t) > 20 && len(t) < 300 && seen[t] && !media(bl) && !refrain(t), len(t) >= 20 && len(t) <= 200 && furniture[t] && !bl.heading:
			out.RemoveChild(c)
		case title != "" && len(blocks) < 4 && (titleLike(bl.lower, title) || titleStack(c, title)):
			out.RemoveChild(c)
		case !media(bl) && !bl.heading && embedMarker(t):
			out.RemoveChild(c)
		case !media(bl) && shortLine(t, 30) && mediaLabel(bl.lower):
			out.RemoveChild(c)
			// The card's title, under its label, goes with it.
			if nl := next; nl != nil && videoTitle(nl) {
				next = nl.NextSibling
				out.RemoveChild(nl)
			}
		case !bl.heading && shortLine(t, 80) && bl.link*10 >= len(t)*9 && hasPrefixAny(bl.lower, policyLinks[:]):
			// A link to how the site works ("How we rate and review
			// products") beside a verdict or a shop button.
			out.RemoveChild(c)
		case (bl.heading || boldLine(c)) && (stopLine(bl.lower) || cueLine(bl.lower)) && sectionHeading(bl, next, stamped(blocks)):
			bl.section = true
			blocks = append(blocks, bl)
		case bl.heading && shortLine(t, 60) && cueLine(bl.lower) && !endsSentence(t) && stopLine(bl.lower):
			bl.stop = true
			blocks = append(blocks, bl)
		case !media(bl) && shortLine(t, 160) && (shortLine(t, 60) && cueLine(bl.lower) && !endsSentence(t) && !(len(blocks) > 0 && tableNote(bl, blocks[len(blocks)-1])) ||
			promoLine(bl.lower) && !storySentences(bl) || shortLine(t, 90) && creditLine(bl.lower) || shortLine(t, 30) && counterLine(bl.lower) || shortLine(t, 60) && adResumes(bl.lower)):
			out.RemoveChild(c)
			// A running time under the line ("Simak Video …" / "02:47")
			// is what is left of the video card it named.
			if nl := next; nl != nil && runningTime(nl) {
				next = nl.NextSibling
				out.RemoveChild(nl)
			}
			// The list of links such a line introduces goes with it, and
			// so does a list of teasers (each item a linked headline,
			// a summary after it) unless the line names sources.
			if nl := next; nl != nil && (isElem(nl, atom.Ul) || isElem(nl, atom.Ol)) {
				if lt := innerText(nl); len(lt) > 0 && (linkText(nl)*2 > len(lt) || !sourceLabel(bl.lower) && teaserList(nl)) {
					next = nl.NextSibling
					out.RemoveChild(nl)
				}
			}
		default:
			if len(t) > 20 {
				seen[t] = true
			}
			blocks = append(blocks, bl)
		}
		c = next
	}
	return blocks
}

// sectionHeading reports a heading that opens with a cue word but heads
// a section of the story: it says more than the cue ("Share prices
// fall", "Comments from islanders", "More from the meeting") and prose
// follows right under it. Furniture headings stand bare or as a label
// ("Comments (23)", "About the author", "Related: …") or head links and
// teasers. A heading under a post's time (stamped) is a live post's
// headline even where it asks the reader something ("Share your
// pictures"), unless it is a promo line: live pages time their
// newsletter plugs too.
func sectionHeading(bl *block, next *html.Node, stamped bool) bool {
	for next != nil && next.Type != html.ElementNode {
		next = next.NextSibling
	}
	if next == nil || bareCue(bl.lower) || pitch(bl) && (!stamped || promoLine(bl.lower)) {
		return false
	}
	if next.DataAtom == atom.Table {
		// A table of the story's figures ("Share of votes" over the
		// results): data, not links.
		t := innerText(next)
		return len(t) >= 60 && linkText(next)*5 < len(t)
	}
	return next.DataAtom == atom.P && proseLine(strings.TrimSpace(innerText(next)), linkText(next))
}

// stamped reports blocks whose last is a time alone ("14:20"): the stamp
// of a live post, whose headline comes next.
func stamped(blocks []*block) bool {
	if len(blocks) == 0 {
		return false
	}
	t := strings.TrimSpace(blocks[len(blocks)-1].text)
	return len(t) <= 8 && duration(t) // short first: duration splits, and allocates

}

// storySentences reports a line that opens with a promo cue but goes on
// as the story, two sentences or more with no link and no call to act
// ("Lesen Sie mehr darüber … im zweiten Teil unserer Serie am Samstag.
// Bis dahin gilt: …"): a promo is one line pointing away.
func storySentences(b *block) bool {
	if b.link > 0 || callToAction(b.lower) {
		return false
	}
	t := strings.TrimSpace(b.text)
	i := strings.Index(t, ". ")
	return i > 0 && endsSentence(t) && i+2 < len(t) && unicode.IsUpper([]rune(t[i+2:])[0])
}

// pitch reports a line asking the reader to act, which heads prose of its
// own ("Support us with 2.50!" over a paragraph of appeal). A call is
// said as a sentence, a link, or to the reader ("Sign up for our
// newsletter."); a heading that only borrows the cue's words to name a
// topic ("Subscribe or die: the newspaper crisis", "Mehr zum Thema
// Werbung") is none of these.
func pitch(b *block) bool {
	if strings.HasSuffix(b.text, "!") {
		return true
	}
	if !callToAction(b.lower) && !promoLine(b.lower) {
		return false
	}
	return endsSentence(b.text) || 2*b.link >= len(b.text) || readerWord(b.lower)
}

// readerWords speak to the reader or for the site, in the languages of
// the cues.
var readerWords = [...]string{
	"you", "your", "our", "us", "we", "unser", "unsere", "unseren", "unserem", "dich", "dein", "deine", "euch",
	"vous", "votre", "vos", "notre", "nos", "tu", "ton", "ta", "te", "nuestro", "nuestra", "nuestros", "tus",
}

// siteWords speak for the site itself ("our journalism is funded by
// readers"), which a story's own box on how to help a relief fund does not.
var siteWords = [...]string{"our", "unser", "unsere", "unseren", "unserem", "notre", "nos", "nuestro", "nuestra", "nuestros"}

// readerWord reports a line holding one of readerWords as a whole word.
func readerWord(lower string) bool {
	return holdsWord(lower, readerWords[:])
}

// siteWord reports a line holding one of siteWords as a whole word.
func siteWord(lower string) bool {
	return holdsWord(lower, siteWords[:])
}

// holdsWord reports a line holding one of words as a whole word.
func holdsWord(lower string, words []string) bool {
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// proseLine reports a line of the story's prose: a sentence of 60
// characters or more with few links. The sentence may end inside its
// closing quote ("…first time in years.").
func proseLine(t string, link int) bool {
	return len(t) >= 60 && link*5 < len(t) && endsSentence(strings.TrimRight(t, "\"'”’»“)"))
}

// boldLine reports a paragraph set wholly in bold: a heading drawn as
// one ("<p><strong>Komentar Presiden</strong></p>").
func boldLine(n *html.Node) bool {
	if n.DataAtom != atom.P {
		return false
	}
	var bold *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case bold == nil && (isElem(c, atom.Strong) || isElem(c, atom.B)):
			bold = c
		default:
			return false
		}
	}
	return bold != nil
}

// bareCue reports a line that is a cue phrase and nothing more than a
// count, brackets or a colon, or a cue phrase labelling what follows its
// colon ("Related: …", "About the author: …").
func bareCue(lower string) bool {
	rest := strings.TrimFunc(lower, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r)
	})
	for _, list := range [...][]string{cuePhrases[:], stopCues[:], countedCues[:]} {
		for _, p := range list {
			if rest == strings.TrimRight(p, ":") || strings.HasPrefix(rest, p) && strings.HasPrefix(rest[len(p):], ":") {
				return true
			}
		}
	}
	return false
}

// shortLine reports a line of fewer than max characters. Characters, not
// bytes: a Cyrillic or Greek letter takes two bytes, and a teaser line in
// Russian would otherwise count twice as long as the same in English.
func shortLine(t string, max int) bool {
	return len(t) < max || utf8.RuneCountInString(t) < max
}

// pullQuoteReach is how many blocks away a pull quote may stand from the
// paragraph it repeats: it is set beside that paragraph, and the bound
// keeps the comparison linear on a page of thousands of blocks.
const pullQuoteReach = 12

// dropPullQuotes removes a block quote that repeats, word for word, part
// of a longer paragraph near it: a pull quote, which says again in large
// type what the article says. Plain paragraphs are not asked: text
// repeats its own sentences often enough (a refrain, a clause of a
// contract, placeholder text). An exact repeat of a whole block is
// scanBlocks' business.
func dropPullQuotes(out *html.Node, blocks []*block) []*block {
	quotes := false
	for _, b := range blocks {
		quotes = quotes || b.n.DataAtom == atom.Blockquote
	}
	if !quotes {
		return blocks // most pages: no need to slug every block
	}
	slugs := make([]string, len(blocks))
	for i, b := range blocks {
		slugs[i] = "-" + slug(b.text) + "-"
	}
	kept := blocks[:0:0]
	for i, b := range blocks {
		if pullQuote(b, i, blocks, slugs) {
			out.RemoveChild(b.n)
			continue
		}
		kept = append(kept, b)
	}
	return kept
}

// pullQuote reports whether blocks[i] is a block quote found inside a
// longer prose block within reach. A fragment marked with an ellipsis is
// quoted again on purpose, to be discussed, and stays.
func pullQuote(b *block, i int, blocks []*block, slugs []string) bool {
	if b.n.DataAtom != atom.Blockquote || len(b.text) < 25 || len(b.text) > 300 || len(slugs[i]) < 20 ||
		strings.Contains(b.text, "…") || strings.Contains(b.text, "...") {
		return false
	}
	for j := max(0, i-pullQuoteReach); j < len(blocks) && j <= i+pullQuoteReach; j++ {
		o := blocks[j]
		if j == i || o.heading || media(o) || o.n.DataAtom == atom.Blockquote || len(o.text) < len(b.text)+20 {
			continue
		}
		if strings.Contains(slugs[j], slugs[i]) {
			return true
		}
	}
	return false
}

// seeAlsoCues head a document's own cross-references.
var seeAlsoCues = [...]string{"see also", "siehe auch", "voir aussi", "véase también", "vedi anche", "veja também", "zobacz też", "zobacz także"}

// seeAlso reports a heading that says "See also" and nothing more (an
// edit link aside), not a line that points at one other story.
func seeAlso(lower string) bool {
	lower = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lower), "[edit]"))
	for _, c := range seeAlsoCues {
		if lower == c {
			return true
		}
	}
	return false
}

// refrain reports a short sentence that a text may well say twice ("I
// would prefer not to."): a repeat of it is the author's, while a repeated
// label or pull quote is the page's.
func refrain(t string) bool {
	t = strings.TrimRight(t, "\"'”’»)")
	return len(t) <= 60 && endsSentence(t) && !strings.HasSuffix(t, ":")
}

// cutAtStop ends the article at a stop cue in its second half ("Related",
// "12 comments") or at a press release's end mark ("###"), or at a
// "Further reading:" line followed only by teasers: everything from there
// on goes.
func cutAtStop(out *html.Node, blocks []*block) []*block {
	short := shortTails(blocks)
	// linksOnly[k]: every block from k on (at least one) is mostly links.
	linksOnly := make([]bool, len(blocks)+1)
	for k := len(blocks) - 1; k >= 0; k-- {
		linksOnly[k] = 2*blocks[k].link > len(blocks[k].text) && (k == len(blocks)-1 || linksOnly[k+1])
	}
	prose := 0 // characters of text before block i
	for i := 1; i < len(blocks); i++ {
		prose += len(blocks[i-1].text)
		b := blocks[i]
		if len(b.text) >= 80 || !(stopLine(b.lower) && !stopInSentence(b.text) || endMark(b.text)) {
			continue
		}
		// A line that heads a section of the story (prose under it, not
		// a teaser's summary with links after) never ends it.
		if (b.section || labelsProse(blocks, i)) && !linksOnly[min(i+2, len(blocks))] {
			continue
		}
		// In the first half only a "Further reading:" line ahead of
		// nothing but teasers ends the article, or a heading that
		// counts replies after some prose (readers' replies may well be
		// longer than the story they answer), unless the story's prose
		// runs on under a bare cue ("Reacties" over what the mayor said).
		if i >= len(blocks)/2 || i >= 2 && introLine(b.lower) && short[i+1] ||
			i >= 3 && prose >= minStoryBeforeReplies && b.heading && repliesHeading(b.lower) && (countedLine(b.lower) || !proseUnder(blocks, i)) {
			for _, rb := range blocks[i:] {
				out.RemoveChild(rb.n)
			}
			return dropStopHeadings(out, blocks[:i])
		}
	}
	return dropStopHeadings(out, blocks)
}

// labelsProse reports a stop line that says more than its cue and has the
// story's prose right after it: a bold line heading a section
// ("Komentar Presiden", the president's comments) rather than a label
// over comments or teasers.
func labelsProse(blocks []*block, i int) bool {
	return proseUnder(blocks, i) && !pitch(blocks[i]) && !bareCue(blocks[i].lower)
}

// proseUnder reports the story's prose right under block i: a section
// ("Reacties" over what the mayor said), not a thread, whose first block
// is a reader's name or a date.
func proseUnder(blocks []*block, i int) bool {
	if i+1 >= len(blocks) {
		return false
	}
	nb := blocks[i+1]
	return !nb.heading && proseLine(strings.TrimSpace(nb.text), nb.link)
}

// dropStopHeadings removes the stop-cue headings that did not end the
// article: as cue lines they go wherever they stand.
func dropStopHeadings(out *html.Node, blocks []*block) []*block {
	kept := blocks[:0]
	for _, b := range blocks {
		if b.stop {
			out.RemoveChild(b.n)
			continue
		}
		kept = append(kept, b)
	}
	return kept
}

// stopInSentence reports a line that opens with a stop cue but reads as
// a statement of the story: five words or more ending in a full stop
// ("Comments on social media were divided."). A label stands bare, before
// a colon or a count, or trails off ("You may also like..."); a call to
// act ends with "!" ("Support us with 2.50!") or asks ("Was this page
// helpful to you?").
func stopInSentence(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "。") || strings.HasSuffix(t, "..") {
		return false
	}
	return len(strings.Fields(t)) >= 5
}

// authorContact reports a short closing line that names one of the
// article's authors beside an email address or a handle: "Reach Jane
// Doe at jdoe@paper.example or @janedoe." How to reach the reporter is
// the page's furniture, like an author box.
func authorContact(b *block, authors []news.Author) bool {
	if len(b.text) > 250 || !strings.Contains(b.text, "@") {
		return false
	}
	for _, a := range authors {
		if name := strings.ToLower(a.Name); len(name) > 3 && strings.Contains(b.lower, name) {
			return true
		}
	}
	return false
}

// endMark reports the line that closes a press release or wire copy as
// sent: "###", "# # #" or "-30-". What follows it (the media contact, the
// newsroom's own links) is not the release.
func endMark(t string) bool {
	t = strings.TrimSpace(t)
	switch t {
	case "-30-", "- 30 -", "–30–", "—30—":
		return true
	}
	hashes := 0
	for _, r := range t {
		switch {
		case r == '#':
			hashes++
		case !unicode.IsSpace(r):
			return false
		}
	}
	return hashes >= 3
}

// trimTail removes furniture blocks from the end until a block of prose,
// and the authors' contact lines.
func trimTail(out *html.Node, blocks []*block, authors []news.Author) []*block {
	for len(blocks) > 1 {
		b, prev := blocks[len(blocks)-1], blocks[len(blocks)-2]
		if !furnitureBlock(b, true) && !authorContact(b, authors) || tableNote(b, prev) ||
			sourcesUnder(b, prev) || announcedList(b, prev) || cadenceLine(b, prev) || echoedSignature(b, blocks) {
			break
		}
		out.RemoveChild(b.n)
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// cadenceLine reports a last line of one short sentence with no link
// ("Share it.") after another such line of the story ("Tell your
// neighbours."): a column closing in one-line paragraphs, where a cue word
// opens the writer's own sentence. A share or print line after a story
// follows its last paragraph, not a run of one-liners, and is most often
// a link.
func cadenceLine(b, prev *block) bool {
	return oneWordCue(b.lower) && oneLiner(b) && oneLiner(prev) && !cueLine(prev.lower)
}

// oneWordCue reports a line opening with a cue of one plain word
// ("share", "print"), which a sentence of the story may open too.
func oneWordCue(lower string) bool {
	for _, p := range cuePhrases {
		if !strings.ContainsAny(p, " :©") && !strongCue(p) && hasPrefixAny(lower, []string{p}) {
			return true
		}
	}
	return false
}

// oneLiner reports a paragraph of one short sentence without links.
func oneLiner(b *block) bool {
	return b.n.DataAtom == atom.P && b.link == 0 && len(b.text) < 60 && endsSentence(b.text) &&
		!strings.Contains(strings.TrimSpace(b.text), ". ")
}

// echoedSignature reports a last line that a stray-label rule would take
// ("Sheila Moore / Cowes" under a letter) when an earlier block of the
// body is set the same way (the same inline elements in the same order),
// is also a short line of capitalised names and, like it, follows a
// finished sentence: the letters' sign-offs, each closing its letter. A site's stray label at the tail echoes no
// line of the story.
func echoedSignature(b *block, blocks []*block) bool {
	if !nameLine(b) {
		return false
	}
	n := len(blocks)
	if !closesSentence(blocks[n-2].text) {
		return false
	}
	key := inlineShape(b.n)
	for i := 1; i < n-2; i++ {
		if o := blocks[i]; nameLine(o) && closesSentence(blocks[i-1].text) && inlineShape(o.n) == key {
			return true
		}
	}
	return false
}

// closesSentence reports text ending a sentence with a stop, not a colon
// that announces what follows (an address under "Our mailing address
// is:").
func closesSentence(t string) bool {
	return endsSentence(t) && !strings.HasSuffix(t, ":")
}

// nameLine reports a short paragraph of two or more words, no sentence,
// no link and no cue, opening with two capitalised words: a name.
func nameLine(b *block) bool {
	f := strings.Fields(b.text)
	if b.n.DataAtom != atom.P || b.link > 0 || len(b.text) >= 60 || len(f) < 2 || endsSentence(b.text) || cueLine(b.lower) {
		return false
	}
	for _, w := range f[:2] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// inlineShape names the children of n in order, by tag or "#" for text:
// how a line is set.
func inlineShape(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode:
			sb.WriteString(c.Data)
			sb.WriteByte(',')
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			sb.WriteString("#,")
		}
	}
	return sb.String()
}

// trimHead removes furniture blocks from the start until a block of
// prose; images above it stay and do not end the search. A standfirst
// inside the article stays, as the article's own opening, unless the
// block after it tells the same again: then it is the page's
// description repeated and the second telling is the article's. A
// standfirst brought in from outside the container (lead) does not end
// the search: the container's own head comes after it.
func trimHead(out *html.Node, blocks []*block, desc string, lead *html.Node, authors []news.Author) {
	for i := 0; i < len(blocks)-1 && i < 8; {
		b := blocks[i]
		if media(b) {
			i++
			continue
		}
		described := desc != "" && slug(b.text) == desc || b.n == lead
		standfirst := described && restated(b, nextText(blocks[i+1:]))
		if described && !standfirst {
			// A standfirst that stays: the byline and date under it, or
			// the container's own head (a contents list), may follow.
			i++
			continue
		}
		if (b.heading || labelLine(b)) && introducesFurniture(blocks[i+1:]) || contentsList(b.n) {
			// "Key events" or "Jump to:" over a list of links into the
			// page, and such a list itself, however long.
			out.RemoveChild(b.n)
			blocks = append(blocks[:i], blocks[i+1:]...)
			continue
		}
		if !furnitureBlock(b, false) && !standfirst && !namesOnly(b, authors) || sectionLink(b, blocks[i+1:]) {
			if i == 0 && metaUnder(b, blocks[i+1:]) {
				// A dek over its byline and date, named nowhere: the
				// dek stays, the meta line under it goes.
				out.RemoveChild(blocks[1].n)
				blocks = append(blocks[:1], blocks[2:]...)
				i++
				continue
			}
			break
		}
		out.RemoveChild(b.n)
		blocks = append(blocks[:i], blocks[i+1:]...)
	}
}

// namesOnly reports a short line that is the byline without its "By":
// names joined by "and" or commas, one of them an author's the page
// names ("Ana Ruiz and Tom Achebe"), which no sentence of the story is.
func namesOnly(b *block, authors []news.Author) bool {
	if len(authors) == 0 || len(b.text) > 120 || b.heading || b.link > 0 || endsSentence(b.text) ||
		!isElem(b.n, atom.P) && !isElem(b.n, atom.Div) {
		return false
	}
	named := false
	for _, a := range authors {
		if name := strings.ToLower(a.Name); len(name) > 3 && strings.Contains(b.lower, name) {
			named = true
		}
	}
	if !named {
		return false
	}
	words := strings.FieldsFunc(b.text, func(r rune) bool { return r == ',' || r == '&' || unicode.IsSpace(r) })
	for _, w := range words {
		switch w {
		case "and", "und", "et", "y", "e":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) <= 10
}

// metaUnder reports a first block short enough to be a dek (one or two
// sentences) with a byline or metadata line right under it and prose
// after that: the byline marks where the article's head ends.
func metaUnder(b *block, rest []*block) bool {
	if len(rest) < 2 || b.heading || len(b.text) > 250 || !isElem(b.n, atom.P) {
		return false
	}
	m := rest[0]
	return isElem(m.n, atom.P) && len(m.text) < 120 && !endsSentence(m.text) &&
		bylineLike(m.text) && (metaLine(m.lower) || holdsYear(m.text))
}

// introducesFurniture reports a head heading whose section is only a
// list of links followed by more blocks: a heading over teasers or a
// contents list, not over the article's first section.
func introducesFurniture(rest []*block) bool {
	if len(rest) < 2 {
		return false
	}
	l := rest[0]
	return (isElem(l.n, atom.Ul) || isElem(l.n, atom.Ol)) && len(l.text) < 300 && 2*l.link > len(l.text) && furnitureBlock(l, false) ||
		contentsList(l.n)
}

// labelLine reports a short label that introduces what follows with a
// colon and says nothing itself ("Jump to:", "In this article:"): set as
// a paragraph, it heads a list as a heading would.
func labelLine(b *block) bool {
	return isElem(b.n, atom.P) && len(b.text) < 40 && strings.HasSuffix(b.text, ":") && b.link == 0 &&
		len(strings.Fields(b.text)) <= 4
}

// contentsList reports a list of two or more items that are each one link
// into the page and nothing else: a table of contents, which the reader
// of the extracted article does not need (its headings are there).
func contentsList(n *html.Node) bool {
	if !isElem(n, atom.Ul) && !isElem(n, atom.Ol) {
		return false
	}
	items := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type == html.TextNode && strings.TrimSpace(li.Data) == "" {
			continue
		}
		if !isElem(li, atom.Li) || !inPageLinkOnly(li) {
			return false
		}
		items++
	}
	return items >= 2
}

// inPageLinkOnly reports an element whose text is all inside one in-page
// link ("#section-2"); a nested list of such links (sub-sections) may
// follow it.
func inPageLinkOnly(li *html.Node) bool {
	links := 0
	for c := li.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case isElem(c, atom.A):
			if !strings.HasPrefix(attr(c, "href"), "#") || strings.TrimSpace(innerText(c)) == "" {
				return false
			}
			links++
		case contentsList(c):
		default:
			return false
		}
	}
	return links == 1
}

// nextText returns the first block that is neither a picture nor
// furniture (a byline, a date, a notice): a lead figure or a meta line
// between the standfirst and the first paragraph does not part them.
func nextText(blocks []*block) *block {
	for _, b := range blocks {
		if !media(b) && !furnitureBlock(b, false) {
			return b
		}
	}
	return blocks[0]
}

// sectionLink reports a linked heading at the head followed by prose,
// whose like (same tag, linked too) heads a later section of the body:
// the first of the sections of a page of several stories, not a teaser.
func sectionLink(b *block, rest []*block) bool {
	if !b.heading || len(rest) == 0 || rest[0].heading || len(rest[0].text) < 200 || 2*rest[0].link > len(rest[0].text) {
		return false
	}
	for i, r := range rest[1:] {
		if r.n.DataAtom == b.n.DataAtom && 2*r.link > len(r.text) && i+2 < len(rest) && !rest[i+2].heading {
			return true
		}
	}
	return false
}

// media reports a figure or image block.
func media(b *block) bool {
	switch b.n.DataAtom {
	case atom.Figure, atom.Img, atom.Iframe, atom.Picture:
		return true
	}
	return false
}

// furnitureBlock judges one edge block.
func furnitureBlock(b *block, tail bool) bool {
	l := len(b.text)
	if l == 0 {
		return b.n.DataAtom != atom.Figure && b.n.DataAtom != atom.Img && b.n.DataAtom != atom.Iframe
	}
	if b.heading && tail {
		return true // a heading with nothing under it
	}
	if l < 200 && cueLine(b.lower) && !storySentences(b) || l < 40 && countedLine(b.lower) {
		return true // a cue line, or a count of comments in the meta bar: "3 comments"
	}
	if float64(b.link) > 0.5*float64(l) && l < 300 && !sourceList(b.n) {
		return true
	}
	if l < 400 && (hasPrefixAny(b.lower, noteCues[:]) || containsAny(b.lower, noteMarks[:])) {
		return true // the site's note on every story, longer than a cue line
	}
	if l < 500 && affiliateNotice(b.lower) {
		return true // "we may earn an affiliate commission": the shop's notice, not the story
	}
	switch b.n.DataAtom {
	case atom.Table, atom.Pre, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Figure:
		// Structure holds data and quotes: the line-shape rules below
		// (datelines, bylines, labels) are for single lines of text.
		return false
	}
	if tail && l < 200 && callToAction(b.lower) {
		return true
	}
	if tail && l < 400 && bioLine(b.text) {
		return true
	}
	if l < 160 && (bylineLike(b.text) || dateLike(b.text)) {
		return true
	}
	if !tail && l < 250 && metaLine(b.lower) {
		return true
	}
	// A stray label at either end (a section kicker at the head, "Feed"
	// at the tail): no sentence, at most three words.
	if l < 30 && !endsSentence(b.text) && !strings.HasSuffix(b.text, ",") && len(strings.Fields(b.text)) <= 3 && b.n.DataAtom == atom.P {
		return true
	}
	// A label with nothing after it ("Ein Beitrag von:"), or a line of
	// labels ("Published: Updated:").
	if tail && l < 80 && (strings.HasSuffix(b.text, ":") && len(strings.Fields(b.text)) <= 4 || strings.Count(b.text, ":") >= 2 && len(strings.Fields(b.text)) <= 6 && labelsOnly(b.text)) {
		return true
	}
	// How to cite this page: "… retrieved 27 November 2026 from https://…".
	if tail && l < 400 && citeThisPage(b.lower) {
		return true
	}
	// A source or copyright line closing the page. A © in a sentence
	// without a year is wordplay ("not a manifesto™©"), not a notice.
	if tail && l < 250 && (strings.Contains(b.lower, "copyright") ||
		strings.Contains(b.lower, "©") && (holdsYear(b.text) || !endsSentence(b.text))) {
		return true
	}
	return false
}

// holdsYear reports a four-digit year (1900-2099) standing alone in t.
func holdsYear(t string) bool {
	for i := 0; i+4 <= len(t); i++ {
		if (t[i] == '1' && t[i+1] == '9' || t[i] == '2' && t[i+1] == '0') && isDigit(t[i+2]) && isDigit(t[i+3]) &&
			(i == 0 || !isDigit(t[i-1])) && (i+4 == len(t) || !isDigit(t[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// metaLine reports a head line of article metadata: "Site | 04.05.2015
// 13:36 • Updated ... | By X": separators with dates, times or bylines,
// and no sentence.
func metaLine(lower string) bool {
	// "4 min read", "Lesezeit: 3 Minuten", "Updated 3 hours ago".
	if len(lower) < 60 && (readingTime(lower) || relativeTime(lower)) {
		return true
	}
	// A full date with a byline or a time, in a short line that is no
	// sentence: "06.11.2023 13:30 von Olga".
	if len(strings.Fields(lower)) <= 12 && !strings.HasSuffix(lower, ".") && fullDate(lower) &&
		(strings.Contains(lower, ":") || bylineWord(lower)) {
		return true
	}
	seps := strings.Count(lower, "|") + strings.Count(lower, "•") + strings.Count(lower, "·")
	if seps < 1 || strings.Contains(lower, ". ") {
		return false
	}
	cues := 0
	for _, c := range [...]string{"by ", "par ", "von ", "por ", "updated", "mis à jour", "aktualisiert",
		"published", "publié", "veröffentlicht", "min read", "minutes", "read time"} {
		if strings.Contains(lower, c) {
			cues++
		}
	}
	digits := 0
	for _, r := range lower {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return cues >= 1 && digits >= 4 || cues >= 2
}

// cueLine reports a block that opens with a furniture cue phrase.
// A one-word cue ("share", "print", "related") opens a sentence of news
// as easily as a furniture line ("Share prices fell..."), so it counts
// only on a line of a few words.
func cueLine(lower string) bool {
	if hasPrefixAny(lower, labelCues[:]) && !endsSentence(lower) {
		return true
	}
	if strings.Contains(lower, "all rights reserved") || strings.Contains(lower, "alle rechte vorbehalten") ||
		strings.HasPrefix(lower, "visited") && strings.Contains(lower, "times") {
		return true
	}
	for _, p := range cuePhrases {
		if !hasPrefixAny(lower, []string{p}) {
			continue
		}
		if strings.ContainsAny(p, " :©") || strongCue(p) || len(strings.Fields(lower)) <= 6 {
			return true
		}
	}
	return false
}

// labelCues are cues only as a label, not opening a sentence: "Provided
// by University of Leeds" closes a wire copy, "Provided by the county,
// the shelters will open on Monday." is news.
var labelCues = [...]string{"provided by"}

// strongCue reports one-word cues that never open a sentence of news.
func strongCue(p string) bool {
	switch p {
	case "subscribe", "newsletter", "advertisement", "sponsored", "anzeige", "werbung",
		"publicité", "publicidad", "publicidade", "pubblicità", "reklama", "advertentie", "zapraszamy",
		"abonnieren", "abonnez-vous", "suscríbete", "impressum", "datenschutz":
		return true
	}
	return false
}

// hasPrefixAny reports whether s starts with one of the phrases at a word
// boundary.
func hasPrefixAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.HasPrefix(s, p) {
			if len(s) == len(p) {
				return true
			}
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			if !unicode.IsLetter(r) || !unicode.IsLetter(lastRune(p)) {
				return true
			}
		}
	}
	return false
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// bylineLike reports "By Jane Doe"-style lines.
// The word after "By" must be capitalised (a name), so that "By the time
// the firemen came..." stays.
func bylineLike(text string) bool {
	lower := strings.ToLower(text)
	for _, p := range [...]string{"by ", "von ", "par ", "por ", "di ", "door ", "autor:", "author:", "text:", "written by "} {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		rest := strings.TrimSpace(text[len(p):])
		r, _ := utf8.DecodeRuneInString(rest)
		words := len(strings.Fields(lower))
		return unicode.IsUpper(r) && words <= 16 && (!endsSentence(text) || words <= 8)
	}
	return false
}

// dateLike reports a line that is mostly a date or time: digits with
// few letters, or with a month name.
func dateLike(t string) bool {
	digits, letters := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits < 4 || len(strings.Fields(t)) > 8 {
		return false
	}
	// "On 12 May 2024 the council met." is a sentence, not a dateline.
	if strings.HasSuffix(t, ".") && letters > 2*digits {
		return false
	}
	return letters <= 2*digits || hasMonth(strings.ToLower(t))
}

// readingTime reports a reading-time note.
func readingTime(lower string) bool {
	return containsAny(lower, readingTimePhrases[:])
}

// readingTimePhrases name a story's reading time.
var readingTimePhrases = [...]string{"min read", "minute read", "minutes read", "reading time", "read time",
	"lesezeit", "lesedauer", "temps de lecture", "tiempo de lectura", "tempo di lettura", "min. lesezeit",
	"leestijd", "lästid", "min läsning", "läsminuter", "lesetid", "læsetid", "menit baca", "waktu baca"}

// relativeTime reports "3 hours ago" style times.
func relativeTime(lower string) bool {
	digit := strings.ContainsAny(lower, "0123456789")
	if !digit {
		return false
	}
	padded := " " + lower + " "
	for _, p := range [...]string{" ago ", " vor ", " il y a ", " hace ", " fa "} {
		if strings.Contains(padded, p) {
			for _, u := range [...]string{"min", "hour", "day", "week", "stunde", "tag", "heure", "jour", "hora", "día", "minut", "ore", "giorn"} {
				if strings.Contains(lower, u) {
					return true
				}
			}
		}
	}
	return false
}

// bylineWord reports a "by" word in a line.
func bylineWord(lower string) bool {
	for _, w := range [...]string{"by ", "von ", "par ", "por ", "di ", "door ", "autor"} {
		if strings.HasPrefix(lower, w) || strings.Contains(lower, " "+w) {
			return true
		}
	}
	return false
}

// fullDate reports a numeric date (06.11.2023, 2023-11-06, 11/06/2023) in
// a line.
func fullDate(s string) bool {
	run, seps := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			run++
		case (c == '.' || c == '-' || c == '/') && run > 0 && run <= 4:
			seps++
			run = 0
			continue
		default:
			if seps >= 2 && run >= 2 {
				return true
			}
			run, seps = 0, 0
			continue
		}
		if seps >= 2 && run == 4 || seps >= 2 && run >= 2 && i+1 == len(s) {
			return true
		}
	}
	return false
}

// isMonth reports a month name or its short form, in the languages of the
// news we carry (a switch: no table built at start-up).
func isMonth(w string) bool {
	switch w {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "januar", "jänner", "februar", "märz",
		"mai", "juni", "juli", "oktober", "dezember", "okt", "dez", "janvier", "février",
		"mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
		"décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
		"septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile",
		"maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "stycznia", "lutego",
		"marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
		"października", "listopada", "grudnia":
		return true
	}
	return false
}

// hasMonth reports whether a word of lower is a month name.
func hasMonth(lower string) bool {
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if isMonth(w) {
			return true
		}
	}
	return false
}

// teaserList reports a list of three or more items that each open
// with a link: headlines, whatever summary follows them.
func teaserList(n *html.Node) bool {
	items := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		t := firstText(li)
		if li.DataAtom != atom.Li || t == nil || !hasAncestorBelow(t, atom.A, li) {
			return false
		}
		items++
	}
	return items >= 3
}

// firstText returns the first text node under n that is not white space.
func firstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

// hasAncestorBelow reports an ancestor of n with tag a below top.
func hasAncestorBelow(n *html.Node, a atom.Atom, top *html.Node) bool {
	for p := n.Parent; p != nil && p != top; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// tableNote reports a "Source:" line set right under a table or a
// figure: the note of where its data comes from, part of the article
// even where it closes it.
func tableNote(b, prev *block) bool {
	return (prev.n.DataAtom == atom.Table || prev.n.DataAtom == atom.Figure) && sourceLabel(b.lower)
}

// sourcesUnder reports a list of links under a heading that says it
// holds the article's sources ("Sources" over the report, the study and
// the minutes the story drew on): the story's own references, linked by
// their titles, not teasers under a cue.
func sourcesUnder(b, prev *block) bool {
	return (isElem(b.n, atom.Ul) || isElem(b.n, atom.Ol)) && prev.heading && len(prev.text) < 30 && sourceLabel(prev.lower)
}

// announcedList reports a list of links that a paragraph of the story
// announces in its last words ("… Estes são os pontos oficiais de
// arrecadação:"): the places to donate, the helplines, the resources the
// story gives its readers. Teasers stand under a heading or a short cue
// line ("Read more:"), never at the end of a paragraph of prose.
func announcedList(b, prev *block) bool {
	if !isElem(b.n, atom.Ul) && !isElem(b.n, atom.Ol) || !isElem(prev.n, atom.P) || prev.link > 0 {
		return false
	}
	t := strings.TrimSpace(prev.text)
	return !shortLine(t, 80) && (strings.HasSuffix(t, ":") || lastRune(t) == '：') &&
		!cueLine(prev.lower) && !promoLine(prev.lower) && !callToAction(prev.lower)
}

// sourceLabel reports a line that introduces the article's sources.
func sourceLabel(lower string) bool {
	return hasPrefixAny(lower, []string{"source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte", "fontes", "fonti"})
}

// sourceList reports a list whose links show their own addresses: the
// article's sources written out, not teasers, which show headlines.
func sourceList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	links := 0
	bare := true
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && bare; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				links++
				bare = webAddress(innerText(c))
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return bare && links > 0
}

// webAddress reports text that is a web address written out.
func webAddress(t string) bool {
	return !strings.ContainsAny(t, " \t\n") &&
		(strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."))
}

// linkText counts the text characters of n that sit inside links.
func linkText(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A {
			total += len(innerText(c))
			continue
		}
		total += linkText(c)
	}
	return total
}

// titleStack reports a head paragraph whose lines, parted by <br>, are
// the headline and then only its byline and dates: an old page's
// heading cell ("Headline<br>By X, Staff Reporter<br>Posted: 14 June").
func titleStack(p *html.Node, title string) bool {
	if p.DataAtom != atom.P || firstDescendant(p, atom.Br) == nil {
		return false
	}
	var sb strings.Builder
	appendText(&sb, p)
	if sb.Len() > 400 {
		return false
	}
	var lines []string
	for _, l := range strings.Split(sb.String(), "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 || !titleLike(cueText(lines[0]), title) {
		return false
	}
	for _, l := range lines[1:] {
		if !bylineLike(l) && !dateLike(l) && !metaLine(cueText(l)) {
			return false
		}
	}
	return true
}

// titleLike reports a block near the top that repeats the headline: equal
// to it, or a short block containing it or contained in it.
func titleLike(lower, title string) bool {
	if lower == title {
		return true
	}
	// Compare words only: quotes and dashes differ between <title> and h1.
	lower, title = slug(lower), slug(title)
	if lower == title {
		return true
	}
	if len(title) < 10 || len(lower) < 12 || len(lower) > len(title)+40 {
		return false
	}
	return strings.Contains(lower, title) || len(lower) >= len(title)*2/3 && strings.Contains(title, lower)
}

// promoPrefixes open a line that asks the reader to do something other
// than read on: sign up, subscribe, follow, download, donate. Unlike the
// weaker cues ("Share prices fell") they never open a sentence of news.
var promoPrefixes = [...]string{
	"sign up", "signup", "subscribe to", "subscribe now", "subscribe for", "follow us",
	"click here", "download the", "download our", "support us", "support our",
	"get our", "join our", "read more:", "read also:", "see also:", "related:",
	"don't miss", "become a member", "newsletter", "jetzt abonnieren", "abonnieren sie",
	"also read:", "also see:", "more:", "watch:", "listen:", "mehr dazu:", "auch interessant:",
	"vedi anche:", "ver también:", "lee más:", "leia mais:",
	"melden sie sich", "folgen sie uns", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
	"lire aussi", "à lire aussi", "abonnez-vous", "inscrivez-vous", "suivez-nous",
	"suscríbete", "síguenos", "lee también", "leer más:", "leia também", "leggi anche",
	"iscriviti", "seguici", "czytaj też", "czytaj także", "zapisz się", "obserwuj nas",
	"читайте также", "читайте ещё", "читайте еще", "смотрите также", "подписывайтесь", "подпишитесь",
	"责任编辑", "相关阅读", "延伸阅读", "関連記事", "あわせて読みたい",
	"اقرأ أيضا", "اقرأ أيضًا", "إقرأ أيضا", "إقرأ أيضًا", "اقرأ المزيد", "تابعونا", "اشترك في",
	"lees ook", "lees meer:", "läs också", "läs mer:", "læs også", "les også", "baca juga", "baca pula",
	"simak video", "simak juga", "ilgili haber", "관련기사",
}

// promoLine reports a short line that is a call to action: it opens with
// a promo phrase, or it is "Follow X on ..." / a newsletter sign-up.
func promoLine(lower string) bool {
	if hasPrefixAny(lower, promoPrefixes[:]) {
		return true
	}
	if strings.HasPrefix(lower, "follow ") && (strings.Contains(lower, " on ") || strings.Contains(lower, "social media")) {
		return true
	}
	return strings.Contains(lower, "newsletter") && (strings.Contains(lower, "sign up") ||
		strings.Contains(lower, "subscribe") || strings.Contains(lower, "abonn") || strings.Contains(lower, "inscri"))
}

// actionPhrases, anywhere in a short last block, ask the reader to go
// elsewhere: the article is over.
var actionPhrases = [...]string{
	"head over to", "check out our", "visit our", "sign up", "subscribe", "follow us",
	"newsletter", "download our app", "download the app", "get the app", "join the conversation",
	"share this", "share your", "let us know", "tell us what you think", "send us your",
	"melden sie sich", "abonnieren", "folgen sie", "newsletter", "abonnez", "suivez",
	"help us", "erschien zuerst", "first appeared in", "originally appeared", "auf dem laufenden",
	"suscríb", "síguenos", "iscriviti", "zapisz się",
	// Only the imperative or pitch forms: a last sentence of news may
	// well mention a membership or a mailing list ("会員登録を呼びかけた").
	"ctrl+enter", // "select the typo and press Ctrl+Enter", in any language
	"подписывайтесь", "подпишитесь", "关注我们", "会員登録（無料）", "無料会員登録", "会員登録する",
	"会員登録はこちら", "会員登録すると", "メールでお届けします",
	// An old CMS's story tools, set as a line after the story.
	"print this story", "print this article", "email to a friend", "email this story",
	"email this article", "send to a friend",
}

// labelsOnly reports a line of labels with at most two words before each
// colon and after the last ("Published: Updated:"), not labels with their
// values ("Referee: Alan Mistry. Attendance: 6,214.").
func labelsOnly(t string) bool {
	for _, part := range strings.Split(t, ":") {
		if len(strings.Fields(part)) > 2 {
			return false
		}
	}
	return true
}

// citeThisPage reports the line that tells how to cite the page itself:
// it was retrieved on a day from the page's own address.
func citeThisPage(lower string) bool {
	i := strings.Index(lower, "retrieved ")
	return i >= 0 && strings.Contains(lower[i:], " from http")
}

// policyLinks open a line that is all link to the site's own policy:
// how it tests, rates and reviews, its ethics. As a heading with a
// section under it ("How we tested") the same words are the article's.
var policyLinks = [...]string{
	"how we test", "how we rate", "how we review", "how we choose", "how we pick", "how we score",
	"our review process", "our ethics policy", "our editorial policy", "our editorial standards",
	"ethics policy", "editorial policy", "editorial standards",
}

// affiliatePhrases name, whole, what an affiliate notice is about: news
// may well say that a gunman's affiliation was linked to an attack, or
// that a company's affiliate signed a provision.
var affiliatePhrases = [...]string{
	"affiliate link", "affiliate commission", "affiliate partnership", "earn a commission", "earn commission",
	"earn commissions", "commission on purchases", "commission when you buy", "lien affilié", "liens affiliés",
	"enlace de afiliado", "enlaces de afiliados", "affiliate-link", "partnerlink", "provisionslink", "provisions-link",
}

// affiliateNotice reports the notice of a page that earns from the shop
// links in it ("Some of our stories include affiliate links. If you buy
// something through one of these links, we may earn an affiliate
// commission."): it names an affiliate link or commission.
func affiliateNotice(lower string) bool {
	return containsAny(lower, affiliatePhrases[:])
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// callToAction reports a line containing a call to action.
func callToAction(lower string) bool {
	return containsAny(lower, actionPhrases[:])
}

// roleWords name the jobs an author box describes.
var roleWords = [...]string{
	"correspondent", "reporter", "writer", "editor", "journalist", "columnist",
	"contributor", "author of", "producer", "freelance", "staff writer", "fellow at",
	"korrespondent", "redakteur", "journalist", "autorin", "autor ", "journaliste",
	"rédacteur", "rédactrice", "corresponsal", "periodista", "redactor", "giornalista",
	"dziennikar", "redaktor",
}

// bioLine reports an author box: "Jane Doe is a Cairo-based correspondent
// for The Post." A name of two to four capitalised words, a copula, and a
// job in journalism.
func bioLine(t string) bool {
	f := strings.Fields(t)
	i := 0
	for i < len(f) && i < 4 {
		r, _ := utf8.DecodeRuneInString(f[i])
		if !unicode.IsUpper(r) {
			break
		}
		i++
	}
	if i < 2 || i >= len(f) {
		return false
	}
	switch f[i] {
	case "is", "was", "ist", "war", "est", "es", "è", "jest":
	default:
		return false
	}
	lower := strings.ToLower(t)
	for _, w := range roleWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// restated reports a standfirst: a block (the page's description, whole)
// whose words the next block tells again. A lede that the description
// was copied from goes on to new facts instead, and stays.
func restated(dek, next *block) bool {
	words := strings.FieldsFunc(dek.lower, func(r rune) bool { return !unicode.IsLetter(r) })
	seen, shared := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 5 {
			continue
		}
		seen++
		if strings.Contains(next.lower, w[:len(w)-1]) { // a stem: "rehearse" in "rehearsing"
			shared++
		}
	}
	return seen >= 3 && shared*2 >= seen
}

// agencies are photo agencies whose names close a credit line.
var agencies = [...]string{
	"getty images", "afp", "reuters", "ap photo", "ap", "epa", "dpa", "shutterstock",
	"istock", "istockphoto", "imago", "picture alliance", "picture-alliance", "alamy",
	"anadolu", "xinhua", "efe", "ansa", "keystone", "bloomberg", "pa images", "pa",
}

// resumePhrases say that the text goes on past an ad slot.
var resumePhrases = [...]string{
	"continues below", "continues after", "continue reading below", "continues under",
	"nach der anzeige", "nach der werbung", "suite après", "continue après", "continúa debajo",
	"continúa después", "sigue después", "continua dopo", "prosegue dopo", "gaat verder na",
}

// adResumes reports the label an ad slot leaves in the body ("Story
// continues below advertisement", "Article continues after this ad",
// "Weiterlesen nach der Anzeige"): a short line, no sentence, that says
// the text resumes.
func adResumes(lower string) bool {
	if endsSentence(lower) {
		return false
	}
	return containsAny(lower, resumePhrases[:])
}

// counterLine reports a slideshow's position standing alone: "1 of 3",
// "Photo 2 of 12", "3 / 8". It tells where a reader is among the pictures
// and goes with the buttons that move it.
func counterLine(lower string) bool {
	f := strings.Fields(lower)
	if len(f) == 4 {
		switch f[0] {
		case "photo", "image", "picture", "slide", "foto", "bild", "imagen", "immagine":
			f = f[1:]
		}
	}
	if len(f) != 3 || !number(f[0]) || !number(f[2]) {
		return false
	}
	switch f[1] {
	case "of", "/", "von", "sur", "de", "di", "z", "van":
		return true
	}
	return false
}

// mediaWords label a video or audio card by its kind.
var mediaWords = [...]string{"video", "watch", "audio", "listen", "play", "podcast", "vídeo", "vidéo", "écouter", "ansehen"}

// mediaLabel reports what a video or audio card leaves of itself once its
// player is gone: its kind and its length, "VIDEO 02:15", "Watch 1:04:30".
func mediaLabel(lower string) bool {
	for _, w := range mediaWords {
		if rest, ok := strings.CutPrefix(lower, w); ok {
			return duration(strings.TrimLeft(rest, " :|·-"))
		}
	}
	return false
}

// embedMarker reports a line that is one bracketed marker a script was
// to replace with an embed, or a shortcode the CMS left unrendered:
// "[Gambas:Video 20detik]", "[youtube=https://…]". Its first word joins
// a name to a value with ":" or "=" and no space, which a bracketed
// remark in prose ("[Update: the council replied.]") does not.
func embedMarker(t string) bool {
	if len(t) > 100 || !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") || strings.Count(t, "[") != 1 {
		return false
	}
	word, _, _ := strings.Cut(t[1:len(t)-1], " ")
	i := strings.IndexAny(word, ":=")
	if i <= 0 || i == len(word)-1 {
		return false
	}
	for _, r := range word[:i] {
		if !unicode.IsLetter(r) && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

// videoTitle reports the title line of a video card: a paragraph of at
// most 120 characters that ends no sentence. A heading after the card
// heads the next section and stays.
func videoTitle(n *html.Node) bool {
	if n.DataAtom != atom.P {
		return false
	}
	t := innerText(n)
	return t != "" && shortLine(t, 120) && !endsSentence(t)
}

// runningTime reports an element whose text is a running time alone,
// reading the text only when it is short enough to be one.
func runningTime(n *html.Node) bool {
	if l, ok := textLenUpTo(n, 8); !ok || l == 0 {
		return false
	}
	return duration(strings.TrimSpace(innerText(n)))
}

// duration reports a running time alone: "2:15", "02:15", "1:04:30".
func duration(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if !number(p) || len(p) > 2 || i > 0 && len(p) != 2 {
			return false
		}
	}
	return true
}

// number reports a short run of digits.
func number(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// creditLine reports a photo credit standing alone: "Jim Watson/AFP/Getty
// Images", "(Photo: Reuters)".
func creditLine(lower string) bool {
	l := strings.Trim(lower, " ()[].")
	if !strings.Contains(l, "/") && !strings.HasPrefix(l, "photo") && !strings.HasPrefix(l, "foto") {
		return false
	}
	for _, a := range agencies {
		if strings.HasSuffix(l, "/"+a) || strings.HasSuffix(l, " "+a) || strings.HasSuffix(l, ": "+a) {
			return len(strings.Fields(l)) <= 6
		}
	}
	return false
}
