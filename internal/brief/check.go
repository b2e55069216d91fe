package brief

import (
	"fmt"
	"slices"

	"github.com/crosscheck/crosscheck"
)

// CheckCitations verifies that every Evidence of the summary, the details
// only one outlet gives, the facts, the quotes and the timeline of b cites
// text that is really in the named article at those code-point offsets,
// and that the article is one the item lists. It returns one error per
// broken citation, or none. articles maps article ids to articles.
func CheckCitations(b crosscheck.StoryBrief, articles map[string]*crosscheck.Article) []error {
	var errs []error
	check := func(where string, ev crosscheck.Evidence, listed []string) {
		a, ok := articles[ev.Article]
		switch {
		case !ok || a == nil:
			errs = append(errs, fmt.Errorf("%s: cites unknown article %q", where, ev.Article))
			return
		case listed != nil && !slices.Contains(listed, ev.Article):
			errs = append(errs, fmt.Errorf("%s: cites article %s, which the item does not list", where, ev.Article))
		}
		if got := crosscheck.Slice(a.Text, ev.Start, ev.End); got != ev.Text || ev.End <= ev.Start {
			errs = append(errs, fmt.Errorf("%s: article %s [%d,%d): got %q, want %q", where, ev.Article, ev.Start, ev.End, got, ev.Text))
		}
	}
	for i, s := range b.Summary {
		if len(s.Evidence) == 0 {
			errs = append(errs, fmt.Errorf("summary %d: no evidence", i+1))
		}
		for j, ev := range s.Evidence {
			check(fmt.Sprintf("summary %d evidence %d", i+1, j+1), ev, s.Articles)
		}
	}
	for i, u := range b.Unique {
		check(fmt.Sprintf("unique %d", i+1), u.Evidence, []string{u.Article})
	}
	for _, f := range b.Facts {
		for j, ev := range f.Evidence {
			check(fmt.Sprintf("fact %s evidence %d", f.ID, j+1), ev, f.Articles)
		}
	}
	for _, q := range b.Quotes {
		for j, ev := range q.Evidence {
			check(fmt.Sprintf("quote %s evidence %d", q.ID, j+1), ev, q.Articles)
		}
	}
	for i, t := range b.Timeline {
		for j, ev := range t.Evidence {
			check(fmt.Sprintf("timeline %d evidence %d", i+1, j+1), ev, t.Articles)
		}
	}
	return errs
}
