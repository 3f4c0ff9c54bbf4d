package related

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"

	"newshound/internal/news"
	"newshound/internal/store"
)

// Field weights: a word in the title says more about the story than one in
// the body, and a tag, chosen by a person, says the most.
const (
	weightTitle      = 3.0
	weightStandfirst = 2.0
	weightBody       = 1.0
	weightTag        = 5.0
)

const (
	maxDocTerms   = 200 // terms kept per article: bounds memory and postings
	maxQueryTerms = 40  // an article's strongest terms used to find its neighbours
	maxCandidates = 60  // scored candidates the diversity pass chooses from
)

// Options tune an Index; zero values take the defaults.
type Options struct {
	// Keep is how many recommendations are stored per article. Pages show
	// up to 5; the spares stand in when one is taken down. Default 8.
	Keep int
	// Neighbours is how many of the nearest existing articles get their
	// lists recomputed when an article is added. Default 10.
	Neighbours int
	// MaxPerSource caps picks from one source when another source offers a
	// candidate within Margin of the best score. Default 3.
	MaxPerSource int
	// Margin is that fraction; default 0.25.
	Margin float64
}

// Index is an in-memory weighted inverted index of published articles. It
// computes each article's recommendations when the article is added and
// saves them to the store, so an article page only looks them up. It is safe
// for concurrent use; adds are serialised.
type Index struct {
	opt   Options
	store *store.Store // nil: memory only

	mu       sync.Mutex
	docs     []doc // dense; a removed or replaced article leaves a dead doc
	byID     map[int64]int32
	termIDs  map[string]int32
	terms    []string    // term ID -> term
	postings [][]posting // term ID -> live and dead docs holding it
	df       []int32     // term ID -> live docs holding it
	live     int
	dead     int
	scores   []float64 // scratch for query, by doc
	touched  []int32
}

type doc struct {
	id          int64
	source      int64
	fingerprint string
	url         string
	terms       []termWeight // by descending weight, ties by term
	alive       bool
}

type termWeight struct {
	term int32
	w    float32 // 1+ln(weighted tf), L2-normalised over the article
}

type posting struct {
	doc int32
	w   float32
}

// scored is a candidate recommendation.
type scored struct {
	doc   int32
	score float64
}

// New returns an empty index that saves recommendations to s (nil: keep
// nothing, for measuring).
func New(s *store.Store, opt Options) *Index {
	if opt.Keep <= 0 {
		opt.Keep = 8
	}
	if opt.Neighbours <= 0 {
		opt.Neighbours = 10
	}
	if opt.MaxPerSource <= 0 {
		opt.MaxPerSource = 3
	}
	if opt.Margin <= 0 {
		opt.Margin = 0.25
	}
	return &Index{opt: opt, store: s, byID: map[int64]int32{}, termIDs: map[string]int32{}}
}

// Load builds the index from every published article in s, then computes
// and saves recommendations for the articles that have none yet. Call it
// once at start; afterwards Add keeps the index current.
func Load(ctx context.Context, s *store.Store, opt Options) (*Index, error) {
	ix := New(s, opt)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	err := s.EachArticleText(ctx, func(a news.Article) error {
		ix.put(a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("related: load: %w", err)
	}
	missing, err := s.ArticlesWithoutRelated(ctx)
	if err != nil {
		return nil, fmt.Errorf("related: load: %w", err)
	}
	for chunk := range slices.Chunk(missing, 500) {
		lists := map[int64][]int64{}
		for _, id := range chunk {
			if i, ok := ix.byID[id]; ok {
				lists[id] = ix.recommend(i)
			}
		}
		if err := s.SaveRelated(ctx, lists); err != nil {
			return nil, fmt.Errorf("related: load: %w", err)
		}
	}
	return ix, nil
}

// Add indexes a new or changed article, computes its recommendations and
// refreshes those of its nearest neighbours, and saves them all in one
// transaction. An article that is not published is removed instead, and
// the articles recommending it get new lists.
func (ix *Index) Add(ctx context.Context, a news.Article) error {
	if a.ID == 0 {
		return fmt.Errorf("related: add %q: article has no ID; store it first", a.Title)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock() // held through the save, so saves land in add order
	var lists map[int64][]int64
	if i := ix.put(a); i >= 0 {
		lists = ix.refresh(i)
	} else {
		var err error
		if lists, err = ix.relink(ctx, a.ID); err != nil {
			return err
		}
	}
	return ix.save(ctx, lists)
}

// Remove takes an article out of the index (it was deleted or taken down)
// and recomputes the lists that recommended it.
func (ix *Index) Remove(ctx context.Context, id int64) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := ix.byID[id]; ok {
		ix.kill(i)
	}
	lists, err := ix.relink(ctx, id)
	if err != nil {
		return err
	}
	return ix.save(ctx, lists)
}

// Sync brings the index up to date with the articles other processes
// stored or took down since Load: with several workers, each keeps its own
// index and Adds only what it stores itself. New articles are indexed and
// get lists (refreshing their neighbours'); articles no longer published
// are dropped and the lists recommending them recomputed. Edits to articles
// that stay published are not noticed; Add them where they are made. Call
// it periodically, e.g. once a minute.
func (ix *Index) Sync(ctx context.Context) error {
	if ix.store == nil {
		return nil
	}
	ix.mu.Lock() // before reading IDs, so a concurrent Add is not taken for a removal
	defer ix.mu.Unlock()
	ids, err := ix.store.PublishedIDs(ctx)
	if err != nil {
		return fmt.Errorf("related: sync: %w", err)
	}
	published := make(map[int64]bool, len(ids))
	var missing []int64
	for _, id := range ids {
		published[id] = true
		if _, ok := ix.byID[id]; !ok {
			missing = append(missing, id)
		}
	}
	var gone []int64
	for id := range ix.byID {
		if !published[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	lists := map[int64][]int64{}
	for _, id := range gone {
		ix.kill(ix.byID[id])
	}
	for _, id := range gone {
		l, err := ix.relink(ctx, id)
		if err != nil {
			return err
		}
		maps.Copy(lists, l)
	}
	arts, err := ix.store.ArticleTexts(ctx, missing)
	if err != nil {
		return fmt.Errorf("related: sync: %w", err)
	}
	for _, a := range arts {
		ix.put(a)
	}
	for _, a := range arts { // after all are in, so new articles see each other
		if i, ok := ix.byID[a.ID]; ok {
			maps.Copy(lists, ix.refresh(i))
		}
	}
	return ix.save(ctx, lists)
}

// Related returns the current recommendations for an article as computed
// from the index now (pages read the stored ones instead).
func (ix *Index) Related(id int64) []int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	return ix.recommend(i)
}

// Len returns the number of articles indexed.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.live
}

// refresh computes the recommendations of doc i and of its nearest
// neighbours: bounded work, however large the index.
func (ix *Index) refresh(i int32) map[int64][]int64 {
	cands := ix.candidates(i)
	lists := map[int64][]int64{ix.docs[i].id: ix.diverse(cands)}
	for _, c := range cands[:min(len(cands), ix.opt.Neighbours)] {
		lists[ix.docs[c.doc].id] = ix.recommend(c.doc)
	}
	return lists
}

// relink recomputes the lists of the stored articles that recommend id.
func (ix *Index) relink(ctx context.Context, id int64) (map[int64][]int64, error) {
	if ix.store == nil {
		return nil, nil
	}
	refs, err := ix.store.RelatedReferrers(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("related: relink %d: %w", id, err)
	}
	lists := map[int64][]int64{}
	for _, ref := range refs {
		if i, ok := ix.byID[ref]; ok {
			lists[ref] = ix.recommend(i)
		}
	}
	return lists, nil
}

func (ix *Index) save(ctx context.Context, lists map[int64][]int64) error {
	if ix.store == nil || len(lists) == 0 {
		return nil
	}
	if err := ix.store.SaveRelated(ctx, lists); err != nil {
		return fmt.Errorf("related: %w", err)
	}
	return nil
}

// recommend returns the recommendations for doc i.
func (ix *Index) recommend(i int32) []int64 { return ix.diverse(ix.candidates(i)) }

// put replaces any earlier version of a and indexes it when published,
// returning its doc number, or -1 when it is not indexed.
func (ix *Index) put(a news.Article) int32 {
	if old, ok := ix.byID[a.ID]; ok {
		ix.kill(old)
	}
	if a.Status != "" && !a.Published() {
		return -1
	}
	i := int32(len(ix.docs))
	d := doc{id: a.ID, source: a.SourceID, fingerprint: a.Fingerprint, url: a.OriginalURL, alive: true}
	for _, x := range vectorise(a) {
		t := ix.termID(x.term)
		w := float32(x.w)
		d.terms = append(d.terms, termWeight{t, w})
		ix.postings[t] = append(ix.postings[t], posting{i, w})
		ix.df[t]++
	}
	ix.docs = append(ix.docs, d)
	ix.scores = append(ix.scores, 0)
	ix.byID[a.ID] = i
	ix.live++
	return i
}

// kill marks doc i dead; its postings are skipped and later compacted away.
func (ix *Index) kill(i int32) {
	d := &ix.docs[i]
	if !d.alive {
		return
	}
	d.alive = false
	for _, tw := range d.terms {
		ix.df[tw.term]--
	}
	delete(ix.byID, d.id)
	ix.live--
	ix.dead++
	if ix.dead > 1000 && ix.dead > ix.live {
		ix.compact()
	}
}

// compact drops dead docs and renumbers the live ones.
func (ix *Index) compact() {
	renum := make([]int32, len(ix.docs))
	docs := ix.docs[:0:0]
	for i, d := range ix.docs {
		renum[i] = -1
		if d.alive {
			renum[i] = int32(len(docs))
			docs = append(docs, d)
		}
	}
	for t, ps := range ix.postings {
		kept := ps[:0]
		for _, p := range ps {
			if n := renum[p.doc]; n >= 0 {
				kept = append(kept, posting{n, p.w})
			}
		}
		ix.postings[t] = kept
	}
	ix.docs = docs
	ix.scores = make([]float64, len(docs))
	for i, d := range docs {
		ix.byID[d.id] = int32(i)
	}
	ix.dead = 0
}

func (ix *Index) termID(term string) int32 {
	if t, ok := ix.termIDs[term]; ok {
		return t
	}
	t := int32(len(ix.terms))
	ix.termIDs[term] = t
	ix.terms = append(ix.terms, term)
	ix.postings = append(ix.postings, nil)
	ix.df = append(ix.df, 0)
	return t
}

// vectorise turns an article into normalised term weights: each term's
// field-weighted count, dampened by a logarithm (the tenth mention adds
// little), the strongest maxDocTerms kept, scaled to unit length.
func vectorise(a news.Article) []weighted {
	tf := map[string]float64{}
	tokens(a.Title, 0, func(t string) { tf[t] += weightTitle })
	tokens(a.Standfirst, 0, func(t string) { tf[t] += weightStandfirst })
	tokens(a.BodyText, maxBodyTokens, func(t string) { tf[t] += weightBody })
	for _, tag := range a.Tags {
		slug := tag.Slug
		if slug == "" {
			slug = news.Slugify(tag.Name)
		}
		if slug != "" {
			tf["#"+slug] += weightTag // a namespace of its own: a tag is not a word
		}
	}
	list := make([]weighted, 0, len(tf))
	for t, f := range tf {
		list = append(list, weighted{t, 1 + math.Log(f)})
	}
	slices.SortFunc(list, func(a, b weighted) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return cmp.Compare(a.term, b.term)
	})
	list = list[:min(len(list), maxDocTerms)]
	var norm float64
	for _, x := range list {
		norm += x.w * x.w
	}
	norm = math.Sqrt(norm)
	for i := range list {
		list[i].w /= norm
	}
	return list
}

// weighted is a term and its weight in one article.
type weighted struct {
	term string
	w    float64
}
