package dedup

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// wire is a paragraph that several test articles share.
const wire = "The regional water authority said on Tuesday that the northern reservoir had fallen to its lowest level in forty years, and that rationing would begin in twelve towns next month unless heavy rain arrives."

// wireWords is wire as a passage span covers it: from its first word to the
// end of its last.
var wireWords = strings.TrimSuffix(wire, ".")

func findPair(pairs []Pair, a, b string) *Pair {
	for i := range pairs {
		if pairs[i].A == a && pairs[i].B == b || pairs[i].A == b && pairs[i].B == a {
			return &pairs[i]
		}
	}
	return nil
}

func byID(arts []*crosscheck.Article, id string) *crosscheck.Article {
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// passageTexts returns the text of each passage of p in both articles.
func passageTexts(arts []*crosscheck.Article, p *Pair) (as, bs []string) {
	a, b := byID(arts, p.A), byID(arts, p.B)
	for _, ps := range p.Passages {
		as = append(as, crosscheck.Slice(a.Text, ps.A.Start, ps.A.End))
		bs = append(bs, crosscheck.Slice(b.Text, ps.B.Start, ps.B.End))
	}
	return as, bs
}

func TestFind(t *testing.T) {
	base := "He said the talks in Minsk had gone well, that both sides wanted more meetings, and that the next round would take place in Vilnius before the end of the year."
	tests := []struct {
		name     string
		texts    []string // article i gets id "a<i>"
		want     [][2]string
		contains string // text that every passage of the first wanted pair holds on both sides
		copy     bool   // the first wanted pair is a near copy
		exact    bool
	}{
		{
			name: "shared paragraph in different articles",
			texts: []string{
				"Farmers in the valley are worried about the summer. " + wire + " Local officials plan a meeting on Friday.",
				"Drought deepens across the north of the country. " + wire + " Residents have been asked to save water at home.",
			},
			want:     [][2]string{{"a0", "a1"}},
			contains: "lowest level in forty years",
		},
		{
			name: "near verbatim with a respelled name and a changed number",
			texts: []string{
				"The channel Pool reported that the governor signed a decree on Monday granting amnesty to forty people convicted of minor offences in the western province.",
				"The channel Pul Pervogo reported that the governor signed a decree on Monday granting amnesty to forty-one people convicted of minor offences in the western province.",
			},
			want:     [][2]string{{"a0", "a1"}},
			contains: "granting amnesty to forty",
			copy:     true,
		},
		{
			// Finding the pair takes two shared runs of four words (index
			// shingles); aligning it then tolerates runs of three.
			name: "a word changed every fifth word",
			texts: []string{
				"alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega",
				"alpha beta gamma delta DIFF1 zeta eta theta iota DIFF2 lambda mu nu xi DIFF3 pi rho sigma tau DIFF4 phi chi psi omega",
			},
			want:     [][2]string{{"a0", "a1"}},
			contains: "zeta eta theta",
			copy:     true,
		},
		{
			name:  "exact copy up to case and quote style",
			texts: []string{"He said “we will return” to Minsk in the spring, after the thaw.", "he said \"We will return\" to MINSK in the spring after the thaw"},
			want:  [][2]string{{"a0", "a1"}},
			copy:  true, exact: true,
		},
		{
			name:  "article pasted twice into itself",
			texts: []string{base, base + "\n\n" + base},
			want:  [][2]string{{"a0", "a1"}},
			copy:  true, contains: "next round would take place",
		},
		{
			name:     "short article quoted whole",
			texts:    []string{"Lukashenko pardons 123 prisoners", "Breaking news tonight: Lukashenko pardons 123 prisoners after two days of talks with the American envoy in Minsk."},
			want:     [][2]string{{"a0", "a1"}},
			contains: "Lukashenko pardons 123 prisoners",
			copy:     true,
		},
		{
			name: "same story written independently",
			texts: []string{
				"President Anna Berg met farm leaders in Tarn on Tuesday to discuss the drought, her office said. She promised aid for the worst hit towns.",
				"The drought dominated talks on Tuesday when farm leaders travelled to Tarn to meet President Anna Berg, who promised the towns aid.",
			},
		},
		{
			name: "two stock phrases a few words apart",
			texts: []string{
				"US President Donald Trump played a special role in proposing to lift sanctions on potash exports.",
				"It was US President Donald Trump who pushed hardest, aides said, to lift sanctions on the fertiliser trade.",
			},
		},
		{
			name:  "one word repeated thousands of times",
			texts: []string{strings.Repeat("news ", 5000), strings.Repeat("news ", 4000) + "end"},
			want:  [][2]string{{"a0", "a1"}},
			copy:  true, contains: "news news news",
		},
		{
			name:  "empty, blank and one-word articles",
			texts: []string{"", "   \n ", "Minsk", "Minsk", "…"},
			want:  [][2]string{{"a2", "a3"}},
			copy:  true, exact: true, contains: "Minsk",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []*crosscheck.Article
			for i, s := range tt.texts {
				arts = append(arts, article(fmt.Sprintf("a%d", i), s))
			}
			pairs := Find(arts, Options{})
			if len(pairs) != len(tt.want) {
				t.Fatalf("got %d pairs %+v, want %d", len(pairs), pairs, len(tt.want))
			}
			for _, w := range tt.want {
				if findPair(pairs, w[0], w[1]) == nil {
					t.Errorf("got no pair %s-%s, want one", w[0], w[1])
				}
			}
			if len(tt.want) == 0 {
				return
			}
			p := findPair(pairs, tt.want[0][0], tt.want[0][1])
			if p == nil {
				return
			}
			if p.Copy != tt.copy || p.Exact != tt.exact {
				t.Errorf("got Copy %v Exact %v, want %v %v (cover %.2f/%.2f)", p.Copy, p.Exact, tt.copy, tt.exact, p.CoverA, p.CoverB)
			}
			as, bs := passageTexts(arts, p)
			for i := range as {
				if !strings.Contains(as[i], tt.contains) || !strings.Contains(bs[i], tt.contains) {
					t.Errorf("passage %d: got %q and %q, want both to hold %q", i, as[i], bs[i], tt.contains)
				}
			}
		})
	}
}

func TestPassageSpans(t *testing.T) {
	// Multi-byte text before and inside the passage checks that spans count
	// code points, not bytes.
	arts := []*crosscheck.Article{
		article("x", "Сводка — «Минск»: "+wire+" Конец."),
		article("y", "🙂 Ünïcödé intro, then: "+wire),
	}
	pairs := Find(arts, Options{})
	if len(pairs) != 1 || len(pairs[0].Passages) != 1 {
		t.Fatalf("got %+v, want one pair with one passage", pairs)
	}
	as, bs := passageTexts(arts, &pairs[0])
	if as[0] != wireWords || bs[0] != wireWords {
		t.Errorf("got %q and %q, want %q", as[0], bs[0], wireWords)
	}
	if p := pairs[0]; p.Passages[0].A.Article != "x" || p.Passages[0].B.Article != "y" {
		t.Errorf("got span articles %q, %q, want x, y", p.Passages[0].A.Article, p.Passages[0].B.Article)
	}
}

func TestPastedTwice(t *testing.T) {
	orig := article("o", wire)
	twice := article("t", wire+"\n\n"+wire)
	pairs := Find([]*crosscheck.Article{orig, twice}, Options{})
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want 1", len(pairs))
	}
	p := pairs[0]
	if len(p.Passages) != 2 || p.CoverA != 1 || p.CoverB != 1 {
		t.Errorf("got %d passages, cover %.2f/%.2f, want 2 passages, cover 1/1", len(p.Passages), p.CoverA, p.CoverB)
	}
	if got := Find([]*crosscheck.Article{twice}, Options{}); len(got) != 0 {
		t.Errorf("got %d pairs for one article, want none", len(got))
	}
}

func TestIndexAdd(t *testing.T) {
	arts := []*crosscheck.Article{
		article("first", "Farmers in the valley are worried about the summer. "+wire),
		article("second", "Nothing in common here at all, just a story about trains and timetables in the capital."),
		article("third", wire+" Residents have been asked to save water at home."),
	}
	x := NewIndex(Options{})
	var got [][]Pair
	for _, a := range arts {
		got = append(got, x.Add(a))
	}
	if len(got[0]) != 0 || len(got[1]) != 0 {
		t.Errorf("got %d and %d pairs for the first two, want none", len(got[0]), len(got[1]))
	}
	if len(got[2]) != 1 || got[2][0].A != "first" || got[2][0].B != "third" {
		t.Fatalf("got %+v for the third, want one pair first-third", got[2])
	}
	if again := x.Add(arts[2]); again != nil {
		t.Errorf("got %+v adding an id twice, want nil", again)
	}
	if x.Len() != 3 {
		t.Errorf("got Len %d, want 3", x.Len())
	}
	if x.Add(nil) != nil {
		t.Error("got pairs for nil, want none")
	}
	// Find sees the same pairs when there is no boilerplate.
	found := Find(arts, Options{})
	if len(found) != 1 || found[0].A != "first" || found[0].B != "third" ||
		len(found[0].Passages) != len(got[2][0].Passages) {
		t.Errorf("got %+v from Find, want the pair Add gave: %+v", found, got[2])
	}
}

func TestThousandCopies(t *testing.T) {
	arts := make([]*crosscheck.Article, 1000)
	var support []Support
	for i := range arts {
		arts[i] = article(fmt.Sprintf("c%04d", i), wire)
		support = append(support, Support{Article: arts[i].ID})
	}
	pairs := Find(arts, Options{})
	if len(pairs) != 999 {
		t.Fatalf("got %d pairs, want 999", len(pairs))
	}
	for _, p := range pairs {
		if p.A != "c0000" || !p.Exact {
			t.Fatalf("got pair %s-%s exact %v, want every copy paired exactly with c0000", p.A, p.B, p.Exact)
		}
	}
	if got := Origins(support, pairs); len(got) != 1 {
		t.Errorf("got %d origins, want 1", len(got))
	}
}

func TestCommonShingles(t *testing.T) {
	footer := " Follow us on social media for the latest news, and sign up for our daily newsletter to get every story delivered to your inbox each morning."
	t.Run("boilerplate shared by many articles is ignored", func(t *testing.T) {
		var arts []*crosscheck.Article
		for i := range 40 {
			arts = append(arts, article(fmt.Sprintf("s%02d", i), babble(int64(i), 60)+footer))
		}
		if got := Find(arts, Options{Common: 10}); len(got) != 0 {
			t.Errorf("got %d pairs, first %+v; want none", len(got), got[0])
		}
	})
	t.Run("near copies beyond the cap are still found", func(t *testing.T) {
		var arts []*crosscheck.Article
		var support []Support
		for i := range 40 {
			// Each copy changes one word, so none is an exact copy.
			text := strings.Replace(wire, "Tuesday", fmt.Sprintf("day%d", i), 1)
			arts = append(arts, article(fmt.Sprintf("n%02d", i), text))
			support = append(support, Support{Article: arts[i].ID})
		}
		pairs := Find(arts, Options{Common: 5})
		if got := Origins(support, pairs); len(got) != 1 {
			t.Errorf("got %d origins from %d pairs, want 1", len(got), len(pairs))
		}
	})
}

func TestDirection(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2025, 12, 13, h, 0, 0, 0, time.UTC) }
	intro := "Farmers in the valley are worried about the summer ahead, and say they cannot wait any longer. "
	tests := []struct {
		name      string
		a, b      *crosscheck.Article
		from      string
		reasonHas string
	}{
		{
			name:      "earlier publication",
			a:         &crosscheck.Article{ID: "a", Text: intro + wire, Published: at(10)},
			b:         &crosscheck.Article{ID: "b", Text: wire + " " + intro + intro, Published: at(12)},
			from:      "a",
			reasonHas: "a was published 2h0m0s before b",
		},
		{
			name:      "credit to the other outlet beats publication time",
			a:         &crosscheck.Article{ID: "a", Source: "Daily Gazette", Text: intro + wire, Published: at(12)},
			b:         &crosscheck.Article{ID: "b", Source: "Evening Post", Text: wire + " That is according to the Daily Gazette.", Published: at(10)},
			from:      "a",
			reasonHas: "b credits Daily Gazette, the outlet of a",
		},
		{
			name:      "both credit a third origin",
			a:         &crosscheck.Article{ID: "a", Text: wire + " That is according to Reuters.", Published: at(10)},
			b:         &crosscheck.Article{ID: "b", Text: intro + wire + " Reuters reported.", Published: at(12)},
			reasonHas: "both credit Reuters",
		},
		{
			name:      "whole article embedded after material of its own",
			a:         &crosscheck.Article{ID: "a", Text: wire},
			b:         &crosscheck.Article{ID: "b", Text: intro + wire + " Local officials plan a meeting on Friday."},
			from:      "a",
			reasonHas: "all of a appears as one block inside b",
		},
		{
			name: "whole article at the start of a longer one proves nothing",
			a:    &crosscheck.Article{ID: "a", Text: wire},
			b:    &crosscheck.Article{ID: "b", Text: wire + " " + intro + intro},
		},
		{
			name:      "conflicting evidence",
			a:         &crosscheck.Article{ID: "a", Text: wire, Published: at(12)},
			b:         &crosscheck.Article{ID: "b", Text: intro + wire + " Local officials plan a meeting on Friday.", Published: at(10)},
			reasonHas: "conflicting evidence",
		},
		{
			name: "no evidence",
			a:    &crosscheck.Article{ID: "a", Text: intro + wire},
			b:    &crosscheck.Article{ID: "b", Text: wire + " " + intro},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs := Find([]*crosscheck.Article{tt.a, tt.b}, Options{})
			if len(pairs) != 1 {
				t.Fatalf("got %d pairs, want 1", len(pairs))
			}
			d := pairs[0].Direction
			wantTo := ""
			if tt.from != "" {
				wantTo = map[string]string{"a": "b", "b": "a"}[tt.from]
			}
			if d.From != tt.from || d.To != wantTo {
				t.Errorf("got direction %q -> %q (%s), want %q -> %q", d.From, d.To, d.Reason, tt.from, wantTo)
			}
			if !strings.Contains(d.Reason, tt.reasonHas) {
				t.Errorf("got reason %q, want it to hold %q", d.Reason, tt.reasonHas)
			}
			if d.From != "" && d.Reason == "" {
				t.Error("got a direction without a reason")
			}
		})
	}
}
