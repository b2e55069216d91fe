package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// searchFixture stores four articles to search and returns their ids.
func searchFixture(t *testing.T, s crosscheck.Store) []string {
	t.Helper()
	ctx := context.Background()
	texts := []struct{ title, text string }{
		{"Prisoners freed in Minsk", "Lukašenka pardoned 52 prisoners on Thursday. Maria Kalesnikava was among them."},
		{"Bridge reopens", "The Varga bridge reopened after repairs costing 12 million euros. Buses AND trams returned."},
		{"Square empties", "Café owners near the square said trade fell. Prisoners' families waited outside."},
		{"Press notes", "Set col:x to NEAR(1) and try a* again, the manual says."},
	}
	var ids []string
	for i, tx := range texts {
		a := article(300 + i)
		a.Title, a.Text, a.Raw, a.Sentences = tx.title, tx.text, tx.text, sentencesOf(tx.text)
		if added, err := s.AddArticle(ctx, a); err != nil || !added {
			t.Fatalf("AddArticle %d: got %v, %v; want true, nil", i, added, err)
		}
		ids = append(ids, a.ID)
	}
	// A duplicate must not be indexed twice.
	again := article(300)
	if added, err := s.AddArticle(ctx, again); err != nil || added {
		t.Fatalf("duplicate: got %v, %v; want false, nil", added, err)
	}
	return ids
}

func testSearch(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	ids := searchFixture(t, s)
	if err := s.SaveClustering(ctx, crosscheck.Clustering{
		Stories:     []crosscheck.StoryRecord{{ID: "s1", Title: "Prisoners"}},
		Assignments: map[string]string{ids[0]: "s1"},
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		q             string
		limit, offset int
		want          []int // indexes into ids, best first when ordered
		ordered       bool
		wantKind      crosscheck.Kind // KindInternal: no error
	}{
		{name: "one word, title first", q: "prisoners", want: []int{0, 2}, ordered: true},
		{name: "every word", q: "prisoners thursday", want: []int{0}},
		{name: "case", q: "BRIDGE", want: []int{1}},
		{name: "no match", q: "zebra", want: nil},
		{name: "without diacritics", q: "Lukasenka", want: []int{0}},
		{name: "with other diacritics", q: "cafè", want: []int{2}},
		{name: "paged", q: "prisoners", limit: 1, offset: 1, want: []int{2}},
		{name: "lone quote", q: `"`, want: nil},
		{name: "unbalanced quotes", q: `"prisoners`, want: []int{0, 2}},
		{name: "quote inside", q: `pris"oners`, want: nil},
		{name: "operator", q: "AND", want: []int{1, 3}},
		{name: "operators between words", q: "bridge OR zebra", want: nil},
		{name: "NOT", q: "prisoners NOT minsk", want: nil},
		{name: "prefix star", q: "a*", want: []int{3}},
		{name: "star alone", q: "*", want: nil},
		{name: "parenthesis", q: "(", want: nil},
		{name: "column filter", q: "col:x", want: []int{3}},
		{name: "column name", q: "title:bridge", want: nil},
		{name: "NEAR", q: "NEAR(", want: []int{2, 3}},
		{name: "caret and plus", q: "^bridge +", want: []int{1}},
		{name: "markers and NUL", q: "bridge\x02\x03\x00", want: []int{1}},
		{name: "empty", q: "", wantKind: crosscheck.KindInvalid},
		{name: "blank", q: " \t\n", wantKind: crosscheck.KindInvalid},
		{name: "too many words", q: strings.Repeat("w ", maxSearchWords+1), wantKind: crosscheck.KindInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.SearchArticles(ctx, tt.q, tt.limit, tt.offset)
			if tt.wantKind != crosscheck.KindInternal {
				if crosscheck.KindOf(err) != tt.wantKind {
					t.Fatalf("got %v, want a %v error", err, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatalf("got %v, want no error", err)
			}
			var got, want []string
			for _, h := range hits {
				got = append(got, h.Article)
			}
			for _, i := range tt.want {
				want = append(want, ids[i])
			}
			if !tt.ordered {
				slices.Sort(got)
				slices.Sort(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("hits: got %v, want %v", got, want)
			}
		})
	}

	t.Run("hit fields", func(t *testing.T) {
		hits, err := s.SearchArticles(ctx, "lukasenka", 10, 0)
		if err != nil || len(hits) != 1 {
			t.Fatalf("got %v, %v; want one hit", hits, err)
		}
		h := hits[0]
		if h.Title != "Prisoners freed in Minsk" || h.Source != "outlet0" || h.Story != "s1" || h.Published.IsZero() {
			t.Errorf("got %+v, want the title, outlet0, story s1 and the date", h)
		}
		if want := crosscheck.MatchStart + "Lukašenka" + crosscheck.MatchEnd; !strings.Contains(h.Snippet, want) {
			t.Errorf("snippet: got %q, want it to hold %q", h.Snippet, want)
		}
		if h.Rank <= 0 {
			t.Errorf("rank: got %v, want above 0", h.Rank)
		}
		hits, _ = s.SearchArticles(ctx, "bridge", 10, 0)
		if len(hits) != 1 || hits[0].Story != "" {
			t.Errorf("unclustered article: got %+v, want one hit without a story", hits)
		}
	})
}

// TestFTS5 checks that the driver was built with FTS5, which migration 4
// needs.
func TestFTS5(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var used int
	if err := db.QueryRow(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil || used != 1 {
		t.Fatalf("ENABLE_FTS5: got %d, %v; want 1", used, err)
	}
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')`); err != nil {
		t.Fatalf("creating an fts5 table: %v", err)
	}
}

// TestMigrateSearch checks that migration 4 indexes the articles a
// database held before it, and that articles added after it are indexed
// too.
func TestMigrateSearch(t *testing.T) {
	ctx := context.Background()
	s := openMigrated(t, 3,
		`INSERT INTO sources (id, name) VALUES (1, 'old outlet')`,
		`INSERT INTO articles (id, content_hash, source_id, ref, title, raw, text, ingested_at, published)
			VALUES ('abc', 'h1', 1, 'old.txt', 'Dam holds', 'Engineers said the Vltava dam held.', 'Engineers said the Vltava dam held.', '2025-01-01T00:00:00Z', '2024-12-31T00:00:00Z')`,
		`INSERT INTO articles (id, content_hash, source_id, ref, title, raw, text, ingested_at)
			VALUES ('def', 'h2', 1, 'old2.txt', 'Žilina votes', 'Turnout in Žilina was high.', 'Turnout in Žilina was high.', '2025-01-02T00:00:00Z')`,
		`INSERT INTO story_articles (article_id, story_id) VALUES ('abc', 'old-story')`,
	)
	a := article(1)
	a.Text, a.Raw, a.Sentences = "A second dam opened.", "A second dam opened.", sentencesOf("A second dam opened.")
	if _, err := s.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q         string
		want      []string
		wantStory string
	}{
		{"vltava", []string{"abc"}, "old-story"},
		{"zilina", []string{"def"}, ""},
		{"dam", []string{"abc", a.ID}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := s.SearchArticles(ctx, tt.q, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Article)
			}
			want := slices.Sorted(slices.Values(tt.want))
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			if tt.wantStory != "" && hits[0].Story != tt.wantStory {
				t.Errorf("story: got %q, want %q", hits[0].Story, tt.wantStory)
			}
		})
	}
}

// TestSearchIndexInStep checks that a failure while indexing leaves the
// articles stored and still waiting, to be indexed once the failure is
// gone. (TestSQLiteFailedAddLeavesNothing checks that a failed article
// leaves nothing waiting.)
func TestSearchIndexInStep(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, errs, err := s.AddArticles(ctx, []*crosscheck.Article{article(2), article(3)}); err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatalf("adding: %v %v", errs, err)
	}
	counts := func() (articles, pending, indexed int) {
		s.db.QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM search_pending),
			(SELECT count(*) FROM articles_fts)`).Scan(&articles, &pending, &indexed)
		return
	}
	if a, p, i := counts(); a != 2 || p != 2 || i != 0 {
		t.Errorf("after the add: %d articles, %d waiting, %d indexed; want 2, 2 and 0", a, p, i)
	}

	// The index refuses a row: nothing moves, and the error says so.
	if _, err := s.db.Exec(`CREATE TRIGGER fail_index BEFORE DELETE ON search_pending
		BEGIN SELECT RAISE(ABORT, 'injected index failure'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IndexSearch(ctx); err == nil {
		t.Error("indexing with a failure injected: got no error")
	}
	if _, err := s.SearchArticles(ctx, "outlet", 10, 0); err == nil {
		t.Error("search with the index failing: got no error")
	}
	if a, p, i := counts(); a != 2 || p != 2 || i != 0 {
		t.Errorf("after the failed indexing: %d articles, %d waiting, %d indexed; want 2, 2 and 0", a, p, i)
	}

	if _, err := s.db.Exec(`DROP TRIGGER fail_index`); err != nil {
		t.Fatal(err)
	}
	if n, err := s.IndexSearch(ctx); err != nil || n != 2 {
		t.Errorf("indexing: got %d, %v; want 2", n, err)
	}
	if a, p, i := counts(); a != 2 || p != 0 || i != 2 {
		t.Errorf("after indexing: %d articles, %d waiting, %d indexed; want 2, 0 and 2", a, p, i)
	}
	if n, err := s.IndexSearch(ctx); err != nil || n != 0 {
		t.Errorf("indexing again: got %d, %v; want 0", n, err)
	}
}

// BenchmarkSearchArticles searches 10,000 stored articles of about 150
// words each, drawn from a Zipf-distributed vocabulary, and reads the
// first page of 20 hits with snippets. "matches" is how many articles the
// query matches in all; ranking them is most of the cost.
func BenchmarkSearchArticles(b *testing.B) {
	const articles, words, vocabulary = 10_000, 150, 5_000
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 1, vocabulary-1)
	word := func(n uint64) string { return fmt.Sprintf("w%x", n) }
	batch := make([]*crosscheck.Article, 0, 1000)
	for n := range articles {
		var text strings.Builder
		for i := range words {
			if i > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(word(zipf.Uint64()))
			if i%15 == 14 {
				text.WriteByte('.')
			}
		}
		a := article(n)
		a.Title = word(zipf.Uint64()) + " " + word(zipf.Uint64())
		a.Text, a.Raw, a.Sentences = text.String(), text.String(), nil
		batch = append(batch, a)
		if len(batch) == cap(batch) {
			if _, _, err := s.AddArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	queries := []struct{ name, q string }{
		{"common word", word(1)},     // in every article
		{"middling word", word(100)}, // in about 1,400
		{"rare word", word(3000)},    // in a few dozen
		{"two words", word(2) + " " + word(50)},
		{"no match", "absent"},
	}
	for _, q := range queries {
		all, err := s.SearchArticles(ctx, q.q, 0, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchArticles(ctx, q.q, 20, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(all)), "matches")
		})
	}
}
