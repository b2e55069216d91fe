package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

const briefHelp = `
Read the given inputs (as for ingest) and report on them in one go, without
a store: each article's title, source, language and cleaned text with its
sub-headings marked, and what cleaning removed.`

// briefJSON is the top level of "brief --format json".
type briefJSON struct {
	Articles []*crosscheck.Article `json:"articles"`
	Skipped  []pipeline.Result     `json:"skipped"`
}

func cmdBrief(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "brief", "[flags] INPUT...", briefHelp)
	c.readFlags(fs)
	c.formatFlag(fs, "md", "md", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("md", "json"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no inputs: give files, directories, URLs, feeds or - for stdin")
	}
	in := &pipeline.Ingester{Reader: ingest.New(c.ingestOptions(e)), Clean: c.cleanOptions(), Workers: c.Workers}
	out := briefJSON{Articles: []*crosscheck.Article{}, Skipped: []pipeline.Result{}}
	prog := newProgress(e, c.Progress, "brief")
	_, err := in.Run(ctx, fs.Args(), func(r pipeline.Result) {
		prog.step("")
		if r.Article != nil {
			out.Articles = append(out.Articles, r.Article)
			return
		}
		out.Skipped = append(out.Skipped, r)
		fmt.Fprintf(e.stderr, "brief: %s %s: %s\n", r.Status, r.Input, r.Reason)
	})
	prog.finish()
	if err != nil {
		return err
	}
	if c.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "# %d articles\n\n", len(out.Articles))
	for _, a := range out.Articles {
		writeArticleMarkdown(e.stdout, a)
	}
	if len(out.Articles) == 0 {
		return fmt.Errorf("no article could be read from %d inputs", fs.NArg())
	}
	return nil
}
