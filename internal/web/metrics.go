package web

import (
	"bytes"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// metrics counts what /metrics reports, in the Prometheus text format.
type metrics struct {
	ingested atomic.Int64 // articles stored through this server
	jobs     atomic.Int64 // ingest jobs finished
	refused  atomic.Int64 // ingest requests refused with a full queue

	mu     sync.Mutex
	routes map[string]*routeStats
	// stages times the work: "ingest" (a whole job: reading, cleaning,
	// storing and clustering its articles), "cluster" (assigning a batch to
	// stories) and "brief" (analysing a story whose brief was not cached).
	stages map[string]*timing
}

// timing is a Prometheus summary without quantiles.
type timing struct {
	count   int64
	seconds float64
}

func (t *timing) add(d time.Duration) {
	t.count++
	t.seconds += d.Seconds()
}

type routeStats struct {
	codes map[int]int64
	timing
}

func newMetrics() *metrics {
	m := &metrics{routes: map[string]*routeStats{}, stages: map[string]*timing{}}
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
	rs.add(d)
}

// stage records one run of a stage that took d.
func (m *metrics) stage(name string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.stages[name]
	if st == nil {
		st = &timing{}
		m.stages[name] = st
	}
	st.add(d)
}

func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	articles, err := s.cfg.Store.CountArticles(ctx)
	if err != nil {
		return err
	}
	stories, err := s.cfg.Store.CountStories(ctx)
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
	routes := slices.Sorted(maps.Keys(m.routes))
	metric("crosscheck_http_requests_total", "counter", "HTTP requests by route and status code.")
	for _, r := range routes {
		rs := m.routes[r]
		for _, c := range slices.Sorted(maps.Keys(rs.codes)) {
			fmt.Fprintf(&b, "crosscheck_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", labelValue(r), c, rs.codes[c])
		}
	}
	summary := func(name, help, label string, keys []string, get func(string) timing) {
		metric(name, "summary", help)
		for _, k := range keys {
			t := get(k)
			fmt.Fprintf(&b, "%s_sum{%s=\"%s\"} %s\n", name, label, labelValue(k), strconv.FormatFloat(t.seconds, 'g', -1, 64))
			fmt.Fprintf(&b, "%s_count{%s=\"%s\"} %d\n", name, label, labelValue(k), t.count)
		}
	}
	summary("crosscheck_http_request_duration_seconds", "Time spent answering HTTP requests, by route.", "route",
		routes, func(r string) timing { return m.routes[r].timing })
	summary("crosscheck_stage_duration_seconds", "Time spent in each stage: ingest, cluster, brief.", "stage",
		slices.Sorted(maps.Keys(m.stages)), func(st string) timing { return *m.stages[st] })
	m.mu.Unlock()

	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write(b.Bytes())
	return nil
}

// labelValue escapes a Prometheus label value.
var labelValue = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace
