// Package reconcile aligns the facts of a story's articles across outlets:
// the same number, date or quote stated by several articles becomes one
// item, marked corroborated when independent origins support it,
// single-source when one origin does (however many copies carry it), or in
// conflict when outlets give incompatible versions. Every item cites its
// evidence, and every status says why.
package reconcile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/dedup"
	"github.com/crosscheck/crosscheck/internal/extract"
)

// Article is one analysed article of a story with what the earlier stages
// found in it.
type Article struct {
	*crosscheck.Article
	// Units are the spans the facts were extracted from, indexed by the
	// Sentence fields of Facts: the body sentences and the sub-headings,
	// in text order.
	Units        []crosscheck.Sentence
	Facts        extract.Result
	Attributions []dedup.Attribution
}

// Input is a story to reconcile.
type Input struct {
	Articles []Article
	// Pairs are the shared passages between the story's articles.
	Pairs []dedup.Pair
}

// Output holds the reconciled items of a story.
type Output struct {
	Facts     []crosscheck.Fact
	Quotes    []crosscheck.Quote
	Conflicts []crosscheck.Conflict
	Timeline  []crosscheck.TimelineItem
	Copies    []crosscheck.Copy
	// OriginOf groups the articles that are near copies of each other.
	OriginOf map[string]int
}

// Run reconciles a story.
func Run(in Input) Output {
	r := &run{in: in, byID: map[string]*Article{}, pairsOf: map[string][]int{}}
	for i := range in.Articles {
		r.byID[in.Articles[i].ID] = &in.Articles[i]
	}
	for i, p := range in.Pairs {
		r.pairsOf[p.A] = append(r.pairsOf[p.A], i)
		r.pairsOf[p.B] = append(r.pairsOf[p.B], i)
	}
	var out Output
	out.Facts, out.Conflicts = r.numbers()
	out.Facts = append(out.Facts, r.dates()...)
	quotes, qconf := r.quotes()
	out.Quotes = quotes
	out.Conflicts = append(out.Conflicts, qconf...)
	out.Timeline = r.timeline()
	out.Copies, out.OriginOf = r.copies()
	rename := numberFacts(out.Facts)
	for i := range out.Conflicts {
		if id, ok := rename[out.Conflicts[i].Item]; ok {
			out.Conflicts[i].Item = id
		}
	}
	return out
}

type run struct {
	in      Input
	byID    map[string]*Article
	pairsOf map[string][]int // article id -> indexes into in.Pairs
	tmp     int              // counter for provisional item ids
}

// provisional returns an id that numberFacts replaces.
func (r *run) provisional() string {
	r.tmp++
	return fmt.Sprintf("tmp%d", r.tmp)
}

// member is one article's statement of an item.
type member struct {
	a    *Article
	unit int // index into a.Units
	span crosscheck.Span
	text string // the words as written
}

func (m member) evidence(note string) crosscheck.Evidence {
	return crosscheck.Evidence{Article: m.a.ID, Start: m.span.Start, End: m.span.End, Text: m.text, Note: note}
}

// sentence returns the span of the unit the member sits in. A sub-heading
// sums up the sentence it heads, so its span reaches over that sentence:
// text shared there is shared wording of the heading's fact too.
func (m member) sentence() crosscheck.Span {
	if m.unit < 0 || m.unit >= len(m.a.Units) {
		return crosscheck.Span{Article: m.a.ID}
	}
	u := m.a.Units[m.unit]
	end := u.End
	if m.a.isHeading(u.Start) && m.unit+1 < len(m.a.Units) {
		end = m.a.Units[m.unit+1].End
	}
	return crosscheck.Span{Article: m.a.ID, Start: u.Start, End: end}
}

func (a *Article) isHeading(start int) bool {
	for _, h := range a.Headings {
		if h.Start == start {
			return true
		}
	}
	return false
}

func (m member) sentenceText() string {
	if m.unit < 0 || m.unit >= len(m.a.Units) {
		return ""
	}
	return m.a.Units[m.unit].Text
}

// origins groups members into independent origins through shared passages
// and common credited sources.
func (r *run) origins(ms []member) []dedup.Origin {
	support := make([]dedup.Support, 0, len(ms))
	for _, m := range ms {
		s := dedup.Support{Article: m.a.ID, Outlet: m.a.Source, Sentence: m.sentence()}
		for _, at := range m.a.Attributions {
			if at.Sentence == m.unit || within(at.Span, s.Sentence) {
				s.Credits = append(s.Credits, at.Origin)
			}
		}
		support = append(support, s)
	}
	// Only the pairs between two supporting articles matter; picking them
	// through each article's own pairs keeps this linear in the support.
	in := map[string]bool{}
	for _, m := range ms {
		in[m.a.ID] = true
	}
	var pairs []dedup.Pair
	seen := map[int]bool{}
	for id := range in {
		for _, k := range r.pairsOf[id] {
			p := r.in.Pairs[k]
			if !seen[k] && in[p.A] && in[p.B] {
				seen[k] = true
				pairs = append(pairs, p)
			}
		}
	}
	return dedup.Origins(support, pairs)
}

func within(s, in crosscheck.Span) bool {
	return s.Start >= in.Start && s.End <= in.End && in.End > in.Start
}

// cite fills the articles, outlets, origins and status of an item.
func cite(ms []member, origins []dedup.Origin) (articles, outlets []string, out []crosscheck.Origin, status crosscheck.Status, why string) {
	for _, m := range ms {
		articles = appendUnique(articles, m.a.ID)
		outlets = appendUnique(outlets, m.a.Source)
	}
	var shared []string
	for _, o := range origins {
		out = append(out, crosscheck.Origin{Articles: o.Articles, Reasons: o.Reasons})
		if len(o.Articles) > 1 {
			shared = append(shared, fmt.Sprintf("%s count as one (%s)", strings.Join(o.Articles, ", "), strings.Join(o.Reasons, "; ")))
		}
	}
	status = crosscheck.SingleSource
	if len(origins) >= 2 {
		status = crosscheck.Corroborated
	}
	switch {
	case len(origins) >= 2:
		why = fmt.Sprintf("%d independent origins among %d articles", len(origins), len(articles))
	case len(articles) > 1:
		why = fmt.Sprintf("%d articles but one origin", len(articles))
	default:
		why = "one article"
	}
	if len(shared) > 0 {
		why += ": " + strings.Join(shared, "; ")
	}
	return articles, outlets, out, status, why
}

func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// numberFacts orders facts, conflicts and the best established first, and
// gives them their ids; it returns the renaming of provisional ids.
func numberFacts(fs []crosscheck.Fact) map[string]string {
	slices.SortStableFunc(fs, func(a, b crosscheck.Fact) int {
		if c := cmp.Compare(rank(a.Status), rank(b.Status)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Articles), len(a.Articles)); c != 0 {
			return c
		}
		return cmp.Compare(a.Text, b.Text)
	})
	rename := map[string]string{}
	for i := range fs {
		id := fmt.Sprintf("f%d", i+1)
		rename[fs[i].ID] = id
		fs[i].ID = id
	}
	return rename
}

func rank(s crosscheck.Status) int {
	switch s {
	case crosscheck.InConflict:
		return 0
	case crosscheck.Corroborated:
		return 1
	}
	return 2
}

// copies turns shared passages into the brief's copy pairs and groups near
// copies into story-level origins.
func (r *run) copies() ([]crosscheck.Copy, map[string]int) {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			root := find(p)
			parent[x] = root
			return root
		}
		return x
	}
	var out []crosscheck.Copy
	for _, p := range r.in.Pairs {
		a, b := r.byID[p.A], r.byID[p.B]
		if a == nil || b == nil || len(p.Passages) == 0 {
			continue
		}
		c := crosscheck.Copy{
			A: p.A, B: p.B, Outlets: []string{a.Source, b.Source},
			Passages: len(p.Passages), Shared: max(p.CoverA, p.CoverB), Full: p.Copy,
			From: p.Direction.From, To: p.Direction.To, Reason: p.Direction.Reason,
		}
		ps := p.Passages[0]
		c.Example = crosscheck.Evidence{Article: p.A, Start: ps.A.Start, End: ps.A.End, Text: crosscheck.Slice(a.Text, ps.A.Start, ps.A.End)}
		out = append(out, c)
		if p.Copy {
			parent[find(p.B)] = find(p.A)
		}
	}
	originOf := map[string]int{}
	roots := map[string]int{}
	for _, a := range r.in.Articles {
		root := find(a.ID)
		if _, ok := roots[root]; !ok {
			roots[root] = len(roots)
		}
		originOf[a.ID] = roots[root]
	}
	return out, originOf
}

// lowerFirst reports whether a name starts in lower case, as descriptions
// ("the diplomat") do and names do not.
func lowerFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
