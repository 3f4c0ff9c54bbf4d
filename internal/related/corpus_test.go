package related

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"newshound/internal/news"
)

// A generated test corpus whose topics are known. Every article mixes words
// of its topic with a larger share of generic news filler that all topics
// share, and some carry a tag that cuts across topics, so recommending by
// shared words alone would not be enough.

var topicWords = [][]string{
	{"football", "striker", "goalkeeper", "penalty", "league", "midfielder", "stadium", "referee",
		"transfer", "fixture", "derby", "relegation", "coach", "dressing", "corner", "offside",
		"supporters", "season", "cup", "defender"},
	{"telescope", "galaxy", "asteroid", "orbit", "planet", "nebula", "astronomer", "comet",
		"eclipse", "observatory", "spacecraft", "moon", "solar", "meteor", "constellation",
		"gravity", "satellite", "rover", "crater", "stellar"},
	{"bakery", "sourdough", "flour", "oven", "pastry", "recipe", "yeast", "dough", "butter",
		"croissant", "loaf", "kitchen", "chef", "crust", "knead", "bread", "baker", "sugar",
		"cinnamon", "rye"},
	{"election", "ballot", "candidate", "parliament", "voter", "coalition", "referendum",
		"campaign", "manifesto", "constituency", "polling", "senator", "minister", "opposition",
		"debate", "turnout", "party", "mayor", "legislation", "councillor"},
	{"vaccine", "hospital", "nurse", "patient", "clinic", "virus", "surgeon", "diagnosis",
		"pharmacy", "epidemic", "antibiotic", "ward", "symptom", "infection", "doctor",
		"therapy", "immunisation", "outbreak", "paramedic", "prescription"},
	{"shares", "investor", "dividend", "stock", "bond", "inflation", "currency", "trader",
		"portfolio", "earnings", "exchange", "interest", "lender", "mortgage", "recession",
		"profit", "hedge", "broker", "valuation", "bank"},
}

var topicNames = []string{"football", "astronomy", "baking", "elections", "health", "markets"}

var fillerWords = strings.Fields(`
	report week city local people morning official statement told reporters
	people group plan news update later earlier community street spokesperson
	monday tuesday friday weekend region national announced expected number
	small large young old family friends evening afternoon decision question
	interview story around across several another figure change view place
	country council office time public early local march april summer winter
	return second third part side line record week result head home night
	minute hour show point issue matter measure meeting member service moment`)

// corpusArticle is a generated article with the topic it was written on.
type corpusArticle struct {
	news.Article
	topic int
}

// genCorpus writes topics x perTopic articles over sources (the source IDs
// given), deterministic for a seed. IDs are left zero; the store sets them.
func genCorpus(seed uint64, topics, perTopic int, sources []int64) []corpusArticle {
	rng := rand.New(rand.NewPCG(seed, 1))
	pick := func(words []string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = words[rng.IntN(len(words))]
		}
		return out
	}
	var out []corpusArticle
	for j := range perTopic {
		for k := range topics {
			vocab := topicWords[k%len(topicWords)]
			if k >= len(topicWords) {
				// More topics than vocabularies: give each its own words.
				vocab = syntheticVocab(k)
			}
			title := strings.Join(append(pick(vocab, 2), pick(fillerWords, 4)...), " ")
			standfirst := strings.Join(append(pick(vocab, 2), pick(fillerWords, 12)...), " ")
			var body []string
			for range 220 {
				if rng.Float64() < 0.08 {
					body = append(body, vocab[rng.IntN(len(vocab))])
				} else {
					body = append(body, fillerWords[rng.IntN(len(fillerWords))])
				}
			}
			a := news.Article{
				SourceID:    sources[(j+k)%len(sources)],
				Title:       strings.ToUpper(title[:1]) + title[1:],
				Standfirst:  standfirst,
				BodyText:    strings.Join(body, " "),
				OriginalURL: fmt.Sprintf("https://source%d.example/%d/%d", (j+k)%len(sources), k, j),
				Fingerprint: fmt.Sprintf("fp-%d-%d", k, j),
				Status:      news.StatusPublished,
			}
			if j%2 == 0 {
				a.Tags = append(a.Tags, news.Tag{Slug: topicName(k), Name: topicName(k)})
			}
			if rng.IntN(4) == 0 {
				a.Tags = append(a.Tags, news.Tag{Slug: "weekend-read", Name: "Weekend read"})
			}
			out = append(out, corpusArticle{a, k})
		}
	}
	return out
}

func topicName(k int) string {
	if k < len(topicNames) {
		return topicNames[k]
	}
	return fmt.Sprintf("topic-%d", k)
}

// syntheticVocab makes 20 made-up words for topic k, distinct per topic.
func syntheticVocab(k int) []string {
	out := make([]string, 20)
	for i := range out {
		out[i] = fmt.Sprintf("t%dw%d", k, i)
	}
	return out
}
