package dedup

import (
	"cmp"
	"slices"
)

// maxSeedRepeat bounds how many places of one article a seed that repeats
// there is tried at, and maxChains how many passages may be open at once, so
// that an article made of one phrase repeated cannot make alignment
// quadratic.
const (
	maxSeedRepeat = 16
	maxChains     = 256
)

// match is a passage in word positions: the words [ai, aj) of one article
// and [bi, bj) of the other, of which words match.
type match struct {
	ai, aj, bi, bj int
	words          int
}

type seedPos struct {
	h   uint64
	pos int32
}

// seed is a run of seedLen words found at a[i:] and b[j:].
type seed struct{ i, j int }

type chain struct{ seeds []seed }

// aligner holds scratch space for align.
type aligner struct {
	table  []seedPos // seeds of b, sorted
	bh     []uint64  // seeds of b, by position
	active []*chain
	free   []*chain
	out    []match
	row    []int // LCS scratch
}

// prepare indexes the seeds of b, the article that align will compare with
// one or more others.
func (al *aligner) prepare(b []uint32) {
	al.table = al.table[:0]
	al.bh = al.bh[:0]
	for j := 0; j+seedLen <= len(b); j++ {
		h := shingle(b, j, seedLen)
		al.bh = append(al.bh, h)
		al.table = append(al.table, seedPos{h, int32(j)})
	}
	slices.SortFunc(al.table, func(p, q seedPos) int {
		return cmp.Or(cmp.Compare(p.h, q.h), cmp.Compare(p.pos, q.pos))
	})
}

// align returns the passages that the word sequences a and b share: runs of
// seedLen equal words, chained in order on both sides across gaps of at most
// opt.MaxGap words, where enough of the words match. b must have been
// prepared. The result is reused by the next call.
func (al *aligner) align(a, b []uint32, opt Options) []match {
	al.out = al.out[:0]
	if len(a) < seedLen || len(b) < seedLen {
		return al.out
	}
	minWords := min(opt.MinWords, len(a), len(b))
	reach := opt.MaxGap + seedLen // the furthest a seed may follow the last one
	for i := 0; i+seedLen <= len(a); i++ {
		keep := al.active[:0]
		for _, c := range al.active {
			if i-c.seeds[len(c.seeds)-1].i > reach {
				al.finish(c, a, b, minWords)
			} else {
				keep = append(keep, c)
			}
		}
		al.active = keep
		h := shingle(a, i, seedLen)
		// Continuing a passage word for word is the likely case and cheap
		// to test; only when no passage continues is b searched for the
		// seed, at a bounded number of places.
		extended := false
		for _, c := range al.active {
			last := c.seeds[len(c.seeds)-1]
			if j := last.j + 1; last.i == i-1 && j < len(al.bh) && al.bh[j] == h {
				c.seeds = append(c.seeds, seed{i, j})
				extended = true
			}
		}
		if extended {
			continue
		}
		k, _ := slices.BinarySearchFunc(al.table, h, func(p seedPos, h uint64) int { return cmp.Compare(p.h, h) })
		for n := 0; k < len(al.table) && al.table[k].h == h && n < maxSeedRepeat; k, n = k+1, n+1 {
			al.place(seed{i, int(al.table[k].pos)}, reach)
		}
	}
	for _, c := range al.active {
		al.finish(c, a, b, minWords)
	}
	al.active = al.active[:0]
	al.prune()
	slices.SortFunc(al.out, func(p, q match) int {
		return cmp.Or(cmp.Compare(p.ai, q.ai), cmp.Compare(p.bi, q.bi))
	})
	return al.out
}

// prune drops each passage that mostly overlaps, on both sides, a passage
// with more matching words: repeated text offers many shifted alignments
// of one passage. Passages that overlap on one side only, as when one
// article holds the other's text twice, are all kept.
func (al *aligner) prune() {
	if len(al.out) < 2 {
		return
	}
	slices.SortFunc(al.out, func(p, q match) int {
		return cmp.Or(cmp.Compare(q.words, p.words), cmp.Compare(p.ai, q.ai), cmp.Compare(p.bi, q.bi))
	})
	kept := al.out[:0]
	for _, m := range al.out {
		dominated := false
		for _, k := range kept {
			if mostly(m.ai, m.aj, k.ai, k.aj) && mostly(m.bi, m.bj, k.bi, k.bj) {
				dominated = true
				break
			}
		}
		if !dominated {
			kept = append(kept, m)
		}
	}
	al.out = kept
}

// mostly reports whether at least half of [i, j) lies in [k, l).
func mostly(i, j, k, l int) bool {
	return 2*(min(j, l)-max(i, k)) >= j-i
}

// place appends s to the open chain it continues most closely, or opens a
// chain with it.
func (al *aligner) place(s seed, reach int) {
	var best *chain
	bestD := 0
	for _, c := range al.active {
		last := c.seeds[len(c.seeds)-1]
		di, dj := s.i-last.i, s.j-last.j
		if di < 1 || dj < 1 || di > reach || dj > reach {
			continue
		}
		d := di + dj + max(di-dj, dj-di)
		if best == nil || d < bestD {
			best, bestD = c, d
		}
	}
	if best != nil {
		best.seeds = append(best.seeds, s)
		return
	}
	if len(al.active) >= maxChains {
		return
	}
	var c *chain
	if n := len(al.free); n > 0 {
		c, al.free = al.free[n-1], al.free[:n-1]
		c.seeds = c.seeds[:0]
	} else {
		c = new(chain)
	}
	c.seeds = append(c.seeds, s)
	al.active = append(al.active, c)
}

// finish closes chain c and keeps it as a passage when it has at least
// minWords matching words, they are at least minDensity of it, and either
// they are denseEnough or the passage has a verbatim core of minCore words.
// The last condition drops two stock phrases that happen to fall a few
// words apart in both articles ("US President Donald Trump ... to lift
// sanctions on"), which a real but loosely edited passage rarely resembles.
func (al *aligner) finish(c *chain, a, b []uint32, minWords int) {
	defer func() { al.free = append(al.free, c) }()
	first, last := c.seeds[0], c.seeds[len(c.seeds)-1]
	if len(c.seeds) == 1 && seedLen < minWords {
		return
	}
	m := match{ai: first.i, aj: last.i + seedLen, bi: first.j, bj: last.j + seedLen}
	end := first.i
	run, longest := seedLen, seedLen // verbatim runs of words
	for k, s := range c.seeds {
		m.words += max(0, s.i+seedLen-max(s.i, end))
		end = max(end, s.i+seedLen)
		if k+1 < len(c.seeds) {
			t := c.seeds[k+1]
			if t.i == s.i+1 && t.j == s.j+1 {
				run++
				longest = max(longest, run)
			} else {
				run = seedLen
			}
			if ga, gb := s.i+seedLen, s.j+seedLen; t.i > ga && t.j > gb {
				m.words += al.lcs(a[ga:t.i], b[gb:t.j])
			}
		}
	}
	density := float64(m.words) / float64(max(m.aj-m.ai, m.bj-m.bi))
	if m.words < minWords || density < minDensity || density < denseEnough && longest < minCore {
		return
	}
	al.out = append(al.out, m)
}

// lcs returns the length of the longest common subsequence of the short
// word sequences p and q, the words a changed clause left in place.
func (al *aligner) lcs(p, q []uint32) int {
	if cap(al.row) < len(q)+1 {
		al.row = make([]int, len(q)+1)
	}
	row := al.row[:len(q)+1]
	clear(row)
	for _, x := range p {
		diag := 0
		for k, y := range q {
			up := row[k+1]
			if x == y {
				row[k+1] = diag + 1
			} else {
				row[k+1] = max(row[k+1], row[k])
			}
			diag = up
		}
	}
	return row[len(q)]
}
