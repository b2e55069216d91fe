package cluster

import (
	"slices"
	"strings"
	"testing"
)

func keys(fs []feature, k kind) []string {
	var out []string
	for _, f := range fs {
		if kindOf(f.key) == k {
			out = append(out, f.key[2:])
		}
	}
	return out
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       [][]string // words per sentence; "^" marks a sentence start
	}{
		{"sentences", "Rain fell. Rivers rose! Why?", [][]string{{"^Rain", "fell"}, {"^Rivers", "rose"}, {"^Why"}}},
		{"abbreviations do not end sentences", "Mr. Lee met Gov. Ortiz in Calif. on Monday.", [][]string{{"^Mr", "Lee", "met", "Gov", "Ortiz", "in", "Calif", "on", "Monday"}}},
		{"numbers keep points and commas", "It cost $2.4 million, or 3,000 each.", [][]string{{"^It", "cost", "2.4", "million", "or", "3,000", "each"}}},
		{"initialisms and possessives", "The U.S. Navy's ship left.", [][]string{{"^The", "U.S", "Navy", "ship", "left"}}},
		{"quotes and colons start anew", `He said: "We won."`, [][]string{{"^He", "said", "^We", "won"}}},
		{"line breaks end sentences", "Headline Here\nBody text", [][]string{{"^Headline", "Here"}, {"^Body", "text"}}},
		{"hyphens split", "a 90-day court-mandated stay", [][]string{{"^a", "90", "day", "court", "mandated", "stay"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, s := range splitWords(tt.text) {
				var ws []string
				for _, w := range s {
					if w.initial {
						ws = append(ws, "^"+w.text)
					} else {
						ws = append(ws, w.text)
					}
				}
				got = append(got, ws)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		doc  Doc
		kind kind
		want []string
	}{
		{
			name: "capitalised words inside sentences are names",
			doc:  Doc{Text: "Police in Athens arrested Nikos Papas. Officers said he fled."},
			kind: kindEntity,
			want: []string{"athens", "nikos", "papas"},
		},
		{
			name: "a name also counts at a sentence start once seen inside one",
			doc:  Doc{Text: "Police questioned Papas. Papas denied it."},
			kind: kindEntity,
			want: []string{"papas"},
		},
		{
			name: "title-case headlines are not names",
			doc:  Doc{Text: "Storm Leaves Thousands Without Power Across Region\nthe storm hit at night."},
			kind: kindEntity,
			want: nil,
		},
		{
			name: "entities given replace the proxy",
			doc:  Doc{Text: "Police in Athens arrested Nikos Papas.", Entities: []string{"Nikos  Papas", "Athens"}},
			kind: kindEntity,
			want: []string{"nikos papas", "athens"},
		},
		{
			name: "numbers but not years",
			doc:  Doc{Text: "In 2013, 3,000 workers and 81st place."},
			kind: kindNumber,
			want: []string{"3000", "81st"},
		},
		{
			name: "years",
			doc:  Doc{Text: "Elected in 2008, re-elected in 2012."},
			kind: kindYear,
			want: []string{"2008", "2012"},
		},
		{
			name: "days of the month both ways round",
			doc:  Doc{Text: "It began on June 13 and ended 2 July. May we go?"},
			kind: kindDate,
			want: []string{"06-13", "07-02"},
		},
		{
			name: "dates given replace the proxy",
			doc:  Doc{Text: "It began on June 13.", Dates: []string{"2011-11-10", "2009"}},
			kind: kindDate,
			want: []string{"11-10"},
		},
		{
			name: "weekdays",
			doc:  Doc{Text: "The navy said on Saturday it had caught them late on Friday."},
			kind: kindWeekday,
			want: []string{"saturday", "friday"},
		},
		{
			name: "words are lower case, stemmed, without stopwords",
			doc:  Doc{Text: "The pirates attacked ships."},
			kind: kindWord,
			want: []string{"pirate", "attacked", "ship"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keys(extract(tt.doc, 0, 1), tt.kind)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractLead(t *testing.T) {
	text := "Pirates seized a tanker. " + strings.Repeat("Weather was calm. ", 5) + "Pirates fled."
	for _, f := range extract(Doc{Title: "Tanker seized", Text: text}, 2, 3) {
		switch f.key {
		case "w:pirate":
			// Once in the lead (3) and once after it (1).
			if f.count != 4 {
				t.Errorf("pirate: got count %v, want 4", f.count)
			}
		case "w:tanker":
			if f.count != 6 {
				t.Errorf("tanker: got count %v, want 6 (title and first sentence)", f.count)
			}
		}
	}
}
