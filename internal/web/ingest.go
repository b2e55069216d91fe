package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// A request's articles are spooled to a temporary directory and handed to
// the same ingest.Reader the command line uses, so that formats, limits and
// URL fetching behave alike:
//
//	DIR/api.jsonl    the JSON records and pasted text, one per line
//	DIR/f1/NAME      each uploaded file under its own (cleaned) name
//
// Pasted URLs are inputs of their own. No other string from a request ever
// becomes an input, so a request cannot name a file of the server.
const recordsFile = "api.jsonl"

// spool collects one request's inputs.
type spool struct {
	dir     string
	inputs  []string
	records bytes.Buffer // JSON lines for recordsFile
	files   int
	// labels turn spooled paths back into the names the client used.
	labels []string // old, new pairs for strings.NewReplacer
}

// mkdir creates the spool directory on first use.
func (sp *spool) mkdir() error {
	if sp.dir != "" {
		return nil
	}
	dir, err := os.MkdirTemp("", "crosscheck-web-")
	if err != nil {
		return fmt.Errorf("web.spool: %w", err)
	}
	sp.dir = dir
	return nil
}

// remove deletes the spooled files.
func (sp *spool) remove() {
	if sp.dir != "" {
		os.RemoveAll(sp.dir)
	}
}

// addRecord adds one JSON object, already checked, as a line.
func (sp *spool) addRecord(obj []byte) error {
	if err := json.Compact(&sp.records, obj); err != nil {
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "%v", err)
	}
	sp.records.WriteByte('\n')
	return nil
}

// addFile spools an uploaded file.
func (sp *spool) addFile(name string, r io.Reader) error {
	if err := sp.mkdir(); err != nil {
		return err
	}
	sp.files++
	sub := filepath.Join(sp.dir, fmt.Sprintf("f%d", sp.files))
	if err := os.Mkdir(sub, 0o700); err != nil {
		return fmt.Errorf("web.spool: %w", err)
	}
	base := safeName(name)
	path := filepath.Join(sub, base)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("web.spool: %w", err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return bodyErr(fmt.Sprintf("upload %q", base), err)
	}
	sp.inputs = append(sp.inputs, path)
	sp.labels = append(sp.labels, path, base)
	return nil
}

// addURL adds a pasted URL, which must be http or https: anything else
// could name a file of the server.
func (sp *spool) addURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "%q is not an http or https URL", raw)
	}
	sp.inputs = append(sp.inputs, u.String())
	return nil
}

// finish writes the records file, and reports whether there is anything to
// ingest at all.
func (sp *spool) finish() error {
	if sp.records.Len() > 0 {
		if err := sp.mkdir(); err != nil {
			return err
		}
		path := filepath.Join(sp.dir, recordsFile)
		if err := os.WriteFile(path, sp.records.Bytes(), 0o600); err != nil {
			return fmt.Errorf("web.spool: %w", err)
		}
		// The records come first, as they came first in the request.
		sp.inputs = append([]string{path}, sp.inputs...)
		sp.labels = append(sp.labels, path+":", "item ", path, "items")
	}
	if len(sp.inputs) == 0 {
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "no articles: send JSON records, files, URLs or text")
	}
	return nil
}

// label returns a replacer that rewrites spooled paths, in inputs and in
// reasons, into the names the client knows.
func (sp *spool) label() *strings.Replacer { return strings.NewReplacer(sp.labels...) }

// safeName keeps an uploaded file's base name, which becomes the article's
// ref and, without its extension, its outlet (as for "crosscheck ingest
// FILE"), while making sure it is a plain name.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, name)
	name = strings.TrimLeft(name, ".")
	if r := []rune(name); len(r) > 100 {
		name = string(r[len(r)-100:])
	}
	if name == "" {
		name = "upload"
	}
	return name
}

// bodyErr classifies an error reading the request body: too large (413)
// or malformed (400).
func bodyErr(what string, err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return fmt.Errorf("web.ingest: %s: request body larger than %d bytes: %w", what, tooLarge.Limit, err)
	}
	return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "%s: %v", what, err)
}

// readSpool reads a request's articles: multipart form data (files, and
// the fields urls, text, source, title, published) or, for any other
// content type, a JSON array of records or JSON lines.
func readSpool(r *http.Request) (*spool, error) {
	sp := &spool{}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	if mt == "multipart/form-data" {
		err = readForm(r, sp)
	} else {
		err = readRecords(r.Body, sp)
	}
	if err == nil {
		err = sp.finish()
	}
	if err != nil {
		sp.remove()
		return nil, err
	}
	return sp, nil
}

// readRecords reads a JSON array of objects or JSON lines. Each object
// needs a "text", "html" or "url": the ingest reader tells JSON lines from
// plain text by that, so one object without them would turn the whole
// request into one text article.
func readRecords(body io.Reader, sp *spool) error {
	data, err := io.ReadAll(body)
	if err != nil {
		return bodyErr("reading the body", err)
	}
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	var items [][]byte
	switch {
	case len(data) == 0:
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "empty body: want a JSON array of articles or JSON lines")
	case data[0] == '[':
		var raw []json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "not a JSON array of articles: %v", err)
		}
		for _, it := range raw {
			items = append(items, it)
		}
	case data[0] == '{':
		for line := range bytes.Lines(data) {
			items = append(items, line) // blank lines are checked below
		}
	default:
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "want a JSON array of articles or JSON lines, or multipart form data")
	}
	n := 0
	for i, it := range items {
		it = bytes.TrimSpace(it)
		if len(it) == 0 {
			// Kept, so that the reader's line numbers are the body's.
			sp.records.WriteByte('\n')
			continue
		}
		n++
		var m map[string]json.RawMessage
		if err := json.Unmarshal(it, &m); err != nil || m == nil {
			return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "item %d: not a JSON object", i+1)
		}
		if m["text"] == nil && m["html"] == nil && m["url"] == nil {
			return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "item %d: want \"text\", \"html\" or \"url\"", i+1)
		}
		if err := sp.addRecord(it); err != nil {
			return err
		}
	}
	if n == 0 {
		return crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "no articles in the body")
	}
	return nil
}

// formFieldMax bounds a text field of the form other than "text".
const formFieldMax = 64 << 10

// readForm streams a multipart form: files go to disk as they arrive, so
// that memory does not grow with the upload.
func readForm(r *http.Request, sp *spool) error {
	mr, err := r.MultipartReader()
	if err != nil {
		return bodyErr("form", err)
	}
	var text, source, title, published string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return bodyErr("form", err)
		}
		name := p.FormName()
		switch {
		case p.FileName() != "":
			err = sp.addFile(p.FileName(), p)
		case name == "text":
			text, err = readField(p, -1)
		case name == "urls":
			var v string
			v, err = readField(p, formFieldMax)
			for line := range strings.Lines(v) {
				if line = strings.TrimSpace(line); line != "" && err == nil {
					err = sp.addURL(line)
				}
			}
		case name == "source":
			source, err = readField(p, formFieldMax)
		case name == "title":
			title, err = readField(p, formFieldMax)
		case name == "published":
			published, err = readField(p, formFieldMax)
		default:
			_, err = io.Copy(io.Discard, p) // empty file inputs and the like
			if err != nil {
				err = bodyErr("form", err)
			}
		}
		p.Close()
		if err != nil {
			return err
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	if strings.TrimSpace(source) == "" {
		source = "pasted"
	}
	rec := map[string]string{"source": source, "title": title, "text": text}
	if published = strings.TrimSpace(published); published != "" {
		rec["published"] = published
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("web.ingest: %w", err)
	}
	return sp.addRecord(b)
}

// readField reads a form value, at most max bytes (no limit below the
// body's own when max < 0).
func readField(p *multipart.Part, max int64) (string, error) {
	var r io.Reader = p
	if max >= 0 {
		r = io.LimitReader(p, max+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", bodyErr(fmt.Sprintf("field %q", p.FormName()), err)
	}
	if max >= 0 && int64(len(b)) > max {
		return "", crosscheck.Errorf(crosscheck.KindInvalid, "web.ingest", "field %q is longer than %d bytes", p.FormName(), max)
	}
	return string(b), nil
}
