package brief

import (
	"cmp"
	"slices"

	"github.com/crosscheck/crosscheck"
)

// uniquePerOutlet is how many details of one outlet a brief shows.
const uniquePerOutlet = 3

// unique finds the notable details that one outlet alone gives: sentences
// of one outlet that no other outlet says anything close to, preferring
// those that carry numbers, dates, names or quotations. Sentences already
// in the summary, and those that cite what the earlier stages found in
// more than one origin or in conflict, are left out.
func (c *corpus) unique(skip []int, covered map[string][]span) []crosscheck.Unique {
	out := []crosscheck.Unique{}
	if len(c.outlets) < 2 {
		return out
	}
	type detail struct {
		sent  int
		score float64
	}
	byOutlet := make([][]detail, len(c.outlets))
	for u, un := range c.units {
		if len(un.outlets) != 1 || slices.Contains(skip, u) {
			continue
		}
		if !un.info.detailWorthy() || c.covers(covered, int(un.rep)) {
			continue
		}
		score := un.info.notability()
		if score == 0 {
			continue
		}
		o := un.outlets[0]
		alone := true
		to, sims := c.neighbours(u)
		for k, v := range to {
			if sims[k] < uniqueSim {
				continue
			}
			if outs := c.units[v].outlets; len(outs) > 1 || outs[0] != o {
				alone = false
				break
			}
		}
		if alone {
			byOutlet[o] = append(byOutlet[o], detail{int(un.rep), score})
		}
	}
	for o, ds := range byOutlet {
		slices.SortStableFunc(ds, func(a, b detail) int { return cmp.Compare(b.score, a.score) })
		ds = ds[:min(len(ds), uniquePerOutlet)]
		// Shown in reading order.
		slices.SortFunc(ds, func(a, b detail) int { return a.sent - b.sent })
		for _, d := range ds {
			ev := c.evidence(d.sent)
			out = append(out, crosscheck.Unique{
				Outlet:   c.outlets[o],
				Article:  ev.Article,
				Text:     ev.Text,
				Evidence: ev,
			})
		}
	}
	return out
}

// span is a code-point range of an article.
type span struct{ start, end int }

// covered returns the stretches of text that cite facts and quotes more
// than one origin gives, or that are in conflict: a sentence holding one
// adds nothing that only one outlet says.
func covered(in Input) map[string][]span {
	m := make(map[string][]span)
	add := func(st crosscheck.Status, evs []crosscheck.Evidence) {
		if st == crosscheck.SingleSource || st == "" {
			return
		}
		for _, ev := range evs {
			m[ev.Article] = append(m[ev.Article], span{ev.Start, ev.End})
		}
	}
	for _, f := range in.Facts {
		add(f.Status, f.Evidence)
	}
	for _, q := range in.Quotes {
		add(q.Status, q.Evidence)
	}
	return m
}

// covers reports whether sentence si overlaps a covered stretch.
func (c *corpus) covers(covered map[string][]span, si int) bool {
	s := c.sents[si]
	for _, sp := range covered[c.st.arts[s.art].ID] {
		if sp.start < s.s.End && s.s.Start < sp.end {
			return true
		}
	}
	return false
}
