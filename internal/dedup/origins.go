package dedup

import (
	"fmt"
	"slices"

	"github.com/crosscheck/crosscheck"
)

// Support is one article's support for a fact, as the stage that found the
// fact saw it.
type Support struct {
	Article string // the article id
	// Outlet is the article's outlet (Article.Source), when known: an
	// article by Reuters and one that credits Reuters are one origin, and so
	// are two articles by one outlet.
	Outlet string
	// Sentence is where the article states the fact. The zero Span means
	// unknown; then any passage the article shares with another supporting
	// article counts as carrying the fact.
	Sentence crosscheck.Span
	// Credits names the origins the article credits the fact to, such as
	// the Origin of an Attribution in or next to Sentence.
	Credits []string
}

// Origin is a group of supporting articles that count as one source.
type Origin struct {
	Articles []string // in the order of the support
	Reasons  []string // why the articles were grouped; empty for one article
}

// Origins groups the articles that support a fact into independent origins;
// len of the result is their number. Two articles are one origin when
//
//   - one is a near copy of the other (Pair.Copy);
//   - they share a passage that carries the fact: one that overlaps, in
//     each article whose Sentence is known, at least half of the sentence
//     or half of the passage, whichever is shorter;
//   - they credit the same origin, or one credits the other's outlet, or
//     they come from the same outlet.
//
// These unions are transitive. pairs may hold pairs of any articles, as
// Find returns them; those not between two supporting articles are ignored,
// but each call reads them all, so a caller counting many facts should pass
// the pairs of the story at hand rather than of the whole corpus.
// An article listed more than once supports the fact by each of its
// sentences.
func Origins(support []Support, pairs []Pair) []Origin {
	idx := make(map[string]int)
	var ids []string
	var sentences [][]crosscheck.Span
	var credits [][]string
	var outlets []string
	for _, s := range support {
		i, ok := idx[s.Article]
		if !ok {
			i = len(ids)
			idx[s.Article] = i
			ids = append(ids, s.Article)
			sentences = append(sentences, nil)
			credits = append(credits, nil)
			outlets = append(outlets, "")
		}
		if s.Sentence.End > s.Sentence.Start {
			sentences[i] = append(sentences[i], s.Sentence)
		}
		for _, c := range s.Credits {
			if k := originKey(c); k != "" && !slices.Contains(credits[i], k) {
				credits[i] = append(credits[i], k)
			}
		}
		if k := originKey(s.Outlet); k != "" {
			outlets[i] = k
		}
	}

	u := newUnion(len(ids))
	for k := range pairs {
		p := &pairs[k]
		i, ok := idx[p.A]
		j, ok2 := idx[p.B]
		if !ok || !ok2 || i == j {
			continue
		}
		switch {
		case p.Copy:
			u.join(i, j, fmt.Sprintf("%s and %s are near copies", p.A, p.B))
		case carries(p, sentences[i], sentences[j]):
			u.join(i, j, fmt.Sprintf("%s and %s share the passage stating it", p.A, p.B))
		}
	}

	byCredit := make(map[string]int)
	byOutlet := make(map[string]int)
	for i := range ids {
		if o := outlets[i]; o != "" {
			if j, ok := byOutlet[o]; ok {
				u.join(j, i, fmt.Sprintf("%s and %s come from the same outlet, %s", ids[j], ids[i], Canonical(o)))
			} else {
				byOutlet[o] = i
			}
		}
		for _, c := range credits[i] {
			if j, ok := byCredit[c]; ok {
				u.join(j, i, fmt.Sprintf("%s and %s both credit %s", ids[j], ids[i], Canonical(c)))
			} else {
				byCredit[c] = i
			}
		}
	}
	for i := range ids {
		for _, c := range credits[i] {
			if j, ok := byOutlet[c]; ok && j != i {
				u.join(j, i, fmt.Sprintf("%s credits %s, the outlet of %s", ids[i], Canonical(c), ids[j]))
			}
		}
	}

	var out []Origin
	group := make(map[int]int) // root -> index in out
	for i, id := range ids {
		r := u.find(i)
		g, ok := group[r]
		if !ok {
			g = len(out)
			group[r] = g
			out = append(out, Origin{Reasons: u.reasons[r]})
		}
		out[g].Articles = append(out[g].Articles, id)
	}
	return out
}

// carries reports whether a passage of p lies where the fact is stated in
// p.A (sentences sa) and in p.B (sentences sb); unknown sentences accept
// any passage.
func carries(p *Pair, sa, sb []crosscheck.Span) bool {
	for _, ps := range p.Passages {
		if within(ps.A, sa) && within(ps.B, sb) {
			return true
		}
	}
	return false
}

func within(passage crosscheck.Span, sentences []crosscheck.Span) bool {
	if len(sentences) == 0 {
		return true
	}
	for _, s := range sentences {
		inter := min(s.End, passage.End) - max(s.Start, passage.Start)
		if inter > 0 && 2*inter >= min(s.End-s.Start, passage.End-passage.Start) {
			return true
		}
	}
	return false
}

// union is a union-find forest over n items that remembers why items were
// joined.
type union struct {
	parent  []int
	size    []int
	reasons map[int][]string // root -> reasons
}

func newUnion(n int) *union {
	u := &union{parent: make([]int, n), size: make([]int, n), reasons: make(map[int][]string)}
	for i := range u.parent {
		u.parent[i], u.size[i] = i, 1
	}
	return u
}

func (u *union) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// join merges the sets of i and j, recording why when they were apart.
func (u *union) join(i, j int, reason string) {
	ri, rj := u.find(i), u.find(j)
	if ri == rj {
		return
	}
	if u.size[ri] < u.size[rj] {
		ri, rj = rj, ri
	}
	u.parent[rj] = ri
	u.size[ri] += u.size[rj]
	u.reasons[ri] = append(u.reasons[ri], u.reasons[rj]...)
	u.reasons[ri] = append(u.reasons[ri], reason)
	delete(u.reasons, rj)
}
