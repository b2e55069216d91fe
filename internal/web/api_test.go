package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

func TestIngest(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        func(t *testing.T) (string, string) // body, content type
		want        map[string]string                   // input -> status
	}{
		{
			name: "json lines",
			body: func(t *testing.T) (string, string) {
				return strings.Join([]string{
					`{"source":"Daily One","title":"Council approves budget","published":"2026-03-02","text":"The city council approved a budget of 12 million euros on Monday, mayor Anna Berg said."}`,
					``,
					`{"source":"Daily Two","title":"Budget passes","text":"The city council approved a budget of 12 million euros on Monday, according to mayor Anna Berg."}`,
					`{"source":"Daily One","text":"   "}`,
					`{"source":"Daily One","published":"last week","text":"A date that is neither RFC 3339 nor a day."}`,
				}, "\n"), "application/x-ndjson"
			},
			want: map[string]string{"item 1": "stored", "item 3": "stored", "item 4": "skipped", "item 5": "rejected"},
		},
		{
			name: "json array with a duplicate",
			body: func(t *testing.T) (string, string) {
				return `[{"source":"A","text":"Floods closed 14 schools in the north, officials said on Tuesday."},
				         {"source":"B","text":"Floods closed 14 schools in the north, officials said on Tuesday."}]`, "application/json"
			},
			want: map[string]string{"item 1": "stored", "item 2": "duplicate"},
		},
		{
			name: "multipart upload of the demo",
			body: func(t *testing.T) (string, string) {
				b, ct := form(t, demoFiles(t))
				return b.String(), ct
			},
			want: map[string]string{"baltic-wire.txt": "stored", "northern-gazette.txt": "stored", "riverside-post.html": "stored", "state-radio.jsonl:1": "stored"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts, st := newTestServer(t)
			body, ct := tt.body(t)
			r := do(t, http.MethodPost, ts.URL+"/api/articles", ct, strings.NewReader(body))
			if r.code != http.StatusOK {
				t.Fatalf("POST /api/articles: got %d %s, want 200", r.code, r.body)
			}
			var rep Report
			decode(t, r, &rep)
			got := map[string]string{}
			stored := 0
			for _, it := range rep.Results {
				got[it.Input] = it.Status
				if it.Status == "stored" {
					stored++
					if it.Story == "" || !slices.Contains(rep.Stories, it.Story) {
						t.Errorf("%s: story %q, want one of the report's stories %v", it.Input, it.Story, rep.Stories)
					}
				}
				if it.Status == "rejected" && it.Reason == "" {
					t.Errorf("%s: rejected without a reason", it.Input)
				}
				if strings.Contains(it.Input+it.Reason, "crosscheck-web-") {
					t.Errorf("%s: %q shows the server's spool directory", it.Input, it.Reason)
				}
			}
			for in, status := range tt.want {
				if got[in] != status {
					t.Errorf("input %q: got %q, want %q (all: %v)", in, got[in], status, got)
				}
			}
			if rep.State != stateDone {
				t.Errorf("state: got %q, want %q", rep.State, stateDone)
			}
			n, err := st.CountArticles(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if n != stored {
				t.Errorf("articles in the store: got %d, want %d", n, stored)
			}
			// Every stored article is in a listed story.
			var list storyList
			decode(t, get(t, ts.URL+"/api/stories"), &list)
			inStories := 0
			for _, s := range list.Stories {
				inStories += len(s.Articles)
			}
			if inStories != stored {
				t.Errorf("articles in stories: got %d, want %d", inStories, stored)
			}
		})
	}
}

// TestUploadMatchesCLI checks that an upload names outlets as "crosscheck
// ingest FILE" does: after the file's name.
func TestUploadMatchesCLI(t *testing.T) {
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	arts, err := st.Articles(context.Background(), crosscheck.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.Source)
	}
	slices.Sort(got)
	want := []string{"Vesnia State Radio", "baltic-wire", "northern-gazette", "riverside-post"}
	if !slices.Equal(got, want) {
		t.Errorf("outlets: got %v, want %v", got, want)
	}
}

func TestStories(t *testing.T) {
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	ctx := context.Background()
	all, err := st.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 {
		t.Fatalf("demo stories: got %d, want at least 2", len(all))
	}

	tests := []struct {
		name     string
		query    string
		wantIDs  []string
		wantNext bool
	}{
		{"all", "", ids(all), false},
		{"first page", "?limit=1", ids(all[:1]), true},
		{"second page", "?limit=1&offset=1", ids(all[1:2]), true},
		{"past the end", "?offset=100", nil, false},
		{"outlet", "?outlet=northern-gazette", storiesWith(all, "northern-gazette"), false},
		{"entity", "?entity=Grebnev", storiesNaming(all, "grebnev"), false},
		{"since a day", "?since=2026-03-01", ids(all), false},
		{"since later", "?since=2030-01-01T00:00:00Z", undated(all), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+"/api/stories"+tt.query)
			if r.code != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.code, r.body)
			}
			var list storyList
			decode(t, r, &list)
			if got := ids(list.Stories); !slices.Equal(got, tt.wantIDs) {
				t.Errorf("stories: got %v, want %v", got, tt.wantIDs)
			}
			if got := list.Next != nil; got != tt.wantNext {
				t.Errorf("next page: got %v, want %v", got, tt.wantNext)
			}
		})
	}
}

func ids(list []crosscheck.StoryRecord) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func storiesWith(list []crosscheck.StoryRecord, outlet string) []string {
	var out []string
	for _, s := range list {
		if slices.Contains(s.Outlets, outlet) {
			out = append(out, s.ID)
		}
	}
	return out
}

func storiesNaming(list []crosscheck.StoryRecord, name string) []string {
	var out []string
	for _, s := range list {
		if slices.ContainsFunc(s.Entities, func(e string) bool { return strings.Contains(e, name) }) {
			out = append(out, s.ID)
		}
	}
	return out
}

func undated(list []crosscheck.StoryRecord) []string {
	var out []string
	for _, s := range list {
		if s.Last.IsZero() {
			out = append(out, s.ID)
		}
	}
	return out
}

// TestStoryBrief checks that the API's brief is the command line's:
// pipeline.AnalyzeStory over the stored articles, written by brief.JSON.
// (The analysis does not always order the reasons of an origin the same
// way, so the answer is compared by its shape and its counts, not byte for
// byte.)
func TestStoryBrief(t *testing.T) {
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	ctx := context.Background()
	all, err := st.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range all {
		t.Run(rec.ID, func(t *testing.T) {
			arts, err := st.ArticlesByID(ctx, rec.Articles)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			sb := pipeline.AnalyzeStory(rec.ID, rec.Title, arts)
			if err := brief.JSON(&buf, crosscheck.Brief{Stories: []crosscheck.StoryBrief{sb}}); err != nil {
				t.Fatal(err)
			}
			var want any
			if err := json.Unmarshal(buf.Bytes(), &want); err != nil {
				t.Fatal(err)
			}
			for range 2 { // the second answer comes from the cache
				r := get(t, ts.URL+"/api/stories/"+rec.ID)
				if r.code != http.StatusOK {
					t.Fatalf("got %d %s, want 200", r.code, r.body)
				}
				if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type: got %q, want JSON", ct)
				}
				var got any
				decode(t, r, &got)
				if g, w := shape(got), shape(want); !slices.Equal(g, w) {
					t.Errorf("shape: got %v, want %v", g, w)
				}
				var b crosscheck.Brief
				decode(t, r, &b)
				if len(b.Stories) != 1 {
					t.Fatalf("stories: got %d, want 1", len(b.Stories))
				}
				g := b.Stories[0]
				if g.ID != sb.ID || g.Title != sb.Title || g.Coverage.Articles != sb.Coverage.Articles ||
					len(g.Facts) != len(sb.Facts) || len(g.Quotes) != len(sb.Quotes) || len(g.Entities) != len(sb.Entities) {
					t.Errorf("brief: got %s %q with %d articles, %d facts, %d quotes, %d entities; want %s %q with %d, %d, %d, %d",
						g.ID, g.Title, g.Coverage.Articles, len(g.Facts), len(g.Quotes), len(g.Entities),
						sb.ID, sb.Title, sb.Coverage.Articles, len(sb.Facts), len(sb.Quotes), len(sb.Entities))
				}
			}
		})
	}
}

// shape lists the paths of every key and the type of every value of a
// decoded JSON document, array elements merged: its schema, as used.
func shape(v any) []string {
	seen := map[string]bool{}
	var walk func(string, any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			seen[path+"{}"] = true
			for k, x := range v {
				walk(path+"."+k, x)
			}
		case []any:
			seen[path+"[]"] = true
			for _, x := range v {
				walk(path+"[]", x)
			}
		default:
			seen[fmt.Sprintf("%s:%T", path, v)] = true
		}
	}
	walk("", v)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestEntitySearch(t *testing.T) {
	_, ts, _ := newTestServer(t)
	ingestDemo(t, ts)
	tests := []struct {
		name  string
		q     string
		want  []string // spellings that must be among the matches
		empty bool
	}{
		{"transliterated full name", "Aliaksei Hrebnieu", []string{"Alexei Grebnev", "Aliaksei Hrebnieu"}, false},
		{"Belarusian spelling", "Volha Sadouskaya", []string{"Olga Sadovskaya", "Volha Sadouskaya"}, false},
		{"surname in another spelling", "Hrebnev", []string{"Alexei Grebnev"}, false},
		{"substring of a spelling", "sadov", []string{"Olga Sadovskaya"}, false},
		{"diacritics folded", "Sádovskaya", []string{"Olga Sadovskaya"}, false},
		{"Cyrillic substring transliterated", "Садов", []string{"Olga Sadovskaya"}, false},
		{"organisation", "the European Union", []string{"European Union"}, false},
		{"nobody", "Zbigniew Quorx", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+"/api/entities?q="+url.QueryEscape(tt.q))
			if r.code != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.code, r.body)
			}
			var res EntitySearch
			decode(t, r, &res)
			var got []string // every spelling of every match
			for _, m := range res.Matches {
				got = append(got, m.Entity.Name)
				for _, v := range m.Entity.Variants {
					got = append(got, v.Name)
				}
				if m.Why == "" || m.Story == "" {
					t.Errorf("match %+v: want a story and a reason", m)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("q=%q: got %v, want %q among them", tt.q, got, w)
				}
			}
			if tt.empty && len(got) > 0 {
				t.Errorf("q=%q: got %v, want no match", tt.q, got)
			}
			if res.Searched == 0 {
				t.Errorf("searched: got 0 stories, want all of them")
			}
		})
	}
}

func TestAPIErrors(t *testing.T) {
	_, ts, _ := newTestServer(t)
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		wantCode    int
		wantKind    string
	}{
		{"unknown story", "GET", "/api/stories/s999", "", "", 404, "not_found"},
		{"overlong story id", "GET", "/api/stories/" + strings.Repeat("x", 300), "", "", 404, "not_found"},
		{"unknown job", "GET", "/api/jobs/NOPE", "", "", 404, "not_found"},
		{"not json", "POST", "/api/articles", "application/json", "hello", 400, "invalid"},
		{"empty body", "POST", "/api/articles", "application/json", "", 400, "invalid"},
		{"broken array", "POST", "/api/articles", "application/json", `[{"text": "x"`, 400, "invalid"},
		{"array of strings", "POST", "/api/articles", "application/json", `["a", "b"]`, 400, "invalid"},
		{"object without a body", "POST", "/api/articles", "application/json", `{"title": "no text"}`, 400, "invalid"},
		{"broken line", "POST", "/api/articles", "application/x-ndjson", "{\"text\": \"fine\"}\n{\"text\": ", 400, "invalid"},
		{"empty array", "POST", "/api/articles", "application/json", `[]`, 400, "invalid"},
		{"form without articles", "POST", "/api/articles", "", "", 400, "invalid"},
		{"form with a path for a URL", "POST", "/api/articles", "", "/etc/passwd", 400, "invalid"},
		{"bad limit", "GET", "/api/stories?limit=-1", "", "", 400, "invalid"},
		{"huge limit", "GET", "/api/stories?limit=100000", "", "", 400, "invalid"},
		{"bad offset", "GET", "/api/stories?offset=x", "", "", 400, "invalid"},
		{"bad since", "GET", "/api/stories?since=yesterday", "", "", 400, "invalid"},
		{"short query", "GET", "/api/entities?q=a", "", "", 400, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ct := strings.NewReader(tt.body), tt.contentType
			if strings.HasPrefix(tt.name, "form") {
				b, c := form(t, nil, "urls", tt.body)
				body, ct = strings.NewReader(b.String()), c
			}
			r := do(t, tt.method, ts.URL+tt.path, ct, body)
			if r.code != tt.wantCode {
				t.Errorf("status: got %d, want %d (%s)", r.code, tt.wantCode, r.body)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type: got %q, want JSON", ct)
			}
			if e := errorOf(t, r); e.Kind != tt.wantKind {
				t.Errorf("kind: got %q, want %q", e.Kind, tt.wantKind)
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		wantCode int
		wantKind string
	}{
		{"invalid", crosscheck.Errorf(crosscheck.KindInvalid, "op", "bad"), 400, "invalid"},
		{"not found", crosscheck.Errorf(crosscheck.KindNotFound, "op", "none"), 404, "not_found"},
		{"conflict", crosscheck.Errorf(crosscheck.KindConflict, "op", "taken"), 409, "conflict"},
		{"unclassified", context.DeadlineExceeded, 500, "internal"},
		{"too large", &http.MaxBytesError{Limit: 1}, 413, "too_large"},
		{"queue full", errQueueFull, 429, "busy"},
		{"closing", errShuttingDown, 503, "unavailable"},
		{"no token", errUnauthorized, 401, "unauthorized"},
		{"forbidden", errForbidden, 403, "forbidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, kind := statusOf(tt.err)
			if code != tt.wantCode || kind != tt.wantKind {
				t.Errorf("got %d %q, want %d %q", code, kind, tt.wantCode, tt.wantKind)
			}
		})
	}
}

func TestHealthAndMetrics(t *testing.T) {
	_, ts, _ := newTestServer(t)
	ingestDemo(t, ts)
	if r := get(t, ts.URL+"/healthz"); r.code != http.StatusOK || !strings.Contains(r.body, `"ok"`) {
		t.Errorf("/healthz: got %d %s, want 200 ok", r.code, r.body)
	}
	get(t, ts.URL+"/api/stories/s999")
	get(t, ts.URL+"/api/stories/s1")
	r := get(t, ts.URL+"/metrics")
	if r.code != http.StatusOK {
		t.Fatalf("/metrics: got %d, want 200", r.code)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type: got %q, want the Prometheus text format", ct)
	}
	for _, want := range []string{
		"crosscheck_articles_ingested_total 4\n",
		"crosscheck_articles 4\n",
		"# TYPE crosscheck_stories gauge\n",
		`crosscheck_http_requests_total{route="POST /api/articles",code="200"} 1` + "\n",
		`crosscheck_http_requests_total{route="GET /healthz",code="200"} 1` + "\n",
		`crosscheck_http_requests_total{route="GET /api/stories/{id}",code="404"} 1` + "\n",
		`crosscheck_http_request_duration_seconds_count{route="GET /healthz"} 1` + "\n",
		`crosscheck_http_request_duration_seconds_sum{route="POST /api/articles"} `,
		`crosscheck_stage_duration_seconds_count{stage="ingest"} 1` + "\n",
		`crosscheck_stage_duration_seconds_count{stage="cluster"} 1` + "\n",
		`crosscheck_stage_duration_seconds_count{stage="brief"} `,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("/metrics: want a line %q in\n%s", want, r.body)
		}
	}
}

func TestAsyncJob(t *testing.T) {
	_, ts, _ := newTestServer(t)
	body := `{"source":"A","text":"The river rose by 3 metres overnight, the water agency said."}`
	for _, tt := range []struct {
		name   string
		query  string
		header []string
	}{
		{"query", "?async=1", nil},
		{"prefer header", "", []string{"Prefer", "respond-async"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, ts.URL+"/api/articles"+tt.query, "application/json", strings.NewReader(body), tt.header...)
			if r.code != http.StatusAccepted {
				t.Fatalf("got %d %s, want 202", r.code, r.body)
			}
			var rep Report
			decode(t, r, &rep)
			if loc := r.header.Get("Location"); loc != "/api/jobs/"+rep.Job {
				t.Errorf("Location: got %q, want /api/jobs/%s", loc, rep.Job)
			}
			// A synchronous request after it finishes after it: one worker.
			do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(`{"source":"B","text":"Unrelated: 2 ferries were cancelled."}`))
			r = get(t, ts.URL+"/api/jobs/"+rep.Job)
			decode(t, r, &rep)
			if rep.State != stateDone || len(rep.Results) != 1 {
				t.Errorf("job: got state %q with %d results, want done with 1", rep.State, len(rep.Results))
			}
		})
	}
}
