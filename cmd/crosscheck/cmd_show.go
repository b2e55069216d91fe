package main

import (
	"context"

	"github.com/crosscheck/crosscheck/internal/store"
)

func cmdShow(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "show", "[flags] ID", "Print one stored article, cleaned, with its metadata. ID may be a unique prefix.")
	c.dbFlag(fs)
	c.formatFlag(fs, "md", "md", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check("md", "json"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want exactly one article id, got %d arguments", fs.NArg())
	}
	st, err := store.OpenSQLite(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, a)
	}
	writeArticleMarkdown(e.stdout, a)
	return nil
}
