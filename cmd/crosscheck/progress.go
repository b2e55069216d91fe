package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress draws a one-line counter on a terminal once a run has taken
// longer than two seconds, and stays silent otherwise: pipes and logs get
// no control characters.
type progress struct {
	w     io.Writer
	on    bool
	label string
	start time.Time
	mu    sync.Mutex
	last  time.Time
	drawn bool
	done  int
}

func newProgress(e *env, enabled bool, label string) *progress {
	p := &progress{w: e.stderr, label: label, start: time.Now()}
	if f, ok := e.stderr.(*os.File); ok && enabled {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

// step counts one more item done.
func (p *progress) step(extra string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < 2*time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(p.done) / now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[K%s: %d done, %.0f/s %s", p.label, p.done, rate, extra)
	p.drawn = true
}

// finish clears the line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
