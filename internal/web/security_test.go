package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr, token string
		wantErr     bool
	}{
		{"127.0.0.1:8080", "", false},
		{"localhost:8080", "", false},
		{"[::1]:0", "", false},
		{"127.0.0.2:80", "", false},
		{"0.0.0.0:8080", "", true},
		{":8080", "", true},
		{"192.168.1.5:8080", "", true},
		{"example.org:8080", "", true},
		{"0.0.0.0:8080", "s3cret", false},
		{"no port", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.addr+"/"+tt.token, func(t *testing.T) {
			err := CheckAddr(tt.addr, tt.token)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got %v, want error %v", err, tt.wantErr)
			}
			if err != nil && crosscheck.KindOf(err) != crosscheck.KindInvalid {
				t.Errorf("kind: got %v, want invalid", crosscheck.KindOf(err))
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	_, ts, _ := newTestServer(t, func(c *Config) { c.MaxBody = 1 << 10 })
	big := strings.Repeat("The committee met again. ", 200)
	jsonBody, _ := json.Marshal(map[string]string{"source": "A", "text": big})
	formBody, formType := form(t, map[string][]byte{"big.txt": []byte(big)})
	tests := []struct {
		name, contentType, body string
	}{
		{"json", "application/json", string(jsonBody)},
		{"multipart", formType, formBody.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, http.MethodPost, ts.URL+"/api/articles", tt.contentType, strings.NewReader(tt.body))
			if r.code != http.StatusRequestEntityTooLarge {
				t.Fatalf("got %d %s, want 413", r.code, r.body)
			}
			if e := errorOf(t, r); e.Kind != "too_large" {
				t.Errorf("kind: got %q, want too_large", e.Kind)
			}
		})
	}
	// A small body still goes through.
	r := do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(`{"source":"A","text":"The committee met again on Monday."}`))
	if r.code != http.StatusOK {
		t.Errorf("small body: got %d %s, want 200", r.code, r.body)
	}
}

func TestToken(t *testing.T) {
	if _, err := New(Config{Store: nilStore{}, Addr: "0.0.0.0:8080"}); crosscheck.KindOf(err) != crosscheck.KindInvalid {
		t.Fatalf("New on 0.0.0.0 without a token: got %v, want an invalid error", err)
	}
	const token = "s3cret-token"
	_, ts, _ := newTestServer(t, func(c *Config) { c.Addr, c.Token = "0.0.0.0:0", token })
	article := func() *strings.Reader {
		return strings.NewReader(`{"source":"A","text":"The bridge reopened after 6 weeks of repairs."}`)
	}
	tests := []struct {
		name     string
		method   string
		path     string
		header   []string
		wantCode int
	}{
		{"write without token", "POST", "/api/articles", nil, 401},
		{"write with a wrong token", "POST", "/api/articles", []string{"Authorization", "Bearer nope"}, 401},
		{"write with a longer wrong token", "POST", "/api/articles", []string{"Authorization", "Bearer " + token + "x"}, 401},
		{"write with the token as Basic user", "POST", "/api/articles", []string{"Authorization", basic(token, "")}, 401},
		{"write with the token", "POST", "/api/articles", []string{"Authorization", "Bearer " + token}, 200},
		{"scheme in lower case", "POST", "/api/articles", []string{"Authorization", "bearer " + token}, 200},
		{"form page without token", "GET", "/add", nil, 401},
		{"form page with Basic", "GET", "/add", []string{"Authorization", basic("me", token)}, 200},
		{"reads need no token", "GET", "/api/stories", nil, 200},
		{"pages need no token", "GET", "/", nil, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body *strings.Reader
			if tt.method == "POST" {
				body = article()
			} else {
				body = strings.NewReader("")
			}
			r := do(t, tt.method, ts.URL+tt.path, "application/json", body, tt.header...)
			if r.code != tt.wantCode {
				t.Fatalf("got %d %s, want %d", r.code, r.body, tt.wantCode)
			}
			if r.code == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
		})
	}
}

func basic(user, pass string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
}

// nilStore is a Store that New accepts but that must never be called.
type nilStore struct{ crosscheck.Store }

func TestHostAndOrigin(t *testing.T) {
	_, ts, _ := newTestServer(t)
	tests := []struct {
		name     string
		method   string
		header   []string
		wantCode int
	}{
		{"loopback host", "GET", nil, 200},
		{"localhost", "GET", []string{"Host", "localhost:8080"}, 200},
		{"rebound name", "GET", []string{"Host", "evil.example:8080"}, 403},
		{"cross-site form post", "POST", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"cross-origin post", "POST", []string{"Origin", "https://evil.example"}, 403},
		{"same-origin post", "POST", []string{"Sec-Fetch-Site", "same-origin"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, ts.URL+"/api/articles", strings.NewReader(`{"source":"A","text":"A ferry sank; all 20 passengers were rescued."}`))
			if tt.method == "GET" {
				req, err = http.NewRequest(tt.method, ts.URL+"/api/stories", nil)
			}
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i+1 < len(tt.header); i += 2 {
				if tt.header[i] == "Host" {
					req.Host = tt.header[i+1]
				} else {
					req.Header.Set(tt.header[i], tt.header[i+1])
				}
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.wantCode {
				t.Errorf("got %d, want %d", res.StatusCode, tt.wantCode)
			}
		})
	}
}

// TestSSRF checks that URLs leading to this machine are refused, before
// any connection, unless private URLs are allowed.
func TestSSRF(t *testing.T) {
	var hits atomic.Int64
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "<html><head><title>Internal</title></head><body><article><p>The internal admin page lists 3 secret keys for the staff of the ministry.</p><p>Nobody outside should read it, said the administrator on Monday.</p></article></body></html>")
	}))
	defer target.Close()

	tests := []struct {
		name       string
		allow      bool
		viaForm    bool
		wantStatus string
	}{
		{"json record, denied", false, false, "rejected"},
		{"pasted URL, denied", false, true, "rejected"},
		{"json record, allowed", true, false, "stored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits.Store(0)
			_, ts, _ := newTestServer(t, func(c *Config) { c.AllowPrivateURLs = tt.allow })
			var r response
			if tt.viaForm {
				b, ct := form(t, nil, "urls", target.URL+"/admin")
				r = do(t, http.MethodPost, ts.URL+"/api/articles", ct, b)
			} else {
				r = do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(`[{"url":"`+target.URL+`/admin"}]`))
			}
			if r.code != http.StatusOK {
				t.Fatalf("got %d %s, want 200", r.code, r.body)
			}
			var rep Report
			decode(t, r, &rep)
			if len(rep.Results) != 1 || rep.Results[0].Status != tt.wantStatus {
				t.Fatalf("results: got %+v, want one %s", rep.Results, tt.wantStatus)
			}
			if tt.allow {
				if hits.Load() == 0 {
					t.Errorf("target hits: got 0, want the page fetched")
				}
				return
			}
			if reason := rep.Results[0].Reason; !strings.Contains(reason, "private") {
				t.Errorf("reason: got %q, want it to say the address is private", reason)
			}
			if n := hits.Load(); n != 0 {
				t.Errorf("target hits: got %d, want 0", n)
			}
		})
	}
}

// TestXSS ingests an article full of markup and checks that every page
// and API answer shows it escaped only.
func TestXSS(t *testing.T) {
	_, ts, _ := newTestServer(t)
	const script, img = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"
	hostile := map[string]string{
		"source": "Evil " + img + " Times",
		"title":  "Petrov speaks " + script,
		"text": "Mayor Ivan Petrov said 12 people were hurt in Lenhrad on Monday. " + script +
			" He added that " + img + " 40 houses were damaged.\n\n\"We will rebuild " + script + "\", Petrov said.",
	}
	body, _ := json.Marshal(hostile)
	r := do(t, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(string(body)))
	if r.code != http.StatusOK {
		t.Fatalf("ingest: got %d %s", r.code, r.body)
	}
	var rep Report
	decode(t, r, &rep)
	if len(rep.Results) != 1 || rep.Results[0].Story == "" {
		t.Fatalf("ingest: got %+v, want one stored article", rep.Results)
	}
	story := rep.Results[0].Story
	formBody, formType := form(t, nil, "text", hostile["text"]+" Again.", "source", hostile["source"], "title", hostile["title"])

	pages := []struct {
		name, method, path, contentType string
		body                            string
		wantEscaped                     bool // the page shows the hostile text
	}{
		{"ingest answer", "", "", "", "", false},
		{"story list", "GET", "/", "", "", true},
		{"story page", "GET", "/stories/" + story, "", "", true},
		{"entity page", "GET", "/entities?q=Petrov", "", "", false},
		{"reflected query", "GET", "/entities?q=" + url.QueryEscape(script), "", "", true},
		{"add form result", "POST", "/add", formType, formBody.String(), true},
		{"error page", "GET", "/stories/" + url.PathEscape(script), "", "", false},
		{"api stories", "GET", "/api/stories", "", "", false},
		{"api story", "GET", "/api/stories/" + story, "", "", false},
		{"api entities", "GET", "/api/entities?q=Petrov", "", "", false},
		{"api error", "GET", "/api/stories/" + url.PathEscape(script), "", "", false},
		{"api job", "GET", "/api/jobs/" + rep.Job, "", "", false},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			got := r
			if p.method != "" {
				got = do(t, p.method, ts.URL+p.path, p.contentType, strings.NewReader(p.body))
			}
			for _, raw := range []string{"<script", "<img"} {
				if strings.Contains(strings.ToLower(got.body), raw) {
					t.Errorf("%s: body contains %q unescaped:\n%s", p.path, raw, got.body)
				}
			}
			if p.wantEscaped && !strings.Contains(got.body, "&lt;script&gt;") {
				t.Errorf("%s: want the hostile text shown escaped, got\n%s", p.path, got.body)
			}
			if csp := got.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("Content-Security-Policy: got %q, want default-src 'self' and nothing inline", csp)
			}
			if got.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("X-Content-Type-Options: got %q, want nosniff", got.header.Get("X-Content-Type-Options"))
			}
		})
	}
}

// TestStyleHash checks that the pages' one inline style sheet is the one
// the Content-Security-Policy allows, and that no page has a script.
func TestStyleHash(t *testing.T) {
	_, ts, _ := newTestServer(t)
	ingestDemo(t, ts)
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	for _, path := range []string{"/", "/stories/s1", "/entities?q=Grebnev", "/search?q=prisoners", "/add", "/stories/none"} {
		t.Run(path, func(t *testing.T) {
			r := get(t, ts.URL+path)
			m := style.FindAllStringSubmatch(r.body, -1)
			if len(m) != 1 {
				t.Fatalf("style elements: got %d, want 1", len(m))
			}
			sum := sha256.Sum256([]byte(m[0][1]))
			want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, want) {
				t.Errorf("Content-Security-Policy: got %q, want it to contain %q", csp, want)
			}
			if strings.Contains(strings.ToLower(r.body), "<script") || strings.Contains(r.body, " style=") {
				t.Errorf("page has a script or an inline style attribute")
			}
		})
	}
}
