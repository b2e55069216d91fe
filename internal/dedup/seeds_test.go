package dedup

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

const seedsDir = "../../../shared/seeds"

// loadSeeds reads the shared seed articles, or skips the test when they are
// not there.
func loadSeeds(t testing.TB) []*crosscheck.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("seed articles not found in %s; they live outside the repository", seedsDir)
	}
	var out []*crosscheck.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")[:3]
		out = append(out, article(id, string(b)))
	}
	return out
}

// TestSeeds checks dedup on five real articles about one event. Seeds 000
// and 002 share passages (000 is a loose machine translation of the same
// Russian text); 001 and 004 open with the same wire lede, reworded a
// little; nothing else is shared.
func TestSeeds(t *testing.T) {
	arts := loadSeeds(t)
	seed := func(id string) *crosscheck.Article {
		a := byID(arts, id)
		if a == nil {
			t.Fatalf("seed %s missing", id)
		}
		return a
	}
	pairs := Find(arts, Options{})
	for _, p := range pairs {
		as, bs := passageTexts(arts, &p)
		t.Logf("%s-%s: cover %.2f/%.2f, direction %+v", p.A, p.B, p.CoverA, p.CoverB, p.Direction)
		for i := range as {
			t.Logf("  %q\n  %q", as[i], bs[i])
		}
	}
	var got []string
	for _, p := range pairs {
		got = append(got, p.A+"-"+p.B)
	}
	if want := []string{"000-002", "001-004"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got pairs %q, want %q", got, want)
	}

	t.Run("000 and 002 share three passages", func(t *testing.T) {
		p := findPair(pairs, "000", "002")
		if p == nil {
			t.Fatal("got no pair 000-002")
		}
		if p.Copy {
			t.Errorf("got Copy, want shared passages only (cover %.2f/%.2f)", p.CoverA, p.CoverB)
		}
		as, bs := passageTexts(arts, p)
		for _, want := range []string{"Latvia, Australia and Japan", "humanitarian principles", "refused to accept this condition"} {
			found := false
			for i := range as {
				found = found || strings.Contains(as[i], want) && strings.Contains(bs[i], want)
			}
			if !found {
				t.Errorf("got passages %q / %q, want one holding %q on both sides", as, bs, want)
			}
		}
	})

	t.Run("attributions", func(t *testing.T) {
		want := map[string]string{
			"000": "[Lenta.ru]",
			"001": "[Al Jazeera Reuters]",
			"002": "[Pul Pervogo Pool Reuters US Embassy AFP RIA Novosti]",
			"003": "[]",
			"004": "[Kyiv's Coordination Headquarters for the Treatment of Prisoners of War AFP]",
		}
		for _, a := range arts {
			var origins []string
			for _, at := range Attributions(a) {
				if !slices.Contains(origins, at.Origin) {
					origins = append(origins, at.Origin)
				}
			}
			if got := fmt.Sprint(origins); got != want[a.ID] {
				t.Errorf("%s: got %s, want %s", a.ID, got, want[a.ID])
			}
		}
	})

	t.Run("origins", func(t *testing.T) {
		// 156 pardoned, with the list of countries: 000 and 002 state it in
		// the passage they share.
		pardoned := []Support{
			{Article: "000", Sentence: sentenceOf(t, seed("000"), "Among the released foreigners")},
			{Article: "002", Sentence: sentenceOf(t, seed("002"), "recently pardoned 156 people")},
		}
		if got := Origins(pardoned, pairs); len(got) != 1 {
			t.Errorf("156 pardoned: got %d origins %+v, want 1", len(got), got)
		}
		// 123 prisoners freed: all five say it, 001 and 004 in their shared
		// lede, so four origins.
		freed := []Support{
			{Article: "000", Sentence: sentenceOf(t, seed("000"), "amnesty for 123")},
			{Article: "001", Sentence: sentenceOf(t, seed("001"), "Belarus has released 123 prisoners")},
			{Article: "002", Sentence: sentenceOf(t, seed("002"), "amnesty to 123"), Credits: []string{"Pul Pervogo"}},
			{Article: "003", Sentence: sentenceOf(t, seed("003"), "releasing 123 prisoners")},
			{Article: "004", Sentence: sentenceOf(t, seed("004"), "Belarus has released 123 prisoners")},
		}
		if got := Origins(freed, pairs); len(got) != 4 {
			t.Errorf("123 freed: got %d origins %+v, want 4", len(got), got)
		}
	})
}
