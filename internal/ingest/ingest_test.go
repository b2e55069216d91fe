package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// newTestReader returns a Reader whose client can only dial loopback
// addresses, so that no test reaches the network by accident.
func newTestReader(opts Options) *Reader {
	if opts.Client == nil {
		d := &net.Dialer{Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip, err := netip.ParseAddr(host); err != nil || !ip.IsLoopback() {
				return fmt.Errorf("test tried to dial %s", address)
			}
			return nil
		}}
		opts.Client = &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	}
	return New(opts)
}

// collect reads inputs and returns every Item, checking the invariants every
// Item must keep.
func collect(t *testing.T, r *Reader, inputs ...string) []Item {
	t.Helper()
	var items []Item
	err := r.Read(context.Background(), inputs, func(it Item) error {
		checkItem(t, it)
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%q) = %v, want nil", inputs, err)
	}
	return items
}

func checkItem(t *testing.T, it Item) {
	t.Helper()
	set := 0
	if it.Doc != nil {
		set++
		if !utf8.Valid(it.Doc.Body) {
			t.Errorf("%s: body is not valid UTF-8", it.Input)
		}
		if it.Doc.Ref == "" || it.Doc.Source == "" {
			t.Errorf("%s: got Ref %q, Source %q, want both set", it.Input, it.Doc.Ref, it.Doc.Source)
		}
	}
	if it.Skip != "" {
		set++
	}
	if it.Err != nil {
		set++
		if k := crosscheck.KindOf(it.Err); k != crosscheck.KindInvalid {
			t.Errorf("%s: got kind %v, want invalid", it.Input, k)
		}
		if msg := it.Err.Error(); !strings.HasPrefix(msg, "ingest ") {
			t.Errorf("%s: got error %q, want it to start with \"ingest \"", it.Input, msg)
		}
	}
	if set != 1 {
		t.Errorf("%s: got %d of Doc, Skip and Err set, want 1: %+v", it.Input, set, it)
	}
}

// want describes the expected outcome of one Item.
type want struct {
	format  crosscheck.Format // for a Doc
	skip    string
	err     error  // errors.Is target
	errText string // substring of the error
	body    string // substring of the body
	ref     string
	source  string
	title   string
	warning string // substring of a warning; "" means no warnings
}

func (w want) check(t *testing.T, it Item) {
	t.Helper()
	switch {
	case w.err != nil || w.errText != "":
		if it.Err == nil {
			t.Fatalf("%s: got %+v, want an error", it.Input, it)
		}
		if w.err != nil && !errors.Is(it.Err, w.err) {
			t.Errorf("%s: got error %v, want one wrapping %v", it.Input, it.Err, w.err)
		}
		if !strings.Contains(it.Err.Error(), w.errText) {
			t.Errorf("%s: got error %q, want it to contain %q", it.Input, it.Err, w.errText)
		}
		return
	case w.skip != "":
		if it.Skip != w.skip {
			t.Errorf("%s: got skip %q (err %v), want %q", it.Input, it.Skip, it.Err, w.skip)
		}
		return
	}
	if it.Doc == nil {
		t.Fatalf("%s: got skip %q, err %v, want a document", it.Input, it.Skip, it.Err)
	}
	d := it.Doc
	if d.Format != w.format {
		t.Errorf("%s: got format %q, want %q", it.Input, d.Format, w.format)
	}
	if !bytes.Contains(d.Body, []byte(w.body)) {
		t.Errorf("%s: got body %.200q, want it to contain %q", it.Input, d.Body, w.body)
	}
	if w.ref != "" && d.Ref != w.ref {
		t.Errorf("%s: got ref %q, want %q", it.Input, d.Ref, w.ref)
	}
	if w.source != "" && d.Source != w.source {
		t.Errorf("%s: got source %q, want %q", it.Input, d.Source, w.source)
	}
	if d.Title != w.title {
		t.Errorf("%s: got title %q, want %q", it.Input, d.Title, w.title)
	}
	switch {
	case w.warning == "" && len(d.Warnings) > 0:
		t.Errorf("%s: got warnings %q, want none", it.Input, d.Warnings)
	case w.warning != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), w.warning):
		t.Errorf("%s: got warnings %q, want one containing %q", it.Input, d.Warnings, w.warning)
	}
}

// only reads one input and returns its single Item.
func only(t *testing.T, r *Reader, input string) Item {
	t.Helper()
	items := collect(t, r, input)
	if len(items) != 1 {
		t.Fatalf("%s: got %d items, want 1: %+v", input, len(items), items)
	}
	return items[0]
}

func TestReadFiles(t *testing.T) {
	article, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want want
	}{
		{"article.txt", want{format: crosscheck.FormatText, body: "harbour council voted", ref: "article.txt", source: "article"}},
		{"article.html", want{format: crosscheck.FormatHTML, body: "three cafés", ref: "article.html", source: "article"}},
		{"article.html.gz", want{format: crosscheck.FormatHTML, body: string(article), ref: "article.html.gz", source: "article"}},
		{"latin1.html", want{format: crosscheck.FormatHTML, body: "Le café de la gare a rouvert ses portes après"}},
		{"empty.txt", want{skip: SkipEmpty}},
		{"blank.txt", want{skip: SkipEmpty}},
		{"photo.png", want{err: ErrNotText, errText: "ingest testdata/photo.png: not text (binary content"}},
		{"repaired.txt", want{format: crosscheck.FormatText, body: "from the \uFFFD maintenance", warning: "invalid UTF-8 at byte 280: 1 bad byte replaced"}},
		{"latin1.txt", want{err: ErrInvalidUTF8, errText: "ingest testdata/latin1.txt: invalid UTF-8 at byte 6"}},
		{"missing.txt", want{err: fs.ErrNotExist, errText: "ingest testdata/missing.txt: no such file or directory"}},
	}
	r := newTestReader(Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tt.want.check(t, only(t, r, filepath.Join("testdata", tt.file)))
		})
	}
}

func TestReadTranscodedMeta(t *testing.T) {
	it := only(t, newTestReader(Options{}), "testdata/latin1.html")
	if !bytes.Contains(it.Doc.Body, []byte("charset=utf-8")) || bytes.Contains(it.Doc.Body, []byte("iso-8859-1")) {
		t.Errorf("got body %q, want its <meta> charset rewritten to utf-8", it.Doc.Body)
	}
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadContent(t *testing.T) {
	const sentence = "The committee will publish its findings in the autumn. "
	page := []byte("<html><body><p>" + sentence + "</p></body></html>")
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "Grüße aus Köln" {
		utf16 = append(utf16, byte(c), byte(c>>8))
	}
	cp1252 := []byte("<p>Caf\xe9 cr\xe8me br\xfbl\xe9e, \x93quoted\x94.</p><p>More</p><p>Text</p>")
	tests := []struct {
		name    string
		content []byte
		want    want
	}{
		{"utf-16 with bom", utf16, want{format: crosscheck.FormatText, body: "Grüße aus Köln"}},
		{"utf-8 bom only", []byte("\xef\xbb\xbf\n"), want{skip: SkipEmpty}},
		{"nul bytes", []byte("abc\x00def\x00"), want{err: ErrNotText, errText: "not text (binary content)"}},
		{"control characters", bytes.Repeat([]byte("ab\x01\x02\x03"), 20), want{err: ErrNotText, errText: "not text"}},
		{"pdf", []byte("%PDF-1.7\n1 0 obj\n"), want{err: ErrNotText, errText: "PDF document"}},
		{"html fragment", []byte("<p>One.</p>\n<p>Two <b>bold</b>.</p>"), want{format: crosscheck.FormatHTML, body: "<b>bold</b>"}},
		{"text naming a tag", []byte("Wrap the word in a <b> tag to make it bold."), want{format: crosscheck.FormatText, body: "<b> tag"}},
		{"json that is not json lines", []byte(`{"name": "config", "size": 3}`), want{format: crosscheck.FormatText, body: `"config"`}},
		{"xml that is not a feed", []byte(`<?xml version="1.0"?><note><to>Desk</to></note>`), want{format: crosscheck.FormatHTML, body: "<note>"}},
		{"undeclared windows-1252", cp1252, want{format: crosscheck.FormatHTML, body: "Café crème brûlée, “quoted”", warning: "decoded as windows-1252"}},
		{"declared latin-1 but utf-8", []byte(`<html><meta charset="iso-8859-1"><p>Café</p></html>`), want{format: crosscheck.FormatHTML, body: `<meta charset="utf-8"><p>Café`, warning: "declared charset iso-8859-1 ignored"}},
		{"json feed", []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", "title": "Item", "content_text": "A JSON feed item with its text."}]}`), want{format: crosscheck.FormatText, body: "A JSON feed item", title: "Item"}},
		{"utf-8 html with a bad byte", append([]byte("<html><body><p>"+strings.Repeat(sentence, 4)+"\xc3"), "</p></body></html>"...), want{format: crosscheck.FormatHTML, body: "\uFFFD</p>", warning: "invalid UTF-8 at byte 235"}},
		{"gzip", gzipped(t, page), want{format: crosscheck.FormatHTML, body: sentence}},
		{"gzip in gzip", gzipped(t, gzipped(t, page)), want{format: crosscheck.FormatHTML, body: sentence}},
		{"gzip in gzip in gzip", gzipped(t, gzipped(t, gzipped(t, page))), want{err: ErrNotText, errText: "gzip nested in gzip"}},
		{"corrupt gzip", append([]byte{0x1f, 0x8b}, "not really gzip at all"...), want{err: ErrMalformed, errText: "corrupt gzip data"}},
		{"truncated gzip", gzipped(t, bytes.Repeat(page, 50))[:60], want{err: ErrMalformed, errText: "truncated data"}},
		{"empty gzip", gzipped(t, nil), want{skip: SkipEmpty}},
	}
	dir := t.TempDir()
	r := newTestReader(Options{})
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("doc%02d", i))
			writeFile(t, path, tt.content)
			tt.want.check(t, only(t, r, path))
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse, so the test writes next to nothing.
	if err := f.Truncate(DefaultMaxBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	atLimit := filepath.Join(dir, "at-limit.txt")
	writeFile(t, atLimit, bytes.Repeat([]byte("word "), 1<<10/5+1)[:1<<10])
	over := filepath.Join(dir, "over.txt")
	writeFile(t, over, bytes.Repeat([]byte("word "), 1<<10))
	bomb := filepath.Join(dir, "bomb.txt.gz")
	writeFile(t, bomb, gzipped(t, bytes.Repeat([]byte("a"), 1<<20)))

	tests := []struct {
		name     string
		maxBytes int64
		path     string
		want     want
	}{
		{"default limit", 0, big, want{err: ErrTooLarge, errText: "big.txt: too large: larger than the 10 MB limit"}},
		{"at the limit", 1 << 10, atLimit, want{format: crosscheck.FormatText, body: "word"}},
		{"over the limit", 1 << 10, over, want{err: ErrTooLarge, errText: "larger than the 1 KB limit"}},
		{"gzip bomb", 64 << 10, bomb, want{err: ErrTooLarge, errText: "larger than the 64 KB limit once decompressed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.check(t, only(t, newTestReader(Options{MaxBytes: tt.maxBytes}), tt.path))
		})
	}
}

func TestReadJSONL(t *testing.T) {
	items := collect(t, newTestReader(Options{}), "testdata/articles.jsonl")
	wants := map[string]want{
		"testdata/articles.jsonl:1":  {format: crosscheck.FormatText, body: "Container traffic", ref: "https://www.tribune.example/2025/06/01/port", source: "The Tribune", title: "Port traffic up"},
		"testdata/articles.jsonl:2":  {format: crosscheck.FormatHTML, body: "<b>rose</b>", ref: "https://courier.example/port-story", source: "courier.example"},
		"testdata/articles.jsonl:4":  {format: crosscheck.FormatText, body: "only a body", ref: "articles.jsonl:4", source: "articles", title: "No url or source"},
		"testdata/articles.jsonl:5":  {err: ErrMalformed, errText: "ingest testdata/articles.jsonl:5: malformed: invalid JSON"},
		"testdata/articles.jsonl:6":  {err: ErrMalformed, errText: `published "June 1st" is neither RFC 3339 nor YYYY-MM-DD`},
		"testdata/articles.jsonl:7":  {skip: SkipEmpty},
		"testdata/articles.jsonl:8":  {err: ErrMalformed, errText: "no text, html or url"},
		"testdata/articles.jsonl:9":  {err: ErrMalformed, errText: "not a JSON object"},
		"testdata/articles.jsonl:10": {err: ErrMalformed, errText: `"text" is a JSON number, want a string`},
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Input)
		w, ok := wants[it.Input]
		if !ok {
			t.Errorf("got unexpected item %+v", it)
			continue
		}
		w.check(t, it)
	}
	if len(got) != len(wants) {
		t.Errorf("got items %q, want %d of them", got, len(wants))
	}
	if p := items[0].Doc.Published; !p.Equal(time.Date(2025, 6, 1, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("line 1: got published %v, want 2025-06-01T09:30:00+02:00", p)
	}
	if p := items[1].Doc.Published; !p.Equal(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("line 2: got published %v, want 2025-06-01", p)
	}
}

func TestReadJSONLLimits(t *testing.T) {
	line := func(n int) string {
		return fmt.Sprintf(`{"text":%q}`, strings.Repeat("x", n)) + "\n"
	}
	dir := t.TempDir()
	// Three 600-byte lines: the file is over the 1 KB limit, no line is.
	many := filepath.Join(dir, "many.jsonl")
	writeFile(t, many, []byte(line(600)+line(600)+line(600)))
	long := filepath.Join(dir, "long.jsonl")
	writeFile(t, long, []byte(line(10)+line(2000)+line(10)))
	gz := filepath.Join(dir, "lines.jsonl.gz")
	writeFile(t, gz, gzipped(t, []byte(line(10)+"\r\n"+line(20))))
	bad := filepath.Join(dir, "bad.jsonl")
	writeFile(t, bad, []byte(line(10)+"{\"text\":\"caf\xe9\"}\n"))

	tests := []struct {
		name  string
		path  string
		wants []want
	}{
		{"lines add up to more than the limit", many, []want{
			{format: crosscheck.FormatText, body: "xxx", source: "many"},
			{format: crosscheck.FormatText, body: "xxx"},
			{format: crosscheck.FormatText, body: "xxx"},
		}},
		{"one line over the limit", long, []want{
			{format: crosscheck.FormatText, body: "xxx"},
			{err: ErrTooLarge, errText: "long.jsonl:2: too large: line longer than the 1 KB limit"},
			{format: crosscheck.FormatText, body: "xxx"},
		}},
		{"gzip", gz, []want{
			{format: crosscheck.FormatText, body: strings.Repeat("x", 10), source: "lines"},
			{format: crosscheck.FormatText, body: strings.Repeat("x", 20)},
		}},
		{"invalid UTF-8", bad, []want{
			{format: crosscheck.FormatText, body: "xxx"},
			{err: ErrInvalidUTF8, errText: "bad.jsonl:2: invalid UTF-8 at byte 12"},
		}},
	}
	r := newTestReader(Options{MaxBytes: 1 << 10})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, r, tt.path)
			if len(items) != len(tt.wants) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.wants), items)
			}
			for i, w := range tt.wants {
				w.check(t, items[i])
			}
		})
	}
}

func TestReadFeedFiles(t *testing.T) {
	tests := []struct {
		file  string
		wants []want
		dates []string
	}{
		{"world.rss", []want{
			{format: crosscheck.FormatHTML, body: "found no damage to its walls", ref: "https://www.gazette.example/world/dam-inspection", source: "gazette.example", title: "Dam inspection finds no damage after storm"},
			{format: crosscheck.FormatHTML, body: "<p>The rail workers' union", source: "gazette.example", title: "Rail strike called off"},
			{format: crosscheck.FormatText, body: "open on Sundays", ref: "world.rss#3", source: "gazette.example", title: "Library extends weekend opening"},
			{skip: SkipEmpty},
		}, []string{"2025-06-03T08:15:00Z", "2025-06-02T17:40:00Z", ""}},
		{"science.atom", []want{
			{format: crosscheck.FormatHTML, body: "<p>A comet discovered", ref: "https://science.example/comet", source: "science.example", title: "Comet visible to the naked eye this week"},
			{format: crosscheck.FormatText, body: "ten thousand samples", title: "Seed bank adds ten thousand samples"},
		}, []string{"2025-05-29T21:00:00Z", "2025-05-28T12:00:00Z"}},
		{"local.rdf", []want{
			{format: crosscheck.FormatHTML, body: "town square", ref: "https://local.example/market", source: "local.example", title: "Market moves to the square"},
		}, []string{"2025-04-01T09:00:00Z"}},
	}
	r := newTestReader(Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			items := collect(t, r, path)
			if len(items) != len(tt.wants) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.wants), items)
			}
			for i, w := range tt.wants {
				if in := fmt.Sprintf("%s#%d", path, i+1); items[i].Input != in {
					t.Errorf("got input %q, want %q", items[i].Input, in)
				}
				w.check(t, items[i])
				if i < len(tt.dates) && items[i].Doc != nil {
					got := ""
					if p := items[i].Doc.Published; !p.IsZero() {
						got = p.UTC().Format(time.RFC3339)
					}
					if got != tt.dates[i] {
						t.Errorf("%s: got published %q, want %q", items[i].Input, got, tt.dates[i])
					}
				}
			}
		})
	}
}

func inputs(items []Item) []string {
	var s []string
	for _, it := range items {
		s = append(s, it.Input)
	}
	return s
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a/1.txt", "a/.hidden.txt", ".git/config", "a/sub/2.txt", "a/.cache/3.txt", "c/empty.txt"} {
		content := "Some text in " + name
		if strings.HasPrefix(filepath.Base(name), "empty") {
			content = ""
		}
		writeFile(t, filepath.Join(dir, name), []byte(content))
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := true
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "link.txt")); err != nil {
		links = false
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "linkdir")); err != nil {
		links = false
	}

	items := collect(t, newTestReader(Options{}), dir)
	want := []string{"a/1.txt", "a/sub/2.txt", "b.txt", "c/empty.txt"}
	if links {
		want = append(want, "link.txt", "linkdir")
	}
	for i := range want {
		want[i] = filepath.Join(dir, want[i])
	}
	if got := inputs(items); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got inputs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if items[2].Doc == nil || items[2].Doc.Ref != "b.txt" {
		t.Errorf("got %+v, want b.txt read", items[2])
	}
	if items[3].Skip != SkipEmpty {
		t.Errorf("got %+v, want the empty file skipped", items[3])
	}
	if links {
		if items[4].Doc == nil || items[5].Skip == "" {
			t.Errorf("got %+v and %+v, want the file link read and the directory link skipped", items[4], items[5])
		}
		// A link named as an input is followed.
		if got := inputs(collect(t, newTestReader(Options{}), filepath.Join(dir, "linkdir"))); len(got) != 2 {
			t.Errorf("got %q, want the two visible files under the linked directory", got)
		}
	}

	t.Run("empty directory", func(t *testing.T) {
		if items := collect(t, newTestReader(Options{}), filepath.Join(dir, "d")); len(items) != 0 {
			t.Errorf("got %+v, want nothing", items)
		}
	})
}

func TestReadManyFiles(t *testing.T) {
	dir := t.TempDir()
	const n = 10000
	for i := range n {
		// Spread over directories, as a crawl's output would be.
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%02d", i%100), fmt.Sprintf("%05d.txt", i)), fmt.Appendf(nil, "Article number %d says something.\n", i))
	}
	count := 0
	last := ""
	err := newTestReader(Options{}).Read(context.Background(), []string{dir}, func(it Item) error {
		if it.Doc == nil {
			return fmt.Errorf("%s: got skip %q, err %v, want a document", it.Input, it.Skip, it.Err)
		}
		if it.Input <= last {
			return fmt.Errorf("got %s after %s, want lexical order", it.Input, last)
		}
		last = it.Input
		count++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count != n {
		t.Errorf("got %d documents, want %d", count, n)
	}
}

func TestReadGlob(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", ".hidden.txt", "c.html", "sub/d.txt"} {
		writeFile(t, filepath.Join(dir, name), []byte("Text of "+name))
	}
	tests := []struct {
		name    string
		pattern string
		want    []string
		errText string
	}{
		{"sorted, no dot-files", "*.txt", []string{"a.txt", "b.txt"}, ""},
		{"dot-files when asked", ".*.txt", []string{".hidden.txt"}, ""},
		{"directories are walked", "s*", []string{"sub/d.txt"}, ""},
		{"no match", "*.pdf", nil, "no files match"},
		{"bad pattern", "[", nil, "bad glob pattern"},
	}
	r := newTestReader(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pattern := filepath.Join(dir, tt.pattern)
			items := collect(t, r, pattern)
			if tt.errText != "" {
				if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), tt.errText) {
					t.Fatalf("got %+v, want one error containing %q", items, tt.errText)
				}
				if tt.name == "no match" && !errors.Is(items[0].Err, fs.ErrNotExist) {
					t.Errorf("got %v, want it to wrap fs.ErrNotExist", items[0].Err)
				}
				if !strings.Contains(items[0].Err.Error(), pattern) {
					t.Errorf("got %q, want the error to name the pattern", items[0].Err)
				}
				return
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.Join(dir, w))
			}
			if got := inputs(items); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		wants []want
	}{
		{"text", "A short note read from standard input.", []want{{format: crosscheck.FormatText, body: "short note", ref: "stdin", source: "stdin"}}},
		{"json lines", `{"text":"one"}` + "\n" + `{"text":"two","source":"Wire"}`, []want{
			{format: crosscheck.FormatText, body: "one", ref: "stdin:1", source: "stdin"},
			{format: crosscheck.FormatText, body: "two", ref: "stdin:2", source: "Wire"},
		}},
		{"empty", "", []want{{skip: SkipEmpty}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, newTestReader(Options{Stdin: strings.NewReader(tt.stdin)}), "-")
			if len(items) != len(tt.wants) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.wants), items)
			}
			for i, w := range tt.wants {
				w.check(t, items[i])
			}
		})
	}
}

func TestReadUnsupported(t *testing.T) {
	tests := []struct{ input, errText string }{
		{"ftp://files.example/a.txt", "ingest ftp://files.example/a.txt: unsupported input: only http and https URLs"},
		{"", "empty input name"},
		{"https://", "not a valid http or https URL"},
	}
	r := newTestReader(Options{})
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			want{err: ErrUnsupported, errText: tt.errText}.check(t, only(t, r, tt.input))
		})
	}
}

func TestReadStops(t *testing.T) {
	stop := errors.New("enough")
	r := newTestReader(Options{})
	n := 0
	err := r.Read(context.Background(), []string{"testdata/article.txt", "testdata/article.html"}, func(Item) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("got %v after %d items, want %v after 1", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = r.Read(ctx, []string{"testdata/world.rss", "testdata/article.txt"}, func(Item) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("got %v after %d items, want %v after 1", err, n, context.Canceled)
	}
}

func TestNameSource(t *testing.T) {
	tests := []struct{ base, want string }{
		{"story.html", "story"},
		{"story.html.gz", "story"},
		{"feed.XML.GZ", "feed"},
		{"README", "README"},
		{".profile", ".profile"},
		{"v1.2.txt", "v1.2"},
	}
	for _, tt := range tests {
		if got := nameSource(tt.base); got != tt.want {
			t.Errorf("nameSource(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestSizeString(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{10 << 20, "10 MB"},
		{64 << 10, "64 KB"},
		{1500, "1500 bytes"},
		{3<<20 + 1<<10, "3073 KB"},
	}
	for _, tt := range tests {
		if got := sizeString(tt.n); got != tt.want {
			t.Errorf("sizeString(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want kind
	}{
		{"rss", `<?xml version="1.0"?><!-- c --><rss version="2.0"><channel/></rss>`, kindFeed},
		{"atom", "\n  <feed xmlns=\"http://www.w3.org/2005/Atom\">", kindFeed},
		{"rdf", `<rdf:RDF xmlns:rdf="x">`, kindFeed},
		{"json feed", "{\n  \"version\": \"https://jsonfeed.org/version/1\",", kindFeed},
		{"doctype", "<!DOCTYPE html><title>x</title>", kindHTML},
		{"body only", "<body>text</body>", kindHTML},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>`, kindHTML},
		{"three tags", "Intro <em>a</em> and <a href=x>b</a>", kindHTML},
		{"two tags", "Intro <em>a</em> only", kindText},
		{"prose with angle brackets", "If a < b and b > c then a < c.", kindText},
		{"plain", "Just words.", kindText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify([]byte(tt.in)); got != tt.want {
				t.Errorf("classify(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	const files, size = 1000, 4 << 10
	line := []byte("The council met on Tuesday to discuss the budget for the coming year.\n")
	body := bytes.Repeat(line, size/len(line)+1)[:size]
	for i := range files {
		writeFile(b, filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), body)
	}
	r := New(Options{})
	b.SetBytes(files * size)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := r.Read(context.Background(), []string{dir}, func(it Item) error {
			if it.Doc == nil {
				return fmt.Errorf("%s: %v", it.Input, it.Err)
			}
			n++
			return nil
		})
		if err != nil || n != files {
			b.Fatalf("got %d documents and %v, want %d and nil", n, err, files)
		}
	}
}
