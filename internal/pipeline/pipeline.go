// Package pipeline runs the stages over the store: it reads inputs, cleans
// them on every core, and stores the results in input order, reporting what
// happened to each input. It is the one place that wires stages to I/O.
package pipeline

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/ingest"
)

// Status says what happened to one input.
type Status string

// The statuses of an input.
const (
	Stored    Status = "stored"
	Duplicate Status = "duplicate"
	Skipped   Status = "skipped"
	Rejected  Status = "rejected"
	Cleaned   Status = "cleaned" // cleaned but, by request, not stored
)

// Result is the outcome for one input document.
type Result struct {
	Input    string              `json:"input"`
	Status   Status              `json:"status"`
	Reason   string              `json:"reason,omitempty"`
	ID       string              `json:"id,omitempty"`
	Title    string              `json:"title,omitempty"`
	Warnings []string            `json:"warnings,omitempty"`
	Article  *crosscheck.Article `json:"-"`
}

// Summary counts results by status.
type Summary map[Status]int

// Ingester reads, cleans and stores articles.
type Ingester struct {
	Reader *ingest.Reader
	Clean  clean.Options
	// Store receives the articles; nil means clean only.
	Store   crosscheck.Store
	Workers int // cleaning goroutines; 0 means one per CPU
}

// Run ingests inputs and calls report once per document, in input order.
// A bad input is reported and the run goes on; Run fails only when the
// inputs cannot be read at all, the store fails, or ctx ends.
func (in *Ingester) Run(ctx context.Context, inputs []string, report func(Result)) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := in.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq  int
		item ingest.Item
		res  Result
	}
	jobs := make(chan *job, workers*4)
	done := make(chan *job, workers*4)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = in.Reader.Read(ctx, inputs, func(it ingest.Item) error {
			select {
			case jobs <- &job{seq: seq, item: it}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res = in.clean(j.item)
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	// Store in input order, so that reports and ids are deterministic, and
	// in batches, so that one commit serves many articles.
	sum := Summary{}
	pending := map[int]*job{}
	next := 0
	var storeErr error
	seen := map[string]bool{} // content hashes of this run
	var batch []*Result
	flush := func() {
		if storeErr == nil {
			storeErr = in.storeBatch(ctx, batch)
			if storeErr != nil {
				cancel()
			}
		}
		if storeErr == nil {
			for _, r := range batch {
				sum[r.Status]++
				report(*r)
			}
		}
		batch = batch[:0]
	}
	for j := range done {
		pending[j.seq] = j
		for {
			j, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if a := j.res.Article; a != nil {
				if seen[a.ContentHash] {
					j.res.Status, j.res.Reason, j.res.Article = Duplicate, "same content as an earlier input", nil
				}
				seen[a.ContentHash] = true
			}
			batch = append(batch, &j.res)
		}
		if len(batch) >= maxBatch || len(batch) > 0 && len(done) == 0 {
			flush()
		}
	}
	flush()
	if storeErr != nil {
		return sum, storeErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, readErr
	}
	return sum, ctx.Err()
}

func (in *Ingester) clean(it ingest.Item) Result {
	r := Result{Input: it.Input}
	switch {
	case it.Err != nil:
		r.Status, r.Reason = Rejected, it.Err.Error()
	case it.Skip != "":
		r.Status, r.Reason = Skipped, it.Skip
	case it.Doc == nil:
		r.Status, r.Reason = Rejected, "no document"
	default:
		a := clean.Clean(*it.Doc, in.Clean)
		r.Status, r.ID, r.Title, r.Warnings, r.Article = Cleaned, a.ID, a.Title, a.Warnings, a
	}
	return r
}

// maxBatch bounds how many articles share one transaction.
const maxBatch = 64

// storeBatch stores the cleaned articles of a batch and sets their status.
// An article the store refuses is reported as rejected; a failure of the
// store itself ends the run.
func (in *Ingester) storeBatch(ctx context.Context, batch []*Result) error {
	var as []*crosscheck.Article
	var rs []*Result
	for _, r := range batch {
		if r.Article != nil && in.Store != nil {
			as, rs = append(as, r.Article), append(rs, r)
		}
	}
	if len(as) == 0 {
		return nil
	}
	added, errs, err := in.Store.AddArticles(ctx, as)
	if err != nil {
		return err
	}
	for i, r := range rs {
		switch {
		case errs[i] != nil:
			r.Status, r.Reason = Rejected, errs[i].Error()
		case added[i]:
			r.Status = Stored
		default:
			r.Status, r.Reason = Duplicate, "same content already stored"
		}
	}
	return nil
}
