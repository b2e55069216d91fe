package cluster

import (
	"slices"
	"sort"
	"time"
)

// A story that a few articles of another event joined early goes on to
// attract the rest of that event, since its centroid now covers both. While
// a story is young it therefore keeps its articles' own vectors, and at a
// few sizes it checks whether they fall into two groups that are much less
// alike between than within; if so, the later group leaves as a story of
// its own. The check only ever looks at one story's own articles, at most
// splitMax of them, and at sizes that grow geometrically, so that it adds a
// bounded amount of work per article. Past splitMax the story keeps no
// member vectors and is never split again.
const (
	splitMax   = 28  // members kept, and the last size checked; past this a story is settled
	splitMin   = 6   // the smallest story checked
	splitGroup = 3   // the smallest group that may leave
	splitRatio = 0.5 // between-group similarity at most this share of within
)

// member is one article of a young story, kept so that the story can be
// split. Its vector's terms are sorted by id, for merge-joins.
type member struct {
	id        string
	title     string
	published time.Time
	vec       *vector
}

// splitCheck reports whether a story of n members is due a check: at
// splitMin and then at sizes about half as large again.
func splitCheck(n int) bool {
	for m := splitMin; m <= splitMax; m += m / 2 {
		if n == m {
			return true
		}
	}
	return false
}

// newMember returns a member holding vec, whose terms are in the order of
// the article's features, which fixes the order of every float sum.
func newMember(d Doc, vec *vector) member {
	title := d.Title
	if title == "" {
		title = firstSentence(d.Text)
	}
	return member{id: d.ID, title: title, published: d.Published, vec: vec}
}

// pairSim is the similarity of member vector a to member vector b, whose
// terms pos indexes, by the same evidence and combination as an article and
// a story.
func (c *Clusterer) pairSim(a, b *vector, pos map[int32]int32) float64 {
	var e evidence
	var dot [numKinds]float64
	for i, id := range a.terms {
		p, ok := pos[id]
		if !ok {
			continue
		}
		t := &c.terms[id]
		wa, wb := a.weights[i], b.weights[p]
		if isShare(t.kind) {
			e.overlap[t.kind] += min(wa/a.norms[t.kind], wb/b.norms[t.kind])
			continue
		}
		idf := c.idf(t.df)
		dot[t.kind] += wa * wb * idf * idf
	}
	for k := range numKinds {
		switch {
		case a.norms[k] == 0 || b.norms[k] == 0:
			e.cos[k], e.overlap[k] = -1, -1
		case isShare(k):
			e.overlap[k] = min(1, e.overlap[k])
		default:
			e.cos[k] = dot[k] / (a.norms[k] * b.norms[k])
		}
	}
	if len(a.heads) > 0 && len(b.heads) > 0 {
		hits := 0
		for _, id := range a.heads {
			if _, ok := pos[id]; ok {
				hits++
			}
		}
		for _, id := range b.heads {
			if slices.Contains(a.terms, id) {
				hits++
			}
		}
		e.headMiss = 1 - float64(hits)/float64(len(a.heads)+len(b.heads))
	}
	return c.combine(e)
}

// trySplit checks s and, when its members form two well-separated groups,
// moves the group without the story's first article to a new story, which
// it returns; otherwise it returns nil.
func (c *Clusterer) trySplit(s *story) *story {
	m := len(s.members)
	if m < splitMin || len(s.members) != len(s.articles) {
		return nil
	}
	pos := make([]map[int32]int32, m)
	for i, mb := range s.members {
		mb.vec.normN = -1 // norms under today's IDF, whenever the check runs
		c.refresh(mb.vec)
		pos[i] = make(map[int32]int32, len(mb.vec.terms))
		for k, id := range mb.vec.terms {
			pos[i][id] = int32(k)
		}
	}
	sim := make([]float64, m*m)
	for i := range m {
		for j := i + 1; j < m; j++ {
			a, b := s.members[i].vec, s.members[j].vec
			v := (c.pairSim(a, b, pos[j]) + c.pairSim(b, a, pos[i])) / 2
			sim[i*m+j], sim[j*m+i] = v, v
		}
	}
	// Average linkage down to two groups; sums[a][b] is the sum of the
	// similarities between groups a and b.
	groups := make([][]int, m)
	sums := make([][]float64, m)
	for i := range m {
		groups[i] = []int{i}
		sums[i] = make([]float64, m)
		copy(sums[i], sim[i*m:(i+1)*m])
	}
	alive := make([]bool, m)
	for i := range alive {
		alive[i] = true
	}
	for n := m; n > 2; n-- {
		bi, bj, best := -1, -1, -1.0
		for i := range m {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < m; j++ {
				if !alive[j] {
					continue
				}
				if v := sums[i][j] / float64(len(groups[i])*len(groups[j])); v > best {
					bi, bj, best = i, j, v
				}
			}
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		alive[bj] = false
		for k := range m {
			sums[bi][k] += sums[bj][k]
			sums[k][bi] = sums[bi][k]
		}
	}
	var two [][]int
	for i := range m {
		if alive[i] {
			two = append(two, groups[i])
		}
	}
	a, b := two[0], two[1]
	if len(a) < splitGroup || len(b) < splitGroup {
		return nil
	}
	within := func(g []int) float64 {
		var sum float64
		for x, i := range g {
			for _, j := range g[x+1:] {
				sum += sim[i*m+j]
			}
		}
		return sum / float64(len(g)*(len(g)-1)/2)
	}
	var between float64
	for _, i := range a {
		for _, j := range b {
			between += sim[i*m+j]
		}
	}
	between /= float64(len(a) * len(b))
	if between >= splitRatio*min(within(a), within(b)) {
		return nil
	}
	if slices.Contains(b, 0) {
		a, b = b, a
	}
	sort.Ints(a)
	sort.Ints(b)
	return c.splitOff(s, a, b)
}

// splitOff rebuilds s from its members in keep and starts a new story from
// those in leave, which it returns.
func (c *Clusterer) splitOff(s *story, keep, leave []int) *story {
	members := s.members
	lastAdded := s.lastAdded
	// s takes a fresh slot, so that no posting of its old terms lingers.
	c.drop(s)
	c.liveCount++
	s.vector = vector{normN: -1}
	s.pos = make(map[int32]int32)
	s.articles, s.members = nil, nil
	s.first, s.last = time.Time{}, time.Time{}
	c.place(s)
	rest := c.newStory()
	for _, g := range []struct {
		s   *story
		idx []int
	}{{s, keep}, {rest, leave}} {
		for _, i := range g.idx {
			mb := members[i]
			for k, id := range mb.vec.terms {
				c.addWeight(g.s, id, mb.vec.weights[k])
			}
			g.s.articles = append(g.s.articles, mb.id)
			g.s.members = append(g.s.members, mb)
			if !mb.published.IsZero() {
				if g.s.first.IsZero() || mb.published.Before(g.s.first) {
					g.s.first = mb.published
				}
				if mb.published.After(g.s.last) {
					g.s.last = mb.published
				}
			}
		}
		g.s.normN = -1
		g.s.lastAdded = lastAdded
	}
	if !rest.titleGiven {
		rest.title = members[leave[0]].title
	}
	return rest
}
