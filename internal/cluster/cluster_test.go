package cluster

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Three short reports on three unrelated events, and a filler generator.
const (
	quakeText = "A strong earthquake of magnitude 6.1 struck the island of Sumbawa on Tuesday, " +
		"officials in Jakarta said. The quake damaged hundreds of houses in Bima and killed 4 people. " +
		"Rescue teams from Mataram reached the villages near the coast."
	strikeText = "Dock workers in Rotterdam walked out on Friday over pay, halting the port's " +
		"container terminals. The union FNV said 3,000 members joined the strike. " +
		"Shipping lines diverted vessels to Antwerp and Hamburg."
	trialText = "A jury in Denver found the former treasurer of Aurora guilty of embezzling " +
		"$2.4 million from the city pension fund. Judge Maria Ortega set sentencing for June 12. " +
		"Prosecutors said the money paid for a ranch in Wyoming."
)

func ids(as []Assignment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Story
	}
	return out
}

func addAll(c *Clusterer, docs []Doc) []Assignment {
	out := make([]Assignment, len(docs))
	for i, d := range docs {
		out[i] = c.Add(d)
	}
	return out
}

func TestAdd(t *testing.T) {
	day := time.Date(2024, 5, 7, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		docs []Doc
		// same[i] is the index of the earlier article that article i must
		// share a story with, or -1 for a story of its own.
		same []int
	}{
		{
			name: "duplicates from two outlets join one story",
			docs: []Doc{
				{ID: "outlet-a", Text: quakeText, Published: day},
				{ID: "strike", Text: strikeText, Published: day},
				{ID: "outlet-b", Text: quakeText, Published: day.Add(time.Hour)},
			},
			same: []int{-1, -1, 0},
		},
		{
			name: "articles with no names",
			docs: []Doc{
				{ID: "a", Text: "the river rose overnight and flooded the lower town. the bridge was closed by noon."},
				{ID: "b", Text: "a new bakery opened near the station, selling bread and cakes."},
				{ID: "c", Text: "the river flooded the lower town overnight; the bridge stayed closed."},
			},
			same: []int{-1, -1, 0},
		},
		{
			name: "one-line articles",
			docs: []Doc{
				{ID: "a", Text: "Sumbawa earthquake kills 4"},
				{ID: "b", Text: "Rotterdam dock strike halts port"},
				{ID: "c", Text: "Earthquake on Sumbawa: 4 dead"},
				{ID: "d", Text: "Port of Rotterdam shut by strike"},
			},
			same: []int{-1, -1, 0, 1},
		},
		{
			name: "articles with no date",
			docs: []Doc{
				{ID: "a", Text: trialText},
				{ID: "b", Text: quakeText},
				{ID: "c", Text: trialText + " The defence said it would appeal."},
			},
			same: []int{-1, -1, 0},
		},
		{
			name: "empty and punctuation-only articles start their own stories",
			docs: []Doc{
				{ID: "a", Text: ""},
				{ID: "b", Text: "... !!! ---"},
				{ID: "c", Text: quakeText},
			},
			same: []int{-1, -1, -1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			got := ids(addAll(c, tt.docs))
			for i, j := range tt.same {
				switch {
				case j >= 0 && c.Resolve(got[i]) != c.Resolve(got[j]):
					t.Errorf("article %s: got story %s, want %s (with %s)", tt.docs[i].ID, got[i], got[j], tt.docs[j].ID)
				case j < 0 && slices.Contains(got[:i], got[i]):
					t.Errorf("article %s: got story %s, shared with an earlier article, want a new story", tt.docs[i].ID, got[i])
				}
			}
		})
	}
}

func TestCopies(t *testing.T) {
	c := New(Options{})
	for i := range 1000 {
		a := c.Add(Doc{ID: fmt.Sprint(i), Text: strikeText})
		if a.Story != "s1" {
			t.Fatalf("copy %d: got story %s, want s1", i, a.Story)
		}
	}
	stories := c.Stories()
	if len(stories) != 1 || len(stories[0].Articles) != 1000 {
		t.Fatalf("got %d stories, want 1 with 1000 articles", len(stories))
	}
}

func TestStorySummary(t *testing.T) {
	day := time.Date(2024, 5, 7, 9, 0, 0, 0, time.UTC)
	c := New(Options{})
	c.Add(Doc{ID: "a", Text: quakeText, Published: day.Add(2 * time.Hour)})
	c.Add(Doc{ID: "b", Title: "Quake hits Sumbawa", Text: quakeText, Published: day})
	s, ok := c.Story("s1")
	if !ok {
		t.Fatal("got no story s1")
	}
	if s.Title != "Quake hits Sumbawa" {
		t.Errorf("got title %q, want the first title given", s.Title)
	}
	if !s.First.Equal(day) || !s.Last.Equal(day.Add(2*time.Hour)) {
		t.Errorf("got span %v-%v, want %v-%v", s.First, s.Last, day, day.Add(2*time.Hour))
	}
	if !slices.Equal(s.Articles, []string{"a", "b"}) {
		t.Errorf("got articles %v, want [a b]", s.Articles)
	}
	if len(s.Terms) == 0 || !slices.Contains(s.Entities, "sumbawa") {
		t.Errorf("got terms %v and entities %v, want sumbawa among the entities", s.Terms, s.Entities)
	}

	c = New(Options{})
	c.Add(Doc{ID: "a", Text: quakeText})
	if s := c.Stories()[0]; !strings.HasPrefix(s.Title, "A strong earthquake") || strings.Contains(s.Title, "Jakarta said. The") {
		t.Errorf("got title %q, want the first sentence", s.Title)
	}
}

func TestMerge(t *testing.T) {
	c := New(Options{})
	left := "Harbour cranes in Valparaiso collapsed during the storm, port director Ines Fuentes said."
	right := "Copper exports from Antofagasta fell after miners at Escondida walked out, Codelco said."
	a := c.Add(Doc{ID: "left", Text: left})
	b := c.Add(Doc{ID: "right", Text: right})
	if a.Story == b.Story {
		t.Fatalf("got one story %s for unrelated articles, want two", a.Story)
	}
	bridge := c.Add(Doc{ID: "bridge", Text: left + " " + right})
	if bridge.Story != a.Story || !slices.Equal(bridge.Merged, []string{b.Story}) {
		t.Fatalf("got story %s merging %v, want %s merging [%s]", bridge.Story, bridge.Merged, a.Story, b.Story)
	}
	if got := c.Resolve(b.Story); got != a.Story {
		t.Errorf("Resolve(%s): got %s, want %s", b.Story, got, a.Story)
	}
	if got := c.Resolve(a.Story); got != a.Story {
		t.Errorf("Resolve(%s): got %s, want itself", a.Story, got)
	}
	s, ok := c.Story(b.Story)
	if !ok || s.ID != a.Story || len(s.Articles) != 3 {
		t.Errorf("Story(%s): got %s with %d articles, want %s with 3", b.Story, s.ID, len(s.Articles), a.Story)
	}
	if n := len(c.Stories()); n != 1 {
		t.Errorf("got %d live stories, want 1", n)
	}

	// The bridge makes a pair with left, which pairing would then merge
	// with right: both ways of merging are off.
	c = New(Options{MergeThreshold: -1, PairThreshold: -1})
	c.Add(Doc{ID: "left", Text: left})
	c.Add(Doc{ID: "right", Text: right})
	if m := c.Add(Doc{ID: "bridge", Text: left + " " + right}).Merged; len(m) != 0 {
		t.Errorf("merging off: got merged %v, want none", m)
	}
}

func TestWindow(t *testing.T) {
	day := time.Date(2024, 5, 7, 9, 0, 0, 0, time.UTC)
	later := day.Add(10 * 24 * time.Hour)
	c := New(Options{Window: 7 * 24 * time.Hour})
	first := c.Add(Doc{ID: "old", Text: quakeText, Published: day})

	// An article on the same text ten days on is out of reach.
	again := c.Add(Doc{ID: "again", Text: quakeText, Published: later})
	if !again.New {
		t.Fatalf("got story %s for an article past the window, want a new one", again.Story)
	}
	var expired []string
	for i := range 2 * expireEvery {
		a := c.Add(Doc{ID: fmt.Sprint("filler", i), Text: fmt.Sprintf("Filler item %d about topic%d", i, i), Published: later})
		expired = append(expired, a.Expired...)
	}
	if !slices.Contains(expired, first.Story) {
		t.Errorf("got expired %v, want %s among them", expired, first.Story)
	}
	if _, ok := c.Story(first.Story); ok {
		t.Errorf("story %s still live after the window", first.Story)
	}
	if _, ok := c.Story(again.Story); !ok {
		t.Errorf("story %s closed, want it live", again.Story)
	}
	// Articles without a date still reach every live story.
	if a := c.Add(Doc{ID: "undated", Text: quakeText}); a.Story != again.Story {
		t.Errorf("undated article: got story %s, want %s", a.Story, again.Story)
	}
}

func TestIdleArticles(t *testing.T) {
	c := New(Options{IdleArticles: 10})
	first := c.Add(Doc{ID: "q", Text: quakeText})
	var expired []string
	for i := range 2 * expireEvery {
		a := c.Add(Doc{ID: fmt.Sprint(i), Text: strikeText})
		expired = append(expired, a.Expired...)
	}
	if !slices.Equal(expired, []string{first.Story}) {
		t.Errorf("got expired %v, want [%s]", expired, first.Story)
	}
}

func TestDeterminism(t *testing.T) {
	run := func() ([]Assignment, []Story) {
		c := New(Options{})
		g := NewSynthetic(3000, 150, 7)
		var as []Assignment
		for d, _, ok := g.Next(); ok; d, _, ok = g.Next() {
			as = append(as, c.Add(d))
		}
		return as, c.Stories()
	}
	a1, s1 := run()
	a2, s2 := run()
	if !reflect.DeepEqual(a1, a2) {
		t.Error("two runs on the same input: got different assignments, want the same")
	}
	if !reflect.DeepEqual(s1, s2) {
		t.Error("two runs on the same input: got different stories, want the same")
	}
}

func TestSnapshotRestore(t *testing.T) {
	g := NewSynthetic(4500, 225, 3)
	var docs []Doc
	for d, _, ok := g.Next(); ok; d, _, ok = g.Next() {
		docs = append(docs, d)
	}
	// Undated articles too, so that both paths are covered.
	for i := range docs {
		if i%5 == 0 {
			docs[i].Published = time.Time{}
		}
	}
	whole := New(Options{})
	want := addAll(whole, docs)

	// 4000 is restored before the vocabulary is pruned at 4096, 4200 after.
	for _, cut := range []int{1, 777, 4000, 4200} {
		t.Run(fmt.Sprint("cut at ", cut), func(t *testing.T) {
			c := New(Options{})
			addAll(c, docs[:cut])
			data, err := c.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			restored := New(Options{})
			if err := restored.Restore(data); err != nil {
				t.Fatal(err)
			}
			got := addAll(restored, docs[cut:])
			if !reflect.DeepEqual(got, want[cut:]) {
				for i := range got {
					if !reflect.DeepEqual(got[i], want[cut+i]) {
						t.Fatalf("article %d after restore: got %+v, want %+v", cut+i, got[i], want[cut+i])
					}
				}
			}
			if !reflect.DeepEqual(restored.Stories(), whole.Stories()) {
				t.Error("stories after restore and more articles: got different from the uninterrupted run")
			}
			for _, id := range []string{"s1", "s2", "s50"} {
				if g, w := restored.Resolve(id), whole.Resolve(id); g != w {
					t.Errorf("Resolve(%s): got %s, want %s", id, g, w)
				}
			}
		})
	}
}

func TestRestoreErrors(t *testing.T) {
	tests := []struct{ name, data string }{
		{"not json", "{"},
		{"wrong version", `{"version": 99}`},
		{"term out of range", `{"version": 1, "terms": [{"k": "w:a", "df": 1}], "stories": [{"seq": 1, "terms": [3], "weights": [1]}]}`},
		{"repeated term", `{"version": 1, "terms": [{"k": "w:a", "df": 1}, {"k": "w:a", "df": 1}]}`},
		{"terms and weights differ", `{"version": 1, "terms": [{"k": "w:a", "df": 1}], "stories": [{"seq": 1, "terms": [0], "weights": []}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			c.Add(Doc{ID: "kept", Text: quakeText})
			if err := c.Restore([]byte(tt.data)); err == nil {
				t.Fatal("got no error, want one")
			}
			if n := len(c.Stories()); n != 1 {
				t.Errorf("after a failed restore: got %d stories, want the 1 from before", n)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	o := New(Options{DateConflict: -1, Threshold: 0.3}).Options()
	if o.Threshold != 0.3 || o.DateConflict != -1 || o.YearConflict != DefaultOptions().YearConflict {
		t.Errorf("got %+v, want Threshold 0.3, DateConflict -1 and the default YearConflict", o)
	}
	if again := New(o).Options(); again != o {
		t.Errorf("filling twice: got %+v, want %+v", again, o)
	}
}
