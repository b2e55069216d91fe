package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/brief"
)

// Paging of story listings.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// postArticles ingests JSON records, JSON lines or a multipart upload.
// It answers with the per-item results once the worker is done, or at
// once with 202 and the job's address when asked with ?async=1 or
// "Prefer: respond-async".
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) error {
	wait := !async(r)
	rep, err := s.ingest(r, wait)
	if err != nil {
		return err
	}
	if !wait {
		w.Header().Set("Location", "/api/jobs/"+rep.Job)
		return writeJSON(w, http.StatusAccepted, rep)
	}
	return writeJSON(w, http.StatusOK, rep)
}

func async(r *http.Request) bool {
	if v := r.URL.Query().Get("async"); v == "1" || v == "true" {
		return true
	}
	for _, v := range r.Header.Values("Prefer") {
		if strings.Contains(strings.ToLower(v), "respond-async") {
			return true
		}
	}
	return false
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	j, ok := s.jobs.get(id)
	if !ok {
		return crosscheck.Errorf(crosscheck.KindNotFound, "web.job", "no job %q (finished jobs are kept for a while only)", id)
	}
	return writeJSON(w, http.StatusOK, s.jobs.snapshot(j))
}

// storyList is the answer of GET /api/stories.
type storyList struct {
	Stories []crosscheck.StoryRecord `json:"stories"`
	Limit   int                      `json:"limit"`
	Offset  int                      `json:"offset"`
	// Next is the offset of the next page, when there may be one.
	Next *int `json:"next,omitempty"`
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) error {
	list, err := s.stories(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}

// stories lists the stories a request's query asks for.
func (s *Server) stories(r *http.Request) (storyList, error) {
	f, err := storyFilter(r)
	if err != nil {
		return storyList{}, err
	}
	list, err := s.cfg.Store.Stories(r.Context(), f)
	if err != nil {
		return storyList{}, err
	}
	out := storyList{Stories: list, Limit: f.Limit, Offset: f.Offset}
	if len(list) == f.Limit {
		next := f.Offset + f.Limit
		out.Next = &next
	}
	return out, nil
}

// storyFilter reads limit, offset, outlet, entity and since.
// paging reads a request's limit (def when absent, at most max) and
// offset.
func paging(op string, q url.Values, def, max int) (limit, offset int, err error) {
	limit = def
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > max {
			return 0, 0, crosscheck.Errorf(crosscheck.KindInvalid, op, "limit must be a number from 1 to %d, got %q", max, v)
		}
		limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, crosscheck.Errorf(crosscheck.KindInvalid, op, "offset must be a number from 0, got %q", v)
		}
		offset = n
	}
	return limit, offset, nil
}

func storyFilter(r *http.Request) (crosscheck.StoryFilter, error) {
	const op = "web.stories"
	q := r.URL.Query()
	f := crosscheck.StoryFilter{
		Outlet: strings.TrimSpace(q.Get("outlet")),
		Entity: strings.ToLower(strings.TrimSpace(q.Get("entity"))),
		Limit:  defaultLimit,
	}
	var err error
	if f.Limit, f.Offset, err = paging(op, q, defaultLimit, maxLimit); err != nil {
		return f, err
	}
	if v := strings.TrimSpace(q.Get("since")); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			t, err = time.Parse(time.DateOnly, v)
		}
		if err != nil {
			return f, crosscheck.Errorf(crosscheck.KindInvalid, op, "since must be a date (2026-03-06) or an RFC 3339 time, got %q", v)
		}
		f.Since = t
	}
	return f, nil
}

// getStory answers with the story's brief, as "crosscheck story ID
// --format json" prints it: {"stories": [brief]}.
func (s *Server) getStory(w http.ResponseWriter, r *http.Request) error {
	sb, err := s.storyBrief(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := brief.JSON(&buf, crosscheck.Brief{Stories: []crosscheck.StoryBrief{sb}}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
	return nil
}

func (s *Server) searchEntities(w http.ResponseWriter, r *http.Request) error {
	res, err := s.findEntities(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// healthz says the server is up and its store answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.cfg.Store.CountArticles(r.Context()); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
