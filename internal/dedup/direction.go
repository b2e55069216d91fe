package dedup

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// claim is one piece of evidence that text went from one doc to another.
type claim struct {
	from, to *doc
	reason   string
}

// direction weighs the evidence of which of a and b took the text they
// share from the other. Explicit attribution to the other's outlet decides
// alone. Failing that, a third origin that both credit means neither needs
// to have copied the other. Otherwise publication times and containment
// decide when they do not contradict each other.
func (x *Index) direction(a, b *doc, p *Pair, ms []match) Direction {
	var explicit []claim
	for _, d := range [2][2]*doc{{a, b}, {b, a}} {
		from, to := d[0], d[1]
		if from.a.Source == "" {
			continue
		}
		src := Canonical(from.a.Source)
		if containsFold(x.credits(to), src) {
			explicit = append(explicit, claim{from, to, fmt.Sprintf("%s credits %s, the outlet of %s", to.a.ID, src, from.a.ID)})
		}
	}
	switch len(explicit) {
	case 1:
		return explicit[0].direction()
	case 2:
		return Direction{Reason: "each article credits the other's outlet"}
	}

	own := []string{Canonical(a.a.Source), Canonical(b.a.Source)}
	for _, c := range x.credits(a) {
		if containsFold(x.credits(b), c) && !containsFold(own, c) {
			return Direction{Reason: fmt.Sprintf("both credit %s, which the shared text may come from", c)}
		}
	}

	var claims []claim
	if ta, tb := a.a.Published, b.a.Published; !ta.IsZero() && !tb.IsZero() && !ta.Equal(tb) {
		from, to, gap := a, b, tb.Sub(ta)
		if gap < 0 {
			from, to, gap = b, a, -gap
		}
		claims = append(claims, claim{from, to, fmt.Sprintf("%s was published %s before %s", from.a.ID, gap, to.a.ID)})
	}
	if c, ok := x.containment(a, b, p, ms); ok {
		claims = append(claims, c)
	}
	if len(claims) == 0 {
		return Direction{}
	}
	for _, c := range claims[1:] {
		if c.from != claims[0].from {
			return Direction{Reason: fmt.Sprintf("conflicting evidence: %s; but %s", claims[0].reason, c.reason)}
		}
	}
	reasons := make([]string, len(claims))
	for i, c := range claims {
		reasons[i] = c.reason
	}
	return Direction{From: claims[0].from.a.ID, To: claims[0].to.a.ID, Reason: strings.Join(reasons, "; ")}
}

func (c claim) direction() Direction {
	return Direction{From: c.from.a.ID, To: c.to.a.ID, Reason: c.reason}
}

// containment returns a claim when all of one article lies as one block
// inside the other, which has material of its own before the block: the
// longer article then took the shorter one and built around it. A block at
// the very start proves nothing, since trimming a story from the end, as
// editors do with wire copy, leaves the same shape.
func (x *Index) containment(a, b *doc, p *Pair, ms []match) (claim, bool) {
	type side struct {
		d     *doc
		cover float64
		rng   func(match) (int, int)
	}
	sa := side{a, p.CoverA, func(m match) (int, int) { return m.ai, m.aj }}
	sb := side{b, p.CoverB, func(m match) (int, int) { return m.bi, m.bj }}
	for _, s := range [2][2]side{{sa, sb}, {sb, sa}} {
		inner, outer := s[0], s[1]
		if inner.cover < x.opt.NearCopy || outer.cover >= x.opt.NearCopy {
			continue
		}
		ivs := make([][2]int, 0, len(ms))
		for _, m := range ms {
			i, j := outer.rng(m)
			ivs = append(ivs, [2]int{i, j})
		}
		slices.SortFunc(ivs, func(p, q [2]int) int { return cmp.Compare(p[0], q[0]) })
		end := ivs[0][1]
		for _, v := range ivs[1:] {
			if v[0]-end > x.opt.MaxGap {
				return claim{}, false
			}
			end = max(end, v[1])
		}
		if ivs[0][0] < x.opt.MinWords {
			return claim{}, false
		}
		return claim{inner.d, outer.d, fmt.Sprintf("all of %s appears as one block inside %s, which has material of its own before it", inner.d.a.ID, outer.d.a.ID)}, true
	}
	return claim{}, false
}

// credits returns the canonical names of the origins that d credits
// anywhere in its text, computing them on first use.
func (x *Index) credits(d *doc) []string {
	if d.credits == nil {
		d.credits = []string{}
		for _, at := range Attributions(d.a) {
			if !containsFold(d.credits, at.Origin) {
				d.credits = append(d.credits, at.Origin)
			}
		}
	}
	return d.credits
}

func containsFold(list []string, s string) bool {
	return s != "" && slices.ContainsFunc(list, func(t string) bool { return strings.EqualFold(t, s) })
}
