package cluster

import (
	"sort"
	"time"
)

// term is one feature in the vocabulary, with its postings: the slots of
// the live stories that have it. Postings of closed stories go stale and are
// swept in bulk, which is cheaper than finding them one by one.
type term struct {
	key      string
	kind     kind
	df       int32 // articles that had it
	refs     int32 // live stories that have it
	postings []int32
}

const (
	expireEvery = 64   // additions between looks for stories past the window
	pruneEvery  = 4096 // additions between prunings of the vocabulary
)

// intern returns the id of key, adding it to the vocabulary.
func (c *Clusterer) intern(key string) int32 {
	if id, ok := c.vocab[key]; ok {
		return id
	}
	t := term{key: key, kind: kindOf(key)}
	var id int32
	if n := len(c.freeTerms); n > 0 {
		id = c.freeTerms[n-1]
		c.freeTerms = c.freeTerms[:n-1]
		c.terms[id] = t
	} else {
		id = int32(len(c.terms))
		c.terms = append(c.terms, t)
	}
	c.vocab[key] = id
	return id
}

// candidates returns the live stories within reach of an article published
// at "at" that share its heaviest features: the Candidates stories that
// share the most of their weight, oldest first.
func (c *Clusterer) candidates(vec *vector, at time.Time) []*story {
	type qt struct {
		id int32
		w  float64
	}
	query := make([]qt, 0, len(vec.terms))
	for i, id := range vec.terms {
		t := &c.terms[id]
		if w := c.mix(t.kind); w > 0 && len(t.postings) > 0 {
			query = append(query, qt{id, vec.weights[i] * c.idf(t.df) * w})
		}
	}
	sort.SliceStable(query, func(i, j int) bool { return query[i].w > query[j].w })
	// A term that a large share of the live stories have finds them all and
	// tells them apart by nothing; past the first few terms, skip it.
	common := max(64, c.liveCount/16)
	kept := query[:0]
	for i, q := range query {
		if len(kept) == on(c.opts.QueryTerms) {
			break
		}
		if i >= 4 && int(c.terms[q.id].refs) > common {
			continue
		}
		kept = append(kept, q)
	}
	query = kept

	if len(c.acc) < len(c.stories) {
		c.acc = make([]float64, len(c.stories))
	}
	var hit, out []*story // in reach; out of reach, marked -1
	for _, q := range query {
		for _, slot := range c.terms[q.id].postings {
			s := c.stories[slot]
			if s == nil || c.acc[slot] < 0 {
				continue
			}
			if c.acc[slot] == 0 {
				if !c.inWindow(s, at) {
					c.acc[slot] = -1
					out = append(out, s)
					continue
				}
				hit = append(hit, s)
			}
			c.acc[slot] += q.w
		}
	}
	if n := on(c.opts.Candidates); len(hit) > n {
		sort.Slice(hit, func(i, j int) bool {
			ai, aj := c.acc[hit[i].slot], c.acc[hit[j].slot]
			if ai != aj {
				return ai > aj
			}
			return hit[i].seq < hit[j].seq
		})
		for _, s := range hit[n:] {
			c.acc[s.slot] = 0
		}
		hit = hit[:n]
	}
	for _, s := range hit {
		c.acc[s.slot] = 0
	}
	for _, s := range out {
		c.acc[s.slot] = 0
	}
	sort.Slice(hit, func(i, j int) bool { return hit[i].seq < hit[j].seq })
	return hit
}

// drop frees the slot of s; its postings go stale until the next rebuild.
func (c *Clusterer) drop(s *story) {
	for _, id := range s.terms {
		c.terms[id].refs--
	}
	c.stale += len(s.terms)
	c.liveCount--
	c.stories[s.slot] = nil
	c.pending = append(c.pending, s.slot)
}

// expire closes the stories that left the window, oldest first, and returns
// their ids. It looks only every so often: a story a little past the window
// is harmless, since inWindow already keeps articles away from it.
func (c *Clusterer) expire() []string {
	if c.added%expireEvery != 0 {
		return nil
	}
	var gone []*story
	horizon := c.clock.Add(-c.opts.Window)
	for _, s := range c.stories {
		if s == nil {
			continue
		}
		if !s.last.IsZero() && s.last.Before(horizon) ||
			c.opts.IdleArticles > 0 && c.added-s.lastAdded > c.opts.IdleArticles {
			gone = append(gone, s)
		}
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i].seq < gone[j].seq })
	ids := make([]string, len(gone))
	for i, s := range gone {
		ids[i] = s.id()
		c.drop(s)
	}
	return ids
}

// rebuild drops the stale postings and makes the freed slots reusable.
func (c *Clusterer) rebuild() {
	for i := range c.terms {
		c.terms[i].postings = c.terms[i].postings[:0]
	}
	c.postN = 0
	for _, s := range c.stories {
		if s == nil {
			continue
		}
		for _, id := range s.terms {
			c.terms[id].postings = append(c.terms[id].postings, s.slot)
		}
		c.postN += len(s.terms)
	}
	c.stale = 0
	c.free = append(c.free, c.pending...)
	c.pending = c.pending[:0]
	// Lowest slots first: they are taken from the end.
	sort.Slice(c.free, func(i, j int) bool { return c.free[i] > c.free[j] })
	// Trailing free slots can go altogether.
	for len(c.stories) > 0 && c.stories[len(c.stories)-1] == nil && len(c.free) > 0 && c.free[0] == int32(len(c.stories)-1) {
		c.stories = c.stories[:len(c.stories)-1]
		c.free = c.free[1:]
	}
	if cap(c.acc) > 2*len(c.stories) {
		c.acc = nil
	}
}

// prune ages the terms that no live story has: their document frequency
// halves, and they are forgotten once it falls to one. Without it the
// vocabulary would keep every name of every story ever seen; with it, it
// follows the live window, and a term back after a long absence counts as
// the rarer word it has become. Pruning runs at fixed counts of additions,
// so that restoring a snapshot does not change when.
func (c *Clusterer) prune() {
	for id := range c.terms {
		t := &c.terms[id]
		if t.key == "" || t.refs > 0 {
			continue
		}
		if t.df /= 2; t.df > 1 {
			continue
		}
		// With no live story, all its postings are stale.
		delete(c.vocab, t.key)
		c.stale -= len(t.postings)
		c.postN -= len(t.postings)
		*t = term{}
		c.freeTerms = append(c.freeTerms, int32(id))
	}
}
