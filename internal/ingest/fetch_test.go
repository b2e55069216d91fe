package ingest

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

const page = `<!DOCTYPE html><html><head><title>Ferry</title></head><body><article><p>The ferry will run twice more each evening.</p></article></body></html>`

// newServer starts a test server. Handlers that stall wait on the returned
// server's stop channel or the request's end, so Close never waits long.
func newServer(t *testing.T, routes map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for pattern, h := range routes {
		mux.HandleFunc(pattern, h)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// staller returns a handler that writes head, if any, and then hangs until the
// client gives up or the test ends.
func staller(t *testing.T, contentType, head string) http.HandlerFunc {
	stop := make(chan struct{})
	var once sync.Once
	// Registered after the server's Close, so it runs first.
	t.Cleanup(func() { once.Do(func() { close(stop) }) })
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
			fmt.Fprint(w, head)
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}
}

func TestReadURLs(t *testing.T) {
	var srv *httptest.Server
	srv = newServer(t, map[string]http.HandlerFunc{
		"/article": func(w http.ResponseWriter, r *http.Request) {
			if ua := r.Header.Get("User-Agent"); ua != "crosscheck/test (+news cross-checking tool)" {
				http.Error(w, "got User-Agent "+ua, http.StatusBadRequest)
				return
			}
			fmt.Fprint(w, page)
		},
		"/moved": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/article", http.StatusFound)
		},
		"/latin": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=ISO-8859-1")
			fmt.Fprint(w, "Le caf\xe9 a ferm\xe9.")
		},
		"/header-charset": func(w http.ResponseWriter, r *http.Request) {
			// The header outranks the page's own <meta>.
			w.Header().Set("Content-Type", "text/html; charset=windows-1252")
			fmt.Fprint(w, "<html><head><meta charset=\"koi8-r\"></head><body><p>\x93Caf\xe9\x94</p></body></html>")
		},
		"/missing": http.NotFound,
		"/loop": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop", http.StatusFound)
		},
		"/stall": staller(t, "", ""),
		"/big": func(w http.ResponseWriter, r *http.Request) {
			// Chunked, so that only reading finds the size out.
			for range 4 {
				fmt.Fprint(w, strings.Repeat("word ", 200))
				w.(http.Flusher).Flush()
			}
		},
		"/biglength": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "5000")
			fmt.Fprint(w, strings.Repeat("x", 5000))
		},
		"/empty":      func(w http.ResponseWriter, r *http.Request) {},
		"/feed-stall": staller(t, "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`),
		"/lines": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `{"text":"From a remote export."}`+"\n")
		},
	})
	tests := []struct {
		path string
		want want
		url  string // Doc.URL, when it differs from the input
	}{
		{"/article", want{format: crosscheck.FormatHTML, body: "twice more", source: "127.0.0.1"}, ""},
		{"/moved", want{format: crosscheck.FormatHTML, body: "twice more"}, "/article"},
		{"/latin", want{format: crosscheck.FormatText, body: "Le café a fermé."}, ""},
		{"/header-charset", want{format: crosscheck.FormatHTML, body: `<meta charset="utf-8"></head><body><p>“Café”</p>`}, ""},
		{"/missing", want{err: ErrStatus, errText: "/missing: http status 404 Not Found"}, ""},
		{"/loop", want{err: ErrTooManyRedirects, errText: "/loop: too many redirects (the limit is 5)"}, ""},
		{"/stall", want{err: ErrTimeout, errText: "/stall: timed out after 50ms"}, ""},
		{"/big", want{err: ErrTooLarge, errText: "/big: too large: larger than the 2 KB limit"}, ""},
		{"/biglength", want{err: ErrTooLarge, errText: "/biglength: too large: 5000 bytes, larger than the 2 KB limit"}, ""},
		{"/empty", want{skip: SkipEmpty}, ""},
		{"/feed-stall", want{err: ErrTimeout, errText: "ingest " + srv.URL + "/feed-stall: timed out"}, ""},
		{"/lines", want{format: crosscheck.FormatText, body: "remote export", ref: srv.URL + "/lines:1"}, ""},
	}
	r := newTestReader(Options{Timeout: 50 * time.Millisecond, MaxBytes: 2 << 10, UserAgent: UserAgent("test")})

	// One run over all of them: a failing URL must not stop the rest.
	var in []string
	for _, tt := range tests {
		in = append(in, srv.URL+tt.path)
	}
	items := collect(t, r, in...)
	if len(items) != len(tests) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(tests), items)
	}
	for i, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			it := items[i]
			if !strings.HasPrefix(it.Input, srv.URL+tt.path) {
				t.Fatalf("got input %q, want %q", it.Input, srv.URL+tt.path)
			}
			tt.want.check(t, it)
			if it.Doc == nil || tt.want.ref != "" {
				return
			}
			wantURL := srv.URL + tt.path
			if tt.url != "" {
				wantURL = srv.URL + tt.url
			}
			if it.Doc.Ref != srv.URL+tt.path || it.Doc.URL != wantURL {
				t.Errorf("got ref %q, url %q, want %q, %q", it.Doc.Ref, it.Doc.URL, srv.URL+tt.path, wantURL)
			}
		})
	}
}

func TestReadFeedURL(t *testing.T) {
	var srv *httptest.Server
	teaser := "<p>The ferry will run later.</p>"
	srv = newServer(t, map[string]http.HandlerFunc{
		"/feed.xml": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test</title><link>%[1]s/</link>
<item><title>Teaser</title><link>/story</link><description>%[2]s</description></item>
<item><title>Full</title><link>%[1]s/full</link><content:encoded>&lt;p&gt;All of it is here.&lt;/p&gt;</content:encoded></item>
<item><title>Gone with teaser</title><link>%[1]s/gone</link><description>%[2]s</description></item>
<item><title>Gone</title><link>%[1]s/gone</link></item>
<item><title>Slow</title><link>%[1]s/stall</link></item>
</channel></rss>`, srv.URL, strings.ReplaceAll(strings.ReplaceAll(teaser, "<", "&lt;"), ">", "&gt;"))
		},
		"/story": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) },
		"/full": func(w http.ResponseWriter, r *http.Request) {
			t.Errorf("fetched %s, want the item's content used", r.URL)
		},
		"/gone":  http.NotFound,
		"/stall": staller(t, "", ""),
	})
	feed := srv.URL + "/feed.xml"
	items := collect(t, newTestReader(Options{Timeout: 50 * time.Millisecond}), feed)
	wants := []want{
		{format: crosscheck.FormatHTML, body: "<article><p>The ferry will run twice more", ref: srv.URL + "/story", source: "127.0.0.1", title: "Teaser"},
		{format: crosscheck.FormatHTML, body: "<p>All of it is here.</p>", ref: srv.URL + "/full", title: "Full"},
		{format: crosscheck.FormatHTML, body: teaser, title: "Gone with teaser", warning: "could not fetch the full article from " + srv.URL + "/gone (http status 404 Not Found)"},
		{err: ErrStatus, errText: "ingest " + feed + "#4: fetching " + srv.URL + "/gone: http status 404"},
		{err: ErrTimeout, errText: "ingest " + feed + "#5: fetching " + srv.URL + "/stall: timed out after 50ms"},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wants), items)
	}
	for i, w := range wants {
		if in := fmt.Sprintf("%s#%d", feed, i+1); items[i].Input != in {
			t.Errorf("got input %q, want %q", items[i].Input, in)
		}
		w.check(t, items[i])
	}
}

func TestReadJSONLFetch(t *testing.T) {
	srv := newServer(t, map[string]http.HandlerFunc{
		"/story": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) },
	})
	dir := t.TempDir()
	path := dir + "/urls.jsonl"
	writeFile(t, path, []byte(fmt.Sprintf(`{"url":%q,"source":"Harbour Times","title":"Ferry"}`+"\n"+`{"url":%q}`+"\n", srv.URL+"/story", srv.URL+"/nothing")))
	items := collect(t, newTestReader(Options{}), path)
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2: %+v", len(items), items)
	}
	want{format: crosscheck.FormatHTML, body: "twice more", ref: srv.URL + "/story", source: "Harbour Times", title: "Ferry"}.check(t, items[0])
	want{err: ErrStatus, errText: "urls.jsonl:2: fetching " + srv.URL + "/nothing: http status 404"}.check(t, items[1])
}

func TestDenyPrivate(t *testing.T) {
	srv := newServer(t, map[string]http.HandlerFunc{
		"/article": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) },
	})
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	tests := []struct {
		name  string
		deny  bool
		input string
		want  want
	}{
		{"loopback literal", true, srv.URL + "/article", want{err: ErrPrivate, errText: "refused private address: 127.0.0.1 is a loopback address"}},
		// localhost is checked once resolved, when dialling.
		{"name resolving to loopback", true, "http://localhost:" + port + "/article", want{err: ErrPrivate, errText: "is a loopback address"}},
		{"allowed", false, srv.URL + "/article", want{format: crosscheck.FormatHTML, body: "twice more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The Reader's own client, not the test's loopback-only one.
			r := New(Options{DenyPrivate: tt.deny, Timeout: 5 * time.Second})
			tt.want.check(t, only(t, r, tt.input))
		})
	}

	t.Run("caller's client", func(t *testing.T) {
		transport := &http.Transport{}
		client := &http.Client{Transport: transport}
		r := New(Options{DenyPrivate: true, Client: client, Timeout: 5 * time.Second})
		want{err: ErrPrivate, errText: "is a loopback address"}.check(t, only(t, r, "http://localhost:"+port+"/article"))
		if client.Transport != transport || client.CheckRedirect != nil {
			t.Errorf("got the caller's client changed, want it left alone")
		}
	})

	t.Run("redirect to a private address", func(t *testing.T) {
		c := newClient(Options{DenyPrivate: true, MaxRedirects: 5})
		req := httptest.NewRequest(http.MethodGet, "http://10.0.0.1/", nil)
		via := []*http.Request{httptest.NewRequest(http.MethodGet, "http://news.example/", nil)}
		if err := c.CheckRedirect(req, via); !errors.Is(err, ErrPrivate) {
			t.Errorf("got %v, want %v", err, ErrPrivate)
		}
	})
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr   string
		reason string // "" when allowed
	}{
		{"127.0.0.1", "loopback"},
		{"127.9.9.9", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"192.168.1.1", "private"},
		{"fd00::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "this network"},
		{"100.64.0.1", "carrier-grade NAT"},
		{"198.18.0.1", "benchmarking"},
		{"255.255.255.255", "reserved"},
		{"224.0.0.1", "link-local"},
		{"239.1.2.3", "multicast"},
		{"2002:7f00:1::", "6to4"},
		{"8.8.8.8", ""},
		{"93.184.215.14", ""},
		{"2606:4700:4700::1111", ""},
		{"2002:808:808::", ""},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := checkAddr(netip.MustParseAddr(tt.addr))
			switch {
			case tt.reason == "" && err != nil:
				t.Errorf("got %v, want allowed", err)
			case tt.reason != "" && (err == nil || !strings.Contains(err.Error(), tt.reason)):
				t.Errorf("got %v, want refused as %s", err, tt.reason)
			}
		})
	}
}
