package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/store"
)

func cmdArticles(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "articles", "[flags]", "List the stored articles in the order they were ingested.")
	c.dbFlag(fs)
	c.formatFlag(fs, "text", "text", "json")
	var f crosscheck.ArticleFilter
	fs.StringVar(&f.Source, "source", "", "only articles from this outlet")
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
	list, err := st.Articles(ctx, f)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, map[string]any{"articles": list})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSOURCE\tLANG\tSENTENCES\tTITLE")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", a.ID, a.Source, a.Language, a.Sentences, a.Title)
	}
	tw.Flush()
	fmt.Fprintf(e.stderr, "%d articles in %s\n", len(list), c.DB)
	return nil
}
