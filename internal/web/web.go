// Package web serves the store over HTTP: a JSON API and server-rendered
// pages (story list, story brief with a source × fact grid, entity search,
// an "add articles" form) built from the same handlers' data.
//
// Every route is declared in routes.go. Handlers return an error and one
// adapter writes the response, so that status codes come from one function
// (statusOf). Writes go through a background worker with a bounded queue:
// the worker owns the clusterer, so articles are assigned to stories in the
// order they were accepted, exactly as "crosscheck ingest" does, and a full
// queue answers 429 instead of piling up work.
//
// The server listens on loopback by default. On any other address it needs
// a token, and every write must then carry it.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// Defaults for the zero values of Config.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultMaxBody         = 32 << 20
	DefaultQueue           = 8
	DefaultShutdownTimeout = 30 * time.Second
	DefaultSearchStories   = 500
)

// Config is everything a Server needs. Zero values take the defaults above.
type Config struct {
	Store crosscheck.Store
	// Addr is the listening address. An address that is not loopback needs
	// a Token.
	Addr string
	// Token, when set, must be presented by every write as
	// "Authorization: Bearer <token>" (or, for the browser form, as the
	// password of HTTP Basic authentication).
	Token string
	// MaxBody bounds each request body.
	MaxBody int64
	// Ingest holds the limits of reading and fetching, as for the command
	// line. Its DenyPrivate and Stdin are set by New: URLs that resolve to
	// private addresses are refused unless AllowPrivateURLs is set.
	Ingest           ingest.Options
	AllowPrivateURLs bool
	Clean            clean.Options
	// Cluster tunes story grouping; the zero value means
	// cluster.DefaultOptions().
	Cluster cluster.Options
	// Workers is how many goroutines clean one request's articles; 0 means
	// one per CPU.
	Workers int
	// Queue is how many ingest jobs may wait for the worker.
	Queue int
	// ShutdownTimeout bounds how long Run waits for requests and accepted
	// ingest jobs to finish once its context ends.
	ShutdownTimeout time.Duration
	// SearchStories bounds how many stories an entity search reads.
	SearchStories int
	Now           func() time.Time
	Log           *slog.Logger

	// beforeJob, when set, runs in the worker before each job: tests use it
	// to hold the worker.
	beforeJob func()
}

// withDefaults returns c with its zero values filled in.
func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Queue <= 0 {
		c.Queue = DefaultQueue
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.SearchStories <= 0 {
		c.SearchStories = DefaultSearchStories
	}
	if c.Cluster == (cluster.Options{}) {
		c.Cluster = cluster.DefaultOptions()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	c.Ingest.DenyPrivate = !c.AllowPrivateURLs
	// "-" is never an input of the server, but should one slip through it
	// must not read the process's standard input.
	c.Ingest.Stdin = strings.NewReader("")
	return c
}

// check reports settings that cannot work, as KindInvalid errors.
func (c Config) check() error {
	if c.Store == nil {
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.config", "no store")
	}
	return CheckAddr(c.Addr, c.Token)
}

// CheckAddr refuses, as a KindInvalid error, an address that is not
// loopback when there is no token: anyone who can reach the server could
// write to the store.
func CheckAddr(addr, token string) error {
	const op = "web.config"
	loop, err := loopback(addr)
	if err != nil {
		return crosscheck.Errorf(crosscheck.KindInvalid, op, "address %q: %v", addr, err)
	}
	if !loop && token == "" {
		return crosscheck.Errorf(crosscheck.KindInvalid, op,
			"address %q is not loopback: set a token (--token or CROSSCHECK_TOKEN) so that writes need it", addr)
	}
	return nil
}

// loopback reports whether addr ("host:port") can only be reached from this
// machine. An empty host means every interface.
func loopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false, nil // a name could resolve anywhere
	}
	return ip.IsLoopback(), nil
}

// Server is the HTTP API and the pages over one store.
type Server struct {
	cfg      Config
	loopback bool // bound to loopback: Host headers must name it
	reader   *ingest.Reader
	pages    map[string]*template.Template
	css      template.CSS
	csp      string
	handler  http.Handler
	metrics  *metrics
	briefs   *briefCache
	// crossOrigin refuses state-changing requests a browser sends from
	// another site.
	crossOrigin *http.CrossOriginProtection

	// The ingest worker and its queue. mu guards closed and the sending
	// side of queue, so that nothing is sent after Close closes it.
	mu         sync.Mutex
	closed     bool
	queue      chan *job
	jobs       *jobTable
	stopWork   context.CancelFunc
	workerDone chan struct{}
	closeOnce  sync.Once

	// Stories changed by ingest wait in stale for the refresher, which
	// analyses them in the background so that readers find their briefs
	// ready; wake tells it there is work.
	staleMu     sync.Mutex
	stale       map[string]bool
	wake        chan struct{}
	refreshDone chan struct{}

	ln net.Listener // set by Listen
}

// New checks cfg, parses the templates and starts the ingest worker. The
// caller must Close the server (Run does so itself).
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	loop, _ := loopback(cfg.Addr)
	s := &Server{
		cfg:         cfg,
		loopback:    loop,
		reader:      ingest.New(cfg.Ingest),
		metrics:     newMetrics(),
		briefs:      newBriefCache(256),
		crossOrigin: http.NewCrossOriginProtection(),
		queue:       make(chan *job, cfg.Queue),
		jobs:        newJobTable(256),
		workerDone:  make(chan struct{}),
		stale:       map[string]bool{},
		wake:        make(chan struct{}, 1),
		refreshDone: make(chan struct{}),
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWork = cancel
	go s.work(ctx, &pipeline.Clusterer{Store: cfg.Store, Options: cfg.Cluster})
	go s.refresher(ctx)
	return s, nil
}

// markStale queues stories for the refresher.
func (s *Server) markStale(ids []string) {
	if len(ids) == 0 {
		return
	}
	s.staleMu.Lock()
	for _, id := range ids {
		s.stale[id] = true
	}
	s.staleMu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // already woken
	}
}

// refresher indexes newly stored articles for search and analyses the
// stories that ingest changed, one at a time, until ctx ends. A story
// changed again while it waits is analysed once.
func (s *Server) refresher(ctx context.Context) {
	defer close(s.refreshDone)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		s.staleMu.Lock()
		ids := make([]string, 0, len(s.stale))
		for id := range s.stale {
			ids = append(ids, id)
		}
		clear(s.stale)
		s.staleMu.Unlock()
		slices.Sort(ids)
		if _, err := s.cfg.Store.IndexSearch(ctx); err != nil && ctx.Err() == nil {
			s.cfg.Log.Warn("indexing articles for search", "err", err)
		}
		for _, id := range ids {
			if ctx.Err() != nil {
				return
			}
			if _, err := s.storyBrief(ctx, id); err != nil && ctx.Err() == nil {
				s.cfg.Log.Warn("refreshing a story's brief", "story", id, "err", err)
			}
		}
	}
}

// Handler returns the server's routes with its security headers and
// checks, for http.Server or httptest.
func (s *Server) Handler() http.Handler { return s.handler }

// Listen binds the configured address, so that a caller can learn the port
// (for an address such as 127.0.0.1:0) before Run.
func (s *Server) Listen() (net.Addr, error) {
	if s.ln != nil {
		return s.ln.Addr(), nil
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("web.listen: %w", err)
	}
	s.ln = ln
	return ln.Addr(), nil
}

// Run serves until ctx ends, then stops accepting connections, lets the
// requests in flight and the ingest jobs already accepted finish (within
// ShutdownTimeout), and closes the server.
func (s *Server) Run(ctx context.Context) error {
	if _, err := s.Listen(); err != nil {
		s.Close()
		return err
	}
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		// Uploads may be large and ingests slow (URL fetches), so reads
		// get minutes and writes are bounded by the fetch limits instead.
		ReadTimeout: 5 * time.Minute,
		IdleTimeout: 2 * time.Minute,
		ErrorLog:    slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelWarn),
	}
	s.cfg.Log.Info("serving", "addr", s.ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(s.ln) }()
	select {
	case err := <-errc:
		return errors.Join(fmt.Errorf("web.run: %w", err), s.Close())
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		err = fmt.Errorf("web.shutdown: %w", err)
		hs.Close()
	}
	<-errc // http.ErrServerClosed
	return errors.Join(err, s.Close())
}

// Close stops taking ingest jobs, lets the worker finish those it has
// (within ShutdownTimeout, after which their context is cancelled) and
// waits for it. It does not close the store, which the caller owns.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.queue)
		s.mu.Unlock()
		if s.ln != nil {
			s.ln.Close() // a Listen without Run
		}
		t := time.NewTimer(s.cfg.ShutdownTimeout)
		defer t.Stop()
		select {
		case <-s.workerDone:
		case <-t.C:
			s.cfg.Log.Warn("ingest jobs still running at shutdown; cancelling them")
			s.stopWork()
			<-s.workerDone
		}
		s.stopWork()
		<-s.refreshDone
	})
	return nil
}
