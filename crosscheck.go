package crosscheck

import (
	"context"
	"time"
	"unicode/utf8"
)

// Format names how a raw document is encoded.
type Format string

// The formats ingest recognises by content.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Doc is one raw document as ingest read it, before cleaning.
type Doc struct {
	Ref       string    // where it came from: a file's base name or the URL
	URL       string    // the article's URL, when known
	Source    string    // the outlet, when known
	Title     string    // when the input carried one
	Published time.Time // zero when unknown
	Format    Format
	Body      []byte // valid UTF-8
	Warnings  []string
}

// Article is one cleaned article.
//
// Offsets (Sentence.Start, Heading.Start, Span) count Unicode code points
// into Text, so that consumers in any language can slice the text. Text is
// the cleaned article as a reader sees it: paragraphs separated by blank
// lines, sub-headings included as paragraphs of their own.
type Article struct {
	ID          string     `json:"id"`
	Ref         string     `json:"ref"`
	URL         string     `json:"url,omitempty"`
	Source      string     `json:"source"`
	Title       string     `json:"title"`
	Author      string     `json:"author,omitempty"`
	Published   time.Time  `json:"published,omitzero"`
	Language    string     `json:"language"`
	Format      Format     `json:"format"`
	Text        string     `json:"text"`
	Headings    []Heading  `json:"headings"`
	Sentences   []Sentence `json:"sentences"`
	Removed     []string   `json:"removed"`
	Warnings    []string   `json:"warnings,omitempty"`
	ContentHash string     `json:"content_hash"`
	IngestedAt  time.Time  `json:"ingested_at,omitzero"`
	Raw         string     `json:"-"`
}

// Heading is a sub-heading. It stands in Article.Text as a paragraph of its
// own, at [Start, End), so that it can be cited, but it is never one of the
// article's sentences.
type Heading struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Sentence is one sentence of Article.Text; Text == Article.Text[Start:End]
// counted in code points.
type Sentence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Span points at text in one article, in code points.
type Span struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// SpanIn returns the span of the bytes [i, j) of s.Text, in code points
// relative to the article, so that stages working on bytes can cite text.
func (s Sentence) SpanIn(article string, i, j int) Span {
	start := s.Start + utf8.RuneCountInString(s.Text[:i])
	return Span{Article: article, Start: start, End: start + utf8.RuneCountInString(s.Text[i:j])}
}

// Slice returns the text of the code-point range [start, end) of text, or ""
// when the range is out of bounds.
func Slice(text string, start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	bs, be, n := -1, -1, 0
	for i := range text {
		if n == start {
			bs = i
		}
		if n == end {
			be = i
			break
		}
		n++
	}
	if be < 0 {
		if n != end {
			return ""
		}
		be = len(text)
	}
	if bs < 0 {
		if n != start {
			return ""
		}
		bs = len(text)
	}
	return text[bs:be]
}

// ArticleSummary is one row of a listing of stored articles.
type ArticleSummary struct {
	ID         string    `json:"id"`
	Ref        string    `json:"ref"`
	Source     string    `json:"source"`
	Title      string    `json:"title"`
	Language   string    `json:"language"`
	Published  time.Time `json:"published,omitzero"`
	IngestedAt time.Time `json:"ingested_at"`
	Sentences  int       `json:"sentences"`
	Warnings   []string  `json:"warnings,omitempty"`
}

// ArticleFilter narrows a listing of articles.
type ArticleFilter struct {
	Source string
	Limit  int // 0 means no limit
	Offset int
}

// The markers around each match in SearchHit.Snippet. They are control
// characters, which cleaned text never holds, so that a renderer can escape
// the snippet as plain text and only then turn the markers into markup.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// SearchHit is one article that a full-text search found.
type SearchHit struct {
	Article   string    `json:"article"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Story     string    `json:"story,omitempty"` // empty until the article is clustered
	// Snippet is plain text from the title or the text, with each match
	// between MatchStart and MatchEnd. It is not HTML.
	Snippet string `json:"snippet"`
	// Rank scores the match, higher being better; it compares hits of one
	// search only.
	Rank float64 `json:"rank"`
}

// StoryRecord is a stored story: the clusterer's group of articles.
type StoryRecord struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Articles []string  `json:"articles"` // article ids, in order of arrival
	Outlets  []string  `json:"outlets"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Entities []string  `json:"entities"` // the heaviest names
	// Successor is set on a story that was merged into another.
	Successor string `json:"successor,omitempty"`
}

// StoryFilter narrows a listing of stories.
type StoryFilter struct {
	Outlet string    // stories with an article from this outlet
	Entity string    // stories whose top names include this (lower case)
	Since  time.Time // stories whose last article is not older
	Limit  int       // 0 means no limit
	Offset int
}

// Clustering is what one round of clustering changes: the stories it
// touched, where each new article went, and the clusterer's state after it.
type Clustering struct {
	// Version is the version of the saved state the round started from,
	// as ClusterState gave it; 0 when there was none.
	Version     int64
	State       []byte
	Stories     []StoryRecord     // touched stories, in full
	Assignments map[string]string // article id -> story id
	Merged      map[string]string // absorbed story id -> successor
}

// Store keeps articles and everything derived from them. SQLite is the
// embedded default; PostgreSQL is the second implementation.
type Store interface {
	// AddArticle stores a in one transaction. It reports added=false, and
	// changes nothing, when an article with the same content hash exists.
	AddArticle(ctx context.Context, a *Article) (added bool, err error)
	// AddArticles stores a batch in one transaction, each article on its
	// own savepoint: an article that fails is rolled back alone and its
	// error is returned in errs, while the others are kept.
	AddArticles(ctx context.Context, as []*Article) (added []bool, errs []error, err error)
	// Article returns the article with the given id or id prefix.
	Article(ctx context.Context, id string) (*Article, error)
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)
	CountArticles(ctx context.Context) (int, error)
	// CountStories returns the number of live stories.
	CountStories(ctx context.Context) (int, error)
	// SearchArticles finds the articles whose title or text holds every
	// word of q, best first. q is free text, never query syntax; an empty
	// q is a KindInvalid error. A limit of 0 means no limit.
	SearchArticles(ctx context.Context, q string, limit, offset int) ([]SearchHit, error)
	// IndexSearch brings the full-text index up to date with the stored
	// articles, which wait for it after ingest, and says how many it
	// added. SearchArticles does so itself; a server calls it in the
	// background so that searches find the work done.
	IndexSearch(ctx context.Context) (int, error)

	// SaveClustering records a round of clustering in one transaction.
	// A round with a state saves it as version c.Version+1; when another
	// writer saved a state since c.Version, it changes nothing and returns
	// a KindConflict error: the round must start again from the state
	// saved.
	SaveClustering(ctx context.Context, c Clustering) error
	// ClusterState returns the saved state of the clusterer and its
	// version, or nil and 0 when none was saved.
	ClusterState(ctx context.Context) (state []byte, version int64, err error)
	// Unclustered returns up to limit of the stored articles that belong
	// to no story, in the order they were stored, without their raw pages:
	// those a run stored but did not live to cluster.
	Unclustered(ctx context.Context, limit int) ([]*Article, error)
	// Stories lists the live stories (not merged away), latest first.
	Stories(ctx context.Context, f StoryFilter) ([]StoryRecord, error)
	// Story returns a story by id, following merges to the successor.
	Story(ctx context.Context, id string) (*StoryRecord, error)
	// ArticlesByID returns articles by exact id, in the order of ids,
	// without their raw pages (Raw is empty).
	ArticlesByID(ctx context.Context, ids []string) ([]*Article, error)
	Close() error
}
