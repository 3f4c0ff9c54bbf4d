package ingest

import (
	"context"
	"errors"
	"fmt"

	"newshound/internal/store"
)

// ErrNoPage means an article has no stored original page to extract
// again: it was not fetched by ingestion (imported, or from the demo), or
// its feed's content was used without fetching the page.
var ErrNoPage = errors.New("ingest: this article has no stored original page to extract again")

// ReextractArticle runs the extractor again on one article's stored page,
// as Reextract does for a whole source, for the organisers' "extract
// again" button. When extraction is still too thin to replace the feed's
// content, the article is left as it is and the error says so.
func (in *Ingester) ReextractArticle(ctx context.Context, articleID int64) error {
	p, err := in.st.IngestedPage(ctx, articleID)
	if errors.Is(err, store.ErrNotFound) {
		return ErrNoPage
	}
	if err != nil {
		return fmt.Errorf("ingest: reextract article %d: %w", articleID, err)
	}
	if p.PageGz == nil {
		return ErrNoPage
	}
	if err := in.reextractOne(ctx, p); err != nil {
		if errors.Is(err, errThin) {
			return fmt.Errorf("ingest: reextract article %d: the extracted text is still thinner than the feed's, so the feed's is kept", articleID)
		}
		return fmt.Errorf("ingest: reextract article %d: %w", articleID, err)
	}
	return nil
}
