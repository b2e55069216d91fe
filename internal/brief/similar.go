package brief

import (
	"math"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Similarity thresholds, as TF-IDF cosines of two sentences' content words.
const (
	// edgeSim joins two sentences in the similarity graph.
	edgeSim = 0.2
	// nearSim is "says the same thing": the sentences support each other.
	nearSim = 0.45
	// dupSim makes two sentences one: near copies, such as a wire
	// sentence with a dateline added or a word changed.
	dupSim = 0.7
	// uniqueSim is the closest another outlet may come to a sentence that
	// counts as a detail only one outlet gives.
	uniqueSim = 0.3
	// postingCap bounds the work of finding similar sentences: a term's
	// posting list holds at most this many sentences (see graph).
	postingCap = 128
)

// sentence is one analysed sentence of one article.
type sentence struct {
	art   int // position in story.arts
	pos   int // position among the article's sentences
	s     crosscheck.Sentence
	words []string
	unit  int
}

type termWeight struct {
	term int32
	w    float32
}

// unit is a distinct sentence: repeats across articles (wire copies, exact
// or nearly so) are one unit with several occurrences, so that they are
// compared once.
type unit struct {
	occ     []int32 // sentences, in story order
	origins []int32 // the distinct origins of occ
	outlets []int32 // the distinct outlets of occ
	vec     []termWeight
	// rep is the occurrence that stands for all: the first without a
	// dateline.
	rep  int32
	info sentenceInfo // of rep
}

// corpus is the analysed sentences of a story, their units and the
// similarity graph between units.
type corpus struct {
	st      *story
	outlets []string // distinct outlet labels of analysed articles, sorted
	outlet  []int32  // per article, its position in outlets (-1: not analysed)
	sents   []sentence
	units   []unit
	// The similarity graph in compressed rows: the neighbours of unit u
	// are adjTo[adjStart[u]:adjStart[u+1]], with cosines in adjSim.
	adjStart []int32
	adjTo    []int32
	adjSim   []float32
	df       []int32   // per term, the number of units that have it
	rank     []float64 // LexRank centrality, the largest scaled to 1
	mark     []int32   // scratch for counting distinct origins
	markGen  int32
}

func newCorpus(st *story) *corpus {
	c := &corpus{st: st}
	seen := make(map[string]bool)
	for i, l := range st.label {
		if st.analysed[i] && !seen[l] {
			seen[l] = true
			c.outlets = append(c.outlets, l)
		}
	}
	slices.Sort(c.outlets)
	c.outlet = make([]int32, len(st.arts))
	for i, l := range st.label {
		c.outlet[i] = -1
		if st.analysed[i] {
			k, _ := slices.BinarySearch(c.outlets, l)
			c.outlet[i] = int32(k)
		}
	}

	byKey := make(map[string]int)
	for i := range st.arts {
		for pos, s := range st.sents[i] {
			ws := words(withoutDateline(s.Text))
			key := strings.Join(ws, " ")
			u, ok := byKey[key]
			if !ok {
				u = len(c.units)
				byKey[key] = u
				c.units = append(c.units, unit{})
			}
			c.units[u].occ = append(c.units[u].occ, int32(len(c.sents)))
			c.sents = append(c.sents, sentence{art: i, pos: pos, s: s, words: ws, unit: u})
		}
	}
	c.mark = make([]int32, max(st.origins, len(c.outlets)))
	c.vectors()
	c.graph()
	for u := range c.units {
		un := &c.units[u]
		un.rep = un.occ[0]
		for _, si := range un.occ {
			if !hasDateline(c.sents[si].s.Text) {
				un.rep = si
				break
			}
		}
		rep := c.sents[un.rep]
		un.info = describe(rep.s.Text, rep.words)
		un.origins = c.distinct(un.occ, func(a int) int32 { return int32(st.origin[a]) })
		un.outlets = c.distinct(un.occ, func(a int) int32 { return c.outlet[a] })
	}
	c.lexRank()
	return c
}

// distinct returns the distinct values of key over the articles of the
// sentences occ, in order of first appearance.
func (c *corpus) distinct(occ []int32, key func(art int) int32) []int32 {
	c.markGen++
	var out []int32
	for _, si := range occ {
		if k := key(c.sents[si].art); c.mark[k] != c.markGen {
			c.mark[k] = c.markGen
			out = append(out, k)
		}
	}
	return out
}

// vectors gives every unit its TF-IDF vector over stemmed content words,
// with document frequencies counted over units so that copies do not make
// a term look common. The spellings of a name count as one, so that
// "Viktar Babaryka" and "Viktor Babariko" say the same.
func (c *corpus) vectors() {
	vocab := make(map[string]int32)
	var df []int32
	spelled := spellingMap(c.st.in.Entities)
	tfs := make([]map[int32]int, len(c.units))
	for u := range c.units {
		tf := make(map[int32]int)
		for _, w := range c.sents[c.units[u].occ[0]].words {
			if stopWords[w] || (len(w) < 2 && !isNumeric(w)) {
				continue
			}
			if to, ok := spelled[w]; ok {
				w = to
			}
			id, ok := vocab[stem(w)]
			if !ok {
				id = int32(len(df))
				vocab[stem(w)] = id
				df = append(df, 0)
			}
			if tf[id] == 0 {
				df[id]++
			}
			tf[id]++
		}
		tfs[u] = tf
	}
	n := float64(len(c.units))
	for u, tf := range tfs {
		vec := make([]termWeight, 0, len(tf))
		var norm float64
		for t, k := range tf {
			w := (1 + math.Log(float64(k))) * math.Log(1+n/float64(df[t]))
			vec = append(vec, termWeight{t, float32(w)})
		}
		// Summed in term order, so that the result does not depend on
		// the order of the map.
		slices.SortFunc(vec, func(a, b termWeight) int { return int(a.term - b.term) })
		for _, tw := range vec {
			norm += float64(tw.w) * float64(tw.w)
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for i := range vec {
				vec[i].w = float32(float64(vec[i].w) / norm)
			}
		}
		c.units[u].vec = vec
	}
	c.df = df
}

// graph merges near duplicates into one unit and finds the pairs of units
// whose cosine reaches edgeSim through an inverted index rather than by
// comparing all pairs. Units are taken in story order; one that comes
// within dupSim of an earlier unit joins it (a wire sentence reworded a
// little is still the one sentence), any other is indexed.
//
// A posting list holds at most postingCap units, so that a look-up costs at
// most postingCap per term and the whole grows linearly with the number of
// sentences. A unit keeps the terms it could not be indexed under, so the
// cosine of every pair found is exact; a pair is missed only when it
// shares no term under which the earlier unit is indexed, that is when
// every term they share was already in postingCap earlier units. The
// story's opening sentences, those most often repeated, are always found.
func (c *corpus) graph() {
	type posting struct {
		unit int32
		w    float32
	}
	type edge struct {
		a, b int32
		sim  float32
	}
	n := len(c.units)
	post := make([][]posting, len(c.df))
	leader := make([]int32, n)
	missed := make([][]termWeight, n) // the terms a unit is not indexed under
	missNorm := make([]float32, n)
	dense := make([]float32, len(c.df)) // the unit being looked up, by term
	acc := make([]float32, n)
	seen := make([]int32, n)
	var edges, found []edge
	var touched []int32
	for u, un := range c.units {
		stamp := int32(u) + 1
		touched = touched[:0]
		for _, tw := range un.vec {
			dense[tw.term] = tw.w
			for _, p := range post[tw.term] {
				if seen[p.unit] != stamp {
					seen[p.unit] = stamp
					touched = append(touched, p.unit)
				}
				acc[p.unit] += tw.w * p.w
			}
		}
		found = found[:0]
		best, bestSim := int32(-1), float32(dupSim)
		for _, v := range touched {
			sim := acc[v]
			acc[v] = 0
			// The terms v is not indexed under add at most their norm.
			if len(missed[v]) > 0 && sim+missNorm[v] >= edgeSim {
				for _, tw := range missed[v] {
					sim += dense[tw.term] * tw.w
				}
			}
			sim = min(sim, 1)
			if sim < edgeSim {
				continue
			}
			found = append(found, edge{int32(u), v, sim})
			if sim > bestSim || sim == bestSim && best >= 0 && v < best {
				best, bestSim = v, sim
			}
		}
		for _, tw := range un.vec {
			dense[tw.term] = 0
		}
		if best >= 0 {
			leader[u] = best
			continue
		}
		leader[u] = int32(u)
		edges = append(edges, found...)
		var norm float32
		for _, tw := range un.vec {
			switch {
			case c.df[tw.term] < 2: // no other unit has it
			case len(post[tw.term]) < postingCap:
				post[tw.term] = append(post[tw.term], posting{int32(u), tw.w})
			default:
				missed[u] = append(missed[u], tw)
				norm += tw.w * tw.w
			}
		}
		missNorm[u] = float32(math.Sqrt(float64(norm)))
	}

	// Keep the leaders, each with the occurrences of its near duplicates.
	renum := make([]int32, len(c.units))
	var units []unit
	for u := range c.units {
		if leader[u] == int32(u) {
			renum[u] = int32(len(units))
			units = append(units, c.units[u])
		}
	}
	for u := range c.units {
		if l := leader[u]; l != int32(u) {
			k := renum[l]
			units[k].occ = append(units[k].occ, c.units[u].occ...)
			renum[u] = k
		}
	}
	for k := range units {
		slices.Sort(units[k].occ)
	}
	for si := range c.sents {
		c.sents[si].unit = int(renum[c.sents[si].unit])
	}
	c.units = units

	c.adjStart = make([]int32, len(c.units)+1)
	for _, e := range edges {
		c.adjStart[renum[e.a]+1]++
		c.adjStart[renum[e.b]+1]++
	}
	for u := range c.units {
		c.adjStart[u+1] += c.adjStart[u]
	}
	c.adjTo = make([]int32, 2*len(edges))
	c.adjSim = make([]float32, 2*len(edges))
	pos := slices.Clone(c.adjStart[:len(c.units)])
	for _, e := range edges {
		a, b := renum[e.a], renum[e.b]
		c.adjTo[pos[a]], c.adjSim[pos[a]] = b, e.sim
		pos[a]++
		c.adjTo[pos[b]], c.adjSim[pos[b]] = a, e.sim
		pos[b]++
	}
}

// dot is the cosine of two normalised sparse vectors sorted by term.
func dot(a, b []termWeight) float32 {
	var s float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// neighbours returns the units joined to u and their cosines.
func (c *corpus) neighbours(u int) ([]int32, []float32) {
	a, b := c.adjStart[u], c.adjStart[u+1]
	return c.adjTo[a:b], c.adjSim[a:b]
}

// lexRank computes continuous LexRank (Erkan & Radev 2004): PageRank over
// the similarity graph with edges weighted by cosine.
func (c *corpus) lexRank() {
	n := len(c.units)
	c.rank = make([]float64, n)
	if n == 0 {
		return
	}
	const damping = 0.15
	deg := make([]float64, n)
	for u := range n {
		_, sims := c.neighbours(u)
		for _, s := range sims {
			deg[u] += float64(s)
		}
	}
	p := make([]float64, n)
	next := make([]float64, n)
	for u := range p {
		p[u] = 1 / float64(n)
	}
	for range 50 {
		dangling := 0.0
		for u := range next {
			next[u] = 0
			if deg[u] == 0 {
				dangling += p[u]
			}
		}
		for u := range n {
			if deg[u] == 0 {
				continue
			}
			to, sims := c.neighbours(u)
			share := p[u] / deg[u]
			for k, v := range to {
				next[v] += share * float64(sims[k])
			}
		}
		base := damping/float64(n) + (1-damping)*dangling/float64(n)
		diff := 0.0
		for u := range next {
			next[u] = base + (1-damping)*next[u]
			diff += math.Abs(next[u] - p[u])
		}
		p, next = next, p
		if diff < 1e-9 {
			break
		}
	}
	top := slices.Max(p)
	for u := range p {
		c.rank[u] = p[u] / top
	}
}

// nearOrigins counts the distinct origins that say what unit u says: its
// own and those of its neighbours at nearSim or closer.
func (c *corpus) nearOrigins(u int) int {
	c.markGen++
	n := 0
	count := func(os []int32) {
		for _, o := range os {
			if c.mark[o] != c.markGen {
				c.mark[o] = c.markGen
				n++
			}
		}
	}
	count(c.units[u].origins)
	to, sims := c.neighbours(u)
	for k, v := range to {
		if sims[k] >= nearSim {
			count(c.units[v].origins)
		}
	}
	return n
}

// support is one article's best evidence for a unit.
type support struct {
	art  int
	sent int
	sim  float32
}

// supportOf returns, for every article that says what unit u says, its
// closest sentence, in story order.
func (c *corpus) supportOf(u int) []support {
	best := make(map[int]support)
	add := func(v int, sim float32) {
		for _, si := range c.units[v].occ {
			a := c.sents[si].art
			if b, ok := best[a]; !ok || sim > b.sim || sim == b.sim && int(si) < b.sent {
				best[a] = support{a, int(si), sim}
			}
		}
	}
	add(u, 1)
	to, sims := c.neighbours(u)
	for k, v := range to {
		if sims[k] >= nearSim {
			add(int(v), sims[k])
		}
	}
	out := make([]support, 0, len(best))
	for _, s := range best {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b support) int { return a.art - b.art })
	return out
}

// evidence cites sentence si.
func (c *corpus) evidence(si int) crosscheck.Evidence {
	s := c.sents[si]
	return crosscheck.Evidence{Article: c.st.arts[s.art].ID, Start: s.s.Start, End: s.s.End, Text: s.s.Text}
}

// spellingMap maps the words of the spellings of an entity's name to the
// words of its canonical name where they differ: "viktar" to "viktor",
// "babaryka" to "babariko". A spelling is aligned word by word with the
// name when both have as many words; a one-word spelling of a person is
// the surname. Other spellings ("Union of Poles in Belarus" for "Belarusian
// Polish Union") share words enough as they are.
func spellingMap(es []crosscheck.Entity) map[string]string {
	m := make(map[string]string)
	add := func(from, to string) {
		if from == to || len(from) < 3 || stopWords[from] {
			return
		}
		if _, ok := m[from]; !ok {
			m[from] = to
		}
	}
	for _, e := range es {
		name := words(e.Name)
		if len(name) == 0 {
			continue
		}
		for _, v := range e.Variants {
			ws := words(v.Name)
			switch {
			case len(ws) == len(name):
				for i, w := range ws {
					add(w, name[i])
				}
			case len(ws) == 1 && e.Type == "person" && !slices.Contains(name, ws[0]):
				add(ws[0], name[len(name)-1])
			}
		}
	}
	return m
}
