package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/store"
)

// The figures of docs/performance.md come from these benchmarks:
//
//	go test -run '^$' -bench 'StoryPage|ListStories' -benchtime 50x ./internal/web/

// BenchmarkStoryPage renders the page of one story of 500 generated
// articles, ingested through the API. "cold" analyses the story on every
// request, as the first reader after a change does; "warm" reads the
// cached brief, as every later reader does.
func BenchmarkStoryPage(b *testing.B) {
	s, ts, st := benchServer(b)
	postGenerated(b, ts, 500)
	id := oneStory(b, st)
	for _, mode := range []string{"cold", "warm"} {
		b.Run(mode, func(b *testing.B) {
			timeRequests(b, ts.URL+"/stories/"+id, func() {
				if mode == "cold" {
					s.briefs = newBriefCache(s.briefs.max)
				}
			})
		})
	}
}

// BenchmarkListStories lists the first page of stories, and one filtered by
// outlet, with 10,000 stories stored.
func BenchmarkListStories(b *testing.B) {
	_, ts, st := benchServer(b)
	storeStories(b, st, 10000)
	for _, q := range []string{"", "?outlet=Outlet+7", "?offset=5000"} {
		b.Run("query="+q, func(b *testing.B) {
			timeRequests(b, ts.URL+"/api/stories"+q, func() {})
		})
	}
}

// TestGeneratedStoryPage checks the benchmarks' setup on a small scale: the
// generated articles form one story, whose page and list entry serve.
func TestGeneratedStoryPage(t *testing.T) {
	_, ts, st := benchServer(t)
	postGenerated(t, ts, 40)
	id := oneStory(t, st)
	body := fetch(t, ts.URL+"/stories/"+id)
	if !strings.Contains(body, "Who reports what") {
		t.Errorf("story page: no grid in\n%.500s", body)
	}
	storeStories(t, st, 30)
	var list storyList
	if err := json.Unmarshal([]byte(fetch(t, ts.URL+"/api/stories?limit=5")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) != 5 {
		t.Errorf("stories: got %d, want a page of 5", len(list.Stories))
	}
}

func benchServer(tb testing.TB) (*Server, *httptest.Server, *store.SQLite) {
	tb.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(tb.TempDir(), "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	s, err := New(Config{Store: st})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	tb.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return s, ts, st
}

func fetch(tb testing.TB, url string) string {
	res, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: got %d %v, want 200", url, res.StatusCode, err)
	}
	return string(body)
}

// timeRequests fetches url once per iteration, after before, and adds the
// median and 99th percentile latency to the benchmark's output.
func timeRequests(b *testing.B, url string, before func()) {
	lat := make([]time.Duration, 0, b.N)
	for b.Loop() {
		before()
		t0 := time.Now()
		fetch(b, url)
		lat = append(lat, time.Since(t0))
	}
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[(len(lat)*99+99)/100-1].Microseconds())/1000, "p99-ms")
}

// postGenerated ingests n generated articles about one event, from up to
// 60 outlets, through POST /api/articles.
func postGenerated(tb testing.TB, ts *httptest.Server, n int) {
	tb.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	var body strings.Builder
	for i := range n {
		rec := map[string]string{
			"source":    fmt.Sprintf("Outlet %d", i%60),
			"title":     fmt.Sprintf("Varnia frees %d prisoners after envoy talks (%d)", 52+i%3/2, i),
			"published": time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			"text":      generatedArticle(r, i),
		}
		line, _ := json.Marshal(rec)
		body.Write(line)
		body.WriteByte('\n')
	}
	res, err := http.Post(ts.URL+"/api/articles", "application/x-ndjson", strings.NewReader(body.String()))
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	var rep Report
	if err := json.NewDecoder(res.Body).Decode(&rep); err != nil || res.StatusCode != http.StatusOK {
		tb.Fatalf("ingest: got %d %v", res.StatusCode, err)
	}
	if rep.Summary["stored"] != n {
		tb.Fatalf("ingest: got %v, want %d stored", rep.Summary, n)
	}
}

// oneStory returns the largest story, which must hold every article: the
// generated articles report one event, and a page benchmark needs them
// together whatever the clusterer makes of them.
func oneStory(tb testing.TB, st *store.SQLite) string {
	tb.Helper()
	ctx := context.Background()
	all, err := st.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil || len(all) == 0 {
		tb.Fatalf("stories: got %v, %v", all, err)
	}
	if len(all) == 1 {
		return all[0].ID
	}
	tb.Logf("the clusterer made %d stories of the generated articles; the largest has %d", len(all), len(all[0].Articles))
	one := all[0]
	merged := map[string]string{}
	assign := map[string]string{}
	for _, other := range all[1:] {
		merged[other.ID] = one.ID
		for _, a := range other.Articles {
			assign[a] = one.ID
		}
		one.Articles = append(one.Articles, other.Articles...)
	}
	if err := st.SaveClustering(ctx, crosscheck.Clustering{Stories: []crosscheck.StoryRecord{one}, Assignments: assign, Merged: merged}); err != nil {
		tb.Fatal(err)
	}
	return one.ID
}

// storeStories writes n small stories straight into the store, each of
// two stored articles, as a long-running server would have them.
func storeStories(tb testing.TB, st *store.SQLite, n int) {
	tb.Helper()
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*crosscheck.Article
	c := crosscheck.Clustering{Assignments: map[string]string{}, Merged: map[string]string{}}
	for i := range n {
		rec := crosscheck.StoryRecord{
			ID:       fmt.Sprintf("g%d", i),
			Title:    fmt.Sprintf("Council of town %d votes on homes", i),
			Outlets:  []string{fmt.Sprintf("Outlet %d", i%50), fmt.Sprintf("Outlet %d", (i+1)%50)},
			First:    t0.Add(time.Duration(i) * time.Minute),
			Last:     t0.Add(time.Duration(i)*time.Minute + time.Hour),
			Entities: []string{fmt.Sprintf("town %d", i), "council"},
		}
		for k := range 2 {
			text := fmt.Sprintf("The council of town %d voted on %d new homes, outlet %d reported.", i, 10+i, k)
			a := &crosscheck.Article{
				ID:        fmt.Sprintf("g%d-%d", i, k),
				Source:    rec.Outlets[k],
				Title:     rec.Title,
				Language:  "en",
				Text:      text,
				Published: rec.First.Add(time.Duration(k) * time.Hour),
				Sentences: []crosscheck.Sentence{{Text: text, Start: 0, End: len(text)}},
			}
			a.ContentHash = a.ID
			arts = append(arts, a)
			rec.Articles = append(rec.Articles, a.ID)
			c.Assignments[a.ID] = rec.ID
		}
		c.Stories = append(c.Stories, rec)
	}
	if _, errs, err := st.AddArticles(ctx, arts); err != nil || slices.ContainsFunc(errs, func(e error) bool { return e != nil }) {
		tb.Fatalf("storing articles: %v %v", err, errs)
	}
	if err := st.SaveClustering(ctx, c); err != nil {
		tb.Fatal(err)
	}
}

// generatedArticle writes an article of about 15 sentences on one event:
// shared facts in varied wording, names in several spellings, quotes, and
// details of its own.
func generatedArticle(r *rand.Rand, i int) string {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	lines := []string{
		fmt.Sprintf("Varnia %s %d prisoners on Friday after talks with a European Union envoy, %s said.",
			pick("released", "freed", "pardoned"), 52, pick("officials", "the presidential office", "a government spokesman")),
		fmt.Sprintf("Among those %s was the journalist %s, who had been held since 2023.",
			pick("freed", "released"), pick("Aliaksei Hrebnieu", "Alexei Grebnev", "Alexey Grebnev")),
		fmt.Sprintf("%s, the opposition leader, was %s.", pick("Maria Kolesnikova", "Maryia Kalesnikava"), pick("also freed", "among them", "not released")),
		fmt.Sprintf("The envoy, %s, met President Oleg Varan in the capital on March %d.", pick("Marta Lindqvist", "Martha Lindkvist"), 4+r.IntN(2)),
		fmt.Sprintf("About %d of the freed prisoners crossed into Latvia, a Latvian official said.", 20+r.IntN(6)),
		fmt.Sprintf(`"This is a %s step," %s said.`, pick("welcome", "first", "cautious"), pick("the envoy", "Lindqvist", "a diplomat")),
		fmt.Sprintf("Human rights groups say more than %d political prisoners remain in jail.", 300+10*r.IntN(5)),
		fmt.Sprintf("The release could ease sanctions on %s exports.", pick("potash", "timber", "fertiliser")),
	}
	for k := range 7 {
		lines = append(lines, fmt.Sprintf("Reporter %d of outlet %d noted detail %d about the %s in the town of %s.",
			k, i%60, r.IntN(1000), pick("protests", "trials", "border crossing", "talks"), pick("Dolny", "Brisk", "Holm", "Esker")))
	}
	r.Shuffle(len(lines)-2, func(a, b int) { lines[a+2], lines[b+2] = lines[b+2], lines[a+2] })
	return strings.Join(lines, "\n")
}
