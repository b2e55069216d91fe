package cluster

import (
	"fmt"
	"slices"
	"testing"
)

// variants returns n reports of the event in text, each with a different
// closing sentence, so that they are alike without being copies.
func variants(prefix, text string, n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{ID: fmt.Sprintf("%s%d", prefix, i), Text: fmt.Sprintf("%s Reporter %d added details from the scene.", text, i)}
	}
	return docs
}

// storyOf returns the live story holding article id.
func storyOf(t *testing.T, c *Clusterer, id string) *story {
	t.Helper()
	for _, s := range c.stories {
		if s != nil && slices.Contains(s.articles, id) {
			return s
		}
	}
	t.Fatalf("no live story holds %s", id)
	return nil
}

// TestSplitOffHome checks where the group that leaves a story goes: to the
// live story of its own event when there is one, to a new story otherwise,
// and that either way it is kept apart from the story it left.
func TestSplitOffHome(t *testing.T) {
	tests := []struct {
		name     string
		leaving  string // the event of the articles forced into the quake story
		wantHome bool
	}{
		{"to the story of its event", strikeText, true},
		{"to a new story", trialText, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{})
			addAll(c, variants("strike", strikeText, 3))
			strike := storyOf(t, c, "strike0")
			addAll(c, variants("quake", quakeText, 4))
			quake := storyOf(t, c, "quake0")
			if quake == strike {
				t.Fatal("the quake and the strike reports share a story")
			}
			// Two reports of another event that joined the quake story
			// early, as the split is there to undo.
			for _, d := range variants("odd", tt.leaving, 2) {
				c.addTo(quake, d, c.vectorise(d))
			}
			before := len(c.Stories())
			to := c.splitOff(quake, []int{0, 1, 2, 3}, []int{4, 5})

			if got := slices.Sorted(slices.Values(quake.articles)); !slices.Equal(got, []string{"quake0", "quake1", "quake2", "quake3"}) {
				t.Errorf("the quake story kept %v, want its four reports", got)
			}
			if !slices.Contains(to.articles, "odd0") || !slices.Contains(to.articles, "odd1") {
				t.Errorf("the leaving reports went to a story of %v", to.articles)
			}
			if gotHome := to == strike; gotHome != tt.wantHome {
				t.Errorf("went to the strike story: %v, want %v", gotHome, tt.wantHome)
			}
			wantStories := before
			if !tt.wantHome {
				wantStories++
			}
			if n := len(c.Stories()); n != wantStories {
				t.Errorf("got %d stories, want %d", n, wantStories)
			}
			if !quake.isApart(to) || !to.isApart(quake) {
				t.Error("the two sides of the split are not kept apart")
			}
		})
	}
}

// TestApartStoriesDoNotMerge checks that an article close to two stories
// merges them, unless a split set them apart; and that a snapshot keeps
// them apart.
func TestApartStoriesDoNotMerge(t *testing.T) {
	const (
		left  = "Harbour cranes in Valparaiso collapsed during the storm, port director Ines Fuentes said."
		right = "Copper exports from Antofagasta fell after miners at Escondida walked out, Codelco said."
	)
	for _, apart := range []bool{false, true} {
		t.Run(fmt.Sprint("apart ", apart), func(t *testing.T) {
			c := New(Options{})
			c.Add(Doc{ID: "left", Text: left})
			c.Add(Doc{ID: "right", Text: right})
			l, r := storyOf(t, c, "left"), storyOf(t, c, "right")
			if apart {
				l.apart = append(l.apart, r.seq)
				data, err := c.Snapshot()
				if err != nil {
					t.Fatal(err)
				}
				if err := c.Restore(data); err != nil {
					t.Fatal(err)
				}
				l, r = storyOf(t, c, "left"), storyOf(t, c, "right")
				if !r.isApart(l) {
					t.Fatal("the snapshot lost that the stories are apart")
				}
			}
			a := c.Add(Doc{ID: "bridge", Text: left + " " + right})
			if merged := len(a.Merged) > 0; merged == apart {
				t.Errorf("merged %v into %s; want a merge: %v", a.Merged, a.Story, !apart)
			}
			want := 1
			if apart {
				want = 2
			}
			if n := len(c.Stories()); n != want {
				t.Errorf("got %d stories, want %d", n, want)
			}
		})
	}
}

// TestPairUp checks that a story reaching its second article merges with
// the live story it is most like, into the older one, unless they are
// unlike, were split apart, or pairing is turned off.
func TestPairUp(t *testing.T) {
	tests := []struct {
		name      string
		opts      Options
		pair      string // the text of the two-article story
		apart     bool
		wantMerge bool
	}{
		{"same event", Options{}, quakeText, false, true},
		{"another event", Options{}, strikeText, false, false},
		{"split apart", Options{}, quakeText, true, false},
		{"turned off", Options{PairThreshold: -1}, quakeText, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			c.Add(Doc{ID: "first", Text: quakeText})
			first := storyOf(t, c, "first")
			// The pair forms a story of its own, as when the first of it
			// arrived before the story it belongs with had started.
			pair := c.newStory()
			for _, d := range variants("pair", tt.pair, 2) {
				c.addTo(pair, d, c.vectorise(d))
			}
			if tt.apart {
				first.apart = append(first.apart, pair.seq)
			}
			got, gone := c.pairUp(pair)
			if merged := gone != ""; merged != tt.wantMerge {
				t.Fatalf("merged away %q; want a merge: %v", gone, tt.wantMerge)
			}
			want, stories := pair, 2
			if tt.wantMerge {
				want, stories = first, 1
				if gone != pair.id() || c.Resolve(gone) != first.id() {
					t.Errorf("merged away %s, resolving to %s; want %s into %s", gone, c.Resolve(gone), pair.id(), first.id())
				}
			}
			if got != want {
				t.Errorf("the pair is in story %s, want %s", got.id(), want.id())
			}
			if n := len(c.Stories()); n != stories {
				t.Errorf("got %d stories, want %d", n, stories)
			}
		})
	}
}
