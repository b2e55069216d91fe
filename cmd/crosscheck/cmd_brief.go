package main

import (
	"context"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

const briefHelp = `
Read the given inputs (as for ingest), group them into stories and print one
brief per story, without a store: who is who under every spelling, the facts
with their outlets and status (corroborated by independent origins,
single-source, or in conflict), quotes with their speakers, where the outlets
differ, what only one outlet says, a timeline, the text outlets share, and a
short summary. Every item cites its articles.

--format json prints {"stories": [...], "articles": [...]}: the briefs
(documented in docs/brief-json.md) and every cleaned article with its text,
sub-headings, sentences and what cleaning removed.`

// briefJSON is the top level of "brief --format json".
type briefJSON struct {
	Stories  []crosscheck.StoryBrief `json:"stories"`
	Articles []*crosscheck.Article   `json:"articles"`
	Skipped  []pipeline.Result       `json:"skipped"`
}

func cmdBrief(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "brief", "[flags] INPUT...", briefHelp)
	c.readFlags(fs)
	c.clusterFlags(fs)
	c.formatFlag(fs, "md", "md", "json", "html")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("md", "json", "html"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no inputs: give files, directories, URLs, feeds or - for stdin")
	}
	arts, skipped, err := readInputs(ctx, e, &c, fs.Args())
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no article could be read from %d inputs", fs.NArg())
	}
	out := briefJSON{Articles: arts, Skipped: skipped}
	for _, g := range pipeline.GroupStories(arts, c.clusterOptions()) {
		out.Stories = append(out.Stories, pipeline.AnalyzeStory(g.ID, g.Title, g.Articles))
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, out)
	}
	return renderBrief(e.stdout, c.Format, crosscheck.Brief{Stories: out.Stories})
}

// readInputs reads and cleans inputs without a store, reporting on stderr
// what it skipped and why.
func readInputs(ctx context.Context, e *env, c *Config, inputs []string) ([]*crosscheck.Article, []pipeline.Result, error) {
	in := &pipeline.Ingester{Reader: ingest.New(c.ingestOptions(e)), Clean: c.cleanOptions(), Workers: c.Workers}
	arts := []*crosscheck.Article{}
	skipped := []pipeline.Result{}
	prog := newProgress(e, c.Progress, "read")
	_, err := in.Run(ctx, inputs, func(r pipeline.Result) {
		prog.step("")
		if r.Article != nil {
			arts = append(arts, r.Article)
			return
		}
		skipped = append(skipped, r)
		fmt.Fprintf(e.stderr, "crosscheck: %s %s: %s\n", r.Status, r.Input, r.Reason)
	})
	prog.finish()
	return arts, skipped, err
}

// renderBrief writes briefs as Markdown, JSON or HTML.
func renderBrief(w io.Writer, format string, b crosscheck.Brief) error {
	if b.Stories == nil {
		b.Stories = []crosscheck.StoryBrief{}
	}
	switch format {
	case "json":
		return brief.JSON(w, b)
	case "html":
		return brief.HTML(w, b)
	}
	return brief.Markdown(w, b)
}
