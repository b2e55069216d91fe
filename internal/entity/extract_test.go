package entity

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// found renders a mention for comparisons: "type:text" or
// "type:text|role".
func found(m Mention) string {
	if m.Role != "" {
		return fmt.Sprintf("%s:%s|%s", m.Type, m.Text, m.Role)
	}
	return fmt.Sprintf("%s:%s", m.Type, m.Text)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // mentions that must be found
		not  []string // texts that must not be found with any type but unknown
	}{
		{
			name: "title before a name is a role",
			text: "US President Donald Trump spoke with reporters on Monday.",
			want: []string{"place:US", "person:Donald Trump|US President"},
			not:  []string{"Monday", "US President Donald Trump"},
		},
		{
			name: "role from an organisation and a title run",
			text: "On Tuesday the White House special envoy John Coale flew to Minsk.",
			want: []string{"org:White House", "person:John Coale|White House special envoy", "place:Minsk"},
			not:  []string{"Tuesday"},
		},
		{
			name: "role of the second of two names",
			text: "The letter was signed by the press secretary of Belarusian leader Alexander Lukashenko, Natalya Eismont, on Friday.",
			want: []string{"person:Alexander Lukashenko|Belarusian leader", "person:Natalya Eismont|press secretary"},
			not:  []string{"Belarusian", "Friday"},
		},
		{
			name: "possessive maps to the name",
			text: "Critics of Lukashenko's government met in Vilnius, and Tikhanovskaya’s aides joined them.",
			want: []string{"person:Lukashenko", "place:Vilnius", "person:Tikhanovskaya"},
		},
		{
			name: "curly possessive after s",
			text: "Officials in Belarus’ capital refused to comment.",
			want: []string{"place:Belarus"},
		},
		{
			name: "demonyms are not places",
			text: "Belarusian and Ukrainian officials met Polish and American diplomats.",
			not:  []string{"Belarusian", "Ukrainian", "Polish", "American"},
		},
		{
			name: "agencies and cities are not people",
			text: "Speaking to RIA Novosti and Reuters in Kyiv, the minister said Minsk would answer.",
			want: []string{"org:RIA Novosti", "org:Reuters", "place:Kyiv", "place:Minsk"},
		},
		{
			name: "organisations by trigger word",
			text: "A spokesperson for the Polish Ministry of Foreign Affairs said the Supreme Court had ruled.",
			want: []string{"org:Polish Ministry of Foreign Affairs", "org:Supreme Court"},
		},
		{
			name: "organisation and person in one capitalised run",
			text: "The rally was led by Jan Nowak, an activist of the Union of Poles in Belarus Teresa Sobol and others.",
			want: []string{"person:Jan Nowak", "org:Union of Poles in Belarus", "person:Teresa Sobol|activist of the Union of Poles in Belarus"},
		},
		{
			name: "demonym inside an organisation's name",
			text: "She leads the Belarusian Polish Union, which Warsaw supports.",
			want: []string{"org:Belarusian Polish Union", "place:Warsaw"},
		},
		{
			name: "agency by full name",
			text: "An aide told Agence France-Presse that the plan had failed.",
			want: []string{"org:Agence France-Presse"},
		},
		{
			name: "common words opening a sentence are not names",
			text: "Additionally, nobody answered. Following the talks, the envoy left. Published photos show the border.",
			not:  []string{"Additionally", "Following", "Published"},
		},
		{
			name: "lone surname opening a sentence is kept",
			text: "The envoy met Olga Sidorova on Monday. Sidorova said the talks went well.",
			want: []string{"person:Olga Sidorova", "person:Sidorova"},
		},
		{
			name: "appositive role after a name",
			text: "Pavel Orlov, a former banker, was freed.",
			want: []string{"person:Pavel Orlov|former banker"},
		},
		{
			name: "appositive role before a name",
			text: "In May, the authorities released a prominent opposition leader, Igor Belov.",
			want: []string{"person:Igor Belov|prominent opposition leader"},
			not:  []string{"May"},
		},
		{
			name: "title case headline uses the gazetteer only",
			text: "Minsk Frees Prisoners After Talks With The US",
			want: []string{"place:Minsk", "place:US"},
			not:  []string{"Frees", "Prisoners", "Talks"},
		},
		{
			name: "initials and surname",
			text: "The decree was signed by A. Lukashenko last week.",
			want: []string{"person:A. Lukashenko"},
		},
		{
			name: "sentence-initial title run",
			text: "Political scientist Andrei Volkov disagreed.",
			want: []string{"person:Andrei Volkov|Political scientist"},
			not:  []string{"Political"},
		},
		{
			name: "name particles",
			text: "The plan was backed by Ursula von der Leyen in Brussels.",
			want: []string{"person:Ursula von der Leyen", "place:Brussels"},
		},
		{
			name: "rights group named after its noun",
			text: "He co-founded the rights group Viasna in 1996.",
			want: []string{"org:Viasna"},
		},
		{
			name: "dates are not names",
			text: "On December 12 and Saturday, Dec. 13, nothing happened in June.",
			not:  []string{"December", "Saturday", "Dec.", "June"},
		},
		{
			name: "title of a country",
			text: "The President of Belarus pardoned 25 prisoners.",
			want: []string{"place:Belarus"},
			not:  []string{"President of Belarus", "President"},
		},
		{
			name: "contractions are not names",
			text: "“It's over,” she said. “I'm free.”",
			not:  []string{"It's", "I'm", "It", "I"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Extract(article("a1", tt.text))
			got := map[string]bool{}
			var all []string
			for _, m := range ms {
				got[found(m)] = true
				all = append(all, found(m))
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("got %q, want it to include %q", all, w)
				}
			}
			for _, n := range tt.not {
				for _, m := range ms {
					if m.Text == n && m.Type != Unknown {
						t.Errorf("got %s, want %q not typed as a name", found(m), n)
					}
				}
			}
		})
	}
}

// TestExtractSpans checks that every mention's span points at its text in
// the article, counted in code points.
func TestExtractSpans(t *testing.T) {
	text := "Łukaszenka’s envoy met Počobut in Kraków.\nЛукашенко was not there; Andrzej Počobut's wife was."
	a := article("sp", text)
	ms := Extract(a)
	if len(ms) == 0 {
		t.Fatal("got no mentions, want some")
	}
	for _, m := range ms {
		if got := crosscheck.Slice(a.Text, m.Span.Start, m.Span.End); got != m.Text {
			t.Errorf("span %d-%d: got %q, want %q", m.Span.Start, m.Span.End, got, m.Text)
		}
		if m.Span.Article != "sp" || m.Article != "sp" {
			t.Errorf("got article %q/%q, want %q", m.Article, m.Span.Article, "sp")
		}
		if s := a.Sentences[m.Sentence]; m.Span.Start < s.Start || m.Span.End > s.End {
			t.Errorf("got span %d-%d outside sentence %d (%d-%d)", m.Span.Start, m.Span.End, m.Sentence, s.Start, s.End)
		}
	}
}

func TestExtractEmpty(t *testing.T) {
	tests := []struct {
		name string
		a    *crosscheck.Article
	}{
		{"nil article", nil},
		{"no sentences", &crosscheck.Article{ID: "x"}},
		{"blank sentence", &crosscheck.Article{ID: "x", Sentences: []crosscheck.Sentence{{Text: "   "}}}},
		{"punctuation only", article("x", "— … !!! ” “ ( ) , .")},
		{"invalid utf-8", &crosscheck.Article{ID: "x", Sentences: []crosscheck.Sentence{{Text: "Minsk \xff\xfe Kyiv"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.a); len(got) != 0 {
				t.Errorf("got %v, want no mentions", got)
			}
		})
	}
}

// TestExtractConcurrent runs Extract on many goroutines; with -race it
// proves that the shared lexicon is only read.
func TestExtractConcurrent(t *testing.T) {
	a := article("c", strings.Repeat("US President Donald Trump met Alexander Lukashenko in Minsk, Reuters reported. ", 20))
	want := len(Extract(a))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := len(Extract(a)); got != want {
				t.Errorf("got %d mentions, want %d", got, want)
			}
		})
	}
	wg.Wait()
}
