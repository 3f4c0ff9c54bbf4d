package related

import (
	"cmp"
	"math"
	"slices"
)

// candidates scores every live article sharing a strong term with doc i and
// returns the best maxCandidates, best first, ties broken by article ID so
// the order is stable. The article itself and its duplicates are never
// among them, and of several duplicates of one story only the best stays.
//
// score(q, d) = sum over q's strongest terms t of w_q(t) * w_d(t) * idf(t)^2
// with idf(t) = ln(1 + N/df(t)): cosine similarity of TF-IDF vectors whose
// lengths are normalised without IDF, so adding an article never forces a
// recomputation of the others' vectors.
func (ix *Index) candidates(i int32) []scored {
	q := &ix.docs[i]
	n := float64(ix.live)
	type queryTerm struct {
		term int32
		w    float64
	}
	qs := make([]queryTerm, 0, len(q.terms))
	for _, tw := range q.terms {
		df := float64(ix.df[tw.term])
		if df <= 1 {
			continue // no other article has it
		}
		if n > 100 && df > n/3 {
			continue // too common to tell stories apart, and costly to scan
		}
		idf := math.Log(1 + n/df)
		qs = append(qs, queryTerm{tw.term, float64(tw.w) * idf * idf})
	}
	slices.SortStableFunc(qs, func(a, b queryTerm) int { return cmp.Compare(b.w, a.w) })
	qs = qs[:min(len(qs), maxQueryTerms)]
	// Accumulate in term order, so equal inputs give bit-equal scores.
	slices.SortFunc(qs, func(a, b queryTerm) int { return cmp.Compare(ix.terms[a.term], ix.terms[b.term]) })

	ix.touched = ix.touched[:0]
	for _, qt := range qs {
		for _, p := range ix.postings[qt.term] {
			if p.doc == i || !ix.docs[p.doc].alive {
				continue
			}
			if ix.scores[p.doc] == 0 {
				ix.touched = append(ix.touched, p.doc)
			}
			ix.scores[p.doc] += qt.w * float64(p.w)
		}
	}
	out := make([]scored, 0, len(ix.touched))
	for _, d := range ix.touched {
		if !ix.duplicate(q, &ix.docs[d]) {
			out = append(out, scored{d, ix.scores[d]})
		}
		ix.scores[d] = 0
	}
	slices.SortFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(ix.docs[a.doc].id, ix.docs[b.doc].id)
	})
	// Drop duplicates among the candidates, keeping the best of each story.
	kept := out[:0]
	for _, c := range out {
		if len(kept) == maxCandidates {
			break
		}
		dup := false
		for _, k := range kept {
			if ix.duplicate(&ix.docs[k.doc], &ix.docs[c.doc]) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, c)
		}
	}
	return kept
}

// duplicate reports whether two articles are one story: the same content
// fingerprint or the same original URL.
func (ix *Index) duplicate(a, b *doc) bool {
	return (a.fingerprint != "" && a.fingerprint == b.fingerprint) ||
		(a.url != "" && a.url == b.url)
}

// diverse picks up to Keep recommendations from candidates (best first).
// When the best remaining candidate comes from a source already picked
// MaxPerSource times, the best one from another source is taken instead,
// provided its score is within Margin of it: variety, but not at any price.
func (ix *Index) diverse(cands []scored) []int64 {
	left := slices.Clone(cands)
	perSource := map[int64]int{}
	var out []int64
	for len(out) < ix.opt.Keep && len(left) > 0 {
		pick := 0
		if best := left[0]; perSource[ix.docs[best.doc].source] >= ix.opt.MaxPerSource {
			for j, c := range left[1:] {
				if c.score < best.score*(1-ix.opt.Margin) {
					break // sorted: nothing further is close enough
				}
				if perSource[ix.docs[c.doc].source] < ix.opt.MaxPerSource {
					pick = j + 1
					break
				}
			}
		}
		d := &ix.docs[left[pick].doc]
		out = append(out, d.id)
		perSource[d.source]++
		left = slices.Delete(left, pick, pick+1)
	}
	return out
}
