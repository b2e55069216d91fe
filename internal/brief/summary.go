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
	weightCorroboration = 0.5
	weightCentrality    = 0.35
	weightLead          = 0.15
	mmrLambda           = 0.7
	// summaryPool bounds how many of the best candidates MMR considers.
	summaryPool = 300
	// loadedPenalty scales the score of a sentence that uses one side's
	// framing terms: the summary should speak plainly.
	loadedPenalty = 0.8
)

type candidate struct {
	unit    int
	origins int
	score   float64
}

// summary picks the sentences of the story's summary: the best corroborated
// and central ones, without repeating each other, falling back to
// single-source sentences, marked as such, only when too few sentences are
// corroborated. Sentences of the loaded units use framing terms. It returns
// the chosen units too.
func (c *corpus) summary(loaded map[int]bool) ([]crosscheck.Summary, []int) {
	origins := make(map[int]bool)
	for i := range c.st.arts {
		if c.st.analysed[i] {
			origins[c.st.origin[i]] = true
		}
	}
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
		for _, si := range un.occ {
			first = min(first, c.sents[si].pos)
		}
		lead := 1 / (1 + float64(first))
		score := weightCorroboration*corr + weightCentrality*c.rank[u] + weightLead*lead
		if loaded[u] {
			score *= loadedPenalty
		}
		cands = append(cands, candidate{u, o, score})
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return a.unit - b.unit
	})
	if len(cands) > summaryPool {
		cands = cands[:summaryPool]
	}

	want := min(max(len(cands)/6, 3), 7)
	want = min(want, len(cands))
	var chosen []int
	used := make([]bool, len(cands))
	pick := func(limit int, corroborated bool) {
		for len(chosen) < limit {
			best, bestValue := -1, math.Inf(-1)
			for i, cd := range cands {
				if used[i] || (cd.origins >= 2) != corroborated {
					continue
				}
				redundancy := 0.0
				for _, v := range chosen {
					redundancy = max(redundancy, float64(dot(c.units[cd.unit].vec, c.units[v].vec)))
				}
				if redundancy >= nearSim {
					continue
				}
				if v := mmrLambda*cd.score - (1-mmrLambda)*redundancy; v > bestValue {
					best, bestValue = i, v
				}
			}
			if best < 0 {
				return
			}
			used[best] = true
			chosen = append(chosen, cands[best].unit)
		}
	}
	pick(want, true)
	pick(min(want, 3), false)

	out := make([]crosscheck.Summary, 0, len(chosen))
	for _, u := range chosen {
		out = append(out, c.summaryItem(u))
	}
	return out, chosen
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
