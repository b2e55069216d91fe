package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// opener makes a fresh, empty store for one test.
type opener func(t *testing.T) crosscheck.Store

func openSQLite(t *testing.T) crosscheck.Store {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLite(t *testing.T) { runSuite(t, openSQLite) }

// runSuite is the one test suite every Store implementation passes.
func runSuite(t *testing.T, open opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s crosscheck.Store)
	}{
		{"round trip", testRoundTrip},
		{"duplicate is a no-op", testDuplicate},
		{"id prefix", testPrefix},
		{"not found", testNotFound},
		{"listing", testListing},
		{"concurrent adds", testConcurrent},
		{"batch keeps the good articles", testBatch},
		{"stories", testStories},
		{"articles without a story", testUnclustered},
		{"search", testSearch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

func article(n int) *crosscheck.Article {
	text := fmt.Sprintf("Sentence one of article %d. Sentence two, with “curly” quotes and Łukaszenka.", n)
	hash := fmt.Sprintf("%064x", n+1)
	return &crosscheck.Article{
		ID: hash[48:], ContentHash: hash, Ref: fmt.Sprintf("a%d.txt", n), Source: fmt.Sprintf("outlet%d", n%3),
		Title: fmt.Sprintf("Article %d", n), Language: "en", Format: crosscheck.FormatText,
		Published: time.Date(2025, 12, 13, 10, 0, 0, 0, time.UTC),
		Raw:       text, Text: text,
		Headings:  []crosscheck.Heading{{Text: "Sentence", Start: 0, End: 8}},
		Sentences: sentencesOf(text),
		Removed:   []string{"Exit mobile version"},
		Warnings:  []string{},
	}
}

func testRoundTrip(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	want := article(1)
	added, err := s.AddArticle(ctx, want)
	if err != nil || !added {
		t.Fatalf("AddArticle: got %v, %v; want true, nil", added, err)
	}
	got, err := s.Article(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != want.Text || got.Title != want.Title || got.Source != want.Source || !got.Published.Equal(want.Published) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if len(got.Sentences) != 2 || got.Sentences[1] != want.Sentences[1] {
		t.Errorf("sentences: got %+v, want %+v", got.Sentences, want.Sentences)
	}
	if len(got.Headings) != 1 || len(got.Removed) != 1 || got.Raw != want.Raw {
		t.Errorf("headings %v removed %v raw %q: want them kept", got.Headings, got.Removed, got.Raw)
	}
}

func testDuplicate(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	a := article(2)
	if added, err := s.AddArticle(ctx, a); err != nil || !added {
		t.Fatalf("first add: got %v, %v", added, err)
	}
	added, err := s.AddArticle(ctx, article(2))
	if err != nil || added {
		t.Fatalf("second add: got %v, %v; want false, nil", added, err)
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("count: got %d, want 1", n)
	}
}

func testPrefix(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	a := article(3)
	s.AddArticle(ctx, a)
	got, err := s.Article(ctx, a.ID[:6])
	if err != nil || got.ID != a.ID {
		t.Fatalf("prefix lookup: got %v, %v; want %s", got, err, a.ID)
	}
	s.AddArticle(ctx, article(4))
	_, err = s.Article(ctx, "0000")
	if crosscheck.KindOf(err) != crosscheck.KindInvalid {
		t.Errorf("ambiguous prefix: got %v, want an invalid-kind error", err)
	}
}

func testNotFound(t *testing.T, s crosscheck.Store) {
	_, err := s.Article(context.Background(), "ffffffff")
	if crosscheck.KindOf(err) != crosscheck.KindNotFound {
		t.Errorf("got %v, want a not-found error", err)
	}
	_, err = s.Article(context.Background(), "x'; DROP TABLE articles; --")
	if crosscheck.KindOf(err) != crosscheck.KindNotFound {
		t.Errorf("hostile id: got %v, want a not-found error", err)
	}
}

func testListing(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	for i := 0; i < 7; i++ {
		if _, err := s.AddArticle(ctx, article(10+i)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Articles(ctx, crosscheck.ArticleFilter{})
	if err != nil || len(all) != 7 {
		t.Fatalf("all: got %d, %v; want 7", len(all), err)
	}
	if all[0].Sentences != 2 {
		t.Errorf("sentences: got %d, want 2", all[0].Sentences)
	}
	one, _ := s.Articles(ctx, crosscheck.ArticleFilter{Source: "outlet1"})
	for _, a := range one {
		if a.Source != "outlet1" {
			t.Errorf("filter: got source %q, want outlet1", a.Source)
		}
	}
	page, _ := s.Articles(ctx, crosscheck.ArticleFilter{Limit: 3, Offset: 5})
	if len(page) != 2 {
		t.Errorf("page: got %d rows, want 2", len(page))
	}
}

func testConcurrent(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, err := s.AddArticle(ctx, article(100+i%20)) // every article twice
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n, _ := s.CountArticles(ctx); n != 20 {
		t.Errorf("count: got %d, want 20", n)
	}
}

// TestSQLiteFailedAddLeavesNothing injects a failure into the article's
// insert, after its new source was added, and checks that no part of the
// article is stored while the rest of the batch is.
func TestSQLiteFailedAddLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := article(1)
	bad.Source = "a new outlet"
	if _, err := s.db.Exec(`CREATE TRIGGER fail BEFORE INSERT ON articles WHEN NEW.ref = '` + bad.Ref + `'
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	added, errs, err := s.AddArticles(ctx, []*crosscheck.Article{article(2), bad, article(3)})
	if err != nil {
		t.Fatal(err)
	}
	if errs[1] == nil || added[1] || !added[0] || !added[2] {
		t.Fatalf("got added %v, errs %v; want the middle article refused alone", added, errs)
	}
	var articles, sources, pending int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sources WHERE name = 'a new outlet'),
		(SELECT count(*) FROM search_pending)`).Scan(&articles, &sources, &pending)
	if articles != 2 || sources != 0 || pending != 2 {
		t.Errorf("after a failed add: %d articles, %d rows of its new source, %d waiting for the search index; want 2, 0 and 2", articles, sources, pending)
	}
}

// TestMigrateSentenceOffsets checks that migration 3 keeps the sentences
// that a database of migration 2 held in their own table.
func TestMigrateSentenceOffsets(t *testing.T) {
	ctx := context.Background()
	s := openMigrated(t, 2,
		`INSERT INTO sources (id, name) VALUES (1, 'old outlet')`,
		`INSERT INTO articles (id, content_hash, source_id, ref, raw, text, ingested_at) VALUES ('abc', 'h', 1, 'old.txt', 'One. Two.', 'One. Two.', '2025-01-01T00:00:00Z')`,
		`INSERT INTO sentences (article_id, idx, start_at, end_at) VALUES ('abc', 0, 0, 4), ('abc', 1, 5, 9)`,
	)
	a, err := s.Article(ctx, "abc")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) != 2 || a.Sentences[1].Text != "Two." {
		t.Errorf("sentences after the migration: got %+v, want One. and Two.", a.Sentences)
	}
}

// TestMigrateStorySize opens a store made before stories kept their size:
// the migration counts what each already has, and the listing's order
// follows.
func TestMigrateStorySize(t *testing.T) {
	ctx := context.Background()
	s := openMigrated(t, 4, oldSource, oldArticles,
		`INSERT INTO stories (id, title, updated_at) VALUES ('s1', 'small', 'x'), ('s2', 'large', 'x')`,
		`INSERT INTO story_articles (article_id, story_id) VALUES ('a1', 's1'), ('a2', 's2'), ('a3', 's2')`,
	)
	list, err := s.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil || len(list) != 2 || list[0].ID != "s2" || list[1].ID != "s1" {
		t.Errorf("stories after the migration: got %+v, %v; want s2 (2 articles) before s1", list, err)
	}
}

// TestMigrateClusterPending checks that the migration that keeps articles
// waiting for a story finds those an older store already left without one.
func TestMigrateClusterPending(t *testing.T) {
	ctx := context.Background()
	s := openMigrated(t, 5, oldSource, oldArticles,
		`INSERT INTO stories (id, title, updated_at) VALUES ('s1', 'one', 'x')`,
		`INSERT INTO story_articles (article_id, story_id) VALUES ('a2', 's1')`,
	)
	got, err := s.Unclustered(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, []string{"a1", "a3"}) {
		t.Errorf("after the migration: got %v without a story, want [a1 a3]", ids)
	}
}

// TestMigrateClusterStateVersion checks that a state saved before states
// had versions reads as version 1, which a round started from it saves
// over.
func TestMigrateClusterStateVersion(t *testing.T) {
	ctx := context.Background()
	s := openMigrated(t, 6, `INSERT INTO cluster_state (id, state, updated_at) VALUES (1, 'old', 'x')`)
	state, version, err := s.ClusterState(ctx)
	if err != nil || string(state) != "old" || version != 1 {
		t.Fatalf("after the migration: got %q version %d, %v; want old, version 1", state, version, err)
	}
	if err := s.SaveClustering(ctx, crosscheck.Clustering{Version: version, State: []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if state, version, _ := s.ClusterState(ctx); string(state) != "new" || version != 2 {
		t.Errorf("after a round: got %q version %d, want new, version 2", state, version)
	}
}

// oldSource and oldArticles fill a database of an older schema with three
// articles of one outlet, stored in the order a1, a2, a3.
const (
	oldSource   = `INSERT INTO sources (id, name) VALUES (1, 'old outlet')`
	oldArticles = `INSERT INTO articles (id, content_hash, source_id, ref, raw, text, ingested_at) VALUES
		('a1', 'h1', 1, 'a1.txt', 'One.', 'One.', '2025-01-01T00:00:00Z'),
		('a2', 'h2', 1, 'a2.txt', 'Two.', 'Two.', '2025-01-01T00:00:01Z'),
		('a3', 'h3', 1, 'a3.txt', 'Three.', 'Three.', '2025-01-01T00:00:02Z')`
)

// openMigrated builds a database at schema version, fills it with the
// statements, and opens it as a store, which migrates it to the latest
// version.
func openMigrated(t *testing.T, version int, statements ...string) *SQLite {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateUpTo(ctx, db, "migrations/sqlite", version); err != nil {
		t.Fatal(err)
	}
	for _, q := range statements {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLiteReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "t.db")
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.AddArticle(ctx, article(1))
	s.Close()
	s, err = OpenSQLite(ctx, path) // migrations must not run twice
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("after reopen: got %d articles, want 1", n)
	}
}

func TestOpenSQLiteBadPath(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenSQLite(context.Background(), dir) // a directory, not a file
	if err == nil {
		t.Fatal("got nil error, want one naming the path")
	}
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q does not name %s", err, dir)
	}
}

func testBatch(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	bad := article(51)
	bad.ID, bad.ContentHash = "", ""
	batch := []*crosscheck.Article{article(50), bad, article(52), article(50)}
	added, errs, err := s.AddArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	wantAdded := []bool{true, false, true, false}
	for i := range batch {
		if added[i] != wantAdded[i] {
			t.Errorf("article %d: added %v, want %v", i, added[i], wantAdded[i])
		}
	}
	if errs[1] == nil || errs[0] != nil || errs[3] != nil {
		t.Errorf("errs: got %v, want an error for the article without id only", errs)
	}
	if n, _ := s.CountArticles(ctx); n != 2 {
		t.Errorf("count: got %d, want 2", n)
	}
}

// sentencesOf splits text after each ". " for test fixtures.
func sentencesOf(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	start := 0
	runes := []rune(text)
	for i, r := range runes {
		if r == '.' && (i+1 == len(runes) || runes[i+1] == ' ') {
			out = append(out, crosscheck.Sentence{Text: string(runes[start : i+1]), Start: start, End: i + 1})
			start = i + 2
		}
	}
	return out
}

// testUnclustered checks that the articles no round assigned are found, in
// the order stored, and only those.
func testUnclustered(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	ids := func(as []*crosscheck.Article) []string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = a.ID
		}
		return out
	}
	if got, err := s.Unclustered(ctx, 10); err != nil || len(got) != 0 {
		t.Fatalf("empty store: got %v, %v; want none", ids(got), err)
	}
	// Stored out of numeric order, so that the order stored shows.
	var stored []*crosscheck.Article
	for _, n := range []int{305, 301, 303, 302} {
		a := article(n)
		if _, err := s.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, a)
	}
	err := s.SaveClustering(ctx, crosscheck.Clustering{
		State:       []byte("state"),
		Stories:     []crosscheck.StoryRecord{{ID: "s1", Title: "One"}},
		Assignments: map[string]string{stored[1].ID: "s1", stored[3].ID: "s1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Unclustered(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{stored[0].ID, stored[2].ID}; !slices.Equal(ids(got), want) {
		t.Errorf("got %v, want %v", ids(got), want)
	}
	if first, err := s.Unclustered(ctx, 1); err != nil || !slices.Equal(ids(first), []string{stored[0].ID}) {
		t.Errorf("limit 1: got %v, %v; want the first stored, %s", ids(first), err, stored[0].ID)
	}
	for _, a := range got {
		if a.Text == "" || a.Raw != "" {
			t.Errorf("article %s: text %q, raw %q; want the text without the raw page", a.ID, a.Text, a.Raw)
		}
	}
}

func testStories(t *testing.T, s crosscheck.Store) {
	ctx := context.Background()
	var ids []string
	for i := 0; i < 5; i++ {
		a := article(200 + i)
		if _, err := s.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if state, version, err := s.ClusterState(ctx); err != nil || state != nil || version != 0 {
		t.Fatalf("empty store: state %q version %d, %v; want nil, 0, nil", state, version, err)
	}
	day := time.Date(2025, 12, 13, 0, 0, 0, 0, time.UTC)
	err := s.SaveClustering(ctx, crosscheck.Clustering{
		State: []byte("state-1"),
		Stories: []crosscheck.StoryRecord{
			{ID: "s1", Title: "Prisoners freed", First: day, Last: day, Entities: []string{"kolesnikova", "lukashenko"}},
			{ID: "s2", Title: "Bridge reopens", Entities: []string{"varga"}},
		},
		Assignments: map[string]string{ids[0]: "s1", ids[1]: "s1", ids[2]: "s2", ids[3]: "s2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil || len(list) != 2 {
		t.Fatalf("stories: got %d, %v; want 2", len(list), err)
	}
	if byEntity, _ := s.Stories(ctx, crosscheck.StoryFilter{Entity: "Kolesnikova"}); len(byEntity) != 1 || byEntity[0].ID != "s1" {
		t.Errorf("filter by entity: got %+v, want s1", byEntity)
	}
	if byOutlet, _ := s.Stories(ctx, crosscheck.StoryFilter{Outlet: "outlet0"}); len(byOutlet) != 1 || byOutlet[0].ID != "s1" {
		t.Errorf("filter by outlet: got %+v, want s1 (only article 201 is from outlet0)", byOutlet)
	}
	// A later round merges s2 into s1 and adds an article.
	err = s.SaveClustering(ctx, crosscheck.Clustering{
		Version:     1,
		State:       []byte("state-2"),
		Stories:     []crosscheck.StoryRecord{{ID: "s1", Title: "Prisoners freed", Entities: []string{"kolesnikova"}}},
		Assignments: map[string]string{ids[4]: "s1"},
		Merged:      map[string]string{"s2": "s1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, "s2")
	if err != nil || st.ID != "s1" || len(st.Articles) != 5 {
		t.Fatalf("merged story: got %+v, %v; want s1 with 5 articles", st, err)
	}
	if state, version, _ := s.ClusterState(ctx); string(state) != "state-2" || version != 2 {
		t.Errorf("state: got %q version %d, want state-2 version 2", state, version)
	}
	// A round that started from version 1, saved by another process
	// since, changes nothing.
	err = s.SaveClustering(ctx, crosscheck.Clustering{
		Version:     1,
		State:       []byte("stale"),
		Stories:     []crosscheck.StoryRecord{{ID: "s9", Title: "Stale"}},
		Assignments: map[string]string{ids[4]: "s9"},
	})
	if crosscheck.KindOf(err) != crosscheck.KindConflict {
		t.Errorf("a stale round: got %v, want a conflict", err)
	}
	if state, version, _ := s.ClusterState(ctx); string(state) != "state-2" || version != 2 {
		t.Errorf("after a stale round: got %q version %d, want state-2 version 2", state, version)
	}
	if _, err := s.Story(ctx, "s9"); crosscheck.KindOf(err) != crosscheck.KindNotFound {
		t.Errorf("a stale round's story: got %v, want not found", err)
	}
	if st, _ := s.Story(ctx, "s1"); st == nil || len(st.Articles) != 5 {
		t.Errorf("after a stale round: s1 holds %+v, want its 5 articles", st)
	}
	if list, _ := s.Stories(ctx, crosscheck.StoryFilter{}); len(list) != 1 {
		t.Errorf("after the merge: got %d live stories, want 1", len(list))
	}
	if n, err := s.CountStories(ctx); err != nil || n != 1 {
		t.Errorf("count after the merge: got %d, %v; want 1 (the merged story is not live)", n, err)
	}
	if _, err := s.Story(ctx, "nope"); crosscheck.KindOf(err) != crosscheck.KindNotFound {
		t.Errorf("unknown story: got %v, want not found", err)
	}
	asked := []string{st.Articles[1], st.Articles[0], st.Articles[1]}
	arts, err := s.ArticlesByID(ctx, asked)
	if err != nil || len(arts) != 3 {
		t.Fatalf("articles by id: got %d, %v; want 3", len(arts), err)
	}
	for i, a := range arts {
		full, err := s.Article(ctx, asked[i])
		if err != nil {
			t.Fatal(err)
		}
		full.Raw = ""
		if !reflect.DeepEqual(a, full) {
			t.Errorf("articles by id %d: got %+v, want %+v (the article without its raw page)", i, a, full)
		}
	}
	if _, err := s.ArticlesByID(ctx, []string{st.Articles[0][:6]}); crosscheck.KindOf(err) != crosscheck.KindNotFound {
		t.Errorf("articles by id with a prefix: got %v, want not found (ids are exact)", err)
	}

	// A split moves three stored articles to a new story: the listing,
	// largest first, follows the sizes.
	err = s.SaveClustering(ctx, crosscheck.Clustering{
		Version:     2,
		State:       []byte("state-3"),
		Stories:     []crosscheck.StoryRecord{{ID: "s1", Title: "Prisoners freed"}, {ID: "s3", Title: "Bridge reopens"}},
		Assignments: map[string]string{ids[1]: "s3", ids[2]: "s3", ids[3]: "s3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err = s.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil || len(list) != 2 || list[0].ID != "s3" || len(list[0].Articles) != 3 || list[1].ID != "s1" || len(list[1].Articles) != 2 {
		t.Errorf("after the split: got %+v, %v; want s3 with 3 articles, then s1 with 2", list, err)
	}
	if page, _ := s.Stories(ctx, crosscheck.StoryFilter{Limit: 1, Offset: 1}); len(page) != 1 || page[0].ID != "s1" {
		t.Errorf("second page of one: got %+v, want s1", page)
	}
}
