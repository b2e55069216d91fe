package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/web"
)

const serveHelp = `
Serve the store over HTTP: a JSON API and pages to read the stories, their
briefs with a grid of which outlet reports which fact, every spelling of a
name, and a form to add articles.

  POST /api/articles          JSON array, JSON lines or multipart upload
  GET  /api/jobs/{id}         an ingest started with ?async=1
  GET  /api/stories           ?limit ?offset ?outlet ?entity ?since
  GET  /api/stories/{id}      the story's brief, as "story --format json"
  GET  /api/entities?q=NAME   a name by any spelling
  GET  /api/search?q=WORDS    articles holding every word, with snippets; page /search
  GET  /healthz, /metrics     health, Prometheus metrics
  GET  /, /stories/{id}, /entities, /add   the pages

The server listens on 127.0.0.1 unless told otherwise. Any other address
needs a token (--token, or better CROSSCHECK_TOKEN, which ps does not
show), and every write must then send "Authorization: Bearer TOKEN"; the
form asks for it as a password. URLs given to the server that lead to
loopback, private or link-local addresses are refused unless
--allow-private-urls is set. SIGINT or SIGTERM stops the server once the
requests and ingests in flight are done.`

func cmdServe(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "serve", "[flags]", serveHelp)
	c.dbFlag(fs)
	addr := fs.String("addr", web.DefaultAddr, "address to listen on")
	token := fs.String("token", "", "token every write must present (env CROSSCHECK_TOKEN)")
	allowPrivate := fs.Bool("allow-private-urls", false, "fetch URLs that resolve to loopback or private addresses")
	maxBody := int64(web.DefaultMaxBody)
	fs.Var(byteSize{&maxBody}, "max-body", "largest request body, such as 32MB")
	queue := fs.Int("queue", web.DefaultQueue, "ingest requests that may wait; more get 429")
	fs.Var(byteSize{&c.MaxBytes}, "max-bytes", "largest document accepted, such as 10MB")
	fs.DurationVar(&c.Timeout, "timeout", c.Timeout, "time limit for each URL fetch")
	fs.IntVar(&c.MaxRedirects, "max-redirects", c.MaxRedirects, "redirects followed for each URL")
	fs.IntVar(&c.Workers, "workers", 0, "cleaning goroutines (0: one per CPU)")
	fs.BoolVar(&c.Fallback, "fallback", c.Fallback, "check HTML extraction against readability and distiller (better text, slower)")
	c.clusterFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments %q", fs.Args())
	}
	if *queue < 1 {
		return usagef("--queue must be at least 1, got %d", *queue)
	}
	if *token == "" {
		*token = e.getenv("CROSSCHECK_TOKEN")
	}
	if err := web.CheckAddr(*addr, *token); err != nil {
		return usagef("%v", err)
	}
	st, err := store.OpenSQLite(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := web.New(web.Config{
		Store:            st,
		Addr:             *addr,
		Token:            *token,
		MaxBody:          maxBody,
		Ingest:           c.ingestOptions(e), // web sets DenyPrivate and Stdin
		AllowPrivateURLs: *allowPrivate,
		Clean:            c.cleanOptions(),
		Cluster:          c.clusterOptions(),
		Workers:          c.Workers,
		Queue:            *queue,
		Log:              e.log,
	})
	if err != nil {
		return err
	}
	a, err := srv.Listen()
	if err != nil {
		srv.Close()
		return err
	}
	fmt.Fprintf(e.stderr, "crosscheck serve: listening on http://%s (store %s)\n", a, c.DB)
	return srv.Run(ctx)
}
