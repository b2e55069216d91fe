package brief

import (
	"cmp"
	"math"
	"slices"

	"github.com/crosscheck/crosscheck"
)

// Weights of a summary candidate's score, and of relevance against
// redundancy in maximal marginal relevance.
const (
	weightCorroboration = 0.4
	weightCentrality    = 0.25
	weightLead          = 0.2
	// weightFacts weighs the corroborated facts a sentence carries that
	// the sentences chosen before it do not.
	weightFacts = 0.3
	mmrLambda   = 0.7
	// summaryPool bounds how many of the best candidates MMR considers.
	summaryPool = 300
	// loadedPenalty scales the score of a sentence that uses one side's
	// framing terms: the summary should speak plainly.
	loadedPenalty = 0.8
	// leadHalf is the position in its article at which a sentence counts
	// half as much as a lead sentence for being early.
	leadHalf = 2
)

type candidate struct {
	unit     int
	origins  int
	score    float64
	facts    []int // the corroborated facts it carries, by index in the input
	dangling bool
}

// summary picks the sentences of the story's summary: the best corroborated
// and central ones, early in their articles and carrying the facts
// independent origins agree on, without repeating each other. It falls
// back to single-source sentences, marked as such, only when too few
// sentences are corroborated, and to sentences that lean on the one before
// them ("He is considered…", "However, …") only when too few others
// remain. Sentences of the loaded units use framing terms. It returns the
// chosen units too.
func (c *corpus) summary(loaded map[int]bool) ([]crosscheck.Summary, []int) {
	origins := make(map[int]bool)
	for i := range c.st.arts {
		if c.st.analysed[i] {
			origins[c.st.origin[i]] = true
		}
	}
	facts, strength := c.corroboratedFacts(len(origins))
	var cands []candidate
	for u, un := range c.units {
		rep := c.sents[un.rep]
		if !un.info.summaryWorthy() {
			continue
		}
		o := c.nearOrigins(u)
		corr := 0.0
		if len(origins) > 1 {
			corr = math.Log(float64(o)) / math.Log(float64(len(origins)))
		}
		first := rep.pos
		var carried []int
		for _, si := range un.occ {
			first = min(first, c.sents[si].pos)
			for _, k := range facts[int(si)] {
				if !slices.Contains(carried, k) {
					carried = append(carried, k)
				}
			}
		}
		lead := leadHalf / (leadHalf + float64(first))
		score := weightCorroboration*corr + weightCentrality*c.rank[u] + weightLead*lead
		if loaded[u] {
			score *= loadedPenalty
		}
		cands = append(cands, candidate{u, o, score, carried, un.info.dangling})
	}
	novel := func(cd candidate, covered map[int]bool) float64 {
		n := 0.0
		for _, k := range cd.facts {
			if !covered[k] {
				n += strength[k]
			}
		}
		return min(n, 1)
	}
	none := map[int]bool{}
	slices.SortFunc(cands, func(a, b candidate) int {
		sa, sb := a.score+weightFacts*novel(a, none), b.score+weightFacts*novel(b, none)
		if sa != sb {
			return cmp.Compare(sb, sa)
		}
		return a.unit - b.unit
	})
	if len(cands) > summaryPool {
		cands = cands[:summaryPool]
	}
	want := min(max(len(cands)/6, 3), 7)
	want = min(want, len(cands))
	var chosen []int
	covered := make(map[int]bool)
	used := make([]bool, len(cands))
	pick := func(limit int, corroborated, dangling bool) {
		for len(chosen) < limit {
			best, bestValue := -1, math.Inf(-1)
			for i, cd := range cands {
				if used[i] || (cd.origins >= 2) != corroborated || cd.dangling && !dangling {
					continue
				}
				redundancy := 0.0
				for _, v := range chosen {
					redundancy = max(redundancy, float64(dot(c.units[cd.unit].vec, c.units[v].vec)))
				}
				if redundancy >= nearSim {
					continue
				}
				relevance := cd.score + weightFacts*novel(cd, covered)
				if v := mmrLambda*relevance - (1-mmrLambda)*redundancy; v > bestValue {
					best, bestValue = i, v
				}
			}
			if best < 0 {
				return
			}
			used[best] = true
			chosen = append(chosen, cands[best].unit)
			for _, k := range cands[best].facts {
				covered[k] = true
			}
		}
	}
	pick(want, true, false)
	pick(min(want, 3), false, false)
	pick(min(want, 3), true, true)
	pick(min(want, 3), false, true)

	out := make([]crosscheck.Summary, 0, len(chosen))
	for _, u := range chosen {
		out = append(out, c.summaryItem(u))
	}
	return out, chosen
}

// corroboratedFacts returns, per sentence, the facts more than one origin
// gives whose evidence lies in it, by their index in the input; and the
// strength of each fact: how many of the story's origins give it, on the
// scale of the corroboration of a sentence.
func (c *corpus) corroboratedFacts(origins int) (map[int][]int, map[int]float64) {
	strength := make(map[int]float64)
	if origins < 2 {
		return map[int][]int{}, strength
	}
	for k, f := range c.st.in.Facts {
		if f.Status == crosscheck.Corroborated && f.IndependentOrigins >= 2 {
			strength[k] = math.Log(float64(min(f.IndependentOrigins, origins))) / math.Log(float64(origins))
		}
	}
	return c.factSentences(func(k int) bool { _, ok := strength[k]; return ok }), strength
}

// factSentences returns, per sentence, the facts chosen by keep whose
// evidence lies in it, by their index in the input.
func (c *corpus) factSentences(keep func(k int) bool) map[int][]int {
	bySent := make(map[int][]int)
	first := make([]int, len(c.st.arts)+1) // article -> its first sentence
	for i := range first {
		first[i] = len(c.sents)
	}
	for si := len(c.sents) - 1; si >= 0; si-- {
		first[c.sents[si].art] = si
	}
	for a := len(c.st.arts) - 1; a >= 0; a-- {
		first[a] = min(first[a], first[a+1])
	}
	for k, f := range c.st.in.Facts {
		if !keep(k) {
			continue
		}
		for _, ev := range f.Evidence {
			a, ok := c.st.index[ev.Article]
			if !ok || a < 0 {
				continue
			}
			for si := first[a]; si < first[a+1]; si++ {
				s := c.sents[si].s
				if s.Start < ev.End && ev.Start < s.End && !slices.Contains(bySent[si], k) {
					bySent[si] = append(bySent[si], k)
				}
			}
		}
	}
	return bySent
}

// summaryItem cites unit u: its representative sentence, then the closest
// sentence of every other article that says the same, in story order.
func (c *corpus) summaryItem(u int) crosscheck.Summary {
	rep := int(c.units[u].rep)
	sum := crosscheck.Summary{
		Text:     c.sents[rep].s.Text,
		Articles: []string{},
		Outlets:  []string{},
		Evidence: []crosscheck.Evidence{},
	}
	sup := c.supportOf(u)
	repArt := c.sents[rep].art
	first := func(s support) int {
		if s.art == repArt {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(sup, func(a, b support) int { return first(a) - first(b) })
	origins := make(map[int]bool)
	for _, s := range sup {
		if s.art == repArt {
			s.sent = rep
		}
		sum.Articles = append(sum.Articles, c.st.arts[s.art].ID)
		if l := c.st.label[s.art]; !slices.Contains(sum.Outlets, l) {
			sum.Outlets = append(sum.Outlets, l)
		}
		sum.Evidence = append(sum.Evidence, c.evidence(s.sent))
		origins[c.st.origin[s.art]] = true
	}
	sum.SingleSource = len(origins) < 2
	return sum
}
