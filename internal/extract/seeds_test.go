package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// The seed articles are five real reports of one event. They are read at
// run time and never copied into the repository.
const seedDir = "../../../shared/seeds"

// loadSeeds returns the seed articles by file-name prefix ("000" ...), split
// by the test splitter, with fold applied to the text first.
func loadSeeds(t *testing.T, fold func(string) string, pub time.Time) map[string]*crosscheck.Article {
	t.Helper()
	if _, err := os.Stat("../../../shared"); err != nil {
		t.Skip("seed articles not available: ../../../shared is absent")
	}
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("seed articles not available in %s", seedDir)
	}
	sort.Strings(files)
	out := make(map[string]*crosscheck.Article)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := article(fold(string(b)), pub)
		a.ID = filepath.Base(f)[:3]
		out[a.ID] = a
	}
	return out
}

func TestSeeds(t *testing.T) {
	folds := []struct {
		name string
		fold func(string) string
	}{
		{"as captured", func(s string) string { return s }},
		{"quotes folded as clean does", straighten},
	}
	type numWant struct {
		seed    string
		value   float64
		cmp     Comparator
		unit    string // "" means any
		event   string // "" means any
		subject string // a part of the subject, "" means any
	}
	nums := []numWant{
		{"000", 123, Exact, "prisoners", "pardon", ""},
		{"001", 123, Exact, "prisoners", "release", "Belarus"},
		{"002", 123, Exact, "people", "pardon", "Lukashenko"},
		{"003", 123, Exact, "prisoners", "release", "Lukashenko"},
		{"004", 123, Exact, "prisoners", "release", "Belarus"},
		{"002", 114, Exact, "people", "transfer", "Belarus"},
		{"003", 114, Exact, "civilians", "transfer", ""},
		{"004", 114, Exact, "prisoners", "transfer", ""},
		{"000", 100, AtLeast, "prisoners", "transfer", ""},
		{"000", 156, Exact, "people", "release", ""},
		{"002", 156, Exact, "people", "pardon", ""},
		{"001", 1227, Exact, "prisoners", "imprisoned", ""},
		{"001", 11, Exact, "years", "sentence", "Kolesnikova"},
		{"002", 11, Exact, "years", "sentence", "Kolesnikova"},
		{"002", 14, Exact, "years", "sentence", "Babariko"},
		{"001", 18, Exact, "years", "sentence", "Tikhanovsky"},
		{"000", 400000, AtLeast, "signatures", "", "Babariko"},
		{"002", 9, Exact, "prisoners", "", ""},
		{"002", 31, Exact, "citizens", "pardon", ""},
		{"002", 25, Exact, "prisoners", "pardon", ""},
	}
	type quoteWant struct {
		seed, find, speaker, channel string
	}
	quotes := []quoteWant{
		{"004", "She is free", "Khomich", "BBC"},
		{"004", "more and more sanctions will be lifted", "Coale", ""},
		{"002", "We know that the condition", "Ministry of Foreign Affairs", "RIA Novosti"},
		{"002", "We respect his decision", "Ministry of Foreign Affairs", "RIA Novosti"},
		{"002", "114 civilians were transferred", "headquarters", "Telegram"},
		{"000", "It would be strange", "Suzdaltsev", "Lenta.ru"},
	}
	type dateWant struct {
		seed, find, iso, end string
	}
	dates := []dateWant{
		{"001", "Dec. 13", "2025-12-13", ""},
		{"002", "December 12 and 13", "2025-12-12", "2025-12-13"},
		{"002", "November 22", "2025-11-22", ""},
		{"002", "September 16", "2025-09-16", ""},
		{"002", "July 6, 2021", "2021-07-06", ""},
		{"002", "fall of the same year", "2021", ""},
		{"001", "June", "2025-06", ""},
		{"000", "2020", "2020", ""},
		{"004", "five years ago", "2020", ""},
	}
	for _, f := range folds {
		t.Run(f.name, func(t *testing.T) {
			seeds := loadSeeds(t, f.fold, day(2025, time.December, 14))
			facts := make(map[string]Result)
			for id, a := range seeds {
				facts[id] = Facts(a)
				checkSpans(t, a, facts[id])
			}
			for _, w := range nums {
				t.Run("number "+w.seed+" "+strconv.FormatFloat(w.value, 'f', -1, 64), func(t *testing.T) {
					var got []Number
					for _, n := range facts[w.seed].Numbers {
						if n.Value == w.value {
							got = append(got, n)
						}
					}
					if len(got) == 0 {
						t.Fatalf("got no number %v, want one", w.value)
					}
					for _, n := range got {
						if n.Comparator == w.cmp && (w.unit == "" || n.Unit == w.unit) && (w.event == "" || n.Event == w.event) &&
							strings.Contains(n.Subject, w.subject) {
							return
						}
					}
					t.Errorf("got %+v, want %v %s %q event %q subject with %q", got, w.value, w.cmp, w.unit, w.event, w.subject)
				})
			}
			for _, w := range quotes {
				t.Run("quote "+w.seed+" "+w.find, func(t *testing.T) {
					for _, q := range facts[w.seed].Quotes {
						if !strings.Contains(q.Text, w.find) {
							continue
						}
						if !strings.Contains(q.Speaker, w.speaker) || q.Channel != w.channel {
							t.Errorf("got speaker %q channel %q (%s), want a speaker with %q and channel %q", q.Speaker, q.Channel, q.How, w.speaker, w.channel)
						}
						return
					}
					t.Errorf("got no quote with %q, want one", w.find)
				})
			}
			for _, w := range dates {
				t.Run("date "+w.seed+" "+w.find, func(t *testing.T) {
					for _, d := range facts[w.seed].Dates {
						if strings.Contains(d.Text, w.find) {
							if d.ISO != w.iso || d.End != w.end {
								t.Errorf("got %q to %q, want %q to %q", d.ISO, d.End, w.iso, w.end)
							}
							return
						}
					}
					t.Errorf("got no date with %q, want one", w.find)
				})
			}
			// Years that are dates are never counted numbers.
			for id, r := range facts {
				for _, n := range r.Numbers {
					if n.Value >= 2000 && n.Value <= 2030 {
						t.Errorf("seed %s: got number %v from %q, want years kept as dates", id, n.Value, n.Text)
					}
				}
			}
			// Two outlets translate one statement differently; they must match,
			// while different statements must not.
			var based []string
			for _, id := range []string{"000", "002"} {
				for _, q := range facts[id].Quotes {
					if strings.Contains(q.Text, "humanitarian principles") {
						based = append(based, q.Text)
					}
				}
			}
			if len(based) != 2 {
				t.Fatalf("got %d quotes on humanitarian principles, want 2", len(based))
			}
			if same, score := SameQuote(based[0], based[1]); !same {
				t.Errorf("SameQuote of the two translations: got false (%.2f), want true", score)
			}
			for _, a := range facts["004"].Quotes {
				for _, b := range facts["002"].Quotes {
					if same, score := SameQuote(a.Text, b.Text); same {
						t.Errorf("SameQuote(%q, %q): got true (%.2f), want false", a.Text, b.Text, score)
					}
				}
			}
		})
	}
}

func TestSeedsWithoutDate(t *testing.T) {
	seeds := loadSeeds(t, func(s string) string { return s }, time.Time{})
	tests := []struct {
		seed, find, iso string
	}{
		{"002", "November 22", "--11-22"},
		{"002", "December 12 and 13", "--12-12"},
		{"001", "June", "--06"},
		{"002", "July 6, 2021", "2021-07-06"},
	}
	for _, tt := range tests {
		t.Run(tt.seed+" "+tt.find, func(t *testing.T) {
			for _, d := range Dates(seeds[tt.seed]) {
				if strings.Contains(d.Text, tt.find) {
					if d.ISO != tt.iso || d.Year != 0 && strings.HasPrefix(tt.iso, "--") {
						t.Errorf("got %q (year %d), want %q with no year", d.ISO, d.Year, tt.iso)
					}
					return
				}
			}
			t.Errorf("got no date with %q, want one", tt.find)
		})
	}
}
