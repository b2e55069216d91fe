package reconcile

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// sourcesOf returns the outlets (here: the seed prefixes) of a fact.
func sourcesOf(in Input, ids []string) []string {
	src := map[string]string{}
	for _, a := range in.Articles {
		src[a.ID] = a.Source
	}
	var out []string
	for _, id := range ids {
		out = append(out, src[id])
	}
	slices.Sort(out)
	return out
}

func findFact(fs []crosscheck.Fact, value float64, unitWord string) *crosscheck.Fact {
	for i := range fs {
		if fs[i].Value != nil && *fs[i].Value == value && strings.Contains(fs[i].Text, unitWord) {
			return &fs[i]
		}
	}
	return nil
}

func TestSeeds(t *testing.T) {
	in := loadSeeds(t)
	out := Run(in)
	tests := []struct {
		name       string
		value      float64
		word       string
		wantOutlet []string
		wantStatus crosscheck.Status
		wantOrigin int
	}{
		{"123 released", 123, "released", []string{"000", "001", "002", "003", "004"}, crosscheck.Corroborated, 0},
		{"114 handed to Ukraine", 114, "transferred", []string{"002", "003", "004"}, crosscheck.Corroborated, 3},
		{"156 recently pardoned", 156, "released", []string{"000", "002"}, crosscheck.SingleSource, 1},
		{"1,227 remaining", 1227, "held", []string{"001"}, crosscheck.SingleSource, 1},
		{"Kolesnikova's 11 years", 11, "Kolesnikova", []string{"001", "002"}, crosscheck.Corroborated, 2},
		{"Babariko's 14 years", 14, "Babariko", []string{"002"}, crosscheck.SingleSource, 1},
		{"Tikhanovsky's 18 years", 18, "Tikhanovsky", []string{"001"}, crosscheck.SingleSource, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findFact(out.Facts, tt.value, tt.word)
			if f == nil {
				t.Fatalf("no fact %v %q among %d facts", tt.value, tt.word, len(out.Facts))
			}
			if got := sourcesOf(in, f.Articles); !slices.Equal(got, tt.wantOutlet) {
				t.Errorf("outlets: got %v, want %v", got, tt.wantOutlet)
			}
			if f.Status != tt.wantStatus {
				t.Errorf("status: got %s, want %s (%s)", f.Status, tt.wantStatus, f.Why)
			}
			if tt.wantOrigin > 0 && f.IndependentOrigins != tt.wantOrigin {
				t.Errorf("independent origins: got %d, want %d (%s)", f.IndependentOrigins, tt.wantOrigin, f.Why)
			}
			checkEvidence(t, in, f.Evidence)
		})
	}
	f114 := findFact(out.Facts, 114, "transferred")
	if f114 == nil || len(f114.Versions) != 1 || !f114.Versions[0].Compatible || sourcesOf(in, f114.Versions[0].Articles)[0] != "000" {
		t.Errorf("114: want 000's \"more than 100\" attached as a compatible version, got %+v", f114)
	}
	for _, c := range out.Conflicts {
		t.Errorf("conflict on the seeds: %s", c.Why)
	}
	speakers := map[string]string{"She is free": "Khomich", "more and more sanctions will be lifted": "Coale", "We respect his decision": "Polish Ministry of Foreign Affairs"}
	for words, who := range speakers {
		found := false
		for _, q := range out.Quotes {
			if strings.Contains(q.Text, words) {
				found = true
				if !strings.Contains(q.Speaker, who) {
					t.Errorf("quote %q: speaker %q, want %q", words, q.Speaker, who)
				}
				checkEvidence(t, in, q.Evidence)
			}
		}
		if !found {
			t.Errorf("quote %q not found", words)
		}
	}
	var shared *crosscheck.Quote
	for i, q := range out.Quotes {
		if strings.Contains(q.Text, "humanitarian principles") {
			shared = &out.Quotes[i]
		}
	}
	if shared == nil || len(shared.Articles) != 2 || shared.IndependentOrigins != 1 {
		t.Errorf("the humanitarian-principles quote: want one quote in two articles with one origin, got %+v", shared)
	}
	wantDates := []string{"2020", "2021-07-06", "--06", "--09-16", "--11-22", "--12-12/--12-13", "--12-13"}
	var dates []string
	for _, it := range out.Timeline {
		dates = append(dates, it.Date)
		checkEvidence(t, in, it.Evidence)
	}
	for _, d := range wantDates {
		if !slices.Contains(dates, d) {
			t.Errorf("timeline: got %v, want %s in it", dates, d)
		}
	}
}

// checkEvidence asserts that every cited span holds the cited text.
func checkEvidence(t *testing.T, in Input, ev []crosscheck.Evidence) {
	t.Helper()
	text := map[string]string{}
	for _, a := range in.Articles {
		text[a.ID] = a.Text
	}
	for _, e := range ev {
		if got := crosscheck.Slice(text[e.Article], e.Start, e.End); got != e.Text {
			t.Errorf("evidence in %s [%d,%d): text there is %q, cited %q", e.Article, e.Start, e.End, got, e.Text)
		}
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name          string
		bodies        []string
		wantConflicts int
	}{
		{"rival counts", []string{
			"Officials said 48 prisoners were released on Friday in Lenhrad.",
			"The government released 52 prisoners, a spokesman told reporters in the capital.",
		}, 1},
		{"same count", []string{
			"Officials said 48 prisoners were released on Friday in Lenhrad.",
			"The government released 48 prisoners, a spokesman told reporters.",
		}, 0},
		{"bound is compatible", []string{
			"The government released 48 prisoners, a spokesman said.",
			"More than 40 prisoners were released, activists said.",
		}, 0},
		{"another occasion", []string{
			"The government released 48 prisoners, a spokesman said.",
			"Authorities recently released 52 prisoners in a separate amnesty.",
		}, 0},
		{"part of the group", []string{
			"The government released 48 prisoners, a spokesman said.",
			"Among those released were 30 prisoners from the north, officials said.",
		}, 0},
		{"different things counted", []string{
			"The government released 48 prisoners, a spokesman said.",
			"The storm destroyed 52 houses in the north, officials said.",
		}, 0},
		{"far apart counts", []string{
			"The government released 48 prisoners, a spokesman said.",
			"Over the years the government released 900 prisoners, officials said.",
		}, 0},
		{"no numbers at all", []string{"Nothing was said.", "Talks went on."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var refs []string
			for i := range tt.bodies {
				refs = append(refs, fmt.Sprintf("outlet%d.txt", i))
			}
			in := prepare(t, refs, tt.bodies)
			out := Run(in)
			if len(out.Conflicts) != tt.wantConflicts {
				t.Fatalf("conflicts: got %d (%+v), want %d", len(out.Conflicts), out.Conflicts, tt.wantConflicts)
			}
			for _, c := range out.Conflicts {
				if c.Why == "" || len(c.Versions) != 2 || c.Item == "" {
					t.Errorf("a conflict must say why and give both versions: %+v", c)
				}
			}
			for _, f := range out.Facts {
				checkEvidence(t, in, f.Evidence)
			}
		})
	}
}

func TestQuoteSpeakerConflict(t *testing.T) {
	in := prepare(t, []string{"a.txt", "b.txt"}, []string{
		`"We will rebuild the bridge before winter," Mayor Ilona Varga said on Tuesday.`,
		`"We will rebuild the bridge before winter," engineer Peter Olsen said on Tuesday.`,
	})
	out := Run(in)
	if len(out.Quotes) != 1 {
		t.Fatalf("quotes: got %d, want 1", len(out.Quotes))
	}
	if len(out.Conflicts) != 1 || out.Conflicts[0].Kind != "quote_speaker" || out.Quotes[0].Status != crosscheck.InConflict {
		t.Errorf("want a speaker conflict, got %+v and quote status %s", out.Conflicts, out.Quotes[0].Status)
	}
}

func TestCopiesAreOneOrigin(t *testing.T) {
	wire := "Vesnia freed 48 prisoners on Friday after talks with the European Union envoy, a government spokesman said, in a move that opens the way for an easing of restrictions on timber exports."
	in := prepare(t, []string{"a.txt", "b.txt", "c.txt"}, []string{wire, wire + " Readers sent photos.", wire + " More details later today from our desk."})
	out := Run(in)
	f := findFact(out.Facts, 48, "released")
	if f == nil {
		t.Fatalf("no fact for 48 released in %+v", out.Facts)
	}
	if f.IndependentOrigins != 1 || f.Status != crosscheck.SingleSource {
		t.Errorf("copies: got %d origins, status %s; want 1, single_source", f.IndependentOrigins, f.Status)
	}
	if len(out.Copies) == 0 {
		t.Error("copies: got none, want the shared wire text reported")
	}
}

func TestBadInput(t *testing.T) {
	long := strings.Repeat("word ", 10000)
	tests := []struct {
		name string
		body string
	}{
		{"unbalanced quotes", `He said "this never ends. And then 12 prisoners were released.`},
		{"50 KB quote", `She said "` + long + `" and left.`},
		{"scientific notation", "The fund holds 1.5e6 dollars and released 3e2 prisoners."},
		{"european thousands", "The city released 1.234 prisoners last week."},
		{"30 February", "On 30 February 2024, 12 prisoners were released."},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := prepare(t, []string{"a.txt", "b.txt"}, []string{tt.body, tt.body + " Extra words here."})
			out := Run(in)
			for _, f := range out.Facts {
				checkEvidence(t, in, f.Evidence)
			}
		})
	}
}

// BenchmarkStory reconciles one story of 2,000 generated articles, to show
// that alignment inside a story is not quadratic in its size.
func BenchmarkStory(b *testing.B) {
	var refs, bodies []string
	for i := range 2000 {
		refs = append(refs, fmt.Sprintf("o%d.txt", i%40))
		bodies = append(bodies, fmt.Sprintf(`Officials in Lenhrad said %d prisoners were released on Friday after talks, outlet %d reported. "We will continue to work for the release of all %d others," spokesman Pavel Markevich told reporters. The deal was agreed on March %d after %d days of talks, and %d people remain in jail.`, 40+i%9, i, 100+i%7, 1+i%28, 2+i%3, 1000+i%50))
	}
	in := prepare(b, refs, bodies)
	b.ResetTimer()
	for b.Loop() {
		Run(in)
	}
}
