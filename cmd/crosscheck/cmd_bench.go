package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
)

const benchHelp = `
Generate a corpus of N articles of about 4 KB, plain text or HTML, ingest it
through the real pipeline into a fresh store in a temporary directory, and
print articles per second (overall, per core and per CPU-second) and peak
memory.

With --kind stories, cluster a generated stream of N articles across N/20
stories instead (default N 100000: 5,000 stories) and print the time per
article at 10k, 50k and 100k articles, the live stories and the heap, and
how well the generated stories were recovered.`

func cmdBench(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "bench", "[flags]", benchHelp)
	n := fs.Int("n", 0, "articles to generate (default 2000, or 100000 for --kind stories)")
	kind := fs.String("kind", "text", "what to measure: text or html ingest, or stories (clustering)")
	keep := fs.Bool("keep", false, "keep the generated corpus and store, and print where")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	fs.IntVar(&c.Workers, "workers", 0, "cleaning goroutines (0: one per CPU)")
	fs.BoolVar(&c.Fallback, "fallback", c.Fallback, "check HTML extraction against readability and distiller")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *n < 0:
		return usagef("--n must be positive, got %d", *n)
	case *kind == "stories":
		if *n == 0 {
			*n = 100000
		}
		return benchStories(e, *n)
	case *kind != "text" && *kind != "html":
		return usagef("--kind must be text, html or stories, got %q", *kind)
	case *n == 0:
		*n = 2000
	}
	dir, err := os.MkdirTemp("", "crosscheck-bench-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintf(e.stderr, "bench: corpus and store in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	corpus := filepath.Join(dir, "corpus")
	var bytes int64
	gen := newGenerator(1)
	for i := range *n {
		body := gen.article(i)
		name := fmt.Sprintf("a%06d.txt", i)
		if *kind == "html" {
			body, name = gen.page(body, i), fmt.Sprintf("a%06d.html", i)
		}
		sub := filepath.Join(corpus, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(body), 0o644); err != nil {
			return err
		}
		bytes += int64(len(body))
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	in := &pipeline.Ingester{Reader: ingest.New(c.ingestOptions(e)), Clean: c.cleanOptions(), Store: st, Workers: c.Workers}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	cpu0 := cpuTime()
	start := time.Now()
	sum, err := in.Run(ctx, []string{corpus}, func(pipeline.Result) {})
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	if sum[pipeline.Stored] != *n {
		return fmt.Errorf("bench: stored %d of %d generated articles (%v)", sum[pipeline.Stored], *n, sum)
	}
	cores := runtime.GOMAXPROCS(0)
	rate := float64(*n) / elapsed.Seconds()
	fmt.Fprintf(e.stdout, "bench: %d %s articles, %.1f KB each on average\n", *n, *kind, float64(bytes)/float64(*n)/1024)
	fmt.Fprintf(e.stdout, "bench: ingest+clean+store %.2fs: %.0f articles/s, %.0f articles/s per core (%d cores)\n",
		elapsed.Seconds(), rate, rate/float64(cores), cores)
	fmt.Fprintf(e.stdout, "bench: CPU time %.2fs: %.0f articles per CPU-second (the per-core rate, whatever else the machine runs)\n",
		cpu.Seconds(), float64(*n)/cpu.Seconds())
	fmt.Fprintf(e.stdout, "bench: peak memory (max RSS) %s\n", peakRSS())
	return nil
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS reports the process's peak resident set size.
func peakRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f MB", float64(ru.Maxrss)/1024) // Linux reports KB
}

// generator writes plausible news-like articles from a fixed vocabulary, so
// that benchmarks are repeatable.
type generator struct{ r *rand.Rand }

func newGenerator(seed uint64) *generator { return &generator{rand.New(rand.NewPCG(seed, seed+1))} }

var (
	benchNames   = []string{"Ilona Varga", "Peter Olsen", "Maria Kovalenko", "Andrei Sokolov", "Tomas Berg", "Aliaksandr Haurylik", "Jana Novak", "Omar Haddad"}
	benchPlaces  = []string{"Kestrel", "Vilnius", "Minsk", "Warsaw", "Kyiv", "Riga", "Tallinn", "Gdansk"}
	benchNouns   = []string{"prisoners", "workers", "passengers", "votes", "girders", "signatures", "tonnes", "families"}
	benchVerbs   = []string{"released", "counted", "moved", "replaced", "reported", "confirmed", "pardoned", "rescued"}
	benchOutlets = []string{"the Northern Gazette", "Reuters", "the city office", "a spokesperson", "local media"}
)

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) sentence() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s said that %d %s were %s in %s on Tuesday.", g.pick(benchNames), 10+g.r.IntN(990), g.pick(benchNouns), g.pick(benchVerbs), g.pick(benchPlaces))
	case 1:
		return fmt.Sprintf("According to %s, more than %d %s had been %s since the talks began in %s.", g.pick(benchOutlets), 10+g.r.IntN(90), g.pick(benchNouns), g.pick(benchVerbs), g.pick(benchPlaces))
	case 2:
		return fmt.Sprintf("\"We will continue to work with %s,\" %s told %s.", g.pick(benchPlaces), g.pick(benchNames), g.pick(benchOutlets))
	default:
		return fmt.Sprintf("Officials in %s %s %d %s after a meeting with %s, the third such meeting this year.", g.pick(benchPlaces), g.pick(benchVerbs), 2+g.r.IntN(40), g.pick(benchNouns), g.pick(benchNames))
	}
}

// article returns a plain-text article of about 4 KB with a headline, a
// boilerplate line and a sub-heading, unique by its index.
func (g *generator) article(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d: %s talks in %s\n\nShare this article\n\n", i, g.pick(benchPlaces), g.pick(benchPlaces))
	for p := 0; b.Len() < 4000; p++ {
		if p == 3 {
			b.WriteString("What comes next\n")
		}
		for range 3 {
			b.WriteString(g.sentence())
			b.WriteByte(' ')
		}
		b.WriteString("\n")
	}
	return b.String()
}

// page wraps an article in a page with navigation and footer furniture.
func (g *generator) page(text string, i int) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=en><head><meta charset=utf-8><title>%s</title></head><body>", lines[0])
	b.WriteString(`<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/search">Search</a></nav></header><main><article>`)
	fmt.Fprintf(&b, "<h1>%s</h1>", lines[0])
	for _, l := range lines[1:] {
		switch {
		case l == "" || l == "Share this article":
		case !strings.HasSuffix(l, " "):
			fmt.Fprintf(&b, "<h2>%s</h2>", l)
		default:
			fmt.Fprintf(&b, "<p>%s</p>", l)
		}
	}
	fmt.Fprintf(&b, `</article></main><aside><h3>Most read</h3><ul><li><a href="/a">Story %d</a></li></ul></aside><footer>© 2026 Example News</footer></body></html>`, i)
	return b.String()
}

// benchStories clusters a generated stream and prints the cost per article
// as the stream grows, which must stay roughly flat.
func benchStories(e *env, n int) error {
	points := []int{}
	for _, p := range []int{10000, 50000, 100000} {
		if p < n {
			points = append(points, p)
		}
	}
	rep := cluster.Scale(n, max(1, n/20), points, 1)
	for _, p := range rep.Points {
		fmt.Fprintf(e.stdout, "bench: stories: %7d articles: %6.1f µs per article (%6.0f articles/s), %5d live stories, heap %s\n",
			p.Articles, float64(p.PerArticle.Nanoseconds())/1000, p.Rate, p.LiveStories, fmt.Sprintf("%.1f MB", float64(p.PeakHeap)/(1<<20)))
	}
	fmt.Fprintf(e.stdout, "bench: stories recovered: %s\n", rep.Scores)
	fmt.Fprintf(e.stdout, "bench: peak memory (max RSS) %s\n", peakRSS())
	return nil
}
