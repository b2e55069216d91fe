package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// The states of an ingest job.
const (
	stateQueued  = "queued"
	stateRunning = "running"
	stateDone    = "done"
	stateFailed  = "failed"
)

// Report is what became of one request's articles.
type Report struct {
	Job     string         `json:"job"`
	State   string         `json:"state"`
	Created time.Time      `json:"created"`
	Results []ItemResult   `json:"results"`
	Summary map[string]int `json:"summary"` // by status
	Stories []string       `json:"stories"` // the stories that received articles
	Error   string         `json:"error,omitempty"`
}

// ItemResult is the outcome for one input: stored, duplicate, skipped or
// rejected, with the reason, and the story of a stored article.
type ItemResult struct {
	Input    string   `json:"input"`
	Status   string   `json:"status"`
	Reason   string   `json:"reason,omitempty"`
	ID       string   `json:"id,omitempty"`
	Title    string   `json:"title,omitempty"`
	Story    string   `json:"story,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// job is one request's ingest, run by the worker.
type job struct {
	id      string
	created time.Time
	spool   *spool
	done    chan struct{} // closed when report and err are final

	state  string // guarded by jobTable.mu
	report Report
	err    error
}

// snapshot returns the job's report as it stands.
func (t *jobTable) snapshot(j *job) Report {
	select {
	case <-j.done:
		return j.report
	default:
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return Report{Job: j.id, State: j.state, Created: j.created, Results: []ItemResult{}, Summary: map[string]int{}, Stories: []string{}}
}

// jobTable remembers recent jobs for GET /api/jobs/{id}.
type jobTable struct {
	mu    sync.Mutex
	max   int
	byID  map[string]*job
	order []string
}

func newJobTable(max int) *jobTable {
	return &jobTable{max: max, byID: map[string]*job{}}
}

func (t *jobTable) add(j *job) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byID[j.id] = j
	t.order = append(t.order, j.id)
	// Forget the oldest finished jobs; unfinished ones are bounded by the
	// queue.
	for i := 0; len(t.byID) > t.max && i < len(t.order); {
		old := t.byID[t.order[i]]
		if old.state == stateDone || old.state == stateFailed {
			delete(t.byID, old.id)
			t.order = slices.Delete(t.order, i, i+1)
			continue
		}
		i++
	}
}

func (t *jobTable) get(id string) (*job, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j, ok := t.byID[id]
	return j, ok
}

func (t *jobTable) setState(j *job, state string) {
	t.mu.Lock()
	j.state = state
	t.mu.Unlock()
}

// submit queues a job for the worker, or fails at once when the queue is
// full or the server is closing.
func (s *Server) submit(sp *spool) (*job, error) {
	j := &job{id: rand.Text(), created: s.cfg.Now().UTC(), spool: sp, done: make(chan struct{}), state: stateQueued}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fmt.Errorf("web.ingest: %w", errShuttingDown)
	}
	select {
	case s.queue <- j:
	default:
		s.metrics.refused.Add(1)
		return nil, fmt.Errorf("web.ingest: %d jobs waiting: %w", cap(s.queue), errQueueFull)
	}
	s.jobs.add(j)
	return j, nil
}

// ingest reads a request's articles and queues them. With wait, it waits
// for the job and returns its report; otherwise it returns the queued
// job's report at once.
func (s *Server) ingest(r *http.Request, wait bool) (Report, error) {
	sp, err := readSpool(r)
	if err != nil {
		return Report{}, err
	}
	j, err := s.submit(sp)
	if err != nil {
		sp.remove()
		return Report{}, err
	}
	if !wait {
		return s.jobs.snapshot(j), nil
	}
	// The job goes on if the client leaves: it was accepted.
	select {
	case <-j.done:
	case <-r.Context().Done():
		return Report{}, r.Context().Err()
	}
	return j.report, j.err
}

// work runs the jobs one at a time: the clusterer is not safe for
// concurrent use, and one writer is what SQLite wants anyway.
func (s *Server) work(ctx context.Context, cl *pipeline.Clusterer) {
	defer close(s.workerDone)
	// Articles an earlier run stored but did not live to assign get their
	// stories before any job stores more.
	if n, err := cl.Recover(ctx); err != nil {
		s.cfg.Log.Error("assigning the articles an earlier run left without a story", "err", err)
	} else if n > 0 {
		s.cfg.Log.Info("assigned articles an earlier run stored without a story", "articles", n)
	}
	for j := range s.queue {
		s.run(ctx, cl, j)
	}
}

// run ingests one job's inputs with the command line's pipeline and
// assigns what it stores to stories as it goes.
func (s *Server) run(ctx context.Context, cl *pipeline.Clusterer, j *job) {
	defer j.spool.remove()
	s.jobs.setState(j, stateRunning)
	if s.cfg.beforeJob != nil {
		s.cfg.beforeJob()
	}
	label := j.spool.label()
	rep := Report{Job: j.id, Created: j.created, Results: []ItemResult{}, Summary: map[string]int{}, Stories: []string{}}
	in := &pipeline.Ingester{Reader: s.reader, Clean: s.cfg.Clean, Store: s.cfg.Store, Workers: s.cfg.Workers}

	batch := &pipeline.Batcher{Clusterer: cl, Round: func(d time.Duration) { s.metrics.stage("cluster", d) }}
	t0 := time.Now()
	_, err := in.Run(ctx, j.spool.inputs, func(r pipeline.Result) {
		batch.Add(ctx, r)
		rep.Summary[string(r.Status)]++
		rep.Results = append(rep.Results, ItemResult{
			Input: label.Replace(r.Input), Status: string(r.Status), Reason: label.Replace(r.Reason),
			ID: r.ID, Title: r.Title, Warnings: r.Warnings,
		})
	})
	batch.Flush(ctx)
	s.metrics.stage("ingest", time.Since(t0))
	for i := range rep.Results {
		it := &rep.Results[i]
		if st := batch.Stories[it.ID]; st != "" && it.Status == string(pipeline.Stored) {
			it.Story = st
			if !slices.Contains(rep.Stories, st) {
				rep.Stories = append(rep.Stories, st)
			}
		}
	}
	slices.Sort(rep.Stories)
	if err == nil && batch.Err != nil {
		err = fmt.Errorf("web.ingest: the articles are stored, but assigning them to stories failed: %w", batch.Err)
	}
	rep.State = stateDone
	if err != nil {
		rep.State, rep.Error = stateFailed, "ingest failed"
		s.cfg.Log.Error("ingest job failed", "job", j.id, "err", err)
	}
	s.metrics.ingested.Add(int64(rep.Summary[string(pipeline.Stored)]))
	s.metrics.jobs.Add(1)
	s.markStale(rep.Stories)
	s.jobs.setState(j, rep.State)
	j.report, j.err = rep, err
	close(j.done)
}
