package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// maxSearchWords bounds the words of one search: each is a phrase that
// FTS5 looks up and intersects.
const maxSearchWords = 32

// snippetTokens is about how many words a snippet shows.
const snippetTokens = 24

// indexBatch is how many waiting articles one transaction of IndexSearch
// adds to the index.
const indexBatch = 1000

// IndexSearch adds the articles that wait in search_pending to the
// full-text index, a batch per transaction, so that each batch is in the
// index and out of the queue together. It reports how many it added.
func (s *SQLite) IndexSearch(ctx context.Context) (int, error) {
	const op = "store.index_search"
	total := 0
	for {
		var waiting int
		if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_pending)`).Scan(&waiting); err != nil {
			return total, fmt.Errorf("%s: %w", op, err)
		}
		if waiting == 0 {
			return total, nil
		}
		n, err := s.indexBatch(ctx)
		if err != nil {
			return total, fmt.Errorf("%s: %w", op, err)
		}
		total += n
	}
}

func (s *SQLite) indexBatch(ctx context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (title, text, article_id)
		SELECT a.title, a.text, a.id
		FROM (SELECT article_id FROM search_pending ORDER BY rowid LIMIT ?) p
		JOIN articles a ON a.id = p.article_id`, indexBatch); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM search_pending WHERE rowid IN
		(SELECT rowid FROM search_pending ORDER BY rowid LIMIT ?)`, indexBatch)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	return int(n), tx.Commit()
}

// SearchArticles finds articles through the articles_fts index (migration
// 4), having first indexed the articles that wait for it. The ranking and
// the snippets are computed inside the FTS5 query, so that only the rows
// of the page asked for get a snippet.
func (s *SQLite) SearchArticles(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, error) {
	const op = "store.search_articles"
	match, err := matchExpr(q)
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.KindInvalid, op, "%v", err)
	}
	if _, err := s.IndexSearch(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if limit <= 0 {
		limit = -1
	}
	offset = max(offset, 0)
	// The FTS query stands alone, so that FTS5 itself sorts by rank and
	// stops at the limit; the join then looks up each hit by its key.
	rows, err := s.db.QueryContext(ctx, `WITH hits AS (
			SELECT article_id, snippet(articles_fts, -1, ?, ?, '…', ?) AS snippet, rank
			FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?)
		SELECT a.id, src.name, a.title, a.published, sa.story_id, hits.snippet, hits.rank
		FROM hits JOIN articles a ON a.id = hits.article_id
		JOIN sources src ON src.id = a.source_id
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		ORDER BY hits.rank, a.id`,
		crosscheck.MatchStart, crosscheck.MatchEnd, snippetTokens, match, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	out := []crosscheck.SearchHit{}
	for rows.Next() {
		var h crosscheck.SearchHit
		var published, story sql.NullString
		if err := rows.Scan(&h.Article, &h.Source, &h.Title, &published, &story, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		// bm25 is lower for better matches; the hit says higher is better.
		h.Published, h.Story, h.Rank = parseTime(published), story.String, -h.Rank
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// matchExpr turns free text into an FTS5 query that wants every word: each
// word becomes a quoted string, inside which FTS5 reads no syntax, so that
// AND, NEAR(, col:x, a* or a stray quote are words like any other. The
// tokenizer then splits each string as it split the text: "col:x" is the
// phrase "col x", and a string of punctuation alone matches nothing.
func matchExpr(q string) (string, error) {
	// Control characters are never part of a token, and a NUL could end
	// the expression early for SQLite; they separate words like spaces.
	words := strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	switch {
	case len(words) == 0:
		return "", fmt.Errorf("empty search")
	case len(words) > maxSearchWords:
		return "", fmt.Errorf("a search has at most %d words, got %d", maxSearchWords, len(words))
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String(), nil
}
