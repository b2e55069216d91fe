package cluster

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/crosscheck/crosscheck/internal/ecbplus"
)

// splitCase is one split check seen while clustering ECB+: the evidence as
// features, and whether the story mixed two events that the cut found.
type splitCase struct {
	x    []float64
	real bool
}

// splitFeatures are the evidence terms the split test weighs, a missing
// kind as 0 with a flag of its own.
var splitFeatures = []string{"ratio", "numbers", "years", "no years", "names", "no names", "1/smaller"}

func (e splitEvidence) features() []float64 {
	have := func(v float64) (float64, float64) {
		if v < 0 {
			return 0, 1
		}
		return v, 0
	}
	y, noY := have(e.years)
	n, noN := have(e.names)
	num, _ := have(e.numbers)
	return []float64{e.ratio, num, y, noY, n, noN, 1 / float64(e.smaller)}
}

// splitCases clusters docs in the orders of seeds 1 to orders and returns
// every split check made on the way.
func splitCases(docs []ecbplus.Document, orders uint64) []splitCase {
	label := make(map[string]string, len(docs))
	for _, d := range docs {
		label[d.ID] = d.Label
	}
	var out []splitCase
	for seed := uint64(1); seed <= orders; seed++ {
		c := New(Options{})
		c.checked = func(s *story, a, b []int, e splitEvidence) {
			out = append(out, splitCase{e.features(), mixedAndFound(s, a, b, label)})
		}
		for _, d := range ShuffleECBPlus(docs, seed) {
			c.Add(Doc{ID: d.ID, Text: d.Text})
		}
	}
	return out
}

// mixedAndFound reports whether the members of s hold two events with at
// least two articles each, and groups a and b put at least 80% of the
// members on the side of their event.
func mixedAndFound(s *story, a, b []int, label map[string]string) bool {
	count := map[string][2]int{}
	for side, g := range [][]int{a, b} {
		for _, i := range g {
			n := count[label[s.members[i].id]]
			n[side]++
			count[label[s.members[i].id]] = n
		}
	}
	var big []string
	for l, n := range count {
		if n[0]+n[1] >= 2 {
			big = append(big, l)
		}
	}
	if len(big) < 2 {
		return false
	}
	best := 0
	for _, l1 := range big {
		for _, l2 := range big {
			if l1 == l2 {
				continue
			}
			right := 0
			for l, n := range count {
				switch l {
				case l1:
					right += n[0]
				case l2:
					right += n[1]
				default:
					right += max(n[0], n[1])
				}
			}
			best = max(best, right)
		}
	}
	return best*5 >= len(s.members)*4
}

// fitLogistic fits a logistic regression of real on the features by
// gradient descent, features standardised and lightly penalised, and
// returns the weights in the features' own units, the intercept last.
func fitLogistic(cases []splitCase) []float64 {
	k := len(cases[0].x)
	mean, sd := make([]float64, k), make([]float64, k)
	for _, c := range cases {
		for j, v := range c.x {
			mean[j] += v / float64(len(cases))
		}
	}
	for _, c := range cases {
		for j, v := range c.x {
			sd[j] += (v - mean[j]) * (v - mean[j]) / float64(len(cases))
		}
	}
	for j := range sd {
		sd[j] = max(math.Sqrt(sd[j]), 1e-9)
	}
	w := make([]float64, k+1) // standardised; w[k] the intercept
	grad := make([]float64, k+1)
	for range 3000 {
		clear(grad)
		for _, c := range cases {
			z := w[k]
			for j, v := range c.x {
				z += w[j] * (v - mean[j]) / sd[j]
			}
			d := 1 / (1 + math.Exp(-z))
			if c.real {
				d--
			}
			for j, v := range c.x {
				grad[j] += d * (v - mean[j]) / sd[j]
			}
			grad[k] += d
		}
		for j := range w {
			g := grad[j] / float64(len(cases))
			if j < k {
				g += 0.05 * w[j]
			}
			w[j] -= 0.2 * g
		}
	}
	raw := make([]float64, k+1)
	raw[k] = w[k]
	for j := range k {
		raw[j] = w[j] / sd[j]
		raw[k] -= w[j] * mean[j] / sd[j]
	}
	return raw
}

// auc is the chance that a real case scores above one that is not, ties
// counting half.
func auc(cases []splitCase, score func(x []float64) float64) float64 {
	type sc struct {
		v    float64
		real bool
	}
	all := make([]sc, len(cases))
	var pos, neg float64
	for i, c := range cases {
		all[i] = sc{score(c.x), c.real}
		if c.real {
			pos++
		} else {
			neg++
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v < all[j].v })
	var sum float64
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].v == all[i].v {
			j++
		}
		rank := float64(i+j+1) / 2 // mean 1-based rank of the tie
		for _, x := range all[i:j] {
			if x.real {
				sum += rank
			}
		}
		i = j
	}
	return (sum - pos*(pos+1)/2) / (pos * neg)
}

// TestSplitRegression refits the split test's weights as they were found:
// a logistic regression over the split checks made while clustering the
// ECB+ development topics in ten orders, telling the stories that mix two
// events, cut right, from the rest. It logs the fitted rule next to the
// one in use, and checks on the held-out training topics that the rule in
// use still tells the cases apart. Run with -v to see the rule.
func TestSplitRegression(t *testing.T) {
	docs := readECBPlus(t)
	if testing.Short() {
		t.Skip("clusters ECB+ thirteen times: skipped in short mode")
	}
	dev := splitCases(ecbplus.InSplit(docs, "dev"), 10)
	train := splitCases(ecbplus.InSplit(docs, "train"), 3)
	real := func(cs []splitCase) int {
		return len(slices.DeleteFunc(slices.Clone(cs), func(c splitCase) bool { return !c.real }))
	}
	t.Logf("split checks: %d on dev topics (%d real), %d on train topics (%d real)", len(dev), real(dev), len(train), real(train))

	w := fitLogistic(dev)
	// Split when the fitted odds favour it, written as the split test
	// writes it: ratio + weights · evidence < bound.
	lead := -w[0]
	rule := "split when ratio"
	for j, name := range splitFeatures[1:] {
		rule += fmt.Sprintf(" %+.2f·%s", -w[j+1]/lead, name)
	}
	t.Logf("fitted: %s < %.2f", rule, w[len(w)-1]/lead)
	t.Logf("in use: split when ratio +%.2f·numbers +%.2f·years +%.2f·no years +%.2f·names +%.2f·1/smaller < %.2f",
		splitNumbers, splitYears, splitYears*splitNoYears, splitNames, splitSmall, splitScore)

	inUse := func(x []float64) float64 {
		return -(x[0] + splitNumbers*x[1] + splitYears*(x[2]+splitNoYears*x[3]) + splitNames*x[4] + splitSmall*x[6])
	}
	fitted := func(x []float64) float64 {
		z := w[len(w)-1]
		for j, v := range x {
			z += w[j] * v
		}
		return z
	}
	ratioOnly := func(x []float64) float64 { return -x[0] }
	got := auc(train, inUse)
	t.Logf("AUC on train checks: in use %.3f, fitted %.3f, ratio alone %.3f", got, auc(train, fitted), auc(train, ratioOnly))
	if got < 0.85 {
		t.Errorf("the split test in use tells real splits on the train topics with AUC %.3f, want at least 0.85", got)
	}
}
