// Package related finds the articles to recommend under an article ("Recommended
// for you"). It keeps a weighted inverted index of published articles in
// memory (title, standfirst, body and tags, each field weighted), computes an
// article's recommendations when the article is stored, refreshes those of its
// nearest neighbours, and saves the lists to the store; an article page then
// pays a single lookup (store.RelatedArticles).
//
// Recommendations never include the article itself or its duplicates (same
// fingerprint or same original URL), favour variety across sources, and are
// ordered stably, ties broken by article ID.
package related
