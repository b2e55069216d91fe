package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// record is one line of a JSON-lines file. Every field but the body is
// optional; a line with a url and no body is fetched.
type record struct {
	URL       string  `json:"url"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
}

// isRecord reports whether line is a JSON object with a body or a url, which
// is how a JSON-lines file is told from text that happens to start with "{".
func isRecord(line []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(line, &m) != nil {
		return false
	}
	for _, k := range []string{"text", "html", "url"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// readJSONL emits one Item per non-blank line, starting with first, which
// has been read from br already. A bad line is reported and the rest go on;
// explain words read errors.
func (r *Reader) readJSONL(ctx context.Context, o origin, first []byte, eof bool, br *bufio.Reader, explain func(error) error, send func(Item) error) error {
	line := first
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it, ok := r.jsonLine(ctx, o, n, trimEOL(line)); ok {
			if err := send(it); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
		var err error
		line, err = readLine(br, r.opts.MaxBytes)
		switch {
		case errors.Is(err, errLineTooLong):
			it := failf(fmt.Sprintf("%s:%d", o.input, n+1), "%w: line longer than the %s limit", ErrTooLarge, sizeString(r.opts.MaxBytes))
			if err := send(it); err != nil {
				return err
			}
			line = nil
		case err == io.EOF:
			eof = true
		case err != nil:
			return send(fail(fmt.Sprintf("%s:%d", o.input, n+1), explain(err)))
		}
	}
}

// jsonLine turns line n into an Item; it reports ok=false for a blank line.
func (r *Reader) jsonLine(ctx context.Context, file origin, n int, line []byte) (it Item, ok bool) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Item{}, false
	}
	input := fmt.Sprintf("%s:%d", file.input, n)
	line, warnings, err := fixUTF8(line)
	if err != nil {
		return fail(input, err), true
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return fail(input, jsonErr(err)), true
	}
	o := origin{
		input:  input,
		ref:    fmt.Sprintf("%s:%d", file.ref, n),
		url:    strings.TrimSpace(rec.URL),
		source: strings.TrimSpace(rec.Source),
		title:  strings.TrimSpace(rec.Title),
	}
	if o.url != "" {
		o.ref = o.url
	}
	if o.source == "" {
		o.source = hostSource(o.url)
	}
	if o.source == "" {
		o.source = file.source
	}
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, ok := parseDate(p)
		if !ok {
			return failf(input, "%w: published %q is neither RFC 3339 nor YYYY-MM-DD", ErrMalformed, p), true
		}
		o.published = t
	}

	var format crosscheck.Format
	var body string
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		format, body = crosscheck.FormatText, *rec.Text
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		format, body = crosscheck.FormatHTML, *rec.HTML
	case o.url != "":
		return r.jsonPage(ctx, o), true
	case rec.Text != nil || rec.HTML != nil:
		return Item{Input: input, Skip: SkipEmpty}, true
	default:
		return failf(input, "%w: no text, html or url", ErrMalformed), true
	}
	return Item{Input: input, Doc: o.doc(format, []byte(body), warnings)}, true
}

// jsonPage fetches the page of a line that has a url but no body, keeping
// the line's own metadata.
func (r *Reader) jsonPage(ctx context.Context, o origin) Item {
	if !isURL(o.url) {
		return failf(o.input, "%w: url %q is not http or https", ErrMalformed, o.url)
	}
	p, final, err := r.fetchPage(ctx, o.url)
	if err != nil {
		return failf(o.input, "fetching %s: %w", o.url, err)
	}
	if p.skip != "" {
		return Item{Input: o.input, Skip: p.skip}
	}
	o.url = final
	return Item{Input: o.input, Doc: o.doc(p.kind.format(), p.body, p.warnings)}
}

// jsonErr words a decoding error without Go's type names.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return fmt.Errorf("%w: not a JSON object", ErrMalformed)
	case errors.As(err, &te):
		return fmt.Errorf("%w: %q is a JSON %s, want a string", ErrMalformed, te.Field, te.Value)
	case errors.As(err, &se):
		return fmt.Errorf("%w: invalid JSON at byte %d: %v", ErrMalformed, se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	return fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, strings.TrimPrefix(err.Error(), "json: "))
}

// parseDate reads a date as RFC 3339 or as YYYY-MM-DD.
func parseDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}
