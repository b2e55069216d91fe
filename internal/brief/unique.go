package brief

import (
	"cmp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// uniquePerOutlet is how many details of one outlet a brief shows.
const uniquePerOutlet = 3

// unique finds the notable details that one outlet alone gives: sentences
// of one outlet that no other outlet says anything close to, preferring
// those that carry a fact only that outlet states (the more so when it is
// about a main actor of the story, or counts what the corroborated facts
// count), then numbers, dates, names or quotations. Sentences already in
// the summary, and those that cite what the earlier stages found in more
// than one origin or in conflict, are left out; so are sentences that lean
// on the one before them, unless they carry such a fact.
func (c *corpus) unique(skip []int, covered map[string][]span) []crosscheck.Unique {
	out := []crosscheck.Unique{}
	if len(c.outlets) < 2 {
		return out
	}
	type detail struct {
		sent  int
		score float64
	}
	facts := c.factSentences(func(k int) bool {
		f := &c.st.in.Facts[k]
		return f.Status == crosscheck.SingleSource && len(f.Outlets) <= 1
	})
	relevance := c.factRelevance()
	byOutlet := make([][]detail, len(c.outlets))
	for u, un := range c.units {
		if len(un.outlets) != 1 || slices.Contains(skip, u) {
			continue
		}
		if !un.info.detailWorthy() || c.covers(covered, int(un.rep)) {
			continue
		}
		score, fact := un.info.notability(), 0.0
		for _, k := range facts[int(un.rep)] {
			w := 1.0 // a date
			if c.st.in.Facts[k].Kind == "number" {
				w = 2
			}
			fact = max(fact, w+2*relevance(k))
		}
		if fact == 0 && un.info.dangling {
			continue
		}
		score += fact
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
	persons := make(map[string]bool)
	for _, e := range c.st.in.Entities {
		if e.Type != "person" {
			continue
		}
		for _, v := range append([]crosscheck.Variant{{Name: e.Name}}, e.Variants...) {
			for _, w := range words(v.Name) {
				persons[w] = true
			}
		}
	}
	for o, ds := range byOutlet {
		slices.SortStableFunc(ds, func(a, b detail) int { return cmp.Compare(b.score, a.score) })
		ds = ds[:min(len(ds), uniquePerOutlet)]
		// Shown in reading order.
		slices.SortFunc(ds, func(a, b detail) int { return a.sent - b.sent })
		var shown []crosscheck.Evidence
		for _, d := range ds {
			ev := c.detailEvidence(d.sent, persons)
			if slices.ContainsFunc(shown, func(e crosscheck.Evidence) bool { return e.Start < ev.End && ev.Start < e.End }) {
				continue
			}
			shown = append(shown, ev)
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

// factRelevance returns how much fact k of the input bears on the story,
// from 0 to 1: the share of the outlets that name its subject, or the
// strength of a corroborated fact that counts the same thing ("1,227
// prisoners held" beside "123 prisoners released"), whichever is more.
func (c *corpus) factRelevance() func(k int) float64 {
	share := make(map[string]float64)
	for _, e := range c.st.in.Entities {
		v := float64(len(e.Outlets)) / float64(len(c.outlets))
		share[strings.ToLower(e.Name)] = max(share[strings.ToLower(e.Name)], v)
		for _, va := range e.Variants {
			share[strings.ToLower(va.Name)] = max(share[strings.ToLower(va.Name)], v)
		}
	}
	_, strength := c.corroboratedFacts(c.st.origins)
	byUnit := make(map[string]float64)
	for k, w := range strength {
		if u := strings.ToLower(c.st.in.Facts[k].Unit); u != "" {
			byUnit[u] = max(byUnit[u], w)
		}
	}
	return func(k int) float64 {
		f := &c.st.in.Facts[k]
		r := min(share[strings.ToLower(f.Subject)], 1)
		if f.Unit != "" {
			r = max(r, byUnit[strings.ToLower(f.Unit)])
		}
		return r
	}
}

// personPronouns stand for a person named before.
var personPronouns = setOf(`he him his she her hers`)

// needsAntecedent reports whether sentence si refers to a person by a
// pronoun before naming anyone (persons holds the words of the names of
// the story's people): "The court sentenced him to 14 years in prison."
func (c *corpus) needsAntecedent(si int, persons map[string]bool) bool {
	for _, w := range c.sents[si].words {
		switch {
		case persons[w]:
			return false
		case personPronouns[w]:
			return true
		}
	}
	return false
}

// detailEvidence cites sentence si, together with the sentence or two
// before it in its article when it names by a pronoun someone it does not
// name otherwise, so that a detail shown alone still says whom it is about.
func (c *corpus) detailEvidence(si int, persons map[string]bool) crosscheck.Evidence {
	s := c.sents[si]
	a := c.st.arts[s.art]
	from := si
	for range 2 {
		p := from - 1
		if !c.needsAntecedent(from, persons) || p < 0 || c.sents[p].art != s.art || c.sents[p].pos != c.sents[from].pos-1 {
			break
		}
		// Only sentences that run on, with nothing but space between.
		if strings.TrimSpace(crosscheck.Slice(a.Text, c.sents[p].s.End, c.sents[from].s.Start)) != "" {
			break
		}
		from = p
	}
	if from == si {
		return c.evidence(si)
	}
	start := c.sents[from].s.Start
	return crosscheck.Evidence{Article: a.ID, Start: start, End: s.s.End, Text: crosscheck.Slice(a.Text, start, s.s.End)}
}
