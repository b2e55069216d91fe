package evaluate

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func num(v float64) *float64 { return &v }

func TestScoreFacts(t *testing.T) {
	refs := map[string]string{"a1": "000_x.txt", "a2": "001_y.txt", "a3": "002_z.txt"}
	gold := &FactsGold{
		Facts: []GoldFact{
			{Value: 123, Unit: "people", Articles: []string{"000", "001"}, Status: "corroborated"},
			{Value: 14, Unit: "years", Articles: []string{"002"}, Status: "single_source"},
		},
		Quotes: []GoldQuote{{Words: []string{"free", "fine"}, Speaker: "Khomich", Articles: []string{"001"}}},
	}
	facts := []crosscheck.Fact{
		{Kind: "number", Value: num(123), Unit: "prisoners", Articles: []string{"a1", "a2"}, Status: crosscheck.Corroborated},
		{Kind: "number", Value: num(9), Unit: "people", Articles: []string{"a3"}, Status: crosscheck.SingleSource},
		{Kind: "date", Date: "2025-12-13", Articles: []string{"a1"}},
	}
	quotes := []crosscheck.Quote{
		{Text: "She is free, she looks fine", Speaker: "Tatiana Khomich", Articles: []string{"a2"}},
		{Text: "too short", Articles: []string{"a1"}},
	}
	s := ScoreFacts(gold, facts, quotes, refs)
	tests := []struct {
		name      string
		got, want float64
	}{
		{"number precision", s.NumberP, 0.5},
		{"number recall", s.NumberR, 0.5},
		{"quote precision", s.QuoteP, 1},
		{"quote recall", s.QuoteR, 1},
		{"speaker accuracy", s.SpeakerA, 1},
		{"status accuracy", s.StatusA, 1},
		{"articles", s.ArticleJ, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %.3f, want %.3f", tt.got, tt.want)
			}
		})
	}
	if len(s.Misses) != 1 || !strings.Contains(s.Misses[0], "14") {
		t.Errorf("misses: got %q, want the 14 years", s.Misses)
	}
}

func TestReadFactsGoldBad(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not json", "{"},
		{"unknown field", `{"facts":[{"value":1,"colour":"red"}]}`},
		{"empty", `{"event":"x"}`},
		{"quote without words", `{"quotes":[{"speaker":"x"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadFactsGold(strings.NewReader(tt.in)); err == nil {
				t.Error("got nil error, want one")
			}
		})
	}
}
