package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestSearchAPI(t *testing.T) {
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	body, _ := json.Marshal(map[string]string{"source": "Daily One", "title": "Minsk pardons",
		"text": "Lukašenka pardoned 52 prisoners on Thursday, his press service said."})
	if r := do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(string(body))); r.code != http.StatusOK {
		t.Fatalf("ingest: got %d %s", r.code, r.body)
	}
	stories, err := st.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	storyOf := map[string]string{}
	for _, s := range stories {
		for _, a := range s.Articles {
			storyOf[a] = s.ID
		}
	}
	tests := []struct {
		name     string
		query    string
		wantCode int
		wantHits int    // -1: at least one
		wantMark string // a highlighted word every hit shows
		wantNext bool
	}{
		{"words", "q=prisoners+Grebnev", 200, -1, "", false},
		{"every article", "q=prisoners&limit=100", 200, 4, "prisoners", false}, // three of the demo's and Daily One's
		{"first page", "q=prisoners&limit=2", 200, 2, "prisoners", true},
		{"last page", "q=prisoners&limit=2&offset=3", 200, 1, "prisoners", false},
		{"without diacritics", "q=lukasenka", 200, 1, "Lukašenka", false},
		{"no match", "q=zebra", 200, 0, "", false},
		{"lone quote", "q=" + url.QueryEscape(`"`), 200, 0, "", false},
		{"operator", "q=AND", 200, -1, "", false},
		{"parenthesis", "q=" + url.QueryEscape("("), 200, 0, "", false},
		{"NEAR", "q=" + url.QueryEscape("NEAR( prisoners"), 200, 0, "", false},
		{"column filter", "q=" + url.QueryEscape("title:prisoners"), 200, 0, "", false},
		{"star", "q=" + url.QueryEscape("prisone*"), 200, 0, "", false},
		{"empty", "q=", 400, 0, "", false},
		{"blank", "q=+++", 400, 0, "", false},
		{"too long", "q=" + strings.Repeat("x", maxSearchQuery+1), 400, 0, "", false},
		{"bad limit", "q=prisoners&limit=0", 400, 0, "", false},
		{"limit too large", "q=prisoners&limit=101", 400, 0, "", false},
		{"bad offset", "q=prisoners&offset=-1", 400, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+"/api/search?"+tt.query)
			if r.code != tt.wantCode {
				t.Fatalf("status: got %d %s, want %d", r.code, r.body, tt.wantCode)
			}
			if tt.wantCode != http.StatusOK {
				if e := errorOf(t, r); e.Kind != "invalid" {
					t.Errorf("kind: got %q, want invalid", e.Kind)
				}
				return
			}
			var res textSearch
			decode(t, r, &res)
			if tt.wantHits >= 0 && len(res.Hits) != tt.wantHits || tt.wantHits < 0 && len(res.Hits) == 0 {
				t.Fatalf("hits: got %d, want %d (-1: some)", len(res.Hits), tt.wantHits)
			}
			if (res.Next != nil) != tt.wantNext {
				t.Errorf("next: got %v, want one: %v", res.Next, tt.wantNext)
			}
			for _, h := range res.Hits {
				if h.Story == "" || h.Story != storyOf[h.Article] {
					t.Errorf("%s: story %q, want %q", h.Article, h.Story, storyOf[h.Article])
				}
				if !strings.Contains(string(h.SnippetHTML), "<mark>") {
					t.Errorf("%s: snippet %q has no <mark>", h.Article, h.SnippetHTML)
				}
				if tt.wantMark != "" && !strings.Contains(strings.ToLower(string(h.SnippetHTML)), "<mark>"+strings.ToLower(tt.wantMark)+"</mark>") {
					t.Errorf("%s: snippet %q does not mark %q", h.Article, h.SnippetHTML, tt.wantMark)
				}
			}
		})
	}
}

func TestSearchPage(t *testing.T) {
	_, ts, _ := newTestServer(t)
	ingestDemo(t, ts)
	var res textSearch
	decode(t, get(t, ts.URL+"/api/search?q=Grebnev"), &res)
	if len(res.Hits) == 0 {
		t.Fatal("no hits for Grebnev")
	}
	tests := []struct {
		name     string
		path     string
		wantCode int
		want     []string
		notWant  []string
	}{
		{"nav link", "/", 200, []string{`<a href="/search">Search</a>`}, nil},
		{"form", "/search", 200, []string{`action="/search"`, `name="q"`}, []string{"No article"}},
		{"hits", "/search?q=Grebnev", 200, []string{`value="Grebnev"`, `href="/stories/` + res.Hits[0].Story + `"`, "<mark>Grebnev</mark>"}, nil},
		{"paged", "/search?q=prisoners&limit=2", 200, []string{"more →", "offset=2"}, []string{"← better matches"}},
		{"last page", "/search?q=prisoners&limit=2&offset=2", 200, []string{"← better matches"}, []string{"more →"}},
		{"no match", "/search?q=zebra", 200, []string{"No article holds every word"}, nil},
		{"hostile query", "/search?q=" + url.QueryEscape(`"NEAR( col:x a*`), 200, []string{"No article holds every word"}, nil},
		{"blank query", "/search?q=+", 200, []string{`name="q"`}, []string{"No article"}},
		{"bad limit", "/search?q=x&limit=zero", 400, []string{"Error 400"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPage(t, get(t, ts.URL+tt.path), tt.wantCode, tt.want, tt.notWant)
		})
	}
}

// TestSearchXSS stores an article full of markup and checks that the
// search answer and page show it escaped, around the <mark> of the match.
func TestSearchXSS(t *testing.T) {
	_, ts, _ := newTestServer(t)
	const script, img = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"
	body, _ := json.Marshal(map[string]string{
		"source": "Evil " + img + " Times",
		"title":  "Petrov speaks " + script,
		"text":   "Mayor Ivan Petrov said 12 people were hurt in Lenhrad on Monday. " + script + " He added that " + img + " 40 houses were damaged.",
	})
	if r := do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(string(body))); r.code != http.StatusOK {
		t.Fatalf("ingest: got %d %s", r.code, r.body)
	}
	for _, q := range []string{"alert", "onerror", "script", "Petrov", script, img} {
		t.Run(q, func(t *testing.T) {
			r := get(t, ts.URL+"/api/search?q="+url.QueryEscape(q))
			if r.code != http.StatusOK {
				t.Fatalf("api: got %d %s", r.code, r.body)
			}
			var res textSearch
			decode(t, r, &res)
			if len(res.Hits) != 1 {
				t.Fatalf("api: got %d hits, want 1", len(res.Hits))
			}
			snippet := string(res.Hits[0].SnippetHTML)
			checkEscaped(t, "api snippet_html", snippet)
			if !strings.Contains(snippet, "<mark>") || !strings.Contains(snippet, "&lt;") {
				t.Errorf("api snippet_html %q: want a <mark> and the markup escaped", snippet)
			}
			for _, raw := range []string{"<script", "<img", "<mark"} {
				if strings.Contains(r.body, raw) {
					t.Errorf("api body holds %q: want JSON to escape <", raw)
				}
			}
			page := get(t, ts.URL+"/search?q="+url.QueryEscape(q))
			if page.code != http.StatusOK {
				t.Fatalf("page: got %d", page.code)
			}
			checkEscaped(t, "page", page.body)
			if !strings.Contains(page.body, "&lt;script&gt;") || !strings.Contains(page.body, "<mark>") {
				t.Errorf("page: want the hostile text escaped and a <mark>, got\n%s", page.body)
			}
		})
	}
}

// checkEscaped fails when s holds a script or img element.
func checkEscaped(t *testing.T, what, s string) {
	t.Helper()
	for _, raw := range []string{"<script", "<img", "onerror=alert(1)>"} {
		if strings.Contains(strings.ToLower(s), raw) {
			t.Errorf("%s holds %q unescaped:\n%s", what, raw, s)
		}
	}
}

func TestHighlight(t *testing.T) {
	const o, c = crosscheck.MatchStart, crosscheck.MatchEnd
	tests := []struct {
		name, snippet string
		want          template.HTML
	}{
		{"plain", "no match", "no match"},
		{"one match", "the " + o + "bridge" + c + " reopened", "the <mark>bridge</mark> reopened"},
		{"markup around", "<b>" + o + "x" + c + "</b> & \"q\"", "&lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; &#34;q&#34;"},
		{"markup inside", o + "<script>" + c, "<mark>&lt;script&gt;</mark>"},
		{"stray end", "a" + c + "b", "ab"},
		{"open twice", o + "a" + o + "b" + c, "<mark>ab</mark>"},
		{"never closed", "…" + o + "tail", "…<mark>tail</mark>"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := highlight(tt.snippet); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
