package dedup

import (
	"slices"
	"testing"
)

func TestNormWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"case and punctuation", "Belarus, the US; and EU!", []string{"belarus", "the", "us", "and", "eu"}},
		{"quote styles", "“Pul Pervogo” said \"yes\"", []string{"pul", "pervogo", "said", "yes"}},
		{"possessive curly and straight", "Lukashenko’s Kyiv's Belarus’ don't", []string{"lukashenko", "kyiv", "belarus", "dont"}},
		{"numbers kept", "1,227 prisoners, 2.5 years, 11-year term, 114.", []string{"1227", "prisoners", "2.5", "years", "11", "year", "term", "114"}},
		{"accents folded", "Bialiatski Białiacki Kalesnikava Café", []string{"bialiatski", "białiacki", "kalesnikava", "cafe"}},
		{"cyrillic lower-cased", "Лукашенко ПОМИЛОВАЛ", []string{"лукашенко", "помиловал"}},
		{"empty", "  — … ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normWords(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
