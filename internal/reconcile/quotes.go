package reconcile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/names"
)

type quoteMember struct {
	member
	q extract.Quote
}

// minQuoteWords leaves out scare quotes ("bandits") from the quotes a brief
// lists.
const minQuoteWords = 3

// quotes aligns quotations across articles: the same words, or a slightly
// different translation of them, are one quote. Candidates are found
// through their rare words, never by comparing every quote with every
// other.
func (r *run) quotes() ([]crosscheck.Quote, []crosscheck.Conflict) {
	var ms []quoteMember
	for i := range r.in.Articles {
		a := &r.in.Articles[i]
		for _, q := range a.Facts.Quotes {
			if len(strings.Fields(q.Text)) < minQuoteWords {
				continue
			}
			ms = append(ms, quoteMember{member{a: a, unit: q.Sentence, span: q.Span, text: q.Text}, q})
		}
	}
	words := make([][]string, len(ms))
	df := map[string]int{}
	for i, m := range ms {
		words[i] = contentWords(m.q.Normalized)
		for _, w := range words[i] {
			df[w]++
		}
	}
	// Block on each quote's three rarest words.
	blocks := map[string][]int{}
	for i, ws := range words {
		ws = slices.Clone(ws)
		slices.SortFunc(ws, func(a, b string) int {
			if c := cmp.Compare(df[a], df[b]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, w := range ws[:min(3, len(ws))] {
			blocks[w] = append(blocks[w], i)
		}
	}
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	checked := map[[2]int]bool{}
	for _, ids := range blocks {
		if len(ids) > 200 {
			continue // a word too common to block on
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				i, j := ids[x], ids[y]
				if find(i) == find(j) || checked[[2]int{i, j}] {
					continue
				}
				checked[[2]int{i, j}] = true
				if same, _ := extract.SameQuote(ms[i].q.Text, ms[j].q.Text); same {
					parent[find(j)] = find(i)
				}
			}
		}
	}
	groups := map[int][]quoteMember{}
	var roots []int
	for i, m := range ms {
		root := find(i)
		if _, ok := groups[root]; !ok {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], m)
	}
	var out []crosscheck.Quote
	var conflicts []crosscheck.Conflict
	for _, root := range roots {
		q, c := r.quote(groups[root])
		out = append(out, q)
		if c != nil {
			conflicts = append(conflicts, *c)
		}
	}
	slices.SortStableFunc(out, func(a, b crosscheck.Quote) int {
		if c := cmp.Compare(len(b.Articles), len(a.Articles)); c != 0 {
			return c
		}
		return cmp.Compare(a.Evidence[0].Article+fmt.Sprint(a.Evidence[0].Start), b.Evidence[0].Article+fmt.Sprint(b.Evidence[0].Start))
	})
	rename := map[string]string{}
	for i := range out {
		id := fmt.Sprintf("q%d", i+1)
		rename[out[i].ID] = id
		out[i].ID = id
	}
	for i := range conflicts {
		conflicts[i].Item = rename[conflicts[i].Item]
	}
	return out, conflicts
}

var stopWords = setOf(`a an the and or but of to in on at for with by from as is are was were be been
being it its this that these those he she they we i you his her their our my your not no so if
then than there here will would can could should may might must has have had do does did also
well very more most such into about over after before out up all any some`)

func contentWords(normalized string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(normalized) {
		if !stopWords[w] && !seen[w] && len(w) > 2 {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func (r *run) quote(ms []quoteMember) (crosscheck.Quote, *crosscheck.Conflict) {
	plain := make([]member, len(ms))
	for i, m := range ms {
		plain[i] = m.member
	}
	articles, outlets, origins, status, why := cite(plain, r.origins(plain))
	q := crosscheck.Quote{
		ID: r.provisional(), Articles: articles, Outlets: outlets,
		IndependentOrigins: len(origins), Status: status, Why: why,
	}
	// The wording most articles use, then the longest, stands for the
	// quote; the others are listed as other wordings.
	count := map[string]int{}
	for _, m := range ms {
		count[m.q.Text]++
	}
	for _, m := range ms {
		t := m.q.Text
		if q.Text == "" || count[t] > count[q.Text] || count[t] == count[q.Text] && len(t) > len(q.Text) {
			q.Text = t
		}
	}
	for _, m := range ms {
		if m.q.Text != q.Text && !slices.Contains(q.Wordings, m.q.Text) {
			q.Wordings = append(q.Wordings, m.q.Text)
		}
		q.Evidence = append(q.Evidence, m.evidence(speakerNote(m.q)))
	}
	q.Speaker, q.Channel = bestOf(ms, func(m quoteMember) string { return m.q.Speaker }), bestOf(ms, func(m quoteMember) string { return m.q.Channel })
	// The same words given to two named people is a conflict; a name
	// against a description ("the diplomat") is not, and neither is a
	// speaker the extractor had to infer (a pronoun, the sentence before,
	// a fragment quoted inside reported speech): false conflicts are worse
	// than missed ones.
	var named []quoteMember
	for _, m := range ms {
		if m.q.Speaker != "" && !lowerFirst(m.q.Speaker) && !m.q.Partial && directCue(m.q.How) {
			named = append(named, m)
		}
	}
	for i := 1; i < len(named); i++ {
		a, b := named[0], named[i]
		if sameSpeaker(a.q.Speaker, b.q.Speaker) {
			continue
		}
		why := fmt.Sprintf("the same words are given to %s by %s and to %s by %s", a.q.Speaker, a.a.Source, b.q.Speaker, b.a.Source)
		q.Status, q.Why = crosscheck.InConflict, why
		c := &crosscheck.Conflict{Kind: "quote_speaker", Item: q.ID, Why: why, Versions: []crosscheck.Version{
			{Text: a.q.Speaker, Articles: []string{a.a.ID}, Outlets: []string{a.a.Source}},
			{Text: b.q.Speaker, Articles: []string{b.a.ID}, Outlets: []string{b.a.Source}},
		}}
		return q, c
	}
	return q, nil
}

func speakerNote(q extract.Quote) string {
	if q.Speaker == "" {
		return ""
	}
	return "speaker: " + q.Speaker
}

// bestOf returns the most common non-empty value, preferring names over
// descriptions.
func bestOf(ms []quoteMember, get func(quoteMember) string) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		v := get(m)
		if v == "" {
			continue
		}
		count[v]++
		switch {
		case best == "":
			best = v
		case lowerFirst(best) && !lowerFirst(v):
			best = v
		case lowerFirst(best) == lowerFirst(v) && count[v] > count[best]:
			best = v
		}
	}
	return best
}

// sameSpeaker reports whether two speaker names may be one person: the
// same surname, or one name under two spellings.
func sameSpeaker(a, b string) bool {
	if surname(a) == surname(b) {
		return true
	}
	return names.Match(a, b).Same || names.MatchOrg(a, b).Same
}

// directCue reports whether the speaker was named by a cue verb in the
// quote's own sentence ("…," Varga said).
func directCue(how string) bool {
	return how == "cue after the quote" || how == "cue before the quote"
}
