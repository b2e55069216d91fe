package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck"
)

// metrics counts what /metrics reports, in the Prometheus text format.
type metrics struct {
	ingested atomic.Int64 // articles stored through this server
	jobs     atomic.Int64 // ingest jobs finished
	refused  atomic.Int64 // ingest requests refused with a full queue

	// storiesStale says the story count must be read again: counting
	// means listing, so it is done only after a job changed something.
	storiesStale atomic.Bool
	storiesMu    sync.Mutex
	stories      int

	mu     sync.Mutex
	routes map[string]*routeStats
	stages map[string]*stageStats
}

// stageStats times one stage of the work: "ingest" (reading, cleaning and
// storing a job's articles), "cluster" (assigning them to stories) and
// "brief" (analysing a story whose brief was not cached). "ingest" holds
// the whole job, clustering included.
type stageStats struct {
	count   int64
	seconds float64
}

type routeStats struct {
	codes   map[int]int64
	count   int64
	seconds float64
}

func newMetrics() *metrics {
	m := &metrics{routes: map[string]*routeStats{}, stages: map[string]*stageStats{}}
	m.storiesStale.Store(true)
	return m
}

// observe records one request.
func (m *metrics) observe(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rs := m.routes[route]
	if rs == nil {
		rs = &routeStats{codes: map[int]int64{}}
		m.routes[route] = rs
	}
	rs.codes[code]++
	rs.count++
	rs.seconds += d.Seconds()
}

// stage records one run of a stage that took d.
func (m *metrics) stage(name string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.stages[name]
	if st == nil {
		st = &stageStats{}
		m.stages[name] = st
	}
	st.count++
	st.seconds += d.Seconds()
}

// storyCount returns the number of live stories, listing them only when
// a job has run since the last count.
func (m *metrics) storyCount(ctx context.Context, st crosscheck.Store) (int, error) {
	m.storiesMu.Lock()
	defer m.storiesMu.Unlock()
	if m.storiesStale.Swap(false) {
		list, err := st.Stories(ctx, crosscheck.StoryFilter{})
		if err != nil {
			m.storiesStale.Store(true)
			return 0, err
		}
		m.stories = len(list)
	}
	return m.stories, nil
}

func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	articles, err := s.cfg.Store.CountArticles(ctx)
	if err != nil {
		return err
	}
	stories, err := s.metrics.storyCount(ctx, s.cfg.Store)
	if err != nil {
		return err
	}
	m := s.metrics
	var b bytes.Buffer
	metric := func(name, typ, help string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}
	metric("crosscheck_articles_ingested_total", "counter", "Articles stored through this server since it started.")
	fmt.Fprintf(&b, "crosscheck_articles_ingested_total %d\n", m.ingested.Load())
	metric("crosscheck_articles", "gauge", "Articles in the store.")
	fmt.Fprintf(&b, "crosscheck_articles %d\n", articles)
	metric("crosscheck_stories", "gauge", "Live stories in the store.")
	fmt.Fprintf(&b, "crosscheck_stories %d\n", stories)
	metric("crosscheck_ingest_jobs_total", "counter", "Ingest jobs finished.")
	fmt.Fprintf(&b, "crosscheck_ingest_jobs_total %d\n", m.jobs.Load())
	metric("crosscheck_ingest_refused_total", "counter", "Ingest requests refused because the queue was full.")
	fmt.Fprintf(&b, "crosscheck_ingest_refused_total %d\n", m.refused.Load())
	metric("crosscheck_ingest_queue_length", "gauge", "Ingest jobs waiting for the worker.")
	fmt.Fprintf(&b, "crosscheck_ingest_queue_length %d\n", len(s.queue))
	metric("crosscheck_ingest_queue_capacity", "gauge", "Ingest jobs that may wait for the worker.")
	fmt.Fprintf(&b, "crosscheck_ingest_queue_capacity %d\n", cap(s.queue))

	m.mu.Lock()
	routes := make([]string, 0, len(m.routes))
	for r := range m.routes {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	metric("crosscheck_http_requests_total", "counter", "HTTP requests by route and status code.")
	for _, r := range routes {
		rs := m.routes[r]
		codes := make([]int, 0, len(rs.codes))
		for c := range rs.codes {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			fmt.Fprintf(&b, "crosscheck_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", labelValue(r), c, rs.codes[c])
		}
	}
	metric("crosscheck_http_request_duration_seconds", "summary", "Time spent answering HTTP requests, by route.")
	for _, r := range routes {
		rs := m.routes[r]
		fmt.Fprintf(&b, "crosscheck_http_request_duration_seconds_sum{route=\"%s\"} %s\n", labelValue(r), strconv.FormatFloat(rs.seconds, 'g', -1, 64))
		fmt.Fprintf(&b, "crosscheck_http_request_duration_seconds_count{route=\"%s\"} %d\n", labelValue(r), rs.count)
	}
	stages := make([]string, 0, len(m.stages))
	for st := range m.stages {
		stages = append(stages, st)
	}
	slices.Sort(stages)
	metric("crosscheck_stage_duration_seconds", "summary", "Time spent in each stage: ingest, cluster, brief.")
	for _, st := range stages {
		ss := m.stages[st]
		fmt.Fprintf(&b, "crosscheck_stage_duration_seconds_sum{stage=\"%s\"} %s\n", st, strconv.FormatFloat(ss.seconds, 'g', -1, 64))
		fmt.Fprintf(&b, "crosscheck_stage_duration_seconds_count{stage=\"%s\"} %d\n", st, ss.count)
	}
	m.mu.Unlock()

	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write(b.Bytes())
	return nil
}

// labelValue escapes a Prometheus label value.
var labelValue = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace
