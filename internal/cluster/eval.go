package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/ecbplus"
)

// Scores compare a predicted clustering with a gold one.
type Scores struct {
	// B-cubed precision, recall and F1: per item, the share of its
	// predicted cluster that is in its gold cluster and the share of its
	// gold cluster that is in its predicted cluster, averaged over items.
	BCubedP, BCubedR, BCubedF1 float64
	// Pairwise precision, recall and F1 over the pairs of items that share
	// a cluster.
	PairP, PairR, PairF1 float64
	Docs                 int // items scored
	Gold                 int // gold clusters
	Found                int // predicted clusters
}

// String formats s as one report line.
func (s Scores) String() string {
	return fmt.Sprintf("cluster: B3P=%.3f B3R=%.3f B3F1=%.3f pairF1=%.3f docs=%d gold=%d found=%d",
		s.BCubedP, s.BCubedR, s.BCubedF1, s.PairF1, s.Docs, s.Gold, s.Found)
}

// Score compares the predicted labels with the gold ones; pred[i] and
// gold[i] label the same item.
func Score(pred, gold []string) Scores {
	if len(pred) != len(gold) {
		panic(fmt.Sprintf("cluster: score: %d predicted labels for %d gold ones", len(pred), len(gold)))
	}
	s := Scores{Docs: len(pred)}
	if len(pred) == 0 {
		return s
	}
	type cell struct{ p, g string }
	both := make(map[cell]int)
	np := make(map[string]int)
	ng := make(map[string]int)
	for i := range pred {
		both[cell{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	s.Gold, s.Found = len(ng), len(np)
	for i := range pred {
		n := float64(both[cell{pred[i], gold[i]}])
		s.BCubedP += n / float64(np[pred[i]])
		s.BCubedR += n / float64(ng[gold[i]])
	}
	s.BCubedP /= float64(len(pred))
	s.BCubedR /= float64(len(pred))
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)

	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, gp float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range np {
		pp += pairs(n)
	}
	for _, n := range ng {
		gp += pairs(n)
	}
	s.PairP, s.PairR = ratio(tp, pp), ratio(tp, gp)
	s.PairF1 = f1(s.PairP, s.PairR)
	return s
}

// ratio is a/b, and 1 when there is nothing to get wrong.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ECBPlus clusters docs with opts, fed in the order that seed shuffles them
// into, and scores the stories against the gold events (the topic and its
// ECB or ECB+ half) or, when byTopic is set, against the topics. Only the
// text goes in: no title, date or annotation. The same seed gives the same
// order, hence the same result.
func ECBPlus(docs []ecbplus.Document, opts Options, seed uint64, byTopic bool) Scores {
	pred, gold := ClusterECBPlus(docs, opts, seed)
	if byTopic {
		for i, d := range ShuffleECBPlus(docs, seed) {
			gold[i] = strconv.Itoa(d.Topic)
		}
	}
	return Score(pred, gold)
}

// ShuffleECBPlus returns a copy of docs in the fixed order that seed gives.
func ShuffleECBPlus(docs []ecbplus.Document, seed uint64) []ecbplus.Document {
	out := slices.Clone(docs)
	r := rand.New(rand.NewPCG(seed, 0x6563622b))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// ClusterECBPlus clusters docs in the order ShuffleECBPlus gives and returns,
// in that order, each document's final story (merges followed) and its gold
// event label.
func ClusterECBPlus(docs []ecbplus.Document, opts Options, seed uint64) (pred, gold []string) {
	c := New(opts)
	for _, d := range ShuffleECBPlus(docs, seed) {
		a := c.Add(Doc{ID: d.ID, Text: d.Text})
		pred = append(pred, a.Story)
		gold = append(gold, d.Label)
	}
	// A story may have split since an article joined it: the live stories
	// say where each article ended up.
	final := make(map[string]string)
	for _, s := range c.Stories() {
		for _, id := range s.Articles {
			final[id] = s.ID
		}
	}
	for i, d := range ShuffleECBPlus(docs, seed) {
		if id, ok := final[d.ID]; ok {
			pred[i] = id
		} else {
			pred[i] = c.Resolve(pred[i])
		}
	}
	return pred, gold
}

// ECBPlusReport clusters the ECB+ corpus under dir once per split (the
// development topics, the training topics, both) and returns one line per
// split and level, in the form of Scores.String.
func ECBPlusReport(dir string, opts Options, seed uint64) ([]string, error) {
	docs, err := ecbplus.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cluster: ecb+ report: %w", err)
	}
	var lines []string
	for _, split := range [][]string{{"dev"}, {"train"}, {"dev", "train"}} {
		part := ecbplus.InSplit(docs, split...)
		if len(part) == 0 {
			continue
		}
		name := strings.Join(split, "+")
		lines = append(lines,
			fmt.Sprintf("%s (%s, events)", ECBPlus(part, opts, seed, false), name),
			fmt.Sprintf("%s (%s, topics)", ECBPlus(part, opts, seed, true), name))
	}
	return lines, nil
}
