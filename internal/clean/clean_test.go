package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"curly quotes", "“Yes,” she said. It’s", `"Yes," she said. It's`},
		{"dashes", "Belarus–US — talks", "Belarus-US - talks"},
		{"spaces", "  a\u00a0\u00a0b \t c  \n  d ", "a b c\nd"},
		{"zero width and soft hyphen", "Lu\u200bka\u00adshenko", "Lukashenko"},
		{"nfc", "Poc\u030cobut", "Počobut"},
		{"controls", "a\x00b\x07c", "abc"},
		{"ellipsis", "wait…", "wait..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One two. Three four!", []string{"One two.", "Three four!"}},
		{"abbreviated month", "It ended on Saturday, Dec. 13, after talks. Then more.", []string{"It ended on Saturday, Dec. 13, after talks.", "Then more."}},
		{"initial", "A. Lukashenko spoke. He left.", []string{"A. Lukashenko spoke.", "He left."}},
		{"dotted abbreviation", "The U.S. Embassy said so. Fine.", []string{"The U.S. Embassy said so.", "Fine."}},
		{"domain ends a sentence", "He told Lenta.ru. Then left.", []string{"He told Lenta.ru.", "Then left."}},
		{"quote then attribution", `"We respect it," he added. Next.`, []string{`"We respect it," he added.`, "Next."}},
		{"quote ends sentence", `He said "go." Then left.`, []string{`He said "go."`, "Then left."}},
		{"decimal", "It cost 2.3 million. Done.", []string{"It cost 2.3 million.", "Done."}},
		{"ellipsis before number", "civilians... 114 civilians were moved.", []string{"civilians... 114 civilians were moved."}},
		{"paragraphs", "First line\n\nSecond line.", []string{"First line", "Second line."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in) {
				got = append(got, s.Text)
				if sl := crosscheck.Slice(tt.in, s.Start, s.End); sl != s.Text {
					t.Errorf("offsets [%d,%d) give %q, want %q", s.Start, s.End, sl, s.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInlineHeading(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"function word", "People released from prison According to Pool, many were pardoned.", "People released from prison"},
		{"question", "Who is Varga and Olsen Varga is a civil engineer by training.", "Who is Varga and Olsen"},
		{"ordinary sentence", "According to Pool, many were pardoned in the capital.", ""},
		{"name inside", "The court in The Hague ruled on the case yesterday.", ""},
		{"comma before", "After the vote, The Guardian reported on the result.", ""},
		{"real question", "Who is to blame remains unclear to the investigators?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(tt.in[:inlineHeading(tt.in)])
			if got != tt.want {
				t.Errorf("inlineHeading(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Popular Categories", true},
		{"Search the website", true},
		{"Exit mobile version", true},
		{"Total Views : 80", true},
		{"Zoom In Zoom Out Read Later Print", true},
		{"Share this article", true},
		{"Most of those pardoned have left Belarus", false},
		{"Search for survivors continues.", false},
		{"The print edition sold out in Minsk and Vilnius on Saturday morning.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isBoilerplate(tt.line); got != tt.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

// TestCleanGolden cleans hand-written fixtures and compares the whole
// article with a golden file; run with -update to rewrite them.
func TestCleanGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	html, _ := filepath.Glob("testdata/*.html")
	files = append(files, html...)
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			format := crosscheck.FormatText
			if strings.HasSuffix(f, ".html") {
				format = crosscheck.FormatHTML
			}
			a := Clean(crosscheck.Doc{Ref: filepath.Base(f), Source: "fixture", Format: format, Body: body}, Options{})
			checkOffsets(t, a)
			got, _ := json.MarshalIndent(a, "", "  ")
			golden := f + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("cleaned %s differs from %s:\ngot:\n%s", f, golden, got)
			}
		})
	}
}

func checkOffsets(t *testing.T, a *crosscheck.Article) {
	t.Helper()
	for _, s := range a.Sentences {
		if got := crosscheck.Slice(a.Text, s.Start, s.End); got != s.Text {
			t.Errorf("sentence offsets [%d,%d) give %q, want %q", s.Start, s.End, got, s.Text)
		}
	}
	for _, h := range a.Headings {
		if got := crosscheck.Slice(a.Text, h.Start, h.End); got != h.Text {
			t.Errorf("heading offsets [%d,%d) give %q, want %q", h.Start, h.End, got, h.Text)
		}
		for _, s := range a.Sentences {
			if s.Start < h.End && h.Start < s.End {
				t.Errorf("heading %q overlaps sentence %q", h.Text, s.Text)
			}
		}
	}
}

func TestCleanHarbourFixture(t *testing.T) {
	body, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := Clean(crosscheck.Doc{Ref: "harbour.txt", Format: crosscheck.FormatText, Body: body}, Options{})
	if got, want := a.Title, "Harbour Bridge Reopens After Storm Damage"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	wantRemoved := []string{"Share this article", "Total Views : 1,204", "Popular Categories", "Search the website", "Exit mobile version"}
	for _, w := range wantRemoved {
		if !contains(a.Removed, w) {
			t.Errorf("removed: got %q, want it to hold %q", a.Removed, w)
		}
		if strings.Contains(a.Text, w) {
			t.Errorf("text still holds boilerplate %q", w)
		}
	}
	var heads []string
	for _, h := range a.Headings {
		heads = append(heads, h.Text)
	}
	for _, w := range []string{"Repairs cost more than 2 million euros", "What happens next for the ferry"} {
		if !contains(heads, w) {
			t.Errorf("headings: got %q, want %q among them", heads, w)
		}
	}
	if n := strings.Count(a.Text, "race against the tide"); n != 1 {
		t.Errorf("repeated line kept %d times, want 1", n)
	}
	if !strings.Contains(a.Text, "Local ferry operators expect") {
		t.Errorf("the sentence after an inline heading was lost: %q", a.Text)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCleanBadInput(t *testing.T) {
	tests := []struct {
		name     string
		format   crosscheck.Format
		body     string
		wantWarn string
		wantLang string
	}{
		{"login page", crosscheck.FormatHTML, `<html><head><title>Sign in</title></head><body><form><input name=user><input type=password><button>Log in</button></form></body></html>`, WarnNoMainText, "und"},
		{"broken html", crosscheck.FormatHTML, `<html><body><div><p>Unclosed <b>bold <i>and <p>more`, WarnNoMainText, ""},
		{"broken html with an article", crosscheck.FormatHTML, "<html><body><article><p>" + benchParagraph + "<p>" + benchParagraph + "</div></span>", "", "en"},
		{"whitespace only", crosscheck.FormatText, "   \n\n  ", WarnNoMainText, "und"},
		{"german", crosscheck.FormatText, "Die Regierung hat am Samstag 123 Gefangene freigelassen. Unter ihnen ist auch die Oppositionspolitikerin, die seit Jahren in Haft war und nun in die Ukraine gebracht wurde.", "", "de"},
		{"cyrillic", crosscheck.FormatText, "Власти Беларуси освободили 123 заключенных. Среди них известные оппозиционеры, которые провели в тюрьме несколько лет.", "", "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Clean(crosscheck.Doc{Ref: tt.name, Format: tt.format, Body: []byte(tt.body)}, Options{})
			if tt.wantWarn != "" && !contains(a.Warnings, tt.wantWarn) {
				t.Errorf("warnings: got %q, want %q", a.Warnings, tt.wantWarn)
			}
			if tt.wantWarn == "" && len(a.Warnings) > 0 {
				t.Errorf("warnings: got %q, want none", a.Warnings)
			}
			if tt.wantLang != "" && a.Language != tt.wantLang {
				t.Errorf("language: got %q, want %q", a.Language, tt.wantLang)
			}
			if a.ID == "" || len(a.ContentHash) != 64 {
				t.Errorf("id %q, hash %q: want both set", a.ID, a.ContentHash)
			}
		})
	}
}

// TestSeeds checks cleaning on the five real seed articles: no boilerplate,
// the sub-headings marked, and every body sentence kept.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/seeds is absent: skipping the seed articles")
	}
	var texts, heads, removed []string
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := Clean(crosscheck.Doc{Ref: filepath.Base(f), Format: crosscheck.FormatText, Body: body}, Options{})
		checkOffsets(t, a)
		texts = append(texts, a.Title+"\n"+a.Text)
		for _, h := range a.Headings {
			heads = append(heads, h.Text)
		}
		removed = append(removed, a.Removed...)
		// Every line of the raw file that ends like a sentence must survive,
		// unless it repeats another line.
		for _, line := range strings.Split(Normalize(string(body)), "\n") {
			if !isParagraph(line) || contains(a.Removed, line) || line == a.Title {
				continue
			}
			for _, s := range Sentences(line) {
				plain := s.Text
				for _, h := range a.Headings {
					plain = strings.TrimPrefix(plain, h.Text+" ")
				}
				if !strings.Contains(a.Text, plain) {
					t.Errorf("%s: sentence lost: %q", filepath.Base(f), plain)
				}
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, b := range []string{"Popular Categories", "Search the website", "Exit mobile version", "Total Views : 80", "Zoom In Zoom Out Read Later Print"} {
		if strings.Contains(all, b) {
			t.Errorf("boilerplate %q left in the text", b)
		}
		if !contains(removed, b) {
			t.Errorf("boilerplate %q not reported as removed", b)
		}
	}
	for _, h := range []string{"156 people were released from Belarusian prisons recently", "Who is Kolesnikova and Babariko"} {
		if !contains(heads, h) {
			t.Errorf("headings: got %q, want %q among them", heads, h)
		}
	}
}

// benchArticle is a plain-text article of about 4 KB with no repeated
// sentences, a headline, boilerplate and a sub-heading.
func benchArticle() string {
	var sb strings.Builder
	sb.WriteString("Harbour Bridge Reopens\n\nShare this article\n\n")
	places := []string{"Kestrel", "Vilnius", "Minsk", "Riga", "Gdansk"}
	for i := 0; sb.Len() < 4000; i++ {
		if i == 12 {
			sb.WriteString("What comes next\n")
		}
		fmt.Fprintf(&sb, "Officials in %s said %d girders were replaced after storm number %d, the office said on Tuesday. ", places[i%5], 10+i*7, i)
		if i%3 == 2 {
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

func BenchmarkCleanText(b *testing.B) {
	body := []byte(benchArticle())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Clean(crosscheck.Doc{Format: crosscheck.FormatText, Body: body}, Options{})
	}
}

func BenchmarkCleanHTML(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><head><title>Bench</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Bridge reopens</h1>")
	for i := 0; i < 8; i++ {
		page.WriteString("<p>" + benchParagraph + "</p>")
	}
	page.WriteString("</article><footer>Copyright 2026</footer></body></html>")
	body := []byte(page.String())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Clean(crosscheck.Doc{Format: crosscheck.FormatHTML, Body: body}, Options{})
	}
}

const benchParagraph = "The harbour bridge reopened on Tuesday, three weeks after a storm tore away part of its deck, the transport office said. Engineers replaced 14 steel girders and the final bill reached 2.3 million euros. Mayor Ilona Varga thanked the crews. Ferry operators expect numbers to fall by a third.\n"
