package admin

import (
	"context"
	"errors"

	"newshound/internal/ingest"
	"newshound/internal/news"
	"newshound/internal/store"
)

// FromIngester adapts an Ingester to what the admin pages need. It adds
// sources and extracts articles again with in, and pauses, resumes and
// reads health straight from st, as `newshound sources` does.
func FromIngester(in *ingest.Ingester, st *store.Store) Ingest {
	return ingester{in: in, st: st}
}

type ingester struct {
	in *ingest.Ingester
	st *store.Store
}

func (g ingester) AddSource(ctx context.Context, rawURL, name string) (news.Source, error) {
	src, _, err := g.in.AddSource(ctx, rawURL, name)
	return src, err
}

// pauseReason is shown on the sources page and in `newshound sources list`.
const pauseReason = "paused by an organiser"

func (g ingester) SetPaused(ctx context.Context, sourceID int64, paused bool) error {
	err := g.st.SetSourcePaused(ctx, sourceID, paused, pauseReason)
	if errors.Is(err, store.ErrNotFound) {
		return errNotPolled
	}
	return err
}

func (g ingester) Health(ctx context.Context) (map[int64]SourceHealth, error) {
	feeds, err := g.st.SourceFeeds(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]SourceHealth, len(feeds))
	for _, f := range feeds {
		out[f.SourceID] = SourceHealth{
			Kind: f.Kind, URL: f.URL, Paused: f.Paused, PauseReason: f.PauseReason,
			LastPolledAt: f.LastPolledAt, LastSuccessAt: f.LastSuccessAt, LastErrorAt: f.LastErrorAt,
			LastError: f.LastError, Failures: f.Failures, Articles: f.ArticlesImported,
		}
	}
	return out, nil
}

func (g ingester) Reextract(ctx context.Context, articleID int64) error {
	return g.in.ReextractArticle(ctx, articleID)
}
