package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Bounds of a full-text search.
const (
	defaultSearchLimit = 20
	maxSearchLimit     = 100
	maxSearchQuery     = 500 // characters
)

// textSearch is the answer of GET /api/search: articles whose title or
// text holds every word of the query, best first.
type textSearch struct {
	Query  string    `json:"query"`
	Hits   []textHit `json:"hits"`
	Limit  int       `json:"limit"`
	Offset int       `json:"offset"`
	// Next is the offset of the next page, when there is one.
	Next *int `json:"next,omitempty"`
}

// textHit is one article found. SnippetHTML is the snippet escaped, with
// <mark> around each match: it can be put into a page as it is.
type textHit struct {
	Article     string        `json:"article"`
	Source      string        `json:"source"`
	Title       string        `json:"title"`
	Published   time.Time     `json:"published,omitzero"`
	Story       string        `json:"story"` // empty until the article is clustered
	SnippetHTML template.HTML `json:"snippet_html"`
}

func (s *Server) getSearch(w http.ResponseWriter, r *http.Request) error {
	res, err := s.searchText(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// searchText runs the search a request's q, limit and offset ask for.
func (s *Server) searchText(r *http.Request) (textSearch, error) {
	const op = "web.search"
	q := r.URL.Query()
	res := textSearch{Query: strings.TrimSpace(q.Get("q")), Hits: []textHit{}}
	if n := utf8.RuneCountInString(res.Query); n > maxSearchQuery {
		return res, crosscheck.Errorf(crosscheck.KindInvalid, op, "q has %d characters, more than %d", n, maxSearchQuery)
	}
	var err error
	if res.Limit, res.Offset, err = paging(op, q, defaultSearchLimit, maxSearchLimit); err != nil {
		return res, err
	}
	// One hit more than the page says whether there is a next page.
	hits, err := s.cfg.Store.SearchArticles(r.Context(), res.Query, res.Limit+1, res.Offset)
	if err != nil {
		return res, err
	}
	if len(hits) > res.Limit {
		hits = hits[:res.Limit]
		next := res.Offset + res.Limit
		res.Next = &next
	}
	for _, h := range hits {
		res.Hits = append(res.Hits, textHit{
			Article: h.Article, Source: h.Source, Title: h.Title, Published: h.Published,
			Story: h.Story, SnippetHTML: highlight(h.Snippet),
		})
	}
	return res, nil
}

// highlight escapes a snippet of the store and only then turns its match
// markers (one byte each) into <mark> elements, so that nothing of the
// article's text can become markup. A marker out of turn is dropped, and a
// match still open at the end is closed.
func highlight(snippet string) template.HTML {
	var b strings.Builder
	open := false
	for {
		i := strings.IndexAny(snippet, crosscheck.MatchStart+crosscheck.MatchEnd)
		if i < 0 {
			break
		}
		b.WriteString(template.HTMLEscapeString(snippet[:i]))
		switch marker := snippet[i : i+1]; {
		case marker == crosscheck.MatchStart && !open:
			b.WriteString("<mark>")
			open = true
		case marker == crosscheck.MatchEnd && open:
			b.WriteString("</mark>")
			open = false
		}
		snippet = snippet[i+1:]
	}
	b.WriteString(template.HTMLEscapeString(snippet))
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// searchPage is the search form and a page of its hits.
type searchPage struct {
	Query      string
	Searched   bool
	Hits       []searchRow
	Prev, Next string
}

type searchRow struct {
	textHit
	Heading, Published string
}

// searchPage shows the form, and the hits when the form was sent with
// words in it.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	p := searchPage{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if p.Query == "" {
		return s.render(w, http.StatusOK, "search", p)
	}
	res, err := s.searchText(r)
	if err != nil {
		return err
	}
	p.Searched = true
	for _, h := range res.Hits {
		row := searchRow{textHit: h, Heading: h.Title}
		if row.Heading == "" {
			row.Heading = h.Article
		}
		if !h.Published.IsZero() {
			row.Published = h.Published.Format(time.DateOnly)
		}
		p.Hits = append(p.Hits, row)
	}
	keep := url.Values{"q": {res.Query}}
	if res.Limit != defaultSearchLimit {
		keep.Set("limit", strconv.Itoa(res.Limit))
	}
	p.Prev, p.Next = pageLinks("/search", keep, res.Offset, res.Limit, res.Next)
	return s.render(w, http.StatusOK, "search", p)
}
