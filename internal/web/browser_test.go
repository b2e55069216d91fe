package web

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserTimeout bounds the whole browser test, so that a browser that
// hangs stops the test instead of the test binary's -timeout.
const browserTimeout = 60 * time.Second

// findChromium returns the path of a Chromium or Chrome binary, or "".
func findChromium() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserCorpus is a set of articles that the test uploads, and what the
// story page must then show.
type browserCorpus struct {
	name string
	glob string // the files to upload
	open string // the uploaded file whose story is opened; "" means the first
	fact *regexp.Regexp
	// outlets are the grid's columns, every one of which must report fact;
	// nil means one outlet per file, named after it without its extension.
	outlets []string
}

// cell is one cell of an HTML table as the browser shows it.
type cell struct {
	Class string `json:"class"`
	Text  string `json:"text"`
}

// TestBrowser drives headless Chromium through the pages as a reader
// would: the empty story list, the add form with a real file upload, the
// result page, and the story page's source × fact grid, of which it keeps
// a screenshot. It uses the seed articles when ../shared is there, and the
// demo corpus otherwise.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped under -short (it starts Chromium)")
	}
	chrome := findChromium()
	if chrome == "" {
		t.Skip("browser test: no chromium binary (/usr/bin/chromium, or chromium, chromium-browser, google-chrome on PATH); install it with apt-get install chromium")
	}

	corpora := []browserCorpus{
		{
			name: "seeds", glob: "../../../shared/seeds/*.txt",
			fact: regexp.MustCompile(`^123\b.*\breleased$`),
		},
		{
			name: "demo", glob: demoDir + "/*", open: "baltic-wire.txt",
			// The fourth outlet, the state radio's record, forms a story
			// of its own: it says "48 citizens" and names no envoy.
			fact:    regexp.MustCompile(`^48\b.*\breleased$`),
			outlets: []string{"baltic-wire", "northern-gazette", "riverside-post"},
		},
	}
	var c browserCorpus
	var files []string
	for _, c = range corpora {
		files, _ = filepath.Glob(c.glob)
		if len(files) > 0 {
			break
		}
		t.Logf("browser test: no %s (%s): trying the next corpus", c.name, c.glob)
	}
	if len(files) == 0 {
		t.Fatal("browser test: neither the seeds nor the demo corpus were found")
	}
	for i, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = abs
	}
	if c.open == "" {
		c.open = filepath.Base(files[0])
	}
	if c.outlets == nil {
		for _, f := range files {
			base := filepath.Base(f)
			c.outlets = append(c.outlets, strings.TrimSuffix(base, filepath.Ext(base)))
		}
	}
	t.Logf("browser test: %s corpus, %d files, Chromium at %s", c.name, len(files), chrome)

	_, ts, _ := newTestServer(t)
	ctx := newBrowser(t, chrome)

	// The story list starts empty and leads to the form.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatalf("opening the story list: %v", err)
	}
	if got := run(t, ctx, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(got, "No stories yet") {
		t.Errorf("empty story list: got %q, want %q", got, "No stories yet")
	}
	follow(t, ctx, "the form's link", chromedp.Click(chromedp.CSS(`main a[href="/add"]`)))

	// Upload every file through the file input and submit.
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`main input[type="file"]`), files)); err != nil {
		t.Fatalf("choosing the files: %v", err)
	}
	follow(t, ctx, "the form's button", chromedp.Click(chromedp.CSS(`main form[action="/add"] button[type="submit"]`)))
	if got := run(t, ctx, chromedp.Title()); !strings.HasPrefix(got, "Articles added") {
		t.Fatalf("after submitting: got the page %q, want %q", got, "Articles added")
	}
	results := tableRows(t, ctx, "main table")
	if len(results) < len(files)+1 {
		t.Fatalf("result rows: got %d, want a header and at least %d\n%v", len(results), len(files), results)
	}
	for _, f := range files {
		name := filepath.Base(f)
		i := slices.IndexFunc(results, func(r []cell) bool { return len(r) == 4 && strings.HasPrefix(r[0].Text, name) })
		if i < 0 {
			t.Errorf("result of %s: got no row, want one in %v", name, results)
			continue
		}
		if got := firstLine(results[i][1].Text); got != "stored" {
			t.Errorf("result of %s: got %q, want %q", name, results[i][1].Text, "stored")
		}
	}

	// Open the story of one of the files from its row of the results.
	link := fmt.Sprintf(`//main//tr[td[1][starts-with(normalize-space(.), %q)]]/td[4]/a[starts-with(@href, "/stories/")]`, c.open)
	follow(t, ctx, "the story link of "+c.open, chromedp.Click(link))
	if got := run(t, ctx, chromedp.Location()); !strings.Contains(got, "/stories/") {
		t.Fatalf("after the story link: got %s, want a story page", got)
	}

	checkGrid(t, tableRows(t, ctx, "#grid ~ .scroll table"), c.fact, c.outlets)

	shot := run(t, ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
	path := filepath.Join(t.TempDir(), "story.png")
	if err := os.WriteFile(path, shot, 0o600); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	switch {
	case err != nil:
		t.Errorf("screenshot: got %d bytes that are not a PNG (%v), want a PNG", len(shot), err)
	case img.Bounds().Dx() == 0 || img.Bounds().Dy() == 0:
		t.Errorf("screenshot: got a %v image, want a non-empty one", img.Bounds())
	default:
		t.Logf("screenshot of the story page: %s (%d bytes, %dx%d)", path, len(shot), img.Bounds().Dx(), img.Bounds().Dy())
	}
}

// newBrowser starts headless Chromium with a fresh profile and returns the
// context of its first tab. The browser stops when the test ends, or when
// browserTimeout has passed.
func newBrowser(t *testing.T, chrome string) context.Context {
	t.Helper()
	dir := t.TempDir()
	logFile, err := os.Create(filepath.Join(dir, "chromium.log"))
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox, // the sandbox refuses root and needs namespaces containers lack
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Nothing but this machine: every name but loopback fails to
		// resolve, should some part of Chromium still try the network.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		// Its crash reporter and caches would otherwise go to $HOME.
		chromedp.Env("XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache")),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(logFile),
	)
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	// Registered after t.TempDir, so this runs first: the browser is gone
	// before its profile is removed.
	t.Cleanup(func() {
		if t.Failed() {
			if b, err := os.ReadFile(logFile.Name()); err == nil && len(b) > 0 {
				t.Logf("chromium's output, last lines:\n%s", b[max(0, len(b)-4000):])
			}
		}
		bcancel()
		acancel()
		cancel()
		logFile.Close()
	})
	// Start the browser now, so that a browser that cannot start says so.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	return bctx
}

// run runs one action and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// follow runs an action that leads to a new page, waits for it and wants
// it to answer 200.
func follow(t *testing.T, ctx context.Context, what string, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	res, err := chromedp.RunResponse(ctx, a)
	if err != nil {
		t.Fatalf("following %s: %v", what, err)
	}
	if res.Status != http.StatusOK {
		t.Fatalf("following %s to %s: got status %d, want 200", what, res.URL, res.Status)
	}
}

// tableRowsJS reads every row of the first table the CSS selector %s
// matches, as its cells' classes and shown text.
const tableRowsJS = `Array.from(document.querySelector(%s)?.rows ?? [],
	r => Array.from(r.cells, c => ({class: c.className, text: c.innerText.trim()})))`

// tableRows returns the rows of the first table that sel matches.
func tableRows(t *testing.T, ctx context.Context, sel string) [][]cell {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[[][]cell](fmt.Sprintf(tableRowsJS, fmt.Sprintf("%q", sel))))
}

// checkGrid wants the grid's columns to be the outlets, and a row whose
// fact matches fact to show every outlet as reporting it.
func checkGrid(t *testing.T, rows [][]cell, fact *regexp.Regexp, outlets []string) {
	t.Helper()
	if len(rows) < 2 || len(rows[0]) < 3 || rows[0][0].Text != "Fact" {
		t.Fatalf("grid: got %v, want a header (Fact, Status, outlets…) and rows", rows)
	}
	var cols []string
	for _, c := range rows[0][2:] {
		cols = append(cols, c.Text)
	}
	if got, want := slices.Sorted(slices.Values(cols)), slices.Sorted(slices.Values(outlets)); !slices.Equal(got, want) {
		t.Errorf("grid outlets: got %v, want %v", got, want)
	}
	var facts, partial []string
	for _, r := range rows[1:] {
		text := firstLine(r[0].Text)
		facts = append(facts, text)
		if !fact.MatchString(text) {
			continue
		}
		var missing []string
		for i, c := range r[2:] {
			if c.Class != "has" || !strings.HasPrefix(c.Text, "✓") {
				missing = append(missing, fmt.Sprintf("%s (%s %q)", cols[i], c.Class, c.Text))
			}
		}
		if len(missing) == 0 {
			return
		}
		partial = append(partial, fmt.Sprintf("%q lacks %s", text, strings.Join(missing, ", ")))
	}
	if partial == nil {
		t.Errorf("grid: got no row matching %v, want one; rows:\n%s", fact, strings.Join(facts, "\n"))
		return
	}
	t.Errorf("grid: got %s; want a row matching %v that every outlet reports", strings.Join(partial, "; "), fact)
}

// firstLine returns s up to its first line break: a grid row's fact
// without the reason given under it.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}
