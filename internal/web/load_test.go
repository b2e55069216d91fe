package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// loadDuration is how long TestLoad keeps up its load; -short makes it
// brief.
const loadDuration = 20 * time.Second

// TestLoad mixes ingests and reads from a few goroutines on loopback for
// about 20 seconds. It checks that nothing fails and no article is lost,
// and logs the rate and the 99th percentile latency without asserting on
// them (go test -run TestLoad -v ./internal/web/ prints them).
func TestLoad(t *testing.T) {
	duration := loadDuration
	if testing.Short() {
		duration = 2 * time.Second
	}
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	const goroutines = 4
	deadline := time.Now().Add(duration)
	client := ts.Client()
	towns := []string{"Arlen", "Brisk", "Corva", "Dolny", "Esker", "Farrow", "Gaden", "Holm"}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		posted    int
	)
	var wg sync.WaitGroup
	start := time.Now()
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				var req *http.Request
				var err error
				ingesting := i%4 == 0
				switch {
				case ingesting:
					town := towns[(g+i)%len(towns)]
					body := fmt.Sprintf(`{"source":"Load %d","title":"%s council vote %d-%d","text":"The council of %s voted %d to %d on Tuesday to build %d new homes, councillor Maja Lind%d said. Work starts in %d weeks."}`,
						g, town, g, i, town, 10+i, g, 100000*g+i, g, i+2)
					req, err = http.NewRequest(http.MethodPost, ts.URL+"/api/articles", strings.NewReader(body))
					if err == nil {
						req.Header.Set("Content-Type", "application/json")
					}
				default:
					paths := []string{"/api/stories?limit=10", "/healthz", "/", "/api/stories/s1", "/metrics", "/stories/s1"}
					req, err = http.NewRequest(http.MethodGet, ts.URL+paths[(g+i)%len(paths)], nil)
				}
				if err != nil {
					t.Error(err)
					return
				}
				t0 := time.Now()
				res, err := client.Do(req)
				var code int
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					code = res.StatusCode
				}
				d := time.Since(t0)
				mu.Lock()
				latencies = append(latencies, d)
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s %s: %v", req.Method, req.URL.Path, err))
				case code != http.StatusOK:
					failures = append(failures, fmt.Sprintf("%s %s: status %d", req.Method, req.URL.Path, code))
				case ingesting:
					posted++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, f := range failures {
		t.Error(f)
	}
	n, err := st.CountArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := 4 + posted; n != want {
		t.Errorf("articles stored: got %d, want %d (4 demo + %d posted)", n, want, posted)
	}
	slices.Sort(latencies)
	p99 := latencies[(len(latencies)*99+99)/100-1]
	t.Logf("%d requests (%d ingests) in %v: %.0f requests/s, p99 %v",
		len(latencies), posted, elapsed.Round(time.Millisecond), float64(len(latencies))/elapsed.Seconds(), p99.Round(time.Microsecond))
}
