package dedup

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// sentenceOf returns the span of the sentence of a that holds s.
func sentenceOf(t *testing.T, a *crosscheck.Article, s string) crosscheck.Span {
	t.Helper()
	for _, sent := range a.Sentences {
		if strings.Contains(sent.Text, s) {
			return crosscheck.Span{Article: a.ID, Start: sent.Start, End: sent.End}
		}
	}
	t.Fatalf("no sentence of %s holds %q", a.ID, s)
	return crosscheck.Span{}
}

func TestOrigins(t *testing.T) {
	p := article("p", "Officials met on Monday to plan the season. "+wire+" Prices rose by ten percent in March.")
	q := article("q", "A different opening line about the weather today. "+wire+" Prices rose sharply in the spring, traders said.")
	c := article("c", strings.Replace(wire, "twelve", "eleven", 1))
	u := article("u", babble(1, 40))
	pairs := Find([]*crosscheck.Article{p, q, c, u}, Options{})
	if pq := findPair(pairs, "p", "q"); pq == nil || pq.Copy {
		t.Fatalf("got pair p-q %+v, want a shared passage that is not a copy", pq)
	}
	if qc := findPair(pairs, "q", "c"); qc == nil || !qc.Copy {
		t.Fatalf("got pair q-c %+v, want a near copy", qc)
	}

	tests := []struct {
		name    string
		support []Support
		want    []string // origins as "id+id"
	}{
		{
			name: "fact inside the shared passage",
			support: []Support{
				{Article: "p", Sentence: sentenceOf(t, p, "reservoir")},
				{Article: "q", Sentence: sentenceOf(t, q, "reservoir")},
			},
			want: []string{"p+q"},
		},
		{
			name: "fact outside the shared passage",
			support: []Support{
				{Article: "p", Sentence: sentenceOf(t, p, "Prices")},
				{Article: "q", Sentence: sentenceOf(t, q, "Prices")},
			},
			want: []string{"p", "q"},
		},
		{
			name:    "sentences unknown: any shared passage counts",
			support: []Support{{Article: "p"}, {Article: "q"}},
			want:    []string{"p+q"},
		},
		{
			name: "one sentence known, outside the passage",
			support: []Support{
				{Article: "p", Sentence: sentenceOf(t, p, "Prices")},
				{Article: "q"},
			},
			want: []string{"p", "q"},
		},
		{
			name: "near copies whatever the sentence",
			support: []Support{
				{Article: "q", Sentence: sentenceOf(t, q, "Prices")},
				{Article: "c", Sentence: sentenceOf(t, c, "reservoir")},
			},
			want: []string{"q+c"},
		},
		{
			name: "same origin credited under two names",
			support: []Support{
				{Article: "x", Credits: []string{"Agence France-Presse"}},
				{Article: "y", Credits: []string{"AFP"}},
				{Article: "z", Credits: []string{"Reuters"}},
			},
			want: []string{"x+y", "z"},
		},
		{
			name: "credit to another supporter's outlet",
			support: []Support{
				{Article: "x", Outlet: "reuters.com"},
				{Article: "y", Credits: []string{"Reuters"}},
			},
			want: []string{"x+y"},
		},
		{
			name: "same outlet",
			support: []Support{
				{Article: "x", Outlet: "BBC"},
				{Article: "y", Outlet: "BBC News"},
			},
			want: []string{"x+y"},
		},
		{
			name: "unions are transitive",
			support: []Support{
				{Article: "p", Sentence: sentenceOf(t, p, "reservoir")},
				{Article: "u", Credits: []string{"TASS"}},
				{Article: "q", Sentence: sentenceOf(t, q, "reservoir"), Credits: []string{"TASS"}},
			},
			want: []string{"p+u+q"},
		},
		{
			name:    "no evidence",
			support: []Support{{Article: "p"}, {Article: "u"}, {Article: "x"}},
			want:    []string{"p", "u", "x"},
		},
		{
			name:    "an article listed twice counts once",
			support: []Support{{Article: "u"}, {Article: "u"}},
			want:    []string{"u"},
		},
		{
			name: "no support",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			origins := Origins(tt.support, pairs)
			var got []string
			for _, o := range origins {
				got = append(got, strings.Join(o.Articles, "+"))
				if len(o.Articles) > 1 && len(o.Reasons) != len(o.Articles)-1 {
					t.Errorf("got reasons %q for %v, want one per union", o.Reasons, o.Articles)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
