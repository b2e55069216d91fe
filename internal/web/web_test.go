package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
)

// demoDir is the project's demo corpus: four outlets, one event.
const demoDir = "../../demo"

// newTestServer starts a server over a fresh SQLite file on a loopback
// httptest server. Options adjust the Config before New.
func newTestServer(t *testing.T, opts ...func(*Config)) (*Server, *httptest.Server, *store.SQLite) {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := Config{Store: st, Workers: 2}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return s, ts, st
}

// response is what a test request got back.
type response struct {
	code   int
	header http.Header
	body   string
}

// do sends one request; header holds name, value pairs.
func do(t *testing.T, method, url, contentType string, body io.Reader, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return response{code: res.StatusCode, header: res.Header, body: string(b)}
}

func get(t *testing.T, url string) response {
	t.Helper()
	return do(t, http.MethodGet, url, "", nil)
}

// decode parses a JSON body into v.
func decode(t *testing.T, r response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("decoding %q: %v", r.body, err)
	}
}

// form builds a multipart body: files maps upload names to contents,
// fields are name, value pairs.
func form(t *testing.T, files map[string][]byte, fields ...string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := mw.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range files {
		w, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

// demoFiles reads the demo corpus.
func demoFiles(t *testing.T) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(demoDir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(demoDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// ingestDemo uploads the demo corpus and returns the report.
func ingestDemo(t *testing.T, ts *httptest.Server) Report {
	t.Helper()
	body, ct := form(t, demoFiles(t))
	r := do(t, http.MethodPost, ts.URL+"/api/articles", ct, body)
	if r.code != http.StatusOK {
		t.Fatalf("upload demo: got %d %s, want 200", r.code, r.body)
	}
	var rep Report
	decode(t, r, &rep)
	return rep
}

// checkPage checks that a page came back as HTML with the status wanted,
// holding every string of want and none of notWant.
func checkPage(t *testing.T, r response, wantCode int, want, notWant []string) {
	t.Helper()
	if r.code != wantCode {
		t.Errorf("status: got %d, want %d", r.code, wantCode)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type: got %q, want HTML", ct)
	}
	for _, w := range want {
		if !strings.Contains(r.body, w) {
			t.Errorf("want %q in\n%s", w, r.body)
		}
	}
	for _, w := range notWant {
		if strings.Contains(r.body, w) {
			t.Errorf("want no %q in\n%s", w, r.body)
		}
	}
}

// errorOf decodes an API error body.
func errorOf(t *testing.T, r response) errorBody {
	t.Helper()
	var e errorBody
	decode(t, r, &e)
	if e.Error == "" || e.Kind == "" {
		t.Errorf("error body %q: want both error and kind", r.body)
	}
	return e
}
