package brief

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Framing limits.
const (
	// framingZ is the least weighted log-odds z-score of a framing term.
	framingZ = 1.5
	// framingMinCount is how often the users of a term must use it.
	framingMinCount = 2
	framingMax      = 8 // terms in all
	framingPerGroup = 3 // terms per group of outlets
	// priorShare sizes the Dirichlet prior as a share of the story's own
	// counts: a prior as large as the data would pull every estimate to
	// the story's mean, and the few uses a framing term gets in a news
	// story would never stand out.
	priorShare = 0.1
	// contrastPool is how many of the terms the other outlets favour are
	// weighed as the contrast of a framing term.
	contrastPool = 40
	// contrastUses is how many of a framing term's sentences are matched
	// with the other outlets' sentences.
	contrastUses = 64
	// contextWindow is how many words either side of a term make its
	// context.
	contextWindow = 4
)

// term packs one to three interned words, wordBits bits each holding the
// word's id plus one: a word, two adjacent words, or two words joined by
// "of" ("convicted of espionage").
type term uint64

const (
	wordBits = 21
	maxWord  = 1<<wordBits - 2
)

func makeTerm(ids ...int32) term {
	var t term
	for i, id := range ids {
		t |= term(id+1) << (wordBits * (2 - i))
	}
	return t
}

func (t term) ids() []int32 {
	var out []int32
	for i := range 3 {
		if id := int32(t>>(wordBits*(2-i))&(1<<wordBits-1)) - 1; id >= 0 {
			out = append(out, id)
		}
	}
	return out
}

// framer counts the candidate framing terms of each outlet.
type framer struct {
	c       *corpus
	ids     map[string]int32
	names   []string
	usable  []bool           // per word: may be part of a framing term
	context []bool           // per word: may be part of the context of a term
	of      int32            // the id of "of"
	byOut   []map[term]int   // per outlet, the count of each term
	total   map[term]int     // over the story
	users   map[term][]int32 // the outlets that use each term, sorted
	size    []int            // per outlet, the count of all its terms
	all     int
	ws      [][]int32 // per sentence, its words' ids
}

func (c *corpus) newFramer(spellings []crosscheck.Spelling) *framer {
	f := &framer{c: c, ids: make(map[string]int32), total: make(map[term]int), users: make(map[term][]int32)}
	// Outlets name themselves in datelines and credits, and a name spelled
	// two ways is a spelling discrepancy, reported on its own: neither is
	// framing.
	banned := make(map[string]bool)
	for _, l := range c.st.label {
		for _, w := range words(l) {
			banned[w] = true
		}
	}
	for _, sp := range spellings {
		for _, v := range sp.Variants {
			for _, w := range words(v.Name) {
				banned[w] = true
			}
		}
	}
	f.of = f.intern("of", banned)
	f.byOut = make([]map[term]int, len(c.outlets))
	for o := range f.byOut {
		f.byOut[o] = make(map[term]int)
	}
	f.size = make([]int, len(c.outlets))
	f.ws = make([][]int32, len(c.sents))
	var ts []term
	for si, s := range c.sents {
		ids := make([]int32, len(s.words))
		for i, w := range s.words {
			ids[i] = f.intern(w, banned)
		}
		f.ws[si] = ids
		o := c.outlet[s.art]
		ts = f.terms(ts[:0], si, nil)
		for _, t := range ts {
			if f.byOut[o][t] == 0 {
				us := f.users[t]
				if i, found := slices.BinarySearch(us, o); !found {
					f.users[t] = slices.Insert(us, i, o)
				}
			}
			f.byOut[o][t]++
			f.total[t]++
		}
		f.size[o] += len(ts)
		f.all += len(ts)
	}
	return f
}

func (f *framer) intern(w string, banned map[string]bool) int32 {
	id, ok := f.ids[w]
	if !ok {
		id = int32(len(f.names))
		f.ids[w] = id
		f.names = append(f.names, w)
		f.usable = append(f.usable, id <= maxWord && len(w) >= 3 && !isNumeric(w) && !stopWords[w] &&
			!calendarWords[w] && !numberWords[w] && !banned[w])
		f.context = append(f.context, !stopWords[w] && (len(w) >= 2 || isNumeric(w)))
	}
	return id
}

// terms appends the terms of sentence si to ts; at, when not nil, is told
// where each term starts and ends among the sentence's words.
func (f *framer) terms(ts []term, si int, at func(t term, i, j int)) []term {
	ws := f.ws[si]
	add := func(t term, i, j int) {
		ts = append(ts, t)
		if at != nil {
			at(t, i, j)
		}
	}
	for i, a := range ws {
		if !f.usable[a] {
			continue
		}
		add(makeTerm(a), i, i+1)
		if i+1 < len(ws) && f.usable[ws[i+1]] {
			add(makeTerm(a, ws[i+1]), i, i+2)
		}
		if i+2 < len(ws) && ws[i+1] == f.of && f.usable[ws[i+2]] {
			add(makeTerm(a, f.of, ws[i+2]), i, i+3)
		}
	}
	return ts
}

func (f *framer) text(t term) string {
	var parts []string
	for _, id := range t.ids() {
		parts = append(parts, f.names[id])
	}
	return strings.Join(parts, " ")
}

// count is how often the outlets of g use t.
func (f *framer) count(t term, g []int32) int {
	n := 0
	for _, o := range g {
		n += f.byOut[o][t]
	}
	return n
}

func (f *framer) groupSize(g []int32) int {
	n := 0
	for _, o := range g {
		n += f.size[o]
	}
	return n
}

// logOdds is the weighted log-odds z-score of a term used yg times in a
// group of ng terms and y times in the story: the log-odds ratio of the
// group against the rest of the story with an informative Dirichlet prior
// made of the story's own counts scaled by priorShare (Monroe, Colaresi &
// Quinn 2008, section 3.5), divided by its standard deviation.
func (f *framer) logOdds(yg, ng, y int) float64 {
	yr, nr := y-yg, f.all-ng
	alpha0 := priorShare * float64(f.all)
	alpha := priorShare * float64(y)
	lg := math.Log((float64(yg) + alpha) / (float64(ng) + alpha0 - float64(yg) - alpha))
	lr := math.Log((float64(yr) + alpha) / (float64(nr) + alpha0 - float64(yr) - alpha))
	variance := 1/(float64(yg)+alpha) + 1/(float64(yr)+alpha)
	return (lg - lr) / math.Sqrt(variance)
}

type framingTerm struct {
	t     term
	group []int32
	z     float64
	count int
}

// framing finds the terms that some outlets use and the others avoid,
// strongest first, and the units whose sentences use them.
func (c *corpus) framing(spellings []crosscheck.Spelling) ([]crosscheck.Framing, map[int]bool) {
	out := []crosscheck.Framing{}
	loaded := make(map[int]bool)
	if len(c.outlets) < 2 {
		return out, loaded
	}
	f := c.newFramer(spellings)
	most := max(1, len(c.outlets)/2)
	var cands []framingTerm
	for t, g := range f.users {
		if len(g) > most {
			continue
		}
		n := f.count(t, g)
		if n < framingMinCount {
			continue
		}
		if z := f.logOdds(n, f.groupSize(g), f.total[t]); z >= framingZ {
			cands = append(cands, framingTerm{t, g, z, n})
		}
	}
	// A word that is only ever part of a phrase of the same outlets says
	// nothing of its own: keep the phrase.
	inPhrase := make(map[term]bool)
	for _, ft := range cands {
		ids := ft.t.ids()
		if len(ids) == 1 {
			continue
		}
		for _, id := range ids {
			u := makeTerm(id)
			if slices.Equal(f.users[u], ft.group) && float64(ft.count) >= 0.8*float64(f.count(u, ft.group)) {
				inPhrase[u] = true
			}
		}
	}
	cands = slices.DeleteFunc(cands, func(ft framingTerm) bool { return inPhrase[ft.t] })
	slices.SortFunc(cands, func(a, b framingTerm) int {
		if a.z != b.z {
			return cmp.Compare(b.z, a.z)
		}
		return strings.Compare(f.text(a.t), f.text(b.t))
	})

	perGroup := make(map[string]int)
	var kept []framingTerm
	for _, ft := range cands {
		key := groupKey(ft.group)
		if perGroup[key] >= framingPerGroup {
			continue
		}
		perGroup[key]++
		kept = append(kept, ft)
		if len(kept) == framingMax {
			break
		}
	}
	if len(kept) == 0 {
		return out, loaded
	}

	uses := make([][]int, len(kept))
	var ts []term
	for si, s := range c.sents {
		ts = f.terms(ts[:0], si, nil)
		for i, ft := range kept {
			if slices.Contains(ft.group, c.outlet[s.art]) && slices.Contains(ts, ft.t) {
				uses[i] = append(uses[i], si)
				loaded[s.unit] = true
			}
		}
	}
	contrasts := f.contrasts(kept, uses)
	for i, ft := range kept {
		fr := crosscheck.Framing{
			Term:     f.text(ft.t),
			Outlets:  []string{},
			Others:   []string{},
			Articles: []string{},
			Score:    math.Round(ft.z*100) / 100,
			Contrast: contrasts[i],
		}
		for o, name := range c.outlets {
			if slices.Contains(ft.group, int32(o)) {
				fr.Outlets = append(fr.Outlets, name)
			} else {
				fr.Others = append(fr.Others, name)
			}
		}
		for _, si := range uses[i] {
			if id := c.st.arts[c.sents[si].art].ID; !slices.Contains(fr.Articles, id) {
				fr.Articles = append(fr.Articles, id)
			}
		}
		out = append(out, fr)
	}
	return out, loaded
}

func groupKey(g []int32) string {
	var b strings.Builder
	for _, o := range g {
		b.WriteString(strconv.Itoa(int(o)))
		b.WriteByte(',')
	}
	return b.String()
}

// contrasts finds, for each framing term, what the other outlets say
// instead: among the terms the group of the framing term never uses, the
// one that best fills the same slot, judged by the words either side of it
// (by direction, numbers included) and by how often it turns up in the
// other outlets' sentences that match the sentences using the term. uses
// holds, per framing term, the sentences of its outlets that use it.
func (f *framer) contrasts(kept []framingTerm, uses [][]int) []string {
	c := f.c
	frequent := f.frequent(contrastPool * 50)
	pools := make([]map[term]bool, len(kept))
	hits := make([]map[term]int, len(kept))
	matched := make([]int, len(kept))
	want := make(map[term]bool)
	var ts []term
	for i, ft := range kept {
		pools[i] = make(map[term]bool)
		hits[i] = make(map[term]int)
		want[ft.t] = true
		// The others' sentences that match the term's sentences: enough
		// of them to judge by, not all of a big story's.
		seen := make(map[int32]bool)
		for _, si := range uses[i][:min(len(uses[i]), contrastUses)] {
			to, sims := c.neighbours(c.sents[si].unit)
			for k, v := range to {
				if seen[v] || sims[k] < uniqueSim {
					continue
				}
				seen[v] = true
				counted := make(map[term]bool)
				for _, t := range f.terms(ts[:0], int(c.units[v].occ[0]), nil) {
					if !counted[t] && f.foreign(t, ft.group) {
						counted[t] = true
						hits[i][t]++
						pools[i][t] = true
						want[t] = true
					}
				}
				if len(counted) > 0 {
					matched[i]++
				}
			}
		}
		// And the terms the others use most.
		k := 0
		for _, t := range frequent {
			if k == contrastPool {
				break
			}
			if f.foreign(t, ft.group) {
				pools[i][t] = true
				want[t] = true
				k++
			}
		}
	}

	// One pass over the story gathers the contexts of every term wanted.
	ctx := make(map[term]map[int32]float64)
	for si := range c.sents {
		ws := f.ws[si]
		ts = f.terms(ts[:0], si, func(t term, i, j int) {
			if !want[t] {
				return
			}
			m := ctx[t]
			if m == nil {
				m = make(map[int32]float64)
				ctx[t] = m
			}
			for k := max(0, i-contextWindow); k < i; k++ {
				if f.context[ws[k]] {
					m[2*ws[k]]++
				}
			}
			for k := j; k < min(len(ws), j+contextWindow); k++ {
				if f.context[ws[k]] {
					m[2*ws[k]+1]++
				}
			}
		})
	}

	out := make([]string, len(kept))
	for i, ft := range kept {
		phrase := len(ft.t.ids()) > 1
		best, bestScore := term(0), 0.1
		for t := range pools[i] {
			score := cosine(ctx[ft.t], ctx[t])
			if matched[i] > 0 {
				score += 0.5 * float64(hits[i][t]) / float64(matched[i])
			}
			if (len(t.ids()) > 1) == phrase {
				score *= 1.25 // a phrase for a phrase, a word for a word
			}
			if score > bestScore || score == bestScore && best != 0 && t < best {
				best, bestScore = t, score
			}
		}
		if best != 0 {
			out[i] = f.text(best)
		}
	}
	return out
}

// foreign reports whether the outlets of g use none of the words of t: a
// contrast that shares a word with the group's own wording is no
// alternative to it.
func (f *framer) foreign(t term, g []int32) bool {
	for _, id := range t.ids() {
		if id != f.of && f.count(makeTerm(id), g) != 0 {
			return false
		}
	}
	return true
}

// frequent returns about the n most frequent terms used at least
// framingMinCount times, most frequent first, counting how many terms
// reach each count rather than sorting them all.
func (f *framer) frequent(n int) []term {
	var hist []int
	for _, y := range f.total {
		if y >= len(hist) {
			hist = append(hist, make([]int, y+1-len(hist))...)
		}
		hist[y]++
	}
	least, have := len(hist), 0
	for least > framingMinCount && have+hist[least-1] <= n {
		least--
		have += hist[least]
	}
	least = max(least, framingMinCount)
	var out []term
	for t, y := range f.total {
		if y >= least {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b term) int {
		if ya, yb := f.total[a], f.total[b]; ya != yb {
			return yb - ya
		}
		return cmp.Compare(a, b)
	})
	return out
}

func cosine(a, b map[int32]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var d, na, nb float64
	for k, x := range a {
		d += x * b[k]
		na += x * x
	}
	for _, y := range b {
		nb += y * y
	}
	if d == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}
