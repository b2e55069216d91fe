package brief

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Input is what the earlier stages know about one story.
type Input struct {
	ID, Title string
	// Articles holds every article of the story, analysed or not.
	Articles  []*crosscheck.Article
	Facts     []crosscheck.Fact
	Quotes    []crosscheck.Quote
	Entities  []crosscheck.Entity
	Conflicts []crosscheck.Conflict
	Spellings []crosscheck.Spelling
	Timeline  []crosscheck.TimelineItem
	Copies    []crosscheck.Copy
	// OriginOf maps an article id to its independent-origin group for the
	// story as a whole (articles that are near copies of each other share a
	// group). Nil means every article is its own origin.
	OriginOf map[string]int
}

// story is the articles of an Input put in order, with what the analysis
// needs to know about each.
type story struct {
	in       Input
	arts     []*crosscheck.Article
	label    []string // the outlet, or the ref when the outlet is unknown
	origin   []int    // a dense origin number
	analysed []bool
	sents    [][]crosscheck.Sentence // the sentences whose offsets check out
	skipped  []int                   // sentences dropped for bad offsets
	index    map[string]int          // article id -> position in arts
	origins  int
}

// outletLabel names an article's outlet for counting and citing: the
// Source, or the ref when the outlet is unknown, so that files of unknown
// origin are not lumped together as one outlet.
func outletLabel(a *crosscheck.Article) string {
	switch {
	case strings.TrimSpace(a.Source) != "":
		return strings.TrimSpace(a.Source)
	case a.Ref != "":
		return a.Ref
	}
	return a.ID
}

// Analysable reports whether crosscheck reads the language: English, or
// unknown (an article too short to tell, or a caller that did not say).
// Articles in other languages are listed in a brief but not analysed.
func Analysable(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "" || lang == "und" || lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_")
}

func newStory(in Input) *story {
	st := &story{in: in, index: make(map[string]int)}
	for _, a := range in.Articles {
		if a == nil {
			continue
		}
		if _, dup := st.index[a.ID]; dup {
			continue
		}
		st.index[a.ID] = -1
		st.arts = append(st.arts, a)
	}
	// Chronological, articles of unknown time last.
	slices.SortStableFunc(st.arts, func(a, b *crosscheck.Article) int {
		if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		if c := cmp.Compare(outletLabel(a), outletLabel(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	dense := make(map[int]int)
	for i, a := range st.arts {
		st.index[a.ID] = i
		st.label = append(st.label, outletLabel(a))
		o := -1 - i // its own origin unless OriginOf says otherwise
		if g, ok := in.OriginOf[a.ID]; ok {
			o = g
		}
		d, ok := dense[o]
		if !ok {
			d = len(dense)
			dense[o] = d
		}
		st.origin = append(st.origin, d)
		ok = Analysable(a.Language)
		st.analysed = append(st.analysed, ok)
		var good []crosscheck.Sentence
		bad := 0
		if ok {
			good, bad = checkedSentences(a)
		}
		st.sents = append(st.sents, good)
		st.skipped = append(st.skipped, bad)
	}
	st.origins = len(dense)
	return st
}

// checkedSentences returns the sentences of a whose text is really found at
// their offsets, and how many were not, walking the text once when the
// sentences come in order.
func checkedSentences(a *crosscheck.Article) (good []crosscheck.Sentence, bad int) {
	rpos, bpos := 0, 0 // a cursor: code point rpos is at byte bpos
	seek := func(r int) (int, bool) {
		if r < rpos {
			rpos, bpos = 0, 0
		}
		for rpos < r {
			if bpos >= len(a.Text) {
				return 0, false
			}
			_, n := utf8.DecodeRuneInString(a.Text[bpos:])
			bpos += n
			rpos++
		}
		return bpos, true
	}
	for _, s := range a.Sentences {
		if s.Start < 0 || s.End < s.Start || strings.TrimSpace(s.Text) == "" {
			bad++
			continue
		}
		i, ok1 := seek(s.Start)
		j, ok2 := seek(s.End)
		if !ok1 || !ok2 || a.Text[i:j] != s.Text {
			bad++
			continue
		}
		good = append(good, s)
	}
	return good, bad
}

// Build writes the brief of one story: it lists and counts the articles,
// copies in what the earlier stages found, and adds the summary, the
// framing differences and the details only one outlet gives.
func Build(in Input) crosscheck.StoryBrief {
	st := newStory(in)
	b := crosscheck.StoryBrief{
		ID:       in.ID,
		Title:    st.title(),
		Coverage: st.coverage(),
		Articles: st.briefArticles(),
		Facts:    orEmpty(in.Facts),
		Entities: orEmpty(in.Entities),
		Quotes:   orEmpty(in.Quotes),
		Differences: crosscheck.Differences{
			Conflicts: orEmpty(in.Conflicts),
			Spellings: orEmpty(in.Spellings),
		},
		Timeline: orEmpty(in.Timeline),
		Copies:   orEmpty(in.Copies),
	}
	c := newCorpus(st)
	framing, loaded := c.framing(in.Spellings)
	summary, chosen := c.summary(loaded)
	b.Summary = summary
	b.Differences.Framing = framing
	b.Unique = c.unique(chosen, covered(in))
	b.Notes = st.notes()
	// The brief shares nothing with the input, and has no nil lists.
	return withEmptyLists(reflect.ValueOf(b)).Interface().(crosscheck.StoryBrief)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (st *story) title() string {
	if t := strings.TrimSpace(st.in.Title); t != "" {
		return t
	}
	for i, a := range st.arts {
		if st.analysed[i] && strings.TrimSpace(a.Title) != "" {
			return strings.TrimSpace(a.Title)
		}
	}
	for _, a := range st.arts {
		if strings.TrimSpace(a.Title) != "" {
			return strings.TrimSpace(a.Title)
		}
	}
	return st.in.ID
}

func (st *story) coverage() crosscheck.Coverage {
	cv := crosscheck.Coverage{Articles: len(st.arts), IndependentOrigins: st.origins}
	outlets := make(map[string]bool)
	for i, a := range st.arts {
		outlets[st.label[i]] = true
		if p := a.Published; !p.IsZero() {
			if cv.First.IsZero() || p.Before(cv.First) {
				cv.First = p
			}
			if p.After(cv.Last) {
				cv.Last = p
			}
		}
	}
	cv.Outlets = len(outlets)
	return cv
}

func (st *story) briefArticles() []crosscheck.BriefArticle {
	out := make([]crosscheck.BriefArticle, 0, len(st.arts))
	for i, a := range st.arts {
		ba := crosscheck.BriefArticle{
			ID: a.ID, Ref: a.Ref, Source: a.Source, Title: a.Title,
			Language: a.Language, Published: a.Published, Analysed: st.analysed[i],
		}
		if !ba.Analysed {
			ba.Note = "not analysed: language " + a.Language
		}
		out = append(out, ba)
	}
	return out
}

func (st *story) notes() []string {
	notes := []string{}
	n, analysed := len(st.arts), 0
	var langs []string
	for i, a := range st.arts {
		if st.analysed[i] {
			analysed++
		} else if !slices.Contains(langs, a.Language) {
			langs = append(langs, a.Language)
		}
	}
	switch {
	case n == 0:
		notes = append(notes, "no articles")
	case n == 1:
		notes = append(notes, "one article: nothing to cross-check")
	case st.origins == 1:
		notes = append(notes, fmt.Sprintf("1 independent origin: the %d articles are copies of one text", n))
	case analysed == 1:
		notes = append(notes, "one article analysed: nothing to cross-check")
	}
	if n > 0 && analysed == 0 {
		notes = append(notes, "no article in a language crosscheck reads: nothing analysed")
	}
	if k := n - analysed; k > 0 {
		slices.Sort(langs)
		notes = append(notes, fmt.Sprintf("%d %s not analysed: language %s", k, plural(k, "article", "articles"), strings.Join(langs, ", ")))
	}
	for i, k := range st.skipped {
		if k > 0 {
			notes = append(notes, fmt.Sprintf("article %s: %d %s skipped: the text at the offsets differs", st.arts[i].ID, k, plural(k, "sentence", "sentences")))
		}
	}
	return notes
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
