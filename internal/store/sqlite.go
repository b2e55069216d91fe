package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/crosscheck/crosscheck"
)

// SQLite is the embedded store: one file, no server.
type SQLite struct {
	db *sql.DB
	// mu serialises writers: SQLite has one writer at a time, and queueing
	// them here is cheaper than retrying on SQLITE_BUSY. It also guards the
	// fields below.
	mu  sync.Mutex
	now func() time.Time
	// sources caches the ids of committed sources.
	sources map[string]int64
	// stmts are the writer's statements, prepared once.
	stmts map[string]*sql.Stmt
}

// writeSQL are the statements of the write path, prepared once at open.
var writeSQL = map[string]string{
	"source": `INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
	// Each article of a batch is inserted inside a savepoint, so that a
	// failed one leaves the others.
	"savepoint":   `SAVEPOINT article`,
	"rollback_to": `ROLLBACK TO article`,
	"release":     `RELEASE article`,
	"article":     `INSERT INTO articles (id, content_hash, source_id, ref, url, title, author, published, language, format, raw, text, headings, removed, warnings, ingested_at, sentences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
}

var _ crosscheck.Store = (*SQLite)(nil)

// OpenSQLite opens or creates the database file at path and brings its
// schema up to date. The path ":memory:" gives a private in-memory database.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if path != ":memory:" {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open store %s: %w", path, err)
			}
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1) // each connection would be its own database
	}
	if err := setup(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := migrate(ctx, db, "migrations/sqlite"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	st := &SQLite{db: db, now: time.Now, sources: map[string]int64{}, stmts: map[string]*sql.Stmt{}}
	for name, q := range writeSQL {
		stmt, err := db.PrepareContext(ctx, q)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: prepare %s: %w", path, name, err)
		}
		st.stmts[name] = stmt
	}
	return st, nil
}

// setup puts the database in WAL mode, which lets readers go on while one
// writer writes and stays set in the file. (Larger pages were measured and
// made inserts slower: cells shift within bigger pages and the page cache
// spills sooner.)
func setup(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, pragma := range []string{"PRAGMA journal_mode = WAL"} {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			return fmt.Errorf("%s: %w", pragma, err)
		}
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// AddArticle stores a, its source and its sentences in one transaction.
func (s *SQLite) AddArticle(ctx context.Context, a *crosscheck.Article) (bool, error) {
	added, errs, err := s.AddArticles(ctx, []*crosscheck.Article{a})
	if err != nil {
		return false, err
	}
	return added[0], errs[0]
}

// AddArticles stores a batch in one transaction, each article behind its
// own savepoint, so that one commit serves many articles while a failing
// article leaves no trace and does not take the others with it.
func (s *SQLite) AddArticles(ctx context.Context, as []*crosscheck.Article) ([]bool, []error, error) {
	const op = "store.add_articles"
	added, errs := make([]bool, len(as)), make([]error, len(as))
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", op, err)
	}
	defer tx.Rollback()
	stmts := map[string]*sql.Stmt{}
	for name, st := range s.stmts {
		stmts[name] = tx.StmtContext(ctx, st)
	}
	exec := func(name string) error {
		if _, err := stmts[name].ExecContext(ctx); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	}
	newSources := map[string]int64{}
	for i, a := range as {
		if err := exec("savepoint"); err != nil {
			return nil, nil, err
		}
		added[i], errs[i] = s.insert(ctx, stmts, newSources, a)
		if errs[i] != nil {
			added[i] = false
			if err := exec("rollback_to"); err != nil {
				return nil, nil, err
			}
		}
		if err := exec("release"); err != nil {
			return nil, nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", op, err)
	}
	for name, id := range newSources {
		s.sources[name] = id
	}
	return added, errs, nil
}

// insert adds one article inside a transaction whose statements are stmts;
// it reports false when the content is already stored. Source ids it
// creates go to newSources, to be cached once the transaction commits.
func (s *SQLite) insert(ctx context.Context, stmts map[string]*sql.Stmt, newSources map[string]int64, a *crosscheck.Article) (bool, error) {
	const op = "store.add_article"
	if a.ID == "" || a.ContentHash == "" {
		return false, crosscheck.Errorf(crosscheck.KindInvalid, op, "article %q has no id or content hash", a.Ref)
	}
	headings, _ := json.Marshal(nonNil(a.Headings))
	removed, _ := json.Marshal(nonNil(a.Removed))
	warnings, _ := json.Marshal(nonNil(a.Warnings))
	if a.IngestedAt.IsZero() {
		a.IngestedAt = s.now().UTC()
	}
	sourceID, ok := s.sources[a.Source]
	if !ok {
		sourceID, ok = newSources[a.Source]
	}
	if !ok {
		if err := stmts["source"].QueryRowContext(ctx, a.Source).Scan(&sourceID); err != nil {
			return false, fmt.Errorf("%s %s: source: %w", op, a.Ref, err)
		}
		newSources[a.Source] = sourceID
	}
	res, err := stmts["article"].ExecContext(ctx, a.ID, a.ContentHash, sourceID, a.Ref, a.URL, a.Title, a.Author,
		formatTime(a.Published), a.Language, string(a.Format), a.Raw, a.Text, string(headings), string(removed),
		string(warnings), formatTime(a.IngestedAt), encodeOffsets(a.Sentences))
	if err != nil {
		return false, fmt.Errorf("%s %s: %w", op, a.Ref, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return false, fmt.Errorf("%s %s: %w", op, a.Ref, err)
	} else if n == 0 {
		return false, nil // the same content (or id) is already stored
	}
	return true, nil
}

// Article returns the article whose id is id or starts with id.
func (s *SQLite) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	const op = "store.article"
	if id == "" {
		return nil, crosscheck.Errorf(crosscheck.KindInvalid, op, "empty article id")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`, a.raw
		FROM articles a JOIN sources src ON src.id = a.source_id
		WHERE a.id = ? OR a.id LIKE ? ORDER BY a.id = ? DESC, a.id LIMIT 2`, id, likePrefix(id), id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	found, err := scanArticles(op, rows)
	if err != nil {
		return nil, err
	}
	switch {
	case len(found) == 0:
		return nil, crosscheck.Errorf(crosscheck.KindNotFound, op, "no article %q", id)
	case len(found) > 1 && found[0].ID != id:
		return nil, crosscheck.Errorf(crosscheck.KindInvalid, op, "article id %q is ambiguous: give more characters", id)
	}
	a := found[0]
	return a, nil
}

// articleColumns are the columns scanArticles reads, in its order; the
// raw page is read only when asked for.
const articleColumns = `a.id, a.content_hash, src.name, a.ref, a.url, a.title, a.author,
	a.published, a.language, a.format, a.text, a.headings, a.removed, a.warnings, a.ingested_at, a.sentences`

// scanArticles reads rows of articleColumns, followed by a.raw when the
// query selects it.
func scanArticles(op string, rows *sql.Rows) ([]*crosscheck.Article, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	var found []*crosscheck.Article
	for rows.Next() {
		var a crosscheck.Article
		var published, ingested sql.NullString
		var format, headings, removed, warnings, sentences string
		dest := []any{&a.ID, &a.ContentHash, &a.Source, &a.Ref, &a.URL, &a.Title, &a.Author,
			&published, &a.Language, &format, &a.Text, &headings, &removed, &warnings, &ingested, &sentences}
		if len(cols) > len(dest) {
			dest = append(dest, &a.Raw)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if a.Sentences, err = decodeOffsets(sentences, a.Text); err != nil {
			return nil, fmt.Errorf("%s %s: %w", op, a.ID, err)
		}
		a.Published, a.IngestedAt, a.Format = parseTime(published), parseTime(ingested), crosscheck.Format(format)
		if err := errors.Join(json.Unmarshal([]byte(headings), &a.Headings),
			json.Unmarshal([]byte(removed), &a.Removed), json.Unmarshal([]byte(warnings), &a.Warnings)); err != nil {
			return nil, fmt.Errorf("%s %s: %w", op, a.ID, err)
		}
		found = append(found, &a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return found, nil
}

// Articles lists stored articles in the order they were ingested.
func (s *SQLite) Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]crosscheck.ArticleSummary, error) {
	const op = "store.articles"
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.ref, src.name, a.title, a.language, a.published, a.ingested_at,
		a.warnings, json_array_length(a.sentences)
		FROM articles a JOIN sources src ON src.id = a.source_id
		WHERE ? = '' OR src.name = ?
		ORDER BY a.ingested_at, a.id LIMIT ? OFFSET ?`, f.Source, f.Source, limit, f.Offset)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	out := []crosscheck.ArticleSummary{}
	for rows.Next() {
		var a crosscheck.ArticleSummary
		var published, ingested sql.NullString
		var warnings string
		if err := rows.Scan(&a.ID, &a.Ref, &a.Source, &a.Title, &a.Language, &published, &ingested, &warnings, &a.Sentences); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		a.Published, a.IngestedAt = parseTime(published), parseTime(ingested)
		if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
			return nil, fmt.Errorf("%s %s: %w", op, a.ID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CountArticles returns the number of stored articles.
func (s *SQLite) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store.count_articles: %w", err)
	}
	return n, nil
}

// CountStories returns the number of live stories, those not merged away.
func (s *SQLite) CountStories(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE successor IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store.count_stories: %w", err)
	}
	return n, nil
}

func likePrefix(id string) string {
	var b []byte
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') {
			b = append(b, c)
		} else {
			return "\x00" // not a hex prefix: match nothing by prefix
		}
	}
	return string(b) + "%"
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// newCutter returns a function that cuts code-point ranges out of text,
// mapping offsets to bytes once rather than per sentence.
func newCutter(text string) func(start, end int) string {
	offsets := make([]int, 0, len(text)+1)
	for i := range text {
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(text))
	return func(start, end int) string {
		if start < 0 || end < start || end >= len(offsets) {
			return ""
		}
		return text[offsets[start]:offsets[end]]
	}
}

// encodeOffsets writes sentence offsets as a JSON array of [start, end]
// pairs; their text is cut from the article when read.
func encodeOffsets(ss []crosscheck.Sentence) string {
	b := make([]byte, 0, 12*len(ss)+2)
	b = append(b, '[')
	for i, sn := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(sn.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(sn.End), 10)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}

// decodeOffsets reads what encodeOffsets wrote and cuts each sentence out of
// text.
func decodeOffsets(enc, text string) ([]crosscheck.Sentence, error) {
	var pairs [][2]int
	if err := json.Unmarshal([]byte(enc), &pairs); err != nil {
		return nil, fmt.Errorf("sentence offsets: %w", err)
	}
	cut := newCutter(text)
	out := make([]crosscheck.Sentence, len(pairs))
	for i, p := range pairs {
		out[i] = crosscheck.Sentence{Start: p[0], End: p[1], Text: cut(p[0], p[1])}
	}
	return out, nil
}
