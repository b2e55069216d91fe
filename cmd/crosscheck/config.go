package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/store"
)

// Config holds every setting, with its default, filled from flags and
// environment variables and checked before any work starts.
type Config struct {
	DB           string        // database file; CROSSCHECK_DB
	Format       string        // output format
	MaxBytes     int64         // per document
	Timeout      time.Duration // per URL fetch
	MaxRedirects int
	Workers      int
	Fallback     bool // compare the HTML extraction with readability and distiller
	Progress     bool
	Threshold    float64       // story similarity threshold
	Window       time.Duration // story window
}

func defaultConfig(e *env) Config {
	c := Config{
		DB:           store.DefaultPath(),
		MaxBytes:     10 << 20,
		Timeout:      20 * time.Second,
		MaxRedirects: 5,
		Fallback:     false,
		Progress:     true,
	}
	if v := e.getenv("CROSSCHECK_DB"); v != "" {
		c.DB = v
	}
	return c
}

// byteSize is a flag value such as "10MB", "512KB" or "1048576".
type byteSize struct{ n *int64 }

func (b byteSize) String() string {
	if b.n == nil {
		return ""
	}
	return formatBytes(*b.n)
}

func (b byteSize) Set(s string) error {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, suf.s)), suf.m
			break
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a positive size such as 10MB, got %q", s)
	}
	*b.n = n * mult
	return nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return fmt.Sprintf("%dB", n)
}

func (c *Config) dbFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database file (env CROSSCHECK_DB)")
}

func (c *Config) formatFlag(fs *flag.FlagSet, def string, allowed ...string) {
	c.Format = def
	fs.StringVar(&c.Format, "format", def, "output format: "+strings.Join(allowed, ", "))
}

func (c *Config) readFlags(fs *flag.FlagSet) {
	fs.Var(byteSize{&c.MaxBytes}, "max-bytes", "largest document accepted, such as 10MB")
	fs.DurationVar(&c.Timeout, "timeout", c.Timeout, "time limit for each URL fetch")
	fs.IntVar(&c.MaxRedirects, "max-redirects", c.MaxRedirects, "redirects followed for each URL")
	fs.IntVar(&c.Workers, "workers", 0, "cleaning goroutines (0: one per CPU)")
	fs.BoolVar(&c.Fallback, "fallback", c.Fallback, "check HTML extraction against readability and distiller (better text, slower)")
	fs.BoolVar(&c.Progress, "progress", c.Progress, "show progress on a terminal for long runs")
}

// check validates the settings that flags could not.
func (c *Config) check(allowedFormats ...string) error {
	if len(allowedFormats) > 0 {
		ok := false
		for _, f := range allowedFormats {
			ok = ok || c.Format == f
		}
		if !ok {
			return usagef("--format must be one of %s, got %q", strings.Join(allowedFormats, ", "), c.Format)
		}
	}
	if c.Timeout <= 0 {
		return usagef("--timeout must be positive, got %v", c.Timeout)
	}
	if c.MaxRedirects < 0 {
		return usagef("--max-redirects must not be negative, got %d", c.MaxRedirects)
	}
	if c.Workers < 0 {
		return usagef("--workers must not be negative, got %d", c.Workers)
	}
	return nil
}

func (c *Config) ingestOptions(e *env) ingest.Options {
	return ingest.Options{
		MaxBytes:     c.MaxBytes,
		Timeout:      c.Timeout,
		MaxRedirects: c.MaxRedirects,
		UserAgent:    ingest.UserAgent(version),
		Stdin:        e.stdin,
	}
}

func (c *Config) clusterOptions() cluster.Options {
	o := cluster.DefaultOptions()
	if c.Threshold > 0 {
		o.Threshold = c.Threshold
	}
	if c.Window > 0 {
		o.Window = c.Window
	}
	return o
}

// clusterFlags are the story-grouping settings.
func (c *Config) clusterFlags(fs *flag.FlagSet) {
	d := cluster.DefaultOptions()
	fs.Float64Var(&c.Threshold, "threshold", d.Threshold, "similarity an article needs to join a story")
	fs.DurationVar(&c.Window, "window", d.Window, "how long a story stays open after its latest article")
}

func (c *Config) cleanOptions() clean.Options {
	return clean.Options{Fallback: c.Fallback}
}
