package web

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
)

// holdWorker returns a beforeJob hook that reports each job the worker
// starts on started and then waits until release is closed.
func holdWorker() (hook func(), started chan struct{}, release chan struct{}) {
	started, release = make(chan struct{}, 16), make(chan struct{})
	return func() {
		started <- struct{}{}
		<-release
	}, started, release
}

func article(n int) *strings.Reader {
	return strings.NewReader(fmt.Sprintf(`{"source":"Outlet %d","text":"Storm number %d flooded %d streets in the harbour district, the fire service said."}`, n, n, n*3))
}

func TestQueueFull(t *testing.T) {
	hook, started, release := holdWorker()
	_, ts, _ := newTestServer(t, func(c *Config) {
		c.Queue = 1
		c.beforeJob = hook
	})
	post := func(n int) response {
		return do(t, http.MethodPost, ts.URL+"/api/articles?async=1", "application/json", article(n))
	}
	// The worker takes the first job and is held; the second waits in
	// the queue; the third finds it full.
	first := post(1)
	if first.code != http.StatusAccepted {
		t.Fatalf("first: got %d %s, want 202", first.code, first.body)
	}
	<-started
	second := post(2)
	if second.code != http.StatusAccepted {
		t.Fatalf("second: got %d %s, want 202", second.code, second.body)
	}
	third := post(3)
	if third.code != http.StatusTooManyRequests {
		t.Fatalf("third: got %d %s, want 429", third.code, third.body)
	}
	if ra := third.header.Get("Retry-After"); ra == "" {
		t.Errorf("429 without Retry-After")
	}
	if e := errorOf(t, third); e.Kind != "busy" {
		t.Errorf("kind: got %q, want busy", e.Kind)
	}
	// The form says the same, as a page.
	b, ct := form(t, nil, "text", "A pasted article about 4 new buses.")
	if r := do(t, http.MethodPost, ts.URL+"/add", ct, b); r.code != http.StatusTooManyRequests || !strings.Contains(r.body, "<html") {
		t.Errorf("form with a full queue: got %d, want a 429 page", r.code)
	}

	close(release)
	<-started // the second job left the queue
	// A synchronous request runs after the queued ones.
	if r := do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", article(4)); r.code != http.StatusOK {
		t.Fatalf("after release: got %d %s, want 200", r.code, r.body)
	}
	for _, r := range []response{first, second} {
		var rep Report
		decode(t, r, &rep)
		decode(t, get(t, ts.URL+"/api/jobs/"+rep.Job), &rep)
		if rep.State != stateDone || rep.Summary["stored"] != 1 {
			t.Errorf("job %s: got %s with %v, want done with 1 stored", rep.Job, rep.State, rep.Summary)
		}
	}
	m := get(t, ts.URL+"/metrics")
	if !strings.Contains(m.body, "crosscheck_ingest_refused_total 2\n") {
		t.Errorf("metrics: want 2 refused ingests in\n%s", m.body)
	}
}

// TestRunShutdown starts the real server on a loopback port, stops it
// while an ingest is running and checks that the ingest was finished.
func TestRunShutdown(t *testing.T) {
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hook, started, release := holdWorker()
	s, err := New(Config{Store: st, Addr: "127.0.0.1:0", beforeJob: hook})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	base := "http://" + addr.String()
	if r := get(t, base+"/healthz"); r.code != http.StatusOK {
		t.Fatalf("/healthz: got %d, want 200", r.code)
	}
	r := do(t, http.MethodPost, base+"/api/articles?async=1", "application/json", article(1))
	if r.code != http.StatusAccepted {
		t.Fatalf("ingest: got %d %s, want 202", r.code, r.body)
	}
	<-started
	cancel()
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("Run: got %v, want nil", err)
	}
	n, err := st.CountArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("articles after shutdown: got %d, want the accepted one stored", n)
	}
	if _, err := s.submit(&spool{}); err == nil {
		t.Errorf("submit after Close: got nil, want an error")
	}
}
