package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// checkSpans fails when a fact points outside its article.
func checkSpans(t *testing.T, a *crosscheck.Article, r Result) {
	t.Helper()
	n := utf8.RuneCountInString(a.Text)
	check := func(what string, s crosscheck.Span) {
		if s.Start < 0 || s.End < s.Start || s.End > n || s.Article != a.ID {
			t.Errorf("%s span: got %+v, want one inside [0, %d] of %q", what, s, n, a.ID)
		}
	}
	for _, x := range r.Numbers {
		check("number", x.Span)
	}
	for _, x := range r.Dates {
		check("date", x.Span)
	}
	for _, x := range r.Quotes {
		check("quote", x.Span)
		if x.Text == "" {
			t.Errorf("quote text: got empty, want words")
		}
	}
}

func TestBadInput(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("We will not give up on this town and its people. ", 1024)) // 50 KB
	tests := []struct {
		name   string
		text   string
		check  func(t *testing.T, r Result)
		noText bool // sentences without Article.Text
	}{
		{name: "unbalanced straight quote", text: `He said "we will win. Then he left. Later 5 guards came.`,
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 0 {
					t.Errorf("quotes: got %+v, want none for an unclosed mark", r.Quotes)
				}
				if len(r.Numbers) != 1 {
					t.Errorf("numbers: got %d, want 1", len(r.Numbers))
				}
			}},
		{name: "stray closing curly mark", text: `It ended” quietly. “Good,” said Ana Kral.`,
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 1 || r.Quotes[0].Text != "Good" || r.Quotes[0].Speaker != "Ana Kral" {
					t.Errorf("quotes: got %+v, want one quote \"Good\" by Ana Kral", r.Quotes)
				}
			}},
		{name: "opening mark never closed before the next quote", text: `The "plan was odd. "It works," Ana Kral said.`,
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 1 || r.Quotes[0].Text != "It works" {
					t.Errorf("quotes: got %+v, want only \"It works\"", r.Quotes)
				}
			}},
		{name: "unclosed at paragraph end", text: "\"We stay,\" Ana Kral said. \"We go\n\nThe mayor left.",
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 1 {
					t.Errorf("quotes: got %+v, want one", r.Quotes)
				}
			}},
		{name: "50 KB quote", text: `"` + long + `" Ana Kral said.`,
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 1 {
					t.Fatalf("quotes: got %d, want 1", len(r.Quotes))
				}
				q := r.Quotes[0]
				if len(q.Text) < 50000 || q.Speaker != "Ana Kral" || q.LastSentence != 1023 {
					t.Errorf("quote: got %d bytes by %q ending in sentence %d, want 50 KB by Ana Kral ending in sentence 1023",
						len(q.Text), q.Speaker, q.LastSentence)
				}
			}},
		{name: "scientific notation", text: "The array holds 1.5e6 cells and 1e999 is too big.",
			check: func(t *testing.T, r Result) {
				if len(r.Numbers) != 1 || r.Numbers[0].Value != 1.5e6 {
					t.Errorf("numbers: got %+v, want one of 1.5e6", r.Numbers)
				}
			}},
		{name: "european thousands in english text", text: "The club has 1.234 members.",
			check: func(t *testing.T, r Result) {
				if len(r.Numbers) != 1 || r.Numbers[0].Value != 1.234 || r.Numbers[0].Note == "" {
					t.Errorf("numbers: got %+v, want 1.234 with a note on the ambiguity", r.Numbers)
				}
			}},
		{name: "30 February", text: "The decree of 30 February 2020 was void.",
			check: func(t *testing.T, r Result) {
				if len(r.Dates) != 1 || !r.Dates[0].Invalid || r.Dates[0].ISO != "" || r.Dates[0].Text != "30 February 2020" {
					t.Errorf("dates: got %+v, want one invalid date kept as text", r.Dates)
				}
				if len(r.Numbers) != 0 {
					t.Errorf("numbers: got %+v, want none", r.Numbers)
				}
			}},
		{name: "no numbers", text: "Nothing was counted here. The talks went on.",
			check: func(t *testing.T, r Result) {
				if len(r.Numbers) != 0 {
					t.Errorf("numbers: got %+v, want none", r.Numbers)
				}
			}},
		{name: "empty article", text: "",
			check: func(t *testing.T, r Result) {
				if len(r.Numbers)+len(r.Dates)+len(r.Quotes) != 0 {
					t.Errorf("got %+v, want nothing", r)
				}
			}},
		{name: "only punctuation and marks", text: `"" «» „“ ... ,,, $ % 1. -`,
			check: func(t *testing.T, r Result) {}},
		{name: "sentences without article text", text: `"We stay," Ana Kral said on March 3. "We go," she added.`, noText: true,
			check: func(t *testing.T, r Result) {
				if len(r.Quotes) != 2 || r.Quotes[1].Speaker != "Ana Kral" {
					t.Errorf("quotes: got %+v, want two by Ana Kral", r.Quotes)
				}
			}},
		{name: "huge digits", text: "The code 12345678901234567890123 is long.",
			check: func(t *testing.T, r Result) {
				if len(r.Numbers) != 0 {
					t.Errorf("numbers: got %+v, want none", r.Numbers)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text, time.Time{})
			if tt.noText {
				a.Text = ""
			}
			r := Facts(a)
			if !tt.noText {
				checkSpans(t, a, r)
			}
			tt.check(t, r)
		})
	}
}

func TestNilAndEmpty(t *testing.T) {
	tests := []struct {
		name string
		a    *crosscheck.Article
	}{
		{"nil", nil},
		{"zero", &crosscheck.Article{}},
		{"empty sentences", &crosscheck.Article{Sentences: []crosscheck.Sentence{{}, {Text: " "}}}},
		{"offsets beyond text", &crosscheck.Article{Text: "ab", Sentences: []crosscheck.Sentence{{Text: "In 2020, 5 men left.", Start: 10, End: 30}}}},
		{"silly publication date", &crosscheck.Article{Published: time.Date(-40, 1, 1, 0, 0, 0, 0, time.UTC),
			Sentences: []crosscheck.Sentence{{Text: "It opened today, on May 3."}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Facts(tt.a)
			for _, d := range r.Dates {
				if d.ISO != "" && d.ISO[0] == '-' && d.ISO[1] != '-' {
					t.Errorf("date: got ISO %q, want no negative year", d.ISO)
				}
			}
		})
	}
}

func FuzzFacts(f *testing.F) {
	for _, s := range []string{
		`"We will stay," Ana Kral told AFP on Dec. 13. More than 100 people, along with 3 others, left.`,
		`«Ja» — „nein“ ” “ " "" 30 February, 2020-13-45 1,2,3 1.2.3 $ 5bn 7% Ok16 COVID-19 10:30`,
		"\"a\nb\" c said.\n\n\"d",
		"Hundreds of. a dozen. twenty- . one. 1e. 1e+. $. US$. the 2010s. mid-2020. 12/13/2025.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		a := article(s, day(2025, time.December, 14))
		checkSpans(t, a, Facts(a))
	})
}
