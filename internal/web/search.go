package web

import (
	"context"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/names"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// briefCache keeps the briefs of stories by their content: the key names
// the story's articles, so that a story that gains an article is analysed
// again and nothing needs invalidating.
type briefCache struct {
	mu  sync.Mutex
	max int
	m   map[string]crosscheck.StoryBrief
}

func newBriefCache(max int) *briefCache {
	return &briefCache{max: max, m: map[string]crosscheck.StoryBrief{}}
}

func briefKey(rec *crosscheck.StoryRecord) string {
	return rec.ID + "\x00" + rec.Title + "\x00" + strings.Join(rec.Articles, ",")
}

func (c *briefCache) get(key string) (crosscheck.StoryBrief, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sb, ok := c.m[key]
	return sb, ok
}

func (c *briefCache) put(key string, sb crosscheck.StoryBrief) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		for k := range c.m { // evict one at random
			delete(c.m, k)
			break
		}
	}
	c.m[key] = sb
}

// maxIDLen bounds story ids taken from URLs before they reach the store.
const maxIDLen = 128

// storyBrief loads a story, following merges, and returns its brief. The
// brief may be shared: callers must not change it.
func (s *Server) storyBrief(ctx context.Context, id string) (crosscheck.StoryBrief, error) {
	if id == "" || len(id) > maxIDLen {
		return crosscheck.StoryBrief{}, crosscheck.Errorf(crosscheck.KindNotFound, "web.story", "no story %q", id)
	}
	rec, err := s.cfg.Store.Story(ctx, id)
	if err != nil {
		return crosscheck.StoryBrief{}, err
	}
	return s.briefOf(ctx, rec)
}

func (s *Server) briefOf(ctx context.Context, rec *crosscheck.StoryRecord) (crosscheck.StoryBrief, error) {
	key := briefKey(rec)
	if sb, ok := s.briefs.get(key); ok {
		return sb, nil
	}
	arts, err := s.cfg.Store.ArticlesByID(ctx, rec.Articles)
	if err != nil {
		return crosscheck.StoryBrief{}, err
	}
	t0 := time.Now()
	sb := pipeline.AnalyzeStory(rec.ID, rec.Title, arts)
	s.metrics.stage("brief", time.Since(t0))
	s.briefs.put(key, sb)
	return sb, nil
}

// EntitySearch is the answer of GET /api/entities.
type EntitySearch struct {
	Query string `json:"query"`
	// Searched counts the stories read; Truncated says there were more.
	Searched  int           `json:"searched"`
	Truncated bool          `json:"truncated"`
	Matches   []EntityMatch `json:"matches"`
}

// EntityMatch is an entity of one story that the query names.
type EntityMatch struct {
	Story      string            `json:"story"`
	StoryTitle string            `json:"story_title"`
	Why        string            `json:"why"`
	Entity     crosscheck.Entity `json:"entity"`
}

// Bounds on a search query, in characters.
const (
	minQuery = 2
	maxQuery = 200
)

// findEntities looks for the query among the entities of the stored
// stories, by any spelling: a substring of a spelling, or a name that
// names.Match (people) or names.MatchOrg (organisations) takes for the
// same, so that "Kalesnikava" finds Maria Kolesnikova.
//
// It analyses each story (the briefs are cached); a store index of
// entities would make this a query.
func (s *Server) findEntities(ctx context.Context, q string) (EntitySearch, error) {
	q = strings.TrimSpace(q)
	if n := utf8.RuneCountInString(q); n < minQuery || n > maxQuery {
		return EntitySearch{}, crosscheck.Errorf(crosscheck.KindInvalid, "web.entities", "q must have %d to %d characters", minQuery, maxQuery)
	}
	list, err := s.cfg.Store.Stories(ctx, crosscheck.StoryFilter{Limit: s.cfg.SearchStories + 1})
	if err != nil {
		return EntitySearch{}, err
	}
	out := EntitySearch{Query: q, Matches: []EntityMatch{}}
	if len(list) > s.cfg.SearchStories {
		list, out.Truncated = list[:s.cfg.SearchStories], true
	}
	fq := entity.Fold(q)
	for i := range list {
		if err := ctx.Err(); err != nil {
			return EntitySearch{}, err
		}
		sb, err := s.briefOf(ctx, &list[i])
		if err != nil {
			return EntitySearch{}, err
		}
		out.Searched++
		for _, e := range sb.Entities {
			if why, ok := matchEntity(q, fq, e); ok {
				out.Matches = append(out.Matches, EntityMatch{Story: sb.ID, StoryTitle: sb.Title, Why: why, Entity: e})
			}
		}
	}
	return out, nil
}

// matchEntity reports whether the query names e, and why.
func matchEntity(q, fq string, e crosscheck.Entity) (string, bool) {
	spellings := []string{e.Name}
	for _, v := range e.Variants {
		spellings = append(spellings, v.Name)
	}
	for _, sp := range spellings {
		if strings.Contains(entity.Fold(sp), fq) {
			return "spelling " + sp + " contains the query", true
		}
	}
	for _, sp := range spellings {
		var r names.Result
		switch e.Type {
		case "person":
			r = names.Match(q, sp)
		case "organisation":
			r = names.MatchOrg(q, sp)
		default:
			continue
		}
		if r.Same {
			return sp + ": " + r.Reason, true
		}
	}
	return "", false
}
