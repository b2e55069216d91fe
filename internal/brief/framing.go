package brief

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Framing limits.
const (
	// framingZ is the least weighted log-odds z-score of a framing term.
	framingZ = 1.5
	// framingMinCount is how often a term must be used for the others to
	// weigh it as a contrast.
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
	// phraseWeight and vocabWeight weigh up, for ranking, phrases and
	// terms of framing vocabulary: "political prisoners" says more about
	// a stance than "efforts".
	phraseWeight = 1.2
	vocabWeight  = 1.3
	// contrastMin is the least score of a contrast: below it, no term of
	// the others fills the slot well enough to be named. contrastSlot is
	// the least for the others' own framing term.
	contrastMin  = 0.3
	contrastSlot = 0.12
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

// termStat is what the story does with one term.
type termStat struct {
	n int32 // its uses
	// The first unit and origin that use it, plus one; and whether
	// another does too. Copies of one text are one unit and one origin,
	// so that a wire story carried by many outlets counts once.
	unit, origin         int32
	twoUnits, twoOrigins bool
	users                []int32 // the outlets that use it, sorted
}

// framer counts the candidate framing terms of each outlet. Terms are made
// of stems, so that "pardon", "pardoned" and "pardoning" count as one, and
// shown in the form the story uses most.
type framer struct {
	c       *corpus
	ids     map[string]int32 // word -> word id
	names   []string         // per word id
	stemOf  []int32          // per word id: its stem id, -1 when it may not be part of a term
	context []bool           // per word id: may be part of the context of a term
	stemIDs map[string]int32
	stems   []string // per stem id
	of      int32    // the word id of "of"
	ofStem  int32
	index   map[term]int32 // term -> its position in list and stats
	list    []term
	stats   []termStat
	byOut   []map[term]int32 // per outlet, the count of each term
	size    []int            // per outlet, the count of all its terms
	all     int
	ws      [][]int32                 // per sentence, its words' ids
	forms   map[term]map[string]int32 // the written forms of the terms shown
}

func (c *corpus) newFramer(spellings []crosscheck.Spelling) *framer {
	f := &framer{c: c, ids: make(map[string]int32), stemIDs: make(map[string]int32), index: make(map[term]int32)}
	f.of = f.intern("of")
	f.ofStem = f.stemID("of")

	// First the words, and how each is written inside a sentence: a word
	// written with a capital there is a name.
	var upper, lower []int32
	f.ws = make([][]int32, len(c.sents))
	for si, s := range c.sents {
		ids := make([]int32, len(s.words))
		for i, w := range s.words {
			ids[i] = f.intern(w)
		}
		f.ws[si] = ids
		if n := len(f.names); n > len(upper) {
			upper = append(upper, make([]int32, n-len(upper))...)
			lower = append(lower, make([]int32, n-len(lower))...)
		}
		if titleCase(s.s.Text) {
			continue
		}
		k := 0
		scanWords(s.s.Text, func(i, _ int) {
			if k > 0 && k < len(ids) {
				r, _ := utf8.DecodeRuneInString(s.s.Text[i:])
				switch {
				case unicode.IsUpper(r):
					upper[ids[k]]++
				case unicode.IsLower(r):
					lower[ids[k]]++
				}
			}
			k++
		})
	}

	// Names say who and where, not how: the outlets' own, the entities'
	// (whose spellings are reported on their own) and any word the story
	// writes with a capital.
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
	for _, e := range c.st.in.Entities {
		for _, v := range e.Variants {
			// An organisation's name can hold common words ("Supreme
			// Court"): those written with a capital are caught below.
			if ws := words(v.Name); e.Type == "person" || len(ws) == 1 {
				for _, w := range ws {
					banned[w] = true
				}
			}
		}
	}
	f.stemOf = make([]int32, len(f.names))
	for id, w := range f.names {
		f.stemOf[id] = -1
		if len(w) < 3 || isNumeric(w) || stopWords[w] || calendarWords[w] || numberWords[w] || banned[w] ||
			genericWords[stem(w)] || upper[id] > 0 && upper[id] >= 2*lower[id] {
			continue
		}
		if sid := f.stemID(stem(w)); sid <= maxWord {
			f.stemOf[id] = sid
		}
	}

	f.byOut = make([]map[term]int32, len(c.outlets))
	for o := range f.byOut {
		f.byOut[o] = make(map[term]int32)
	}
	f.size = make([]int, len(c.outlets))
	var ts []term
	for si, s := range c.sents {
		o := c.outlet[s.art]
		ts = f.terms(ts[:0], si, nil)
		for _, t := range ts {
			k, ok := f.index[t]
			if !ok {
				k = int32(len(f.list))
				f.index[t] = k
				f.list = append(f.list, t)
				f.stats = append(f.stats, termStat{})
			}
			st := &f.stats[k]
			st.n++
			switch u := int32(s.unit) + 1; st.unit {
			case 0:
				st.unit = u
			case u:
			default:
				st.twoUnits = true
			}
			switch g := int32(c.st.origin[s.art]) + 1; st.origin {
			case 0:
				st.origin = g
			case g:
			default:
				st.twoOrigins = true
			}
			if f.byOut[o][t] == 0 {
				if i, found := slices.BinarySearch(st.users, o); !found {
					st.users = slices.Insert(st.users, i, o)
				}
			}
			f.byOut[o][t]++
		}
		f.size[o] += len(ts)
		f.all += len(ts)
	}
	return f
}

func (f *framer) intern(w string) int32 {
	id, ok := f.ids[w]
	if !ok {
		id = int32(len(f.names))
		f.ids[w] = id
		f.names = append(f.names, w)
		f.context = append(f.context, !stopWords[w] && (len(w) >= 2 || isNumeric(w)))
	}
	return id
}

func (f *framer) stemID(s string) int32 {
	id, ok := f.stemIDs[s]
	if !ok {
		id = int32(len(f.stems))
		f.stemIDs[s] = id
		f.stems = append(f.stems, s)
	}
	return id
}

// titleCase reports whether s is written in title case, as headlines are:
// its capitals say nothing about which words are names.
func titleCase(s string) bool {
	long, capital := 0, 0
	scanWords(s, func(i, j int) {
		if j-i < 4 {
			return
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			long++
			if unicode.IsUpper(r) {
				capital++
			}
		}
	})
	return long >= 3 && 10*capital >= 6*long
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
	for i, w := range ws {
		a := f.stemOf[w]
		if a < 0 {
			continue
		}
		add(makeTerm(a), i, i+1)
		if i+1 < len(ws) {
			if b := f.stemOf[ws[i+1]]; b >= 0 {
				add(makeTerm(a, b), i, i+2)
			}
		}
		if i+2 < len(ws) && ws[i+1] == f.of {
			if b := f.stemOf[ws[i+2]]; b >= 0 {
				add(makeTerm(a, f.ofStem, b), i, i+3)
			}
		}
	}
	return ts
}

// text is how a term is shown: the written form the story uses most, or
// its stems.
func (f *framer) text(t term) string {
	best, most := "", int32(0)
	for form, n := range f.forms[t] {
		if n > most || n == most && form < best {
			best, most = form, n
		}
	}
	if best != "" {
		return best
	}
	var parts []string
	for _, id := range t.ids() {
		parts = append(parts, f.stems[id])
	}
	return strings.Join(parts, " ")
}

// note counts a written form of t: the words i to j of sentence si.
func (f *framer) note(t term, si, i, j int) {
	if f.forms == nil {
		f.forms = make(map[term]map[string]int32)
	}
	m := f.forms[t]
	if m == nil {
		m = make(map[string]int32)
		f.forms[t] = m
	}
	m[strings.Join(f.c.sents[si].words[i:j], " ")]++
}

// loaded reports whether t holds a word of framingWords.
func (f *framer) loaded(t term) bool {
	for _, id := range t.ids() {
		if id != f.ofStem && framingWords[f.stems[id]] {
			return true
		}
	}
	return false
}

// count is how often the outlets of g use t.
func (f *framer) count(t term, g []int32) int {
	n := 0
	for _, o := range g {
		n += int(f.byOut[o][t])
	}
	return n
}

// users returns the outlets that use t.
func (f *framer) users(t term) []int32 {
	if k, ok := f.index[t]; ok {
		return f.stats[k].users
	}
	return nil
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
	t      term
	group  []int32
	z      float64
	weight float64 // z, weighted for what the term is (see framing)
	count  int
}

// framing finds the terms that some outlets use and the others never do,
// strongest first, and the units whose sentences use them.
//
// A term is a candidate when its outlets use it in two sentences or more
// that are not copies of each other, and at least one analysed outlet
// never uses it. When the story has three outlets or more, a single word
// must also come from two independent origins, unless it is framing
// vocabulary (framingWords): a word one article repeats is more often its
// topic than its stance, while a phrase such as "political prisoners"
// repeated is a choice of words. Candidates are ranked by their z-score
// weighted up for phrases and framing vocabulary; the weighted score is the
// one reported, and must reach framingZ.
func (c *corpus) framing(spellings []crosscheck.Spelling) ([]crosscheck.Framing, map[int]bool) {
	out := []crosscheck.Framing{}
	loaded := make(map[int]bool)
	if len(c.outlets) < 2 {
		return out, loaded
	}
	f := c.newFramer(spellings)
	several := len(c.outlets) >= 3
	var cands []framingTerm
	for k, t := range f.list {
		st := &f.stats[k]
		if len(st.users) >= len(c.outlets) || !st.twoUnits {
			continue
		}
		phrase, vocab := len(t.ids()) > 1, f.loaded(t)
		if !phrase && several && !st.twoOrigins && !vocab {
			continue
		}
		z := f.logOdds(int(st.n), f.groupSize(st.users), int(st.n))
		w := z
		if phrase {
			w *= phraseWeight
		}
		if vocab {
			w *= vocabWeight
		}
		if w < framingZ {
			continue
		}
		cands = append(cands, framingTerm{t, st.users, z, w, int(st.n)})
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
			if slices.Equal(f.users(u), ft.group) && float64(ft.count) >= 0.8*float64(f.count(u, ft.group)) {
				inPhrase[u] = true
			}
		}
	}
	cands = slices.DeleteFunc(cands, func(ft framingTerm) bool { return inPhrase[ft.t] })
	slices.SortFunc(cands, func(a, b framingTerm) int {
		if a.weight != b.weight {
			return cmp.Compare(b.weight, a.weight)
		}
		return cmp.Compare(a.t, b.t)
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
	contrasts := f.contrasts(kept, uses, cands)
	// mirror reports whether kept[i] is the other side of a pair shown
	// before it: "freed" against "pardoned" after "pardoned" against
	// "freed" says nothing new.
	mirror := func(i int) bool {
		for j := range i {
			if contrasts[i] == kept[j].t && contrasts[j] == kept[i].t {
				return true
			}
		}
		return false
	}
	for i, ft := range kept {
		if mirror(i) {
			continue
		}
		fr := crosscheck.Framing{
			Term:     f.text(ft.t),
			Outlets:  []string{},
			Others:   []string{},
			Articles: []string{},
			Score:    math.Round(ft.weight*100) / 100,
		}
		if contrasts[i] != 0 {
			fr.Contrast = f.text(contrasts[i])
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

// complement returns the outlets not in g.
func (f *framer) complement(g []int32) []int32 {
	var out []int32
	for o := range f.c.outlets {
		if !slices.Contains(g, int32(o)) {
			out = append(out, int32(o))
		}
	}
	return out
}

// contrasts finds, for each framing term, what the other outlets say
// instead: among the terms its outlets never use, the one that best fills
// the same slot, judged by the words either side of it (by direction,
// numbers included) and by how often it turns up in the other outlets'
// sentences that match the sentences using the term. The other outlets'
// own framing terms are preferred, most of all one that all of them and
// only they use; so is the plain head of a phrase ("prisoners" for
// "political prisoners") when that is all the others say. uses holds, per
// framing term, the sentences of its outlets that use it; cands are every
// candidate framing term.
func (f *framer) contrasts(kept []framingTerm, uses [][]int, cands []framingTerm) []term {
	c := f.c
	frequent := f.frequent(contrastPool * 50)
	pools := make([]map[term]bool, len(kept))
	hits := make([]map[term]int, len(kept))
	matched := make([]int, len(kept))
	heads := make([]term, len(kept))
	want := make(map[term]bool)
	candidate := make(map[term]bool, len(cands))
	for _, ft := range cands {
		candidate[ft.t] = true
	}
	var ts []term
	for i, ft := range kept {
		pools[i] = make(map[term]bool)
		hits[i] = make(map[term]int)
		want[ft.t] = true
		if ids := ft.t.ids(); len(ids) > 1 {
			h := makeTerm(ids[len(ids)-1])
			others, use := f.complement(ft.group), 0
			for _, o := range others {
				if f.byOut[o][h] > 0 {
					use++
				}
			}
			if 2*use > len(others) {
				heads[i] = h
				pools[i][h] = true
				want[h] = true
			}
		}
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
					if !counted[t] && (t == heads[i] || f.alternative(t, ft)) {
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
		// The others' own framing terms, and the terms they use most.
		for _, o := range cands {
			if f.alternative(o.t, ft) {
				pools[i][o.t] = true
				want[o.t] = true
			}
		}
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

	// One pass over the story gathers the contexts of every term wanted,
	// and the written forms of the terms to show.
	ctx := make(map[term]map[int32]float64)
	for si := range c.sents {
		ws := f.ws[si]
		ts = f.terms(ts[:0], si, func(t term, i, j int) {
			if !want[t] {
				return
			}
			f.note(t, si, i, j)
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

	out := make([]term, len(kept))
	for i, ft := range kept {
		phrase := len(ft.t.ids()) > 1
		others := f.complement(ft.group)
		// The others' own framing term, of framing vocabulary, used by all
		// of them and by them alone, is their word for the same thing when
		// it fills the same slot at all; failing one, the term that fills
		// it best.
		best, bestScore, bestTier := term(0), 0.0, 0
		for t := range pools[i] {
			// Turning up in the matching sentences counts only for a term
			// whose neighbours are like the framing term's: those
			// sentences hold many words, most of them in other slots.
			score := cosine(ctx[ft.t], ctx[t])
			if matched[i] > 0 {
				score *= 1 + float64(hits[i][t])/float64(matched[i])
			}
			if (len(t.ids()) > 1) == phrase {
				score *= 1.25 // a phrase for a phrase, a word for a word
			}
			tier := 0
			switch {
			case candidate[t] && score >= contrastSlot && slices.Equal(f.users(t), others) && f.loaded(t):
				tier = 2
			case score >= contrastMin:
				tier = 1
			default:
				continue
			}
			if tier > bestTier || tier == bestTier && (score > bestScore || score == bestScore && t < best) {
				best, bestScore, bestTier = t, score, tier
			}
		}
		out[i] = best
	}
	return out
}

// alternative reports whether t can stand for what the outlets of ft say
// instead of it: a different term, used by the others, whose words the
// outlets of ft never use, but for the words it shares with a phrase
// ("opposition figures" for "opposition activist").
func (f *framer) alternative(t term, ft framingTerm) bool {
	if t == ft.t {
		return false
	}
	own := ft.t.ids()
	if len(own) == 1 {
		return f.foreign(t, ft.group)
	}
	fresh := false
	for _, id := range t.ids() {
		if id == f.ofStem || slices.Contains(own, id) {
			continue
		}
		if f.count(makeTerm(id), ft.group) != 0 {
			return false
		}
		fresh = true
	}
	return fresh
}

// foreign reports whether the outlets of g use none of the words of t: a
// contrast that shares a word with the group's own wording is no
// alternative to it.
func (f *framer) foreign(t term, g []int32) bool {
	for _, id := range t.ids() {
		if id != f.ofStem && f.count(makeTerm(id), g) != 0 {
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
	for _, st := range f.stats {
		y := int(st.n)
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
	for k, st := range f.stats {
		if int(st.n) >= least {
			out = append(out, f.list[k])
		}
	}
	slices.SortFunc(out, func(a, b term) int {
		if ya, yb := f.stats[f.index[a]].n, f.stats[f.index[b]].n; ya != yb {
			return int(yb - ya)
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
