package dedup

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Word counts of the two kinds of shingle: indexShingle words find candidate
// pairs through the inverted index; seedLen words align a candidate pair.
// Seeds are shorter so that a passage whose words change every few words
// still chains; index shingles are longer so that three-word stock phrases
// do not make every two articles on one topic a candidate pair.
const (
	indexShingle = 4
	seedLen      = 3

	// maxCandidates bounds the earlier articles that one new article is
	// aligned with, so that the cost of Add stays flat as the index grows.
	maxCandidates = 16
	// minDensity is the share of a passage's words that must match, and a
	// passage matching less than denseEnough of its words needs a verbatim
	// run of minCore words.
	minDensity  = 0.5
	denseEnough = 0.6
	minCore     = 5
)

// Options tunes the matcher. The zero value selects the defaults.
type Options struct {
	// MinWords is how many matching words a passage needs (default 8). An
	// article shorter than that is matched only as a whole.
	MinWords int
	// MaxGap is how many unmatched words a passage may bridge, on either
	// side, between two matching runs (default 12): enough for a changed
	// clause or a respelled name, too few to join unrelated stock phrases.
	MaxGap int
	// Common is how many articles may hold a four-word shingle before it
	// counts as boilerplate or a stock phrase: it then no longer makes two
	// articles a candidate pair, and a passage made only of such shingles is
	// not reported unless it is most of an article (default 64, at most
	// 65534).
	Common int
	// NearCopy is the share of an article's words that must lie in passages
	// shared with another article for it to count as a copy (default 0.8).
	NearCopy float64
}

func (o Options) withDefaults() Options {
	if o.MinWords <= 0 {
		o.MinWords = 8
	}
	o.MinWords = max(o.MinWords, seedLen)
	if o.MaxGap <= 0 {
		o.MaxGap = 12
	}
	if o.Common <= 0 {
		o.Common = 64
	}
	o.Common = min(o.Common, maxCommon)
	if o.NearCopy <= 0 || o.NearCopy > 1 {
		o.NearCopy = 0.8
	}
	return o
}

// Passage is a stretch of text that two articles share.
type Passage struct {
	A, B  crosscheck.Span // where it is in each article of the Pair
	Words int             // words that match; the spans may hold a few more
}

// Pair reports what two articles share.
type Pair struct {
	A, B     string // article ids; A was added to the index before B
	Passages []Passage
	// CoverA and CoverB are the shares of the words of A and of B that lie
	// in shared passages.
	CoverA, CoverB float64
	// Copy reports that one article is a near copy of the other: at least
	// Options.NearCopy of its words lie in passages shared with the other.
	Copy bool
	// Exact reports that the two texts have the same words in the same
	// order, after normalisation.
	Exact     bool
	Direction Direction
}

// Direction says which article of a pair took the shared text from the
// other. From and To are empty when the evidence does not say; Reason then
// may say why, for example when the evidence conflicts.
type Direction struct {
	From, To string // article ids
	Reason   string
}

// Index finds the passages that each added article shares with the articles
// added before it, in time close to proportional to the article's length
// whatever the size of the index. It keeps a reference to every added
// article, whose text must not change afterwards. An Index is not safe for
// concurrent use.
//
// An Index knows boilerplate only once Options.Common articles hold it: until
// then, articles that share nothing but a footer pair up. Find, which counts
// ahead, does not have this weakness; cleaned text has little boilerplate
// left to share.
type Index struct {
	opt     Options
	docs    []*doc
	ids     map[string]int32
	exact   map[uint64]int32        // fingerprint of all words -> first doc
	heads   map[uint64]shingleEntry // index shingle -> its postings
	posts   postings
	counted bool // shingleEntry.df was counted ahead by Find

	// scratch space, reused between calls
	tz           tokenizer
	toksA, toksB []token
	votes        []vote // one per doc
	hit          []int32
	cands        []candidate
	al           aligner
}

type doc struct {
	a       *crosscheck.Article
	words   []uint32 // word hashes
	n       int      // distinct index shingles
	credits []string // origins the article credits; nil until needed
}

// shingleEntry is kept small, eight bytes, because the index holds one for
// every distinct shingle of the corpus.
type shingleEntry struct {
	head int32  // newest posting, or -1
	n    uint16 // postings kept; at most Options.Common
	df   uint16 // texts holding the shingle, saturating
}

// maxCommon bounds Options.Common so that counts fit a shingleEntry.
const maxCommon = math.MaxUint16 - 1

type posting struct {
	doc, next int32
}

// postings stores postings in fixed-size blocks: a flat slice of millions
// would be copied every time it grew.
type postings struct {
	blocks [][]posting
	n      int32
}

const postingBlock = 1 << 16

func (ps *postings) add(p posting) int32 {
	if int(ps.n)%postingBlock == 0 {
		ps.blocks = append(ps.blocks, make([]posting, 0, postingBlock))
	}
	b := &ps.blocks[len(ps.blocks)-1]
	*b = append(*b, p)
	ps.n++
	return ps.n - 1
}

func (ps *postings) at(i int32) posting {
	return ps.blocks[i/postingBlock][i%postingBlock]
}

type vote struct {
	all  int32 // shared shingles
	rare int32 // shared shingles that are not common
	near int32 // rare ones that follow another within a passage's reach
	last int32 // word position of the last rare one
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	return &Index{
		opt:   opt.withDefaults(),
		ids:   make(map[string]int32),
		exact: make(map[uint64]int32),
		heads: make(map[uint64]shingleEntry),
	}
}

// Len returns the number of articles added.
func (x *Index) Len() int { return len(x.docs) }

// Find returns every pair of articles that share passages. Unlike adding the
// articles to an Index one by one, it counts how many articles hold each
// shingle before comparing any, so that boilerplate is known as such from
// the first article on.
func Find(articles []*crosscheck.Article, opt Options) []Pair {
	x := NewIndex(opt)
	x.countAhead(articles)
	var out []Pair
	for _, a := range articles {
		out = append(out, x.Add(a)...)
	}
	return out
}

// countAhead records, for every index shingle, how many distinct texts among
// articles hold it.
func (x *Index) countAhead(articles []*crosscheck.Article) {
	texts := make(map[uint64]bool)
	seen := make(map[uint64]bool)
	var words []uint32
	for _, a := range articles {
		if a == nil {
			continue
		}
		words = x.words(a.Text, &x.toksB, words[:0])
		if len(words) == 0 {
			continue
		}
		fp := fingerprint(words)
		if texts[fp] {
			continue
		}
		texts[fp] = true
		clear(seen)
		for i := 0; i+indexShingle <= len(words); i++ {
			h := shingle(words, i, indexShingle)
			if seen[h] {
				continue
			}
			seen[h] = true
			e, ok := x.heads[h]
			if !ok {
				e.head = -1
			}
			e.df = min(e.df+1, math.MaxUint16)
			x.heads[h] = e
		}
	}
	x.counted = true
}

// words tokenises text into *toks and appends the word hashes to dst.
func (x *Index) words(text string, toks *[]token, dst []uint32) []uint32 {
	*toks = x.tz.tokens(text, (*toks)[:0])
	for _, t := range *toks {
		dst = append(dst, t.h)
	}
	return dst
}

// fingerprint hashes a whole sequence of words.
func fingerprint(words []uint32) uint64 {
	return shingle(words, 0, len(words))
}

// Add indexes a and returns the pairs it forms with the articles added
// before it, in the order they were added. An article that has the same
// words as an earlier one is paired only with the first article of those
// words, so that a thousand copies give a thousand pairs, not half a
// million. Adding nil, or an id already added, does nothing.
func (x *Index) Add(a *crosscheck.Article) []Pair {
	if a == nil {
		return nil
	}
	if _, ok := x.ids[a.ID]; ok {
		return nil
	}
	id := int32(len(x.docs))
	d := &doc{a: a, words: x.words(a.Text, &x.toksB, nil)}
	x.docs = append(x.docs, d)
	x.ids[a.ID] = id
	x.votes = append(x.votes, vote{})
	if len(d.words) == 0 {
		return nil
	}
	fp := fingerprint(d.words)
	if first, ok := x.exact[fp]; ok {
		return []Pair{x.exactPair(x.docs[first], d)}
	}
	x.exact[fp] = id

	d.n = x.post(id, d.words)
	cands := x.candidates(d.n)
	if len(cands) > 0 {
		x.al.prepare(d.words)
	}
	var out []Pair
	for _, c := range cands {
		if p, ok := x.compare(x.docs[c], d); ok {
			out = append(out, p)
		}
	}
	return out
}

// post adds the shingles of doc id to the postings and votes for the earlier
// docs that hold them. It returns how many distinct shingles the doc has.
func (x *Index) post(id int32, words []uint32) int {
	common := uint16(x.opt.Common)
	reach := int32(x.opt.MaxGap + indexShingle)
	n := 0
	for i := 0; i+indexShingle <= len(words); i++ {
		h := shingle(words, i, indexShingle)
		e, ok := x.heads[h]
		if !ok {
			e.head = -1
		}
		if e.head >= 0 && x.posts.at(e.head).doc == id {
			continue // repeated within this article
		}
		n++
		if !x.counted {
			e.df = min(e.df+1, math.MaxUint16)
		}
		rare := e.df <= common
		for p := e.head; p >= 0; {
			ps := x.posts.at(p)
			c := ps.doc
			p = ps.next
			v := &x.votes[c]
			if v.all == 0 {
				x.hit = append(x.hit, c)
				v.last = -reach - 1
			}
			v.all++
			if rare {
				v.rare++
				if int32(i)-v.last <= reach {
					v.near++
				}
				v.last = int32(i)
			}
		}
		if e.n < common {
			e.head = x.posts.add(posting{doc: id, next: e.head})
			e.n++
		}
		x.heads[h] = e
	}
	return n
}

// candidates returns the docs worth aligning with the doc just posted, which
// has n distinct shingles, in the order they were added, and resets the
// votes. A doc qualifies by sharing two shingles that are not common and lie
// close enough together in the new doc to belong to one passage, or by
// sharing half the shingles whatever they are, so that a near copy of a
// story copied more often than Options.Common is still found. Scattered
// shared shingles, which grow in number with the corpus, do not make a
// candidate.
func (x *Index) candidates(n int) []int32 {
	out := x.cands[:0]
	for _, c := range x.hit {
		v := x.votes[c]
		x.votes[c] = vote{}
		small := min(n, x.docs[c].n) < 2 // too short for two shingles
		if v.near > 0 || small && v.rare > 0 || 2*int(v.all) >= n {
			out = append(out, candidate{c, v})
		}
	}
	x.hit = x.hit[:0]
	if len(out) > maxCandidates {
		slices.SortFunc(out, func(p, q candidate) int {
			return cmp.Or(cmp.Compare(q.v.all, p.v.all), cmp.Compare(q.v.near, p.v.near), cmp.Compare(p.doc, q.doc))
		})
		out = out[:maxCandidates]
	}
	slices.SortFunc(out, func(p, q candidate) int { return cmp.Compare(p.doc, q.doc) })
	x.cands = out
	ids := make([]int32, len(out))
	for i, c := range out {
		ids[i] = c.doc
	}
	return ids
}

type candidate struct {
	doc int32
	v   vote
}

// compare aligns doc a, added earlier, with doc b, whose tokens are in
// x.toksB, and reports their Pair.
func (x *Index) compare(a, b *doc) (Pair, bool) {
	ms := x.al.align(a.words, b.words, x.opt)
	kept := ms[:0]
	for _, m := range ms {
		if x.informative(b.words, m) || x.wholeish(m, len(a.words), len(b.words)) {
			kept = append(kept, m)
		}
	}
	if len(kept) == 0 {
		return Pair{}, false
	}
	p := Pair{A: a.a.ID, B: b.a.ID}
	p.CoverA = cover(kept, len(a.words), func(m match) (int, int) { return m.ai, m.aj })
	p.CoverB = cover(kept, len(b.words), func(m match) (int, int) { return m.bi, m.bj })
	p.Copy = p.CoverA >= x.opt.NearCopy || p.CoverB >= x.opt.NearCopy
	x.toksA = x.tz.tokens(a.a.Text, x.toksA[:0])
	ca, cb := cpCursor{text: a.a.Text}, cpCursor{text: b.a.Text}
	for _, m := range kept {
		p.Passages = append(p.Passages, Passage{
			A:     span(a.a.ID, &ca, x.toksA, m.ai, m.aj),
			B:     span(b.a.ID, &cb, x.toksB, m.bi, m.bj),
			Words: m.words,
		})
	}
	p.Direction = x.direction(a, b, &p, kept)
	return p, true
}

// informative reports whether the passage m holds at least two four-word
// shingles of b that are not common.
func (x *Index) informative(b []uint32, m match) bool {
	need := min(2, max(1, m.bj-m.bi-indexShingle+1))
	rare := 0
	for j := m.bi; j+indexShingle <= m.bj; j++ {
		if e, ok := x.heads[shingle(b, j, indexShingle)]; ok && int(e.df) <= x.opt.Common {
			rare++
			if rare >= need {
				return true
			}
		}
	}
	return false
}

// wholeish reports whether the passage m is most of either article.
func (x *Index) wholeish(m match, na, nb int) bool {
	return float64(m.aj-m.ai) >= x.opt.NearCopy*float64(na) ||
		float64(m.bj-m.bi) >= x.opt.NearCopy*float64(nb)
}

// exactPair reports b, which has the same words as a.
func (x *Index) exactPair(a, b *doc) Pair {
	x.toksA = x.tz.tokens(a.a.Text, x.toksA[:0])
	n := len(b.words)
	ca, cb := cpCursor{text: a.a.Text}, cpCursor{text: b.a.Text}
	p := Pair{
		A: a.a.ID, B: b.a.ID,
		Passages: []Passage{{
			A:     span(a.a.ID, &ca, x.toksA, 0, n),
			B:     span(b.a.ID, &cb, x.toksB, 0, n),
			Words: n,
		}},
		CoverA: 1, CoverB: 1, Copy: true, Exact: true,
	}
	p.Direction = x.direction(a, b, &p, []match{{ai: 0, aj: n, bi: 0, bj: n, words: n}})
	return p
}

// cover returns the share of n words that the ranges of ms cover.
func cover(ms []match, n int, rng func(match) (int, int)) float64 {
	if n == 0 {
		return 0
	}
	type iv struct{ i, j int }
	ivs := make([]iv, 0, len(ms))
	for _, m := range ms {
		i, j := rng(m)
		ivs = append(ivs, iv{i, j})
	}
	slices.SortFunc(ivs, func(p, q iv) int { return cmp.Compare(p.i, q.i) })
	covered, end := 0, 0
	for _, v := range ivs {
		if v.i > end {
			end = v.i
		}
		if v.j > end {
			covered += v.j - end
			end = v.j
		}
	}
	return float64(covered) / float64(n)
}

// span returns the span of the words [i, j) of toks in code points.
func span(article string, c *cpCursor, toks []token, i, j int) crosscheck.Span {
	return crosscheck.Span{Article: article, Start: c.at(int(toks[i].start)), End: c.at(int(toks[j-1].end))}
}

// cpCursor converts byte offsets of text to code-point offsets, cheaply when
// the offsets mostly grow.
type cpCursor struct {
	text string
	b, n int
}

func (c *cpCursor) at(b int) int {
	if b < c.b {
		c.b, c.n = 0, 0
	}
	c.n += utf8.RuneCountInString(c.text[c.b:b])
	c.b = b
	return c.n
}
