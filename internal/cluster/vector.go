package cluster

import (
	"math"
	"slices"
)

// vector is a weighted bag of features: one article's, or the sum of a
// story's articles'. Each article contributes, per kind, a unit vector under
// the IDF of its arrival (years, dates and weekdays: the share of each among
// the kind's mentions); the current IDF then weighs every comparison, so
// that early articles are not judged by the poor statistics of their day.
type vector struct {
	terms   []int32 // in order of arrival, which fixes every float sum's order
	weights []float64

	// norms are the per-kind norms under the IDF of normN articles (for
	// years, dates and weekdays: the plain sum), and heads the heaviest
	// names; normN < 0 marks them stale.
	norms [numKinds]float64
	heads []int32
	normN int
}

// idf is the smoothed inverse document frequency of a term that df of the
// articles seen so far had.
func (c *Clusterer) idf(df int32) float64 {
	return math.Log(float64(c.n+1)/float64(df+1)) + 1
}

// mix is the weight of a kind's cosine in the similarity; years, dates and
// weekdays only ever lower it.
func (c *Clusterer) mix(k kind) float64 {
	switch k {
	case kindWord:
		return 1
	case kindEntity:
		return on(c.opts.EntityWeight)
	case kindNumber:
		return on(c.opts.NumberWeight)
	}
	return 0
}

// vectorise counts d in the document frequencies and returns its vector.
func (c *Clusterer) vectorise(d Doc) *vector {
	feats := extract(d, on(c.opts.LeadSentences), max(1, c.opts.LeadWeight))
	c.n++
	v := &vector{terms: make([]int32, len(feats)), weights: make([]float64, len(feats)), normN: -1}
	for i, f := range feats {
		id := c.intern(f.key)
		c.terms[id].df++
		v.terms[i] = id
	}
	var norm [numKinds]float64
	for i, f := range feats {
		t := &c.terms[v.terms[i]]
		if isShare(t.kind) {
			v.weights[i] = f.count
			norm[t.kind] += f.count
			continue
		}
		v.weights[i] = 1 + math.Log(f.count)
		w := v.weights[i] * c.idf(t.df)
		norm[t.kind] += w * w
	}
	for i, id := range v.terms {
		k := c.terms[id].kind
		if isShare(k) {
			v.weights[i] /= norm[k]
		} else {
			v.weights[i] /= math.Sqrt(norm[k])
		}
	}
	return v
}

// refresh brings the norms and heads of v up to date. They last until v
// changes or the number of articles grows by a fiftieth, since IDF moves
// slowly.
func (c *Clusterer) refresh(v *vector) {
	if v.normN >= 0 && c.n*50 <= v.normN*51 {
		return
	}
	var norms [numKinds]float64
	for i, id := range v.terms {
		t := &c.terms[id]
		w := v.weights[i]
		if isShare(t.kind) {
			norms[t.kind] += w
			continue
		}
		w *= c.idf(t.df)
		norms[t.kind] += w * w
	}
	for k := range numKinds {
		if !isShare(k) {
			norms[k] = math.Sqrt(norms[k])
		}
	}
	v.norms, v.normN = norms, c.n
	v.heads = topOf(v.terms, func(i int) (bool, float64) {
		t := &c.terms[v.terms[i]]
		return t.kind == kindEntity, v.weights[i] * c.idf(t.df)
	}, on(c.opts.HeadNames))
}

// topOf returns the ids of the n heaviest of terms that pass, heaviest
// first, the earlier winning a tie.
func topOf(terms []int32, weigh func(i int) (bool, float64), n int) []int32 {
	type tw struct {
		id int32
		w  float64
	}
	var top []tw
	for i, id := range terms {
		ok, w := weigh(i)
		if !ok {
			continue
		}
		j := len(top)
		for j > 0 && top[j-1].w < w {
			j--
		}
		if j >= n {
			continue
		}
		top = slices.Insert(top, j, tw{id, w})
		if len(top) > n {
			top = top[:n]
		}
	}
	ids := make([]int32, len(top))
	for i, x := range top {
		ids[i] = x.id
	}
	return ids
}

// evidence is what comparing an article or a story with a story found. A
// negative value means that a side had no features of that kind.
type evidence struct {
	cos      [numKinds]float64 // words, names, numbers: cosine under IDF
	overlap  [numKinds]float64 // years, dates, weekdays: share of mentions in common
	headMiss float64           // share of the heaviest names the other side lacks
}

// sim returns the similarity of a (an article, or the story as when it is
// one) to story s.
func (c *Clusterer) sim(a *vector, as *story, s *story) float64 {
	return c.combine(c.compare(a, as, s))
}

// compare gathers the evidence for and against a and s being one story.
func (c *Clusterer) compare(a *vector, as *story, s *story) evidence {
	c.refresh(a)
	c.refresh(&s.vector)
	b := &s.vector
	if as != nil && len(as.terms) > len(s.terms) {
		a, b, s = b, a, as // walk the smaller, look up in the larger
	}
	return c.evidenceOf(a, b, s.pos)
}

// evidenceOf gathers the evidence for and against vectors a and b being
// one story; pos indexes the terms of b. It walks the terms of a, so a
// should be the smaller.
func (c *Clusterer) evidenceOf(a, b *vector, pos map[int32]int32) evidence {
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
	return e
}

// combine turns evidence into a similarity: the cosines of words, names and
// numbers mixed by their weights (a kind that one side lacks stays out of the
// mix), lowered in proportion to the heaviest names that miss,
// and lowered again for each of years, dates and weekdays that both sides
// mention without one in common.
func (c *Clusterer) combine(e evidence) float64 {
	var num, den float64
	for k := range numKinds {
		w := c.mix(k)
		if w == 0 || e.cos[k] < 0 {
			continue
		}
		cos := e.cos[k]
		if k == kindNumber {
			// Numbers corroborate; they cannot make two texts alike alone.
			cos = min(cos, max(e.cos[kindWord], e.cos[kindEntity]))
		}
		num += w * cos
		den += w
	}
	if den == 0 {
		return 0
	}
	sim := num / den
	sim *= 1 - min(1, on(c.opts.HeadConflict))*e.headMiss
	conflict := [numKinds]float64{
		kindYear:    min(1, on(c.opts.YearConflict)),
		kindDate:    min(1, on(c.opts.DateConflict)),
		kindWeekday: min(1, on(c.opts.WeekdayConflict)),
	}
	for k := range numKinds {
		if isShare(k) && e.overlap[k] == 0 {
			sim *= 1 - conflict[k]
		}
	}
	return sim
}
