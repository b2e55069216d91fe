package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
)

func cmdStories(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "stories", "[flags]", "List the stories in the store, the largest first: id, title, articles, outlets, time span and top names.")
	c.dbFlag(fs)
	c.formatFlag(fs, "text", "text", "json")
	var f crosscheck.StoryFilter
	fs.StringVar(&f.Outlet, "outlet", "", "only stories with an article from this outlet")
	fs.StringVar(&f.Entity, "entity", "", "only stories whose top names include this")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many (0: all)")
	fs.IntVar(&f.Offset, "offset", 0, "skip this many first")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("text", "json"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments %q", fs.Args())
	}
	st, err := store.OpenSQLite(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, f)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, map[string]any{"stories": list})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLES\tOUTLETS\tSPAN\tTITLE\tTOP NAMES")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", s.ID, len(s.Articles), len(s.Outlets), span(s), shortTitle(s.Title), strings.Join(first(s.Entities, 4), ", "))
	}
	tw.Flush()
	return nil
}

func span(s crosscheck.StoryRecord) string {
	switch {
	case s.First.IsZero():
		return "-"
	case s.First.Format("2006-01-02") == s.Last.Format("2006-01-02"):
		return s.First.Format("2006-01-02")
	}
	return s.First.Format("2006-01-02") + ".." + s.Last.Format("2006-01-02")
}

func shortTitle(t string) string {
	if r := []rune(t); len(r) > 70 {
		return string(r[:69]) + "…"
	}
	return t
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

func cmdStory(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "story", "[flags] ID", "Print the brief of one stored story. An id that was merged into another story leads to its successor.")
	c.dbFlag(fs)
	c.formatFlag(fs, "md", "md", "json", "html")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("md", "json", "html"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want exactly one story id, got %d arguments", fs.NArg())
	}
	sb, err := storyBrief(ctx, c.DB, fs.Arg(0))
	if err != nil {
		return err
	}
	return renderBrief(e.stdout, c.Format, crosscheck.Brief{Stories: []crosscheck.StoryBrief{sb}})
}

// storyBrief loads a stored story and builds its brief.
func storyBrief(ctx context.Context, db, id string) (crosscheck.StoryBrief, error) {
	st, err := store.OpenSQLite(ctx, db)
	if err != nil {
		return crosscheck.StoryBrief{}, err
	}
	defer st.Close()
	rec, err := st.Story(ctx, id)
	if err != nil {
		return crosscheck.StoryBrief{}, err
	}
	arts, err := st.ArticlesByID(ctx, rec.Articles)
	if err != nil {
		return crosscheck.StoryBrief{}, err
	}
	return pipeline.AnalyzeStory(rec.ID, rec.Title, arts), nil
}
