package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// The Markdown and HTML renderings share one view of a brief: plain
// strings, decided once, which each rendering escapes for its format.

type pageView struct {
	Title   string
	Stories []storyView
}

type storyView struct {
	Anchor    string
	Title     string
	Coverage  string
	Span      string
	Notes     []string
	Outlets   []outletView
	Summary   []summaryView
	Facts     []factView
	Entities  []entityView
	Quotes    []quoteView
	Conflicts []conflictView
	Spellings []spellingView
	Framing   []framingView
	Unique    []uniqueGroup
	Timeline  []timelineView
	Copies    []copyView
}

// HasDifferences reports whether the story has anything to show under
// "Where the outlets differ".
func (s storyView) HasDifferences() bool {
	return len(s.Conflicts)+len(s.Spellings)+len(s.Framing) > 0
}

type outletView struct {
	Name     string
	Articles []articleView
}

type articleView struct {
	Anchor    string
	ID        string
	Title     string
	Ref       string
	Language  string
	Published string
	Note      string
}

type citeView struct {
	Label  string
	Anchor string // the article's row in the list of outlets
}

type summaryView struct {
	Text         string
	Cites        []citeView
	More         int // citations left out
	SingleSource bool
	Evidence     []evidenceView
}

type evidenceView struct {
	Cite citeView
	Text string
}

type factView struct {
	Text     string
	Value    string
	Outlets  string
	Origins  int
	Status   string
	Conflict bool
	Why      string
	Versions []string
}

type entityView struct {
	Name      string
	Type      string
	Spellings []string
	Roles     string
	Mentions  int
}

type quoteView struct {
	Speaker  string
	Text     string
	Channel  string
	Outlets  string
	Status   string
	Conflict bool
	Wordings []string
}

type conflictView struct {
	Kind     string
	Item     string
	Why      string
	Versions []versionView
}

type versionView struct {
	Text    string
	Outlets string
	Note    string
}

type spellingView struct {
	Name     string
	Variants []string
}

type framingView struct {
	Term     string
	Outlets  string
	Others   string
	Contrast string
	Score    string
}

type uniqueGroup struct {
	Outlet string
	Items  []uniqueView
}

type uniqueView struct {
	Text string
	Cite citeView
}

type timelineView struct {
	Date      string
	Precision string
	Text      string
	Outlets   string
}

type copyView struct {
	A, B     string
	Directed bool // A is the original and B the copy
	Passages int
	Shared   string
	Full     bool
	Example  string
	Reason   string
}

// maxCites is how many outlets a summary sentence names before "and n more".
const maxCites = 6

// exampleRunes is how much of a shared passage the renderings quote.
const exampleRunes = 200

func newPage(b crosscheck.Brief) pageView {
	p := pageView{Title: "crosscheck brief"}
	if len(b.Stories) == 1 {
		p.Title = b.Stories[0].Title
	}
	for i, s := range b.Stories {
		p.Stories = append(p.Stories, newStoryView(i, s))
	}
	return p
}

func newStoryView(n int, b crosscheck.StoryBrief) storyView {
	v := storyView{
		Anchor: fmt.Sprintf("s%d", n+1),
		Title:  b.Title,
		Notes:  b.Notes,
		Span:   timeSpan(b.Coverage.First, b.Coverage.Last),
	}
	if v.Title == "" {
		v.Title = b.ID
	}
	cv := b.Coverage
	v.Coverage = fmt.Sprintf("%s · %s · %s",
		count(cv.Articles, "article", "articles"), count(cv.Outlets, "outlet", "outlets"),
		count(cv.IndependentOrigins, "independent origin", "independent origins"))

	// Article ids to citation labels and anchors.
	cites := make(map[string]citeView)
	for i, a := range b.Articles {
		label := a.Source
		if strings.TrimSpace(label) == "" {
			label = a.Ref
		}
		if label == "" {
			label = a.ID
		}
		av := articleView{
			Anchor: fmt.Sprintf("%s-a%d", v.Anchor, i+1), ID: a.ID, Title: a.Title, Ref: a.Ref,
			Language: a.Language, Published: stamp(a.Published), Note: a.Note,
		}
		if _, ok := cites[a.ID]; !ok {
			cites[a.ID] = citeView{Label: label, Anchor: av.Anchor}
		}
		k := slices.IndexFunc(v.Outlets, func(o outletView) bool { return o.Name == label })
		if k < 0 {
			k = len(v.Outlets)
			v.Outlets = append(v.Outlets, outletView{Name: label})
		}
		v.Outlets[k].Articles = append(v.Outlets[k].Articles, av)
	}
	cite := func(id string) citeView {
		if c, ok := cites[id]; ok {
			return c
		}
		return citeView{Label: id}
	}
	label := func(id string) string { return cite(id).Label }

	for _, s := range b.Summary {
		sv := summaryView{Text: s.Text, SingleSource: s.SingleSource}
		seen := make(map[string]bool)
		for _, id := range s.Articles {
			c := cite(id)
			if seen[c.Label] {
				continue
			}
			seen[c.Label] = true
			if len(sv.Cites) == maxCites {
				sv.More++
				continue
			}
			sv.Cites = append(sv.Cites, c)
		}
		for _, ev := range s.Evidence {
			sv.Evidence = append(sv.Evidence, evidenceView{Cite: cite(ev.Article), Text: ev.Text})
		}
		v.Summary = append(v.Summary, sv)
	}

	items := make(map[string]string) // fact and quote ids to what they say
	for _, f := range b.Facts {
		items[f.ID] = f.Text
		fv := factView{
			Text: f.Text, Value: factValue(f), Outlets: strings.Join(f.Outlets, ", "),
			Origins: f.IndependentOrigins, Status: statusText(f.Status),
			Conflict: f.Status == crosscheck.InConflict, Why: f.Why,
		}
		var values []string
		for _, ver := range f.Versions {
			fv.Versions = append(fv.Versions, versionText(ver))
			values = append(values, versionValue(ver))
		}
		if fv.Conflict && len(values) > 1 {
			fv.Value = strings.Join(values, " vs ")
		}
		v.Facts = append(v.Facts, fv)
	}

	ents := slices.Clone(b.Entities)
	slices.SortStableFunc(ents, func(a, b crosscheck.Entity) int { return cmp.Compare(typeRank(a.Type), typeRank(b.Type)) })
	for _, e := range ents {
		ev := entityView{Name: e.Name, Type: e.Type, Roles: strings.Join(e.Roles, "; "), Mentions: e.Mentions}
		for _, va := range e.Variants {
			ev.Spellings = append(ev.Spellings, variantText(va))
		}
		v.Entities = append(v.Entities, ev)
	}

	for _, q := range b.Quotes {
		items[q.ID] = "“" + q.Text + "”"
		v.Quotes = append(v.Quotes, quoteView{
			Speaker: q.Speaker, Text: q.Text, Channel: q.Channel, Outlets: strings.Join(q.Outlets, ", "),
			Status: statusText(q.Status), Conflict: q.Status == crosscheck.InConflict, Wordings: q.Wordings,
		})
	}

	for _, c := range b.Differences.Conflicts {
		cv := conflictView{Kind: strings.ReplaceAll(c.Kind, "_", " "), Item: c.Item, Why: c.Why}
		if t, ok := items[c.Item]; ok {
			cv.Item = t
		}
		for _, ver := range c.Versions {
			cv.Versions = append(cv.Versions, versionView{Text: versionValue(ver), Outlets: strings.Join(ver.Outlets, ", "), Note: ver.Note})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	for _, s := range b.Differences.Spellings {
		sv := spellingView{Name: s.Name}
		for _, va := range s.Variants {
			sv.Variants = append(sv.Variants, variantText(va))
		}
		v.Spellings = append(v.Spellings, sv)
	}
	for _, f := range b.Differences.Framing {
		v.Framing = append(v.Framing, framingView{
			Term: f.Term, Outlets: strings.Join(f.Outlets, ", "), Others: strings.Join(f.Others, ", "),
			Contrast: f.Contrast, Score: strconv.FormatFloat(f.Score, 'f', 2, 64),
		})
	}

	uniq := slices.Clone(b.Unique)
	slices.SortStableFunc(uniq, func(a, b crosscheck.Unique) int { return strings.Compare(a.Outlet, b.Outlet) })
	for _, u := range uniq {
		if n := len(v.Unique); n == 0 || v.Unique[n-1].Outlet != u.Outlet {
			v.Unique = append(v.Unique, uniqueGroup{Outlet: u.Outlet})
		}
		g := &v.Unique[len(v.Unique)-1]
		g.Items = append(g.Items, uniqueView{Text: u.Text, Cite: cite(u.Article)})
	}

	for _, t := range b.Timeline {
		v.Timeline = append(v.Timeline, timelineView{Date: t.Date, Precision: t.Precision, Text: t.Text, Outlets: strings.Join(t.Outlets, ", ")})
	}

	for _, c := range b.Copies {
		cv := copyView{
			A: label(c.A), B: label(c.B), Passages: c.Passages,
			Shared: strconv.Itoa(int(c.Shared*100+0.5)) + "%", Full: c.Full,
			Example: clip(c.Example.Text, exampleRunes), Reason: c.Reason,
		}
		if c.From != "" && c.To != "" {
			cv.A, cv.B, cv.Directed = label(c.From), label(c.To), true
		}
		v.Copies = append(v.Copies, cv)
	}
	return v
}

func count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + plural(n, one, many)
}

// stamp shows a time in UTC, without the clock when it is midnight, which
// is what a date alone becomes.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04 UTC")
}

func timeSpan(first, last time.Time) string {
	switch {
	case first.IsZero():
		return ""
	case last.IsZero() || first.Equal(last):
		return stamp(first)
	}
	f, l := stamp(first), stamp(last)
	if first.UTC().Format("2006-01-02") == last.UTC().Format("2006-01-02") && strings.HasSuffix(f, " UTC") {
		return strings.TrimSuffix(f, " UTC") + "–" + last.UTC().Format("15:04") + " UTC"
	}
	return f + " – " + l
}

func statusText(s crosscheck.Status) string {
	switch s {
	case crosscheck.InConflict:
		return "⚠ conflict"
	case crosscheck.SingleSource:
		return "single source"
	case "":
		return "—"
	}
	return string(s)
}

var comparators = map[string]string{
	"": "", "exact": "", "at_least": "≥ ", "at_most": "≤ ", "approx": "≈ ",
	"more_than": "> ", "less_than": "< ",
}

func number(value *float64, comparator, unit string) string {
	if value == nil {
		return ""
	}
	c, ok := comparators[comparator]
	if !ok {
		c = strings.ReplaceAll(comparator, "_", " ") + " "
	}
	s := c + strconv.FormatFloat(*value, 'f', -1, 64)
	if unit != "" {
		s += " " + unit
	}
	return s
}

func factValue(f crosscheck.Fact) string {
	if f.Kind == "date" || f.Date != "" {
		return f.Date
	}
	return number(f.Value, f.Comparator, f.Unit)
}

func versionValue(v crosscheck.Version) string {
	if n := number(v.Value, v.Comparator, ""); n != "" && v.Text == "" {
		return n
	}
	return v.Text
}

func versionText(v crosscheck.Version) string {
	s := versionValue(v)
	if len(v.Outlets) > 0 {
		s += " (" + strings.Join(v.Outlets, ", ") + ")"
	}
	if v.Note != "" {
		s += ": " + v.Note
	}
	return s
}

func variantText(v crosscheck.Variant) string {
	if len(v.Outlets) == 0 {
		return v.Name
	}
	return v.Name + " (" + strings.Join(v.Outlets, ", ") + ")"
}

func typeRank(t string) int {
	switch t {
	case "person":
		return 0
	case "organisation", "organization":
		return 1
	case "place":
		return 2
	}
	return 3
}

// clip shortens s to about n code points, at a word boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if cut == n {
			s = s[:i]
			break
		}
		cut++
	}
	if k := strings.LastIndexByte(s, ' '); k > len(s)/2 {
		s = s[:k]
	}
	return s + "…"
}
