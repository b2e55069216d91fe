package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ecbplus"
	"github.com/crosscheck/crosscheck/internal/store"
)

// TestSeedsAmongECBPlus mixes the five seed articles into the ECB+ corpus,
// in the middle of the stream, and checks that they form one story of
// exactly those five.
func TestSeedsAmongECBPlus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	ecbDir := "../../../shared/eval/ecbplus/ECB+"
	if _, err := os.Stat(ecbDir); len(files) == 0 || err != nil {
		t.Skip("../shared/seeds or ../shared/eval/ecbplus is absent: skipping")
	}
	docs, err := ecbplus.ReadDir(ecbDir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*crosscheck.Article
	for _, d := range cluster.ShuffleECBPlus(docs, 1) {
		arts = append(arts, clean.Clean(crosscheck.Doc{Ref: d.ID, Format: crosscheck.FormatText, Body: []byte(d.Text)}, clean.Options{}))
	}
	seeds := map[string]bool{}
	for i, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := clean.Clean(crosscheck.Doc{Ref: filepath.Base(f), Format: crosscheck.FormatText, Body: body}, clean.Options{})
		seeds[a.ID] = true
		at := (i + 1) * len(arts) / (len(files) + 1)
		arts = slices.Insert(arts, at, a)
	}
	for _, g := range GroupStories(arts, cluster.DefaultOptions()) {
		var in, out []string
		for _, a := range g.Articles {
			if seeds[a.ID] {
				in = append(in, a.Ref)
			} else {
				out = append(out, a.Ref)
			}
		}
		if len(in) == 0 {
			continue
		}
		if len(in) != len(files) || len(out) > 0 {
			t.Errorf("story %s: seeds %v with others %v; want all %d seeds alone", g.ID, in, strings.Join(out, " "), len(files))
		}
	}
}

// TestStoredStoriesFollowSplits feeds all ECB+ topics through the
// persistent clusterer in batches and checks that the store holds exactly
// the clusterer's stories: when a story splits, the articles it sheds,
// stored in earlier rounds, move with them, whether to a new story or to a
// live one (four of the splits in this stream go to a live story).
func TestStoredStoriesFollowSplits(t *testing.T) {
	ecbDir := "../../../shared/eval/ecbplus/ECB+"
	if _, err := os.Stat(ecbDir); err != nil {
		t.Skip("../shared/eval/ecbplus is absent: skipping")
	}
	docs, err := ecbplus.ReadDir(ecbDir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	st := openStore(t, filepath.Join(t.TempDir(), "split.db"))
	cl := &Clusterer{Store: st, Options: cluster.DefaultOptions()}
	var batch []*crosscheck.Article
	flush := func() {
		added, errs, err := st.AddArticles(ctx, batch)
		if err != nil || slices.ContainsFunc(errs, func(e error) bool { return e != nil }) {
			t.Fatalf("storing: %v %v", err, errs)
		}
		var fresh []*crosscheck.Article // as ingest does, duplicates are not clustered
		for i, a := range batch {
			if added[i] {
				fresh = append(fresh, a)
			}
		}
		if _, err := cl.Add(ctx, fresh); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	for _, d := range cluster.ShuffleECBPlus(docs, 1) {
		batch = append(batch, clean.Clean(crosscheck.Doc{Ref: d.ID, Format: crosscheck.FormatText, Body: []byte(d.Text)}, clean.Options{}))
		if len(batch) == 25 {
			flush()
		}
	}
	flush()

	live := cl.c.Stories()
	stored, err := st.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, s := range stored {
		got[s.ID] = slices.Sorted(slices.Values(s.Articles))
	}
	for _, s := range live {
		want := slices.Sorted(slices.Values(s.Articles))
		if !slices.Equal(got[s.ID], want) {
			t.Errorf("story %s: stored %v, clusterer has %v", s.ID, got[s.ID], want)
		}
		delete(got, s.ID)
	}
	for id, arts := range got {
		if len(arts) > 0 {
			t.Errorf("story %s: stored with %v, but the clusterer has no such story", id, arts)
		}
	}
}

// TestBatcher checks that the batcher clusters stored articles only, a full
// batch at a time and the rest on Flush, and records every assignment.
func TestBatcher(t *testing.T) {
	ctx := t.Context()
	st := openStore(t, filepath.Join(t.TempDir(), "batch.db"))
	rounds := 0
	b := &Batcher{Clusterer: &Clusterer{Store: st, Options: cluster.DefaultOptions()}, Round: func(time.Duration) { rounds++ }}
	const n = ClusterBatch + 44
	arts := storeTownArticles(t, st, n)
	for i, a := range arts {
		b.Add(ctx, Result{Status: Stored, Article: a})
		b.Add(ctx, Result{Status: Duplicate, Article: a}) // ignored
		if i == ClusterBatch-1 && (rounds != 1 || len(b.Stories) != ClusterBatch) {
			t.Fatalf("after a full batch: %d rounds, %d assigned; want 1 and %d", rounds, len(b.Stories), ClusterBatch)
		}
	}
	b.Flush(ctx)
	b.Flush(ctx) // nothing left: no round
	if rounds != 2 || len(b.Stories) != n || b.Err != nil {
		t.Errorf("got %d rounds, %d assigned, %v; want 2, %d, no error", rounds, len(b.Stories), b.Err, n)
	}
}

// TestRecover checks that articles a run stored but did not live to
// cluster get their stories from the next run, once, and that the stories
// then go on as if nothing had happened.
func TestRecover(t *testing.T) {
	ctx := t.Context()
	st := openStore(t, filepath.Join(t.TempDir(), "recover.db"))
	arts := quakeAndStrike()[:3]
	// The run that died: it stored the articles and clustered the first.
	if _, _, err := st.AddArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := (&Clusterer{Store: st, Options: cluster.DefaultOptions()}).Add(ctx, arts[:1]); err != nil {
		t.Fatal(err)
	}

	cl := &Clusterer{Store: st, Options: cluster.DefaultOptions()}
	if n, err := cl.Recover(ctx); err != nil || n != 2 {
		t.Fatalf("recover: got %d, %v; want the 2 articles left without a story", n, err)
	}
	if left, err := st.Unclustered(ctx, 10); err != nil || len(left) != 0 {
		t.Fatalf("after recovering: %d articles without a story, %v; want none", len(left), err)
	}
	if n, err := cl.Recover(ctx); err != nil || n != 0 {
		t.Errorf("recovering again: got %d, %v; want 0", n, err)
	}
	if sizes := storySizes(t, st); !slices.Equal(sizes, []int{1, 2}) {
		t.Errorf("got stories of %v articles, want the two quake reports together and the strike alone", sizes)
	}
}

// TestRecoverMany checks that more articles than one batch, left without a
// story, are all assigned, a batch at a time.
func TestRecoverMany(t *testing.T) {
	ctx := t.Context()
	st := openStore(t, filepath.Join(t.TempDir(), "many.db"))
	const n = ClusterBatch + 10
	storeTownArticles(t, st, n)
	cl := &Clusterer{Store: st, Options: cluster.DefaultOptions()}
	if got, err := cl.Recover(ctx); err != nil || got != n {
		t.Fatalf("recover: got %d, %v; want %d", got, err, n)
	}
	if left, err := st.Unclustered(ctx, n); err != nil || len(left) != 0 {
		t.Errorf("after recovering: %d articles without a story, %v; want none", len(left), err)
	}
}

// TestTwoClusterers checks that two processes clustering one store, each
// from the state it read, never overwrite each other's stories: the one
// that saves second starts its round again from the state saved.
func TestTwoClusterers(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "two.db")
	stores := []*store.SQLite{openStore(t, path), openStore(t, path)}
	arts := quakeAndStrike()
	if _, _, err := stores[0].AddArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	one := &Clusterer{Store: stores[0], Options: cluster.DefaultOptions()}
	two := &Clusterer{Store: stores[1], Options: cluster.DefaultOptions()}
	for _, cl := range []*Clusterer{one, two} {
		if err := cl.init(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// Each saves a round in turn, always from a state the other has since
	// saved over.
	steps := []struct {
		cl   *Clusterer
		arts []*crosscheck.Article
	}{
		{one, arts[:1]},
		{two, arts[1:3]},
		{one, arts[3:]},
	}
	for i, step := range steps {
		if _, err := step.cl.Add(ctx, step.arts); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
	}

	if sizes := storySizes(t, stores[1]); !slices.Equal(sizes, []int{1, 3}) {
		t.Errorf("got stories of %v articles, want the three quake reports together and the strike alone", sizes)
	}
	// The state saved last knows every article, whoever assigned it.
	fresh := &Clusterer{Store: stores[1], Options: cluster.DefaultOptions()}
	if err := fresh.init(ctx); err != nil {
		t.Fatal(err)
	}
	if left := fresh.unassigned(arts); len(left) != 0 {
		t.Errorf("the saved state lacks %d of the articles", len(left))
	}
}

// openStore opens the SQLite store at path, to be closed when the test
// ends.
func openStore(t *testing.T, path string) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// quakeAndStrike returns four cleaned reports: of a quake, of a strike,
// and two more of the quake.
func quakeAndStrike() []*crosscheck.Article {
	texts := []string{
		"A strong earthquake struck the island of Sumbawa on Tuesday, killing 4 people in Bima, officials in Jakarta said.",
		"Dock workers in Rotterdam walked out on Friday over pay; the union FNV said 3,000 members joined the strike.",
		"The Sumbawa earthquake on Tuesday killed 4 people in Bima and damaged hundreds of houses, Jakarta said.",
		"Rescuers in Bima searched for survivors of Tuesday's Sumbawa earthquake, which killed 4 people, Jakarta said.",
	}
	var arts []*crosscheck.Article
	for i, text := range texts {
		arts = append(arts, clean.Clean(crosscheck.Doc{Ref: fmt.Sprint("a", i), Format: crosscheck.FormatText, Body: []byte(text)}, clean.Options{}))
	}
	return arts
}

// storySizes returns the numbers of articles of the live stories in st,
// smallest first.
func storySizes(t *testing.T, st *store.SQLite) []int {
	t.Helper()
	stories, err := st.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, s := range stories {
		sizes = append(sizes, len(s.Articles))
	}
	slices.Sort(sizes)
	return sizes
}

// storeTownArticles stores n short generated articles about seven towns'
// council votes and returns them.
func storeTownArticles(t *testing.T, st *store.SQLite, n int) []*crosscheck.Article {
	t.Helper()
	var arts []*crosscheck.Article
	for i := range n {
		text := fmt.Sprintf("Town %d council votes on %d new homes. The vote was close, councillor %d said.", i%7, i, i)
		arts = append(arts, clean.Clean(crosscheck.Doc{Ref: fmt.Sprint(i), Format: crosscheck.FormatText, Body: []byte(text)}, clean.Options{}))
	}
	if _, _, err := st.AddArticles(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	return arts
}
