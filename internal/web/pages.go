package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/entity"
)

//go:embed templates/*.tmpl static/style.css
var assets embed.FS

// pageNames are the pages; each is templates/NAME.tmpl, defining "title"
// and "content", executed inside templates/layout.tmpl.
var pageNames = []string{"stories", "story", "entities", "search", "add", "result", "error"}

// parseTemplates parses every page once, and derives the
// Content-Security-Policy from the one inline style sheet: the pages need
// no script and nothing from elsewhere.
func (s *Server) parseTemplates() error {
	css, err := assets.ReadFile("static/style.css")
	if err != nil {
		return fmt.Errorf("web.templates: %w", err)
	}
	s.css = template.CSS(css)
	sum := sha256.Sum256(css)
	s.csp = "default-src 'self'; script-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	funcs := template.FuncMap{
		"css":        func() template.CSS { return s.css },
		"join":       strings.Join,
		"statusText": statusText,
	}
	s.pages = map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(assets, "templates/layout.tmpl", "templates/"+name+".tmpl")
		if err != nil {
			return fmt.Errorf("web.templates: %w", err)
		}
		s.pages[name] = t
	}
	return nil
}

// render executes a page into a buffer first, so that a template error
// never leaves half a page behind.
func (s *Server) render(w http.ResponseWriter, code int, name string, data any) error {
	t := s.pages[name]
	if t == nil {
		return fmt.Errorf("web.render: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("web.render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
	return nil
}

type errorPage struct {
	Status  int
	Message string
}

// storiesPage is the story list.
type storiesPage struct {
	Outlet, Entity string
	Stories        []storyRow
	Prev, Next     string
}

type storyRow struct {
	ID, Title string
	Articles  int
	Outlets   []string
	Span      string
	Names     []string
}

func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) error {
	list, err := s.stories(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := storiesPage{Outlet: q.Get("outlet"), Entity: q.Get("entity")}
	for _, st := range list.Stories {
		title := st.Title
		if title == "" {
			title = st.ID
		}
		p.Stories = append(p.Stories, storyRow{
			ID: st.ID, Title: title, Articles: len(st.Articles), Outlets: st.Outlets,
			Span: span(st.First, st.Last), Names: st.Entities[:min(5, len(st.Entities))],
		})
	}
	keep := url.Values{}
	for _, k := range []string{"outlet", "entity", "since", "limit"} {
		if q.Get(k) != "" {
			keep.Set(k, q.Get(k))
		}
	}
	p.Prev, p.Next = pageLinks("/", keep, list.Offset, list.Limit, list.Next)
	return s.render(w, http.StatusOK, "stories", p)
}

// pageLinks returns the links to the previous and the next page of a list
// at path. keep holds the query's other parameters; offset and limit say
// which page is shown, and next is the next page's offset when there may be
// one. A link is empty when there is no such page.
func pageLinks(path string, keep url.Values, offset, limit int, next *int) (prev, following string) {
	link := func(at int) string {
		v := maps.Clone(keep)
		if at > 0 {
			v.Set("offset", strconv.Itoa(at))
		}
		if len(v) == 0 {
			return path
		}
		return path + "?" + v.Encode()
	}
	if offset > 0 {
		prev = link(max(0, offset-limit))
	}
	if next != nil {
		following = link(*next)
	}
	return prev, following
}

func span(first, last time.Time) string {
	switch {
	case first.IsZero():
		return ""
	case first.Format(time.DateOnly) == last.Format(time.DateOnly):
		return first.Format(time.DateOnly)
	}
	return first.Format(time.DateOnly) + " – " + last.Format(time.DateOnly)
}

// storyPage is one story's brief, with the source × fact grid.
type storyPage struct {
	B        crosscheck.StoryBrief
	Span     string
	Articles []articleRow
	Outlets  []string
	Grid     []gridRow
	Entities []crosscheck.Entity // people and organisations
}

type articleRow struct {
	Source, Title, Published, Note string
	Link                           string // the article's address, when it is a web page
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) error {
	sb, err := s.storyBrief(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	p := storyPage{B: sb, Span: span(sb.Coverage.First, sb.Coverage.Last)}
	if p.B.Title == "" {
		p.B.Title = sb.ID
	}
	for _, a := range sb.Articles {
		row := articleRow{Source: a.Source, Title: a.Title, Note: a.Note}
		if row.Title == "" {
			row.Title = a.Ref
		}
		if !a.Published.IsZero() {
			row.Published = a.Published.Format(time.DateOnly)
		}
		if u, err := url.Parse(a.Ref); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			row.Link = u.String()
		}
		p.Articles = append(p.Articles, row)
	}
	p.Outlets, p.Grid = grid(sb)
	for _, e := range sb.Entities {
		if e.Type == "person" || e.Type == "organisation" {
			p.Entities = append(p.Entities, e)
		}
	}
	return s.render(w, http.StatusOK, "story", p)
}

// gridRow is one fact or quote of the source × fact grid.
type gridRow struct {
	Kind       string // fact or quote
	Text       string
	Why        string
	Status     crosscheck.Status
	StatusText string
	Origins    int
	Cells      []gridCell // one per outlet
}

// gridCell says what one outlet reports of one item.
type gridCell struct {
	Class string // has, conflict or none
	Text  string
}

// grid lays out a brief's facts and quotes against its outlets, in the
// order the outlets' articles are listed. An outlet's cell of a fact in
// conflict shows its version, flagged.
func grid(sb crosscheck.StoryBrief) ([]string, []gridRow) {
	var outlets []string
	for _, a := range sb.Articles {
		if a.Source != "" && !slices.Contains(outlets, a.Source) {
			outlets = append(outlets, a.Source)
		}
	}
	var rows []gridRow
	for _, f := range sb.Facts {
		row := gridRow{Kind: "fact", Text: f.Text, Status: f.Status, StatusText: statusText(f.Status), Origins: f.IndependentOrigins}
		if f.Status == crosscheck.InConflict {
			row.Why = f.Why
		}
		for _, o := range outlets {
			row.Cells = append(row.Cells, factCell(f, o))
		}
		rows = append(rows, row)
	}
	for _, q := range sb.Quotes {
		text := "“" + q.Text + "”"
		if q.Speaker != "" {
			text = q.Speaker + ": " + text
		}
		row := gridRow{Kind: "quote", Text: text, Status: q.Status, StatusText: statusText(q.Status), Origins: q.IndependentOrigins}
		if q.Status == crosscheck.InConflict {
			row.Why = q.Why
		}
		for _, o := range outlets {
			c := gridCell{Class: "none", Text: "–"}
			if slices.Contains(q.Outlets, o) {
				c = gridCell{Class: "has", Text: "✓"}
				if q.Status == crosscheck.InConflict {
					c = gridCell{Class: "conflict", Text: "≠ ✓"}
				}
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	return outlets, rows
}

func factCell(f crosscheck.Fact, outlet string) gridCell {
	for _, v := range f.Versions {
		if !slices.Contains(v.Outlets, outlet) {
			continue
		}
		if f.Status == crosscheck.InConflict && !v.Compatible {
			return gridCell{Class: "conflict", Text: "≠ " + v.Text}
		}
		return gridCell{Class: "has", Text: "✓ " + v.Text}
	}
	if slices.Contains(f.Outlets, outlet) {
		if f.Status == crosscheck.InConflict {
			return gridCell{Class: "conflict", Text: "≠ ✓"}
		}
		return gridCell{Class: "has", Text: "✓"}
	}
	return gridCell{Class: "none", Text: "–"}
}

func statusText(st crosscheck.Status) string {
	switch st {
	case crosscheck.Corroborated:
		return "corroborated"
	case crosscheck.SingleSource:
		return "single source"
	case crosscheck.InConflict:
		return "conflict"
	}
	return string(st)
}

// entitiesPage is the entity search: every spelling the outlets use, and
// the stories.
type entitiesPage struct {
	Query     string
	Search    *EntitySearch
	Spellings []spellingRow
	Matches   []EntityMatch
	Timeline  []entityEvent
}

// entityEvent is a dated event of a story that names the entity.
type entityEvent struct {
	Date, Precision, Text string
	Story, StoryTitle     string
	Outlets               []string
	key                   string // Date with the year filled in, for order
}

type spellingRow struct {
	Name    string
	Outlets []string
}

func (s *Server) entitiesPage(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := entitiesPage{Query: q}
	if q != "" {
		res, err := s.findEntities(r.Context(), q)
		if err != nil {
			return err
		}
		p.Search, p.Matches = &res, res.Matches
		byName := map[string]int{}
		for _, m := range res.Matches {
			for _, v := range m.Entity.Variants {
				i, ok := byName[v.Name]
				if !ok {
					i = len(p.Spellings)
					byName[v.Name] = i
					p.Spellings = append(p.Spellings, spellingRow{Name: v.Name})
				}
				for _, o := range v.Outlets {
					if !slices.Contains(p.Spellings[i].Outlets, o) {
						p.Spellings[i].Outlets = append(p.Spellings[i].Outlets, o)
					}
				}
			}
		}
		if p.Timeline, err = s.entityTimeline(r.Context(), res.Matches); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "entities", p)
}

// entityTimeline gathers the dated events of the matched stories whose
// text names the entity by one of its spellings, in date order. An event
// whose date lacks the year ("--12-13") takes the year of its story's
// first article.
func (s *Server) entityTimeline(ctx context.Context, matches []EntityMatch) ([]entityEvent, error) {
	var out []entityEvent
	for _, m := range matches {
		sb, err := s.storyBrief(ctx, m.Story)
		if err != nil {
			return nil, err
		}
		spellings := []string{entity.Fold(m.Entity.Name)}
		for _, v := range m.Entity.Variants {
			spellings = append(spellings, entity.Fold(v.Name))
		}
		for _, it := range sb.Timeline {
			text := it.Text
			for _, ev := range it.Evidence {
				text += " " + ev.Text
			}
			text = entity.Fold(text)
			if !slices.ContainsFunc(spellings, func(sp string) bool { return strings.Contains(text, sp) }) {
				continue
			}
			e := entityEvent{Date: it.Date, Precision: it.Precision, Text: it.Text,
				Story: sb.ID, StoryTitle: sb.Title, Outlets: it.Outlets, key: it.Date}
			if strings.HasPrefix(it.Date, "--") && !sb.Coverage.First.IsZero() {
				e.key = strconv.Itoa(sb.Coverage.First.Year()) + it.Date[1:]
			}
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b entityEvent) int { return strings.Compare(a.key, b.key) })
	return out, nil
}

func (s *Server) addPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, http.StatusOK, "add", nil)
}

// addSubmit ingests the form with the API's code and shows the results.
func (s *Server) addSubmit(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.ingest(r, true)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "result", rep)
}
