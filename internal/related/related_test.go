package related

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"newshound/internal/news"
	"newshound/internal/store"
	"newshound/internal/store/storetest"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The Elections, 2024: Parties' policies!", []string{"election", "party", "policy"}},
		{"Bus crashes; glass shatters", []string{"bus", "crashe", "glass", "shatter"}},
		{"Café déjà-vu in São Paulo", []string{"café", "déjà", "vu", "são", "paulo"}},
		{"COVID-19 and H5N1", []string{"covid", "h5n1"}},
		{"a I 42 of", nil},
		{"Москва объявила выборы", []string{"москва", "объявила", "выборы"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			tokens(tt.in, 0, func(s string) { got = append(got, s) })
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
		})
	}
	var n int
	tokens("one two three four five", 2, func(string) { n++ })
	if n != 2 {
		t.Errorf("limit 2 gave %d tokens", n)
	}
}

// seedSources stores three sources and returns their IDs.
func seedSources(t testing.TB, s *store.Store) []int64 {
	t.Helper()
	var ids []int64
	for _, name := range []string{"Northern Courier", "Harbour Times", "Valley Post"} {
		src := news.Source{Name: name, HomepageURL: "https://" + news.Slugify(name) + ".example/"}
		if err := s.CreateSource(context.Background(), &src); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, src.ID)
	}
	return ids
}

// storeCorpus stores the generated corpus, adding each article to ix as it
// is stored, the way ingestion will. Two duplicates are added as well: a
// copy of the first article with its fingerprint, and one with its URL.
func storeCorpus(t *testing.T, s *store.Store, ix *Index, sources []int64) (arts []corpusArticle) {
	t.Helper()
	ctx := context.Background()
	arts = genCorpus(7, 6, 8, sources)
	dupFP, dupURL := arts[0], arts[0]
	dupFP.Title += " (copy)"
	dupFP.OriginalURL += "?copy"
	dupFP.SourceID = sources[1]
	dupURL.Title += " (syndicated)"
	dupURL.Fingerprint += "-other"
	dupURL.SourceID = sources[2]
	arts = append(arts, dupFP, dupURL)
	for i := range arts {
		a := &arts[i].Article
		a.Tags = slices.Clone(a.Tags)
		if err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if ix != nil {
			if err := ix.Add(ctx, *a); err != nil {
				t.Fatal(err)
			}
		}
	}
	return arts
}

// checkQuality asserts the rules on every article's stored recommendations.
func checkQuality(t *testing.T, s *store.Store, arts []corpusArticle) {
	t.Helper()
	ctx := context.Background()
	byID := map[int64]corpusArticle{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	worst := 5
	for _, a := range arts {
		recs, err := s.RelatedArticles(ctx, a.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.RelatedArticles(ctx, a.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(ids(recs), ids(again)); diff != "" {
			t.Errorf("article %d: recommendations changed between two reads:\n%s", a.ID, diff)
		}
		if len(recs) != 5 {
			t.Errorf("article %d: %d recommendations, want 5", a.ID, len(recs))
		}
		same := 0
		perSource := map[int64]int{}
		for _, r := range recs {
			if r.ID == a.ID {
				t.Errorf("article %d recommends itself", a.ID)
			}
			if r.Fingerprint == a.Fingerprint || r.OriginalURL == a.OriginalURL {
				t.Errorf("article %d recommends its duplicate %d", a.ID, r.ID)
			}
			if byID[r.ID].topic == a.topic {
				same++
			}
			perSource[r.SourceID]++
		}
		worst = min(worst, same)
		if same < 4 {
			t.Errorf("article %d (topic %s): only %d of %d recommendations share its topic", a.ID, topicName(a.topic), same, len(recs))
		}
		for src, n := range perSource {
			if n > 3 {
				t.Errorf("article %d: %d of 5 recommendations from source %d", a.ID, n, src)
			}
		}
	}
	t.Logf("%d articles: worst case %d of 5 recommendations on topic", len(arts), worst)
}

func ids(list []news.Article) []int64 {
	out := make([]int64, len(list))
	for i, a := range list {
		out[i] = a.ID
	}
	return out
}

func TestRecommendationQuality(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sources := seedSources(t, s)
		ix := New(s, Options{})
		arts := storeCorpus(t, s, ix, sources)
		if ix.Len() != len(arts) {
			t.Fatalf("index holds %d articles, want %d", ix.Len(), len(arts))
		}
		checkQuality(t, s, arts)
	})
}

// TestLoad covers a site whose articles were stored before the index
// existed: Load must index them all and fill in every missing list.
func TestLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sources := seedSources(t, s)
		arts := storeCorpus(t, s, nil, sources)
		ix, err := Load(ctx, s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ix.Len() != len(arts) {
			t.Fatalf("Load indexed %d articles, want %d", ix.Len(), len(arts))
		}
		checkQuality(t, s, arts)
		// Loading again changes nothing: every article has its list.
		before, err := s.RelatedIDs(ctx, arts[5].ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Load(ctx, s, Options{}); err != nil {
			t.Fatal(err)
		}
		after, err := s.RelatedIDs(ctx, arts[5].ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("a second Load changed stored lists (-before +after):\n%s", diff)
		}
	})
}

// TestTakenDown unpublishes an article and checks that no stored list
// keeps recommending it and that its neighbours still get five.
func TestTakenDown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sources := seedSources(t, s)
		ix := New(s, Options{})
		arts := storeCorpus(t, s, ix, sources)
		gone := arts[3].Article
		refs, err := s.RelatedReferrers(ctx, gone.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(refs) == 0 {
			t.Fatal("the article to take down is recommended nowhere; pick another")
		}
		gone.Status = news.StatusUnpublished
		if err := s.UpdateArticle(ctx, &gone); err != nil {
			t.Fatal(err)
		}
		if err := ix.Add(ctx, gone); err != nil {
			t.Fatal(err)
		}
		if refs, err := s.RelatedReferrers(ctx, gone.ID); err != nil || len(refs) != 0 {
			t.Errorf("after take-down still recommended by %v (err %v)", refs, err)
		}
		for _, ref := range refs {
			recs, err := s.RelatedArticles(ctx, ref, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 5 {
				t.Errorf("article %d: %d recommendations after a take-down, want 5", ref, len(recs))
			}
		}
		if got := ix.Related(gone.ID); got != nil {
			t.Errorf("a taken-down article still has recommendations %v", got)
		}
	})
}

func TestDiversity(t *testing.T) {
	tests := []struct {
		name     string
		others   string // text of the three articles from source B
		wantMaxA int
	}{
		// B is nearly as close as A: A is capped at three of five.
		{"close alternatives", "alpha beta gamma delta", 3},
		// B shares one word: not worth a worse list, A keeps all five.
		{"poor alternatives", "alpha zulu yankee xray", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			ix := New(nil, Options{})
			const srcA, srcB = 1, 2
			add := func(id, src int64, text string) {
				t.Helper()
				a := news.Article{ID: id, SourceID: src, Title: text, Fingerprint: fmt.Sprint(id), Status: news.StatusPublished}
				if err := ix.Add(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			add(1, srcA, "alpha beta gamma delta epsilon")
			for i := range int64(5) {
				add(10+i, srcA, fmt.Sprintf("alpha beta gamma delta epsilon unique%c", 'a'+i))
			}
			for i := range int64(3) {
				add(20+i, srcB, fmt.Sprintf("%s other%c", tt.others, 'a'+i))
			}
			// Unrelated articles keep the IDF of the shared words meaningful.
			for i := range int64(20) {
				add(100+i, 3, fmt.Sprintf("filler%d words%d", i, i))
			}
			top := ix.Related(1)[:5]
			fromA := 0
			for _, id := range top {
				if id >= 10 && id < 20 {
					fromA++
				}
			}
			if fromA != tt.wantMaxA {
				t.Errorf("top 5 %v has %d from source A, want %d", top, fromA, tt.wantMaxA)
			}
			if again := ix.Related(1)[:5]; !slices.Equal(top, again) {
				t.Errorf("order not stable: %v then %v", top, again)
			}
		})
	}
}

func TestAddNeedsID(t *testing.T) {
	ix := New(nil, Options{})
	if err := ix.Add(context.Background(), news.Article{Title: "No ID"}); err == nil {
		t.Error("Add accepted an article without an ID")
	}
}

// BenchmarkAdd measures adding one article to an index of 10,000: its own
// recommendations plus the refresh of its ten nearest neighbours, in
// memory (the save is one small transaction on top).
func BenchmarkAdd(b *testing.B) {
	ctx := context.Background()
	ix := New(nil, Options{})
	corpus := genCorpus(11, 100, 110, []int64{1, 2, 3})
	var id int64
	for _, a := range corpus[:10_000] {
		id++
		a.ID = id
		ix.put(a.Article)
	}
	extra := corpus[10_000:]
	b.ResetTimer()
	i := 0
	for b.Loop() {
		a := extra[i%len(extra)].Article
		i++
		id++
		a.ID = id
		if err := ix.Add(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSync has two indexes on one database, as two worker processes would:
// what one stores or takes down, the other learns on Sync.
func TestSync(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sources := seedSources(t, s)
		other, err := Load(ctx, s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix := New(s, Options{})
		arts := storeCorpus(t, s, ix, sources)
		if other.Len() != 0 {
			t.Fatalf("the other index saw %d articles before Sync", other.Len())
		}
		if err := other.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if other.Len() != len(arts) {
			t.Fatalf("after Sync the other index holds %d articles, want %d", other.Len(), len(arts))
		}
		checkQuality(t, s, arts)

		gone := arts[10].Article
		gone.Status = news.StatusDraft
		if err := s.UpdateArticle(ctx, &gone); err != nil {
			t.Fatal(err)
		}
		if err := other.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if other.Len() != len(arts)-1 {
			t.Errorf("after a take-down and Sync: %d articles, want %d", other.Len(), len(arts)-1)
		}
		if refs, err := s.RelatedReferrers(ctx, gone.ID); err != nil || len(refs) != 0 {
			t.Errorf("after Sync still recommended by %v (err %v)", refs, err)
		}
	})
}

// TestQualityAtScale runs the quality rule on a larger corpus in memory:
// 30 topics of 20 articles over three sources, added one by one.
func TestQualityAtScale(t *testing.T) {
	ctx := context.Background()
	ix := New(nil, Options{})
	arts := genCorpus(3, 30, 20, []int64{1, 2, 3})
	topic := map[int64]int{}
	for i := range arts {
		a := arts[i].Article
		a.ID = int64(i + 1)
		topic[a.ID] = arts[i].topic
		if err := ix.Add(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	bad := 0
	for id, want := range topic {
		recs := ix.Related(id)
		if len(recs) < 5 {
			t.Fatalf("article %d: %d recommendations", id, len(recs))
		}
		same := 0
		for _, r := range recs[:5] {
			if topic[r] == want {
				same++
			}
		}
		if same < 4 {
			bad++
			t.Errorf("article %d: %d of 5 on topic", id, same)
		}
	}
	t.Logf("%d articles, %d below 4 of 5", len(topic), bad)
}
