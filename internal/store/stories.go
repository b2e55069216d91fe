package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// SaveClustering records a round of clustering in one transaction: the
// clusterer's state, the touched stories, the new assignments and the
// merges, so that a crash never leaves the state and the stories apart.
func (s *SQLite) SaveClustering(ctx context.Context, c crosscheck.Clustering) error {
	const op = "store.save_clustering"
	now := formatTime(s.now().UTC())
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	defer tx.Rollback()
	if c.State != nil {
		// The transaction holds the write lock from its start, so no
		// other process can save between this read and the write.
		var version int64
		err := tx.QueryRowContext(ctx, `SELECT version FROM cluster_state WHERE id = 1`).Scan(&version)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("%s: %w", op, err)
		}
		if version != c.Version {
			return crosscheck.Errorf(crosscheck.KindConflict, op,
				"the clustering state was saved at version %d since this round started from version %d", version, c.Version)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO cluster_state (id, state, version, updated_at) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version,
			updated_at = excluded.updated_at`, c.State, c.Version+1, now); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	for _, st := range c.Stories {
		entities, _ := json.Marshal(nonNil(st.Entities))
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, first_at, last_at, entities, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_at = excluded.first_at,
			last_at = excluded.last_at, entities = excluded.entities, updated_at = excluded.updated_at`,
			st.ID, st.Title, formatTime(st.First), formatTime(st.Last), string(entities), now); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	for article, story := range c.Assignments {
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, article, story); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	for old, next := range c.Merged {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, successor, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET successor = excluded.successor, updated_at = excluded.updated_at`, old, next, now); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ? WHERE story_id = ?`, next, old); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// ClusterState returns the saved clusterer state and its version, or nil
// and 0 when there is none.
func (s *SQLite) ClusterState(ctx context.Context) ([]byte, int64, error) {
	var state []byte
	var version int64
	err := s.db.QueryRowContext(ctx, `SELECT state, version FROM cluster_state WHERE id = 1`).Scan(&state, &version)
	if err == sql.ErrNoRows {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store.cluster_state: %w", err)
	}
	return state, version, nil
}

// Stories lists live stories, the largest first.
func (s *SQLite) Stories(ctx context.Context, f crosscheck.StoryFilter) ([]crosscheck.StoryRecord, error) {
	const op = "store.stories"
	var where []string
	var args []any
	where = append(where, "st.successor IS NULL")
	if f.Outlet != "" {
		where = append(where, `st.id IN (SELECT sa.story_id FROM sources src JOIN articles a ON a.source_id = src.id
			JOIN story_articles sa ON sa.article_id = a.id WHERE src.name = ?)`)
		args = append(args, f.Outlet)
	}
	if f.Entity != "" {
		where = append(where, `st.entities LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(strings.ToLower(f.Entity))+"%")
	}
	if !f.Since.IsZero() {
		where = append(where, "(st.last_at IS NULL OR st.last_at >= ?)")
		args = append(args, formatTime(f.Since))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT st.id, st.title, st.first_at, st.last_at, st.entities
		FROM stories st WHERE `+strings.Join(where, " AND ")+`
		ORDER BY st.size DESC, st.id
		LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	var out []crosscheck.StoryRecord
	for rows.Next() {
		var st crosscheck.StoryRecord
		var first, last sql.NullString
		var entities string
		if err := rows.Scan(&st.ID, &st.Title, &first, &last, &entities); err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		st.First, st.Last = parseTime(first), parseTime(last)
		json.Unmarshal([]byte(entities), &st.Entities)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if err := s.fillStories(ctx, out); err != nil {
		return nil, err
	}
	if out == nil {
		out = []crosscheck.StoryRecord{}
	}
	return out, nil
}

// Story returns a story, following merges to the story that absorbed it.
func (s *SQLite) Story(ctx context.Context, id string) (*crosscheck.StoryRecord, error) {
	const op = "store.story"
	for range 64 { // merges form chains, never cycles; the bound is a guard
		var st crosscheck.StoryRecord
		var first, last, successor sql.NullString
		var entities string
		err := s.db.QueryRowContext(ctx, `SELECT id, title, first_at, last_at, successor, entities FROM stories WHERE id = ?`, id).
			Scan(&st.ID, &st.Title, &first, &last, &successor, &entities)
		if err == sql.ErrNoRows {
			return nil, crosscheck.Errorf(crosscheck.KindNotFound, op, "no story %q", id)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if successor.Valid && successor.String != "" {
			id = successor.String
			continue
		}
		st.First, st.Last = parseTime(first), parseTime(last)
		json.Unmarshal([]byte(entities), &st.Entities)
		one := []crosscheck.StoryRecord{st}
		if err := s.fillStories(ctx, one); err != nil {
			return nil, err
		}
		return &one[0], nil
	}
	return nil, crosscheck.Errorf(crosscheck.KindInternal, op, "story %q: merge chain too long", id)
}

// fillStories sets the articles, in order of ingestion, and the outlets of
// each story, reading the stories' memberships in chunks.
func (s *SQLite) fillStories(ctx context.Context, sts []crosscheck.StoryRecord) error {
	const op = "store.story"
	at := make(map[string]*crosscheck.StoryRecord, len(sts))
	for i := range sts {
		st := &sts[i]
		st.Articles, st.Outlets = []string{}, []string{}
		if st.Entities == nil {
			st.Entities = []string{}
		}
		at[st.ID] = st
	}
	for chunk := range slices.Chunk(sts, idChunk) {
		args := make([]any, len(chunk))
		for i, st := range chunk {
			args[i] = st.ID
		}
		rows, err := s.db.QueryContext(ctx, `SELECT sa.story_id, a.id, src.name FROM story_articles sa
			JOIN articles a ON a.id = sa.article_id JOIN sources src ON src.id = a.source_id
			WHERE sa.story_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`) ORDER BY a.ingested_at, a.id`, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		for rows.Next() {
			var story, id, outlet string
			if err := rows.Scan(&story, &id, &outlet); err != nil {
				rows.Close()
				return fmt.Errorf("%s %s: %w", op, story, err)
			}
			st := at[story]
			st.Articles = append(st.Articles, id)
			if !slices.Contains(st.Outlets, outlet) {
				st.Outlets = append(st.Outlets, outlet)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	return nil
}

// Unclustered returns up to limit of the articles that belong to no story,
// in the order they were stored, without their raw pages. They wait in
// cluster_pending, so the query costs what they number, not what the store
// holds.
func (s *SQLite) Unclustered(ctx context.Context, limit int) ([]*crosscheck.Article, error) {
	const op = "store.unclustered"
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`
		FROM cluster_pending p CROSS JOIN articles a ON a.id = p.article_id
		JOIN sources src ON src.id = a.source_id
		ORDER BY a.rowid LIMIT ?`, limit) // CROSS JOIN: walk the few waiting, not every article
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	return scanArticles(op, rows)
}

// idChunk bounds the ids of one query, well under SQLite's limit on
// parameters.
const idChunk = 500

// ArticlesByID returns articles in the order of ids, by exact id, without
// their raw pages. A missing id is a KindNotFound error.
func (s *SQLite) ArticlesByID(ctx context.Context, ids []string) ([]*crosscheck.Article, error) {
	const op = "store.articles_by_id"
	byID := make(map[string]*crosscheck.Article, len(ids))
	for chunk := range slices.Chunk(ids, idChunk) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`
			FROM articles a JOIN sources src ON src.id = a.source_id
			WHERE a.id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		found, err := scanArticles(op, rows)
		rows.Close()
		if err != nil {
			return nil, err
		}
		for _, a := range found {
			byID[a.ID] = a
		}
	}
	out := make([]*crosscheck.Article, 0, len(ids))
	for _, id := range ids {
		a, ok := byID[id]
		if !ok {
			return nil, crosscheck.Errorf(crosscheck.KindNotFound, op, "no article %q", id)
		}
		out = append(out, a)
	}
	return out, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}
