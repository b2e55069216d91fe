package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
)

const ingestHelp = `
Add articles to the store. An input is a file, a directory (read
recursively), a glob, - for stdin, an http(s) URL, an RSS or Atom feed (by
URL or file), or a JSON-lines file of {"url","source","title","published",
"text"|"html"} objects. Formats are recognised by content: plain text, HTML,
gzip-compressed HTML, JSON lines, feeds.

Each input is reported as stored, duplicate (the same content is already
stored: nothing changes), skipped (empty) or rejected, with the reason. Good
inputs are kept whatever happens to bad ones; the exit code is 1 when any
input was rejected.`

func cmdIngest(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "ingest", "[flags] INPUT...", ingestHelp)
	c.dbFlag(fs)
	c.readFlags(fs)
	c.clusterFlags(fs)
	c.formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("text", "json"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no inputs: give files, directories, URLs, feeds or - for stdin")
	}
	st, err := store.OpenSQLite(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	return runIngest(ctx, e, &c, &pipeline.Ingester{
		Reader:  ingest.New(c.ingestOptions(e)),
		Clean:   c.cleanOptions(),
		Store:   st,
		Workers: c.Workers,
	}, &pipeline.Clusterer{Store: st, Options: c.clusterOptions()}, fs.Args())
}

// runIngest runs an ingester, assigns what it stores to stories as it goes,
// and prints one line per input and a summary.
func runIngest(ctx context.Context, e *env, c *Config, in *pipeline.Ingester, cl *pipeline.Clusterer, inputs []string) error {
	// Articles an earlier run stored but did not live to assign get their
	// stories first, before this run stores any of its own.
	if n, err := cl.Recover(ctx); err != nil {
		return fmt.Errorf("assigning the articles an earlier run left without a story: %w", err)
	} else if n > 0 {
		fmt.Fprintf(e.stderr, "ingest: assigned %d articles an earlier run stored without a story\n", n)
	}
	prog := newProgress(e, c.Progress, "ingest")
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	enc := json.NewEncoder(e.stdout)
	batch := &pipeline.Batcher{Clusterer: cl}
	sum, err := in.Run(ctx, inputs, func(r pipeline.Result) {
		prog.step("")
		batch.Add(ctx, r)
		if c.Format == "json" {
			enc.Encode(r)
			return
		}
		detail := r.Title
		if r.Reason != "" {
			detail = r.Reason
		}
		if len(r.Warnings) > 0 {
			detail += " [warning: " + strings.Join(r.Warnings, "; ") + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Status, orDash(r.ID), r.Input, detail)
		if r.Status == pipeline.Rejected || r.Status == pipeline.Skipped {
			tw.Flush()
		}
	})
	batch.Flush(ctx)
	prog.finish()
	tw.Flush()
	fmt.Fprintf(e.stderr, "ingest: %d stored, %d duplicate, %d skipped, %d rejected; %d stories updated\n",
		sum[pipeline.Stored], sum[pipeline.Duplicate], sum[pipeline.Skipped], sum[pipeline.Rejected], len(distinct(batch.Stories)))
	if err != nil {
		return err
	}
	if batch.Err != nil {
		return fmt.Errorf("the articles are stored, but assigning them to stories failed: %w", batch.Err)
	}
	if sum[pipeline.Rejected] > 0 {
		return errReported
	}
	return nil
}

// distinct returns the distinct values of m.
func distinct(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for _, v := range m {
		out[v] = true
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
