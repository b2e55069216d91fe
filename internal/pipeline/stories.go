package pipeline

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/cluster"
)

// Group is one story found among a set of articles.
type Group struct {
	ID       string
	Title    string
	Articles []*crosscheck.Article
}

func docOf(a *crosscheck.Article) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published}
}

// GroupStories clusters articles into stories in the order given, without a
// store: what "brief" does with the files it is handed.
func GroupStories(arts []*crosscheck.Article, opts cluster.Options) []Group {
	c := cluster.New(opts)
	byID := map[string]*crosscheck.Article{}
	for _, a := range arts {
		byID[a.ID] = a
		c.Add(docOf(a))
	}
	var out []Group
	for _, s := range c.Stories() {
		g := Group{ID: s.ID, Title: s.Title}
		for _, id := range s.Articles {
			if a := byID[id]; a != nil {
				g.Articles = append(g.Articles, a)
			}
		}
		if len(g.Articles) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Clusterer assigns stored articles to stories, continuing from the state
// the store saved, and saves each round with the stories it touched.
type Clusterer struct {
	Store   crosscheck.Store
	Options cluster.Options
	c       *cluster.Clusterer
	version int64 // of the saved state c continues
}

// Add assigns a batch of newly stored articles and saves the round in one
// transaction, so that the stories and the clusterer's state never part.
func (cl *Clusterer) Add(ctx context.Context, arts []*crosscheck.Article) (map[string]string, error) {
	if len(arts) == 0 {
		return map[string]string{}, nil
	}
	if err := cl.init(ctx); err != nil {
		return nil, err
	}
	return cl.round(ctx, arts)
}

// Recover assigns the stored articles that belong to no story, those a run
// stored but did not live to cluster, a batch at a time, and returns how
// many there were. Call it before storing new articles: any it finds, it
// assigns.
func (cl *Clusterer) Recover(ctx context.Context) (int, error) {
	if err := cl.init(ctx); err != nil {
		return 0, err
	}
	n := 0
	for {
		orphans, err := cl.Store.Unclustered(ctx, ClusterBatch)
		if err != nil {
			return n, fmt.Errorf("cluster: articles without a story: %w", err)
		}
		if len(orphans) == 0 {
			return n, nil
		}
		// Each round gives every article it is handed a story, which takes
		// it off the waiting list, so the loop ends.
		if _, err := cl.round(ctx, orphans); err != nil {
			return n, err
		}
		n += len(orphans)
	}
}

// init restores the clusterer from the state the store saved, once.
func (cl *Clusterer) init(ctx context.Context) error {
	if cl.c != nil {
		return nil
	}
	c := cluster.New(cl.Options)
	state, version, err := cl.Store.ClusterState(ctx)
	if err != nil {
		return err
	}
	if state != nil {
		if err := c.Restore(state); err != nil {
			return fmt.Errorf("cluster: restore saved state: %w", err)
		}
	}
	cl.c, cl.version = c, version
	return nil
}

// saveRetries is how many times a round starts again from the saved state
// when other processes keep saving theirs first.
const saveRetries = 5

// round assigns arts and saves the round. When another process clustering
// the same store saved a round since this one's state was read, the save
// is refused; the round then starts again from the state saved, leaving
// out any article that process assigned, so that neither overwrites the
// other's stories.
func (cl *Clusterer) round(ctx context.Context, arts []*crosscheck.Article) (map[string]string, error) {
	for try := 0; ; try++ {
		got, err := cl.try(ctx, arts)
		if err == nil || crosscheck.KindOf(err) != crosscheck.KindConflict || try == saveRetries {
			return got, err
		}
		// try dropped the clusterer; this restores the state saved.
		if err := cl.init(ctx); err != nil {
			return nil, err
		}
		arts = cl.unassigned(arts)
	}
}

// unassigned returns the articles of arts that no live story holds.
func (cl *Clusterer) unassigned(arts []*crosscheck.Article) []*crosscheck.Article {
	held := make(map[string]bool)
	for _, s := range cl.c.Stories() {
		for _, id := range s.Articles {
			held[id] = true
		}
	}
	var out []*crosscheck.Article
	for _, a := range arts {
		if !held[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// try assigns arts and saves the round, once. On any error the clusterer
// is dropped, to be restored from the store, since it holds a round that
// was not saved.
func (cl *Clusterer) try(ctx context.Context, arts []*crosscheck.Article) (map[string]string, error) {
	round := crosscheck.Clustering{Version: cl.version, Assignments: map[string]string{}, Merged: map[string]string{}}
	touched := map[string]bool{}
	for _, a := range arts {
		as := cl.c.Add(docOf(a))
		round.Assignments[a.ID] = as.Story
		touched[as.Story] = true
		for _, old := range as.Merged {
			round.Merged[old] = as.Story
		}
		// A split moves articles stored in earlier rounds too; their rows
		// follow them, and both halves are saved.
		for _, id := range as.Moved {
			round.Assignments[id] = as.MovedTo
		}
		if as.MovedTo != "" {
			touched[as.SplitFrom], touched[as.MovedTo] = true, true
		}
	}
	for id := range touched {
		id = cl.c.Resolve(id)
		s, ok := cl.c.Story(id)
		if !ok {
			continue
		}
		round.Stories = append(round.Stories, crosscheck.StoryRecord{
			ID: s.ID, Title: s.Title, First: s.First, Last: s.Last, Entities: s.Entities,
		})
	}
	for aid, sid := range round.Assignments {
		round.Assignments[aid] = cl.c.Resolve(sid)
	}
	state, err := cl.c.Snapshot()
	if err != nil {
		cl.c = nil
		return nil, fmt.Errorf("cluster: snapshot: %w", err)
	}
	round.State = state
	if err := cl.Store.SaveClustering(ctx, round); err != nil {
		cl.c = nil
		return nil, err
	}
	cl.version++
	return round.Assignments, nil
}

// ClusterBatch is how many stored articles a Batcher gives the clusterer at
// a time: enough that one transaction saves many assignments, few enough
// that stories keep pace with a long ingest.
const ClusterBatch = 256

// Batcher feeds the articles an Ingester stores to a Clusterer in batches
// of ClusterBatch, and keeps where each went. Its first error stops it.
type Batcher struct {
	Clusterer *Clusterer
	// Round, when set, is told how long each batch took.
	Round func(time.Duration)
	// Stories maps each assigned article to its story, as assigned.
	Stories map[string]string
	// Err is the first error of clustering; the articles stay stored.
	Err     error
	pending []*crosscheck.Article
}

// Add queues the article of a stored result, and clusters a full batch.
// Other results are ignored.
func (b *Batcher) Add(ctx context.Context, r Result) {
	if r.Status != Stored || r.Article == nil || b.Err != nil {
		return
	}
	a := *r.Article
	a.Raw = "" // the store has it; clustering needs the text only
	b.pending = append(b.pending, &a)
	if len(b.pending) >= ClusterBatch {
		b.Flush(ctx)
	}
}

// Flush clusters the articles queued so far.
func (b *Batcher) Flush(ctx context.Context) {
	if b.Err != nil || len(b.pending) == 0 {
		return
	}
	t0 := time.Now()
	as, err := b.Clusterer.Add(ctx, b.pending)
	if b.Round != nil {
		b.Round(time.Since(t0))
	}
	if err != nil {
		b.Err = err
		return
	}
	if b.Stories == nil {
		b.Stories = map[string]string{}
	}
	maps.Copy(b.Stories, as)
	b.pending = b.pending[:0]
}
