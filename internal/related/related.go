// Package related finds the articles to recommend under an article
// ("Recommended for you"). It keeps a weighted inverted index of published
// articles in memory (title, standfirst, body and tags, each field weighted),
// computes an article's recommendations when the article is stored, and saves
// the lists to the store; an article page then pays a single lookup
// (store.RelatedArticles).
//
// Recommendations never include the article itself or its duplicates (same
// fingerprint or same original URL), favour variety across sources, and are
// ordered stably, ties broken by article ID.
//
// The work per new article is bounded: its own list, plus fresh lists for
// its ten nearest neighbours, whose best match it most likely became. An
// older article further away keeps its list until it is itself refreshed, a
// deliberate trade of completeness for constant cost. Each process holds its
// own index: a process adds what it stores, and Sync picks up what others
// stored or took down.
package related
