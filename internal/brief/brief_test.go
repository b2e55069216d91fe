package brief

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestBuild(t *testing.T) {
	full, _ := testStory(t)
	nw, ht, rp, sr, dk := full.Articles[0], full.Articles[1], full.Articles[2], full.Articles[3], full.Articles[4]

	// A third copy of the wire story, under another outlet.
	cp := newArticle("a6copy", "Valley Courier", "en", 11*time.Hour, "Prisoners freed", textHarbourTimes)

	// An article whose second sentence is cited at the wrong offsets.
	bad := newArticle("a7bad", "Bad Offsets", "en", 13*time.Hour, "Offsets", textRiversidePost)
	bad.Sentences[1].Start += 3

	tests := []struct {
		name  string
		in    Input
		check func(t *testing.T, b crosscheck.StoryBrief)
	}{
		{
			name: "story",
			in:   full,
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 5, 5, 4)
				wantNote(t, b, "1 article not analysed: language de")
				if len(b.Summary) < 3 || len(b.Summary) > 7 {
					t.Errorf("summary: got %d sentences, want 3 to 7", len(b.Summary))
				}
				for i, s := range b.Summary {
					if s.SingleSource {
						t.Errorf("summary %d: got single source %q, want corroborated sentences only", i+1, s.Text)
					}
					if slices.Contains(s.Articles, nw.ID) != slices.Contains(s.Articles, ht.ID) {
						t.Errorf("summary %d: the copy pair is cited apart: %v", i+1, s.Articles)
					}
				}
				if len(b.Summary) > 0 && !strings.Contains(b.Summary[0].Text, "released 52 prisoners") {
					t.Errorf("summary 1: got %q, want the corroborated release of 52 prisoners", b.Summary[0].Text)
				}
				wantFraming(t, b, "political prisoners", []string{"Riverside Post"})
				wantFraming(t, b, "pardoned", []string{"State Radio"})
				wantUnique(t, b, "Riverside Post", "more than 300 political prisoners")
				for _, u := range b.Unique {
					if strings.Contains(u.Text, "Twenty-five") {
						t.Errorf("unique: got %q, a version of a conflict, want it left to the conflicts", u.Text)
					}
				}
				if got := len(b.Facts); got != 3 {
					t.Errorf("facts: got %d, want 3 copied in", got)
				}
			},
		},
		{
			name: "one article",
			in: Input{
				ID: "one", Articles: []*crosscheck.Article{sr},
				Facts: []crosscheck.Fact{{
					ID: "f9", Kind: "number", Text: "citizens pardoned", Value: float(52),
					Articles: []string{sr.ID}, Outlets: []string{"State Radio"}, IndependentOrigins: 1,
					Status: crosscheck.SingleSource, Evidence: []crosscheck.Evidence{cite(t, sr, "pardoned 52 citizens")},
				}},
				Quotes: full.Quotes, Entities: full.Entities[2:],
			},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 1, 1, 1)
				wantNote(t, b, "one article: nothing to cross-check")
				if b.Title != sr.Title {
					t.Errorf("title: got %q, want the article's %q", b.Title, sr.Title)
				}
				if len(b.Facts) != 1 || len(b.Quotes) != 1 || len(b.Entities) != 1 {
					t.Errorf("got %d facts, %d quotes, %d entities, want 1 each", len(b.Facts), len(b.Quotes), len(b.Entities))
				}
				if len(b.Summary) == 0 {
					t.Error("summary: got none, want the article's own sentences, marked single source")
				}
				for i, s := range b.Summary {
					if !s.SingleSource {
						t.Errorf("summary %d: got corroborated, want single source", i+1)
					}
				}
				if len(b.Differences.Framing) != 0 || len(b.Unique) != 0 {
					t.Errorf("got %d framing terms and %d unique details, want none with one outlet", len(b.Differences.Framing), len(b.Unique))
				}
			},
		},
		{
			name: "all copies",
			in: Input{
				ID: "copies", Articles: []*crosscheck.Article{nw, ht, cp},
				OriginOf: map[string]int{nw.ID: 7, ht.ID: 7, cp.ID: 7},
			},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 3, 3, 1)
				wantNote(t, b, "1 independent origin")
				for i, s := range b.Summary {
					if !s.SingleSource {
						t.Errorf("summary %d: got corroborated by copies %v, want single source", i+1, s.Articles)
					}
				}
				if len(b.Summary) > 0 && len(b.Summary[0].Articles) != 3 {
					t.Errorf("summary 1: got articles %v, want all three copies", b.Summary[0].Articles)
				}
			},
		},
		{
			name: "another language",
			in:   Input{ID: "de", Articles: []*crosscheck.Article{dk, nw, rp}},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 3, 3, 3)
				i := slices.IndexFunc(b.Articles, func(a crosscheck.BriefArticle) bool { return a.ID == dk.ID })
				if i < 0 {
					t.Fatalf("articles: got %v, want the German article listed", b.Articles)
				}
				if a := b.Articles[i]; a.Analysed || a.Note != "not analysed: language de" {
					t.Errorf("German article: got analysed=%v note %q, want false and %q", a.Analysed, a.Note, "not analysed: language de")
				}
				for j, s := range b.Summary {
					if slices.Contains(s.Articles, dk.ID) {
						t.Errorf("summary %d: got the German article among %v, want it left out", j+1, s.Articles)
					}
				}
				for _, f := range b.Differences.Framing {
					if slices.Contains(f.Outlets, "Der Kurier") || slices.Contains(f.Others, "Der Kurier") {
						t.Errorf("framing %q: got Der Kurier among the outlets, want it left out", f.Term)
					}
				}
			},
		},
		{
			name: "no origin map",
			in:   Input{ID: "nil", Articles: []*crosscheck.Article{nw, ht, rp}},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 3, 3, 3)
			},
		},
		{
			name: "no articles",
			in:   Input{ID: "empty", Title: "Empty"},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantCoverage(t, b, 0, 0, 0)
				wantNote(t, b, "no articles")
				if b.Summary == nil || b.Facts == nil || b.Unique == nil || b.Differences.Framing == nil || b.Articles == nil {
					t.Error("got nil lists, want empty ones")
				}
			},
		},
		{
			name: "bad offsets",
			in:   Input{ID: "bad", Articles: []*crosscheck.Article{nw, bad}},
			check: func(t *testing.T, b crosscheck.StoryBrief) {
				wantNote(t, b, "article a7bad: 1 sentence skipped")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Build(tt.in)
			tt.check(t, b)
			arts := make(map[string]*crosscheck.Article)
			for _, a := range tt.in.Articles {
				arts[a.ID] = a
			}
			for _, err := range CheckCitations(b, arts) {
				t.Error(err)
			}
		})
	}
}

func wantCoverage(t *testing.T, b crosscheck.StoryBrief, articles, outlets, origins int) {
	t.Helper()
	got := b.Coverage
	if got.Articles != articles || got.Outlets != outlets || got.IndependentOrigins != origins {
		t.Errorf("coverage: got %d articles, %d outlets, %d origins, want %d, %d, %d",
			got.Articles, got.Outlets, got.IndependentOrigins, articles, outlets, origins)
	}
}

func wantNote(t *testing.T, b crosscheck.StoryBrief, prefix string) {
	t.Helper()
	for _, n := range b.Notes {
		if strings.HasPrefix(n, prefix) {
			return
		}
	}
	t.Errorf("notes: got %q, want one starting %q", b.Notes, prefix)
}

func wantFraming(t *testing.T, b crosscheck.StoryBrief, term string, outlets []string) {
	t.Helper()
	for _, f := range b.Differences.Framing {
		if f.Term == term {
			if !slices.Equal(f.Outlets, outlets) {
				t.Errorf("framing %q: got outlets %v, want %v", term, f.Outlets, outlets)
			}
			return
		}
	}
	var got []string
	for _, f := range b.Differences.Framing {
		got = append(got, f.Term)
	}
	t.Errorf("framing: got %q, want %q among them", got, term)
}

func wantUnique(t *testing.T, b crosscheck.StoryBrief, outlet, text string) {
	t.Helper()
	for _, u := range b.Unique {
		if u.Outlet == outlet && strings.Contains(u.Text, text) {
			return
		}
	}
	t.Errorf("unique: got %+v, want %s's %q", b.Unique, outlet, text)
}

// TestGolden renders the test story in every format and compares the
// result with testdata; go test -update rewrites the files.
func TestGolden(t *testing.T) {
	in, _ := testStory(t)
	b := crosscheck.Brief{Stories: []crosscheck.StoryBrief{Build(in)}}
	tests := []struct {
		name   string
		render func(*bytes.Buffer, crosscheck.Brief) error
	}{
		{"tarvonia.md", func(w *bytes.Buffer, b crosscheck.Brief) error { return Markdown(w, b) }},
		{"tarvonia.json", func(w *bytes.Buffer, b crosscheck.Brief) error { return JSON(w, b) }},
		{"tarvonia.html", func(w *bytes.Buffer, b crosscheck.Brief) error { return HTML(w, b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, buf.Bytes())
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
	}
}

func TestCitations(t *testing.T) {
	in, arts := testStory(t)
	b := Build(in)
	if errs := CheckCitations(b, arts); len(errs) > 0 {
		for _, err := range errs {
			t.Error(err)
		}
	}
	if len(b.Summary) == 0 || len(b.Unique) == 0 {
		t.Fatalf("got %d summary sentences and %d unique details, want some of each to check", len(b.Summary), len(b.Unique))
	}

	// And the check must catch what is wrong.
	breakers := []struct {
		name   string
		mutate func(b *crosscheck.StoryBrief)
		want   string
	}{
		{"shifted summary", func(b *crosscheck.StoryBrief) { b.Summary[0].Evidence[0].Start++ }, "summary 1 evidence 1"},
		{"unknown article", func(b *crosscheck.StoryBrief) { b.Unique[0].Evidence.Article = "nope" }, "unknown article"},
		{"wrong fact text", func(b *crosscheck.StoryBrief) { b.Facts[0].Evidence[0].Text = "51 prisoners" }, "fact f1 evidence 1"},
		{"unlisted quote article", func(b *crosscheck.StoryBrief) { b.Quotes[0].Articles = []string{"other"} }, "does not list"},
		{"timeline past the end", func(b *crosscheck.StoryBrief) { b.Timeline[0].Evidence[0].End = 100000 }, "timeline 1 evidence 1"},
	}
	for _, tt := range breakers {
		t.Run(tt.name, func(t *testing.T) {
			broken := Build(in)
			tt.mutate(&broken)
			errs := CheckCitations(broken, arts)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("got %v, want one error about %q", errs, tt.want)
			}
		})
	}
}

// TestHostile puts markup in every field that reaches a rendering.
func TestHostile(t *testing.T) {
	const script, img = `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`
	text1 := "Officials in Tarvonia " + script + " released 52 prisoners on Thursday after long talks in the capital.\n" +
		"The freed prisoners " + img + " were driven across the border to Latvia on Thursday night.\n" +
		"A spokesman for `the office` said *nothing* about [the deal](javascript:alert(1)) | &lt; & more."
	text2 := "Officials in Tarvonia " + script + " released 52 prisoners on Thursday after long talks in the capital city.\n" +
		"Only this outlet reports that 7 of them " + img + " were journalists working for Sorokin Daily."
	a1 := newArticle("h1", "Outlet "+script, "en", time.Hour, "Title "+img, text1)
	a2 := newArticle("h2", "Other "+img, "en", 2*time.Hour, "Title "+script, text2)
	in := Input{
		ID: "hostile", Title: "Story " + script,
		Articles: []*crosscheck.Article{a1, a2},
		Entities: []crosscheck.Entity{{
			ID: "e1", Name: "Sorokin " + script, Type: "person", Roles: []string{img}, Mentions: 2,
			Variants: []crosscheck.Variant{{Name: img, Articles: []string{"h2"}, Outlets: []string{"Other " + img}, Count: 1}},
		}},
		Quotes:    []crosscheck.Quote{{ID: "q1", Text: script, Speaker: img, Channel: script, Status: crosscheck.SingleSource}},
		Spellings: []crosscheck.Spelling{{Entity: "e1", Name: script, Variants: []crosscheck.Variant{{Name: img, Outlets: []string{script}}}}},
		Timeline:  []crosscheck.TimelineItem{{Date: "2026-04-02", Precision: "day", Text: script, Outlets: []string{img}}},
		Copies:    []crosscheck.Copy{{A: "h1", B: "h2", Passages: 1, Shared: 0.3, Example: crosscheck.Evidence{Article: "h1", Text: script + img}}},
	}
	b := crosscheck.Brief{Stories: []crosscheck.StoryBrief{Build(in)}}
	if len(b.Stories[0].Summary) == 0 || len(b.Stories[0].Unique) == 0 {
		t.Fatalf("got %d summary sentences and %d unique details, want the hostile text to reach both",
			len(b.Stories[0].Summary), len(b.Stories[0].Unique))
	}

	for _, tt := range []struct {
		name   string
		render func(*bytes.Buffer, crosscheck.Brief) error
	}{
		{"markdown", func(w *bytes.Buffer, b crosscheck.Brief) error { return Markdown(w, b) }},
		{"html", func(w *bytes.Buffer, b crosscheck.Brief) error { return HTML(w, b) }},
		{"json", func(w *bytes.Buffer, b crosscheck.Brief) error { return JSON(w, b) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, b); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, raw := range []string{"<script", "<img", "</script"} {
				if strings.Contains(strings.ToLower(out), raw) {
					t.Errorf("got raw %q in the output:\n%s", raw, out)
				}
			}
			switch tt.name {
			case "markdown":
				for _, want := range []string{"&lt;script&gt;", "\\`the office\\`", "\\*nothing\\*", "\\[the deal\\]", "\\|", "&amp;lt;"} {
					if !strings.Contains(out, want) {
						t.Errorf("got no %q in:\n%s", want, out)
					}
				}
			case "html":
				if !strings.Contains(out, "&lt;script&gt;") {
					t.Errorf("got no escaped script tag in:\n%s", out)
				}
				for _, err := range strictPage(out) {
					t.Error(err)
				}
			case "json":
				var back crosscheck.Brief
				if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
					t.Fatal(err)
				}
				if got := back.Stories[0].Title; got != in.Title {
					t.Errorf("title: got %q, want %q back", got, in.Title)
				}
			}
		})
	}
}

func TestJSONEmptyLists(t *testing.T) {
	tests := []struct {
		name string
		b    crosscheck.Brief
	}{
		{"no stories", crosscheck.Brief{}},
		{"bare story", crosscheck.Brief{Stories: []crosscheck.StoryBrief{{ID: "x", Facts: []crosscheck.Fact{{ID: "f"}}}}}},
		{"built", crosscheck.Brief{Stories: []crosscheck.StoryBrief{Build(Input{ID: "y"})}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, tt.b); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(buf.Bytes(), []byte("null")) {
				t.Errorf("got null in:\n%s", buf.String())
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("{\n  \"stories\": [")) {
				t.Errorf("got %q, want an indented {\"stories\": [...]}", buf.String()[:min(40, buf.Len())])
			}
		})
	}
	// The caller's brief is left alone.
	b := crosscheck.Brief{Stories: []crosscheck.StoryBrief{{ID: "x", Facts: []crosscheck.Fact{{ID: "f"}}}}}
	if err := JSON(&bytes.Buffer{}, b); err != nil {
		t.Fatal(err)
	}
	if b.Stories[0].Facts[0].Articles != nil {
		t.Errorf("got the caller's fact changed: %+v", b.Stories[0].Facts[0])
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, 52 prisoners.", "plain text, 52 prisoners."},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a `code` b", "a \\`code\\` b"},
		{`back\slash`, `back\\slash`},
		{"*bold* _it_ ~s~", `\*bold\* \_it\_ \~s\~`},
		{"[x](javascript:y)", `\[x\](javascript:y)`},
		{"a | b", `a \| b`},
		{"AT&T and &amp; and &#60;", "AT&T and &amp;amp; and &amp;#60;"},
		{"two\nlines\r\n\tand tab", "two lines and tab"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := md(tt.in); got != tt.want {
				t.Errorf("md(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Tarvonia's 1,200 prisoners, 4.5%", []string{"tarvonia", "1200", "prisoners", "4.5"}},
		{"don't stop—now", []string{"don't", "stop", "now"}},
		{`"Quoted," he said.`, []string{"quoted", "he", "said"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// strictPage checks every tag of an HTML page: only the tags the template
// writes, no event handlers, no links but those inside the page, no
// scripts or external resources. html/template escapes text, so every "<"
// left in the page opens a real tag.
func strictPage(page string) []error {
	allowed := setOf(`html head meta title style body nav h1 h2 h3 ol ul li a p strong span section
		article details summary q table thead tbody tr th td div blockquote br`)
	var errs []error
	rest := page
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			return errs
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			return append(errs, fmt.Errorf("unclosed tag at %q", rest[i:]))
		}
		tag := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		if strings.HasPrefix(tag, "!") || strings.HasPrefix(tag, "/") {
			continue
		}
		fields := strings.Fields(tag)
		if !allowed[strings.ToLower(fields[0])] {
			errs = append(errs, fmt.Errorf("tag <%s>: not one the template writes", tag))
		}
		for _, attr := range fields[1:] {
			name, value, _ := strings.Cut(attr, "=")
			value = strings.Trim(value, `"`)
			switch {
			case strings.HasPrefix(strings.ToLower(name), "on"):
				errs = append(errs, fmt.Errorf("tag <%s>: an event handler", tag))
			case name == "href" && !strings.HasPrefix(value, "#"):
				errs = append(errs, fmt.Errorf("tag <%s>: a link out of the page", tag))
			case name == "src":
				errs = append(errs, fmt.Errorf("tag <%s>: an external resource", tag))
			}
		}
	}
}

func TestHasDateline(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		without string
	}{
		{"TALLINN, April 2 (North Wire) - Tarvonia released 52 prisoners.", true, "Tarvonia released 52 prisoners."},
		{"LONDON (Wire) — Prices rose.", true, "Prices rose."},
		{"MINSK, Dec 13 (Wire) Prisoners were freed.", true, "MINSK, Dec 13 (Wire) Prisoners were freed."},
		{"Tarvonia released 52 prisoners, officials said.", false, "Tarvonia released 52 prisoners, officials said."},
		{"EU, US agree on a deal - at last.", false, "EU, US agree on a deal - at last."},
		{"The UN (United Nations) met.", false, "The UN (United Nations) met."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := hasDateline(tt.in); got != tt.want {
				t.Errorf("hasDateline: got %v, want %v", got, tt.want)
			}
			if got := withoutDateline(tt.in); got != tt.without {
				t.Errorf("withoutDateline: got %q, want %q", got, tt.without)
			}
		})
	}
}
