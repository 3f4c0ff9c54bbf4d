package store_test

import (
	"testing"

	"newshound/internal/store/storebench"
	"newshound/internal/store/storetest"
)

// The hot paths on the embedded default. PostgreSQL variants are below for
// comparison; bench/sqlitedrivers runs the same bodies on other drivers.

func BenchmarkSQLiteCreateArticle(b *testing.B) { storebench.CreateArticle(b, storetest.SQLite(b)) }
func BenchmarkSQLiteArticleBySlug(b *testing.B) { storebench.ArticleBySlug(b, storetest.SQLite(b)) }
func BenchmarkSQLiteArticlesPage(b *testing.B)  { storebench.ArticlesPage(b, storetest.SQLite(b)) }
func BenchmarkSQLiteTagPage(b *testing.B)       { storebench.TagPage(b, storetest.SQLite(b)) }

func BenchmarkPostgresCreateArticle(b *testing.B) { storebench.CreateArticle(b, storetest.Postgres(b)) }
func BenchmarkPostgresArticleBySlug(b *testing.B) { storebench.ArticleBySlug(b, storetest.Postgres(b)) }
func BenchmarkPostgresArticlesPage(b *testing.B)  { storebench.ArticlesPage(b, storetest.Postgres(b)) }
func BenchmarkPostgresTagPage(b *testing.B)       { storebench.TagPage(b, storetest.Postgres(b)) }
