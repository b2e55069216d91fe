package reconcile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/extract"
)

type dateMember struct {
	member
	d extract.Date
}

// dateKey names the day, month or year a date refers to; a range keeps
// both ends.
func dateKey(d extract.Date) string {
	if d.End != "" {
		return d.ISO + "/" + d.End
	}
	return d.ISO
}

// collectDates groups the normalised dates of all articles by what they
// refer to, in order of first appearance.
func (r *run) collectDates() ([]string, map[string][]dateMember) {
	byKey := map[string][]dateMember{}
	var keys []string
	for i := range r.in.Articles {
		a := &r.in.Articles[i]
		for _, d := range a.Facts.Dates {
			if d.ISO == "" || d.Invalid {
				continue
			}
			k := dateKey(d)
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], dateMember{member{a: a, unit: d.Sentence, span: d.Span, text: d.Text}, d})
		}
	}
	return keys, byKey
}

// dates turns days that an article ties to an event into facts: "the
// release on 13 December" corroborated by independent outlets.
func (r *run) dates() []crosscheck.Fact {
	keys, byKey := r.collectDates()
	var out []crosscheck.Fact
	for _, k := range keys {
		ms := byKey[k]
		if ms[0].d.Precision != extract.Day || eventOf(ms) == "" {
			continue
		}
		plain := make([]member, len(ms))
		for i, m := range ms {
			plain[i] = m.member
		}
		articles, outlets, origins, status, why := cite(plain, r.origins(plain))
		f := crosscheck.Fact{
			ID: r.provisional(), Kind: "date", Date: k, Precision: string(ms[0].d.Precision),
			Text: fmt.Sprintf("%s: %s", k, eventOf(ms)), Articles: articles, Outlets: outlets,
			IndependentOrigins: len(origins), Origins: origins, Status: status, Why: why,
		}
		for _, m := range ms {
			f.Evidence = append(f.Evidence, m.evidence(m.d.Event))
		}
		out = append(out, f)
	}
	return out
}

// eventOf picks the phrase that best says what happened on a date: the
// one most articles use, then the shortest.
func eventOf(ms []dateMember) string {
	count := map[string]int{}
	for _, m := range ms {
		if e := strings.TrimSpace(m.d.Event); e != "" {
			count[e]++
		}
	}
	best := ""
	for e, n := range count {
		if best == "" || n > count[best] || n == count[best] && (len(e) < len(best) || len(e) == len(best) && e < best) {
			best = e
		}
	}
	return best
}

// timeline orders the story's dated events. Dates whose year is unknown
// ("--12-13") come after the dated ones, by month and day: they are
// almost always in the story's own year.
func (r *run) timeline() []crosscheck.TimelineItem {
	keys, byKey := r.collectDates()
	var out []crosscheck.TimelineItem
	for _, k := range keys {
		ms := byKey[k]
		t := crosscheck.TimelineItem{Date: k, Precision: string(ms[0].d.Precision), Text: eventOf(ms)}
		if len(strings.Fields(t.Text)) < 2 {
			// No event, or a bare verb ("introduced"): the sentence
			// says what happened.
			t.Text = ms[0].sentenceText()
		}
		for _, m := range ms {
			t.Articles = appendUnique(t.Articles, m.a.ID)
			t.Outlets = appendUnique(t.Outlets, m.a.Source)
			t.Evidence = append(t.Evidence, m.evidence(m.d.Event))
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b crosscheck.TimelineItem) int {
		ua, ub := strings.HasPrefix(a.Date, "--"), strings.HasPrefix(b.Date, "--")
		if ua != ub {
			if ua {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Date, b.Date)
	})
	return out
}
