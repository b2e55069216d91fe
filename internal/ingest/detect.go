package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of a document format detection looks at.
const sniffLen = 4096

// maxGzipDepth bounds gzip inside gzip; real inputs have one layer.
const maxGzipDepth = 2

var gzipMagic = []byte{0x1f, 0x8b}

// kind is what a document's content turned out to be.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
)

func (k kind) format() crosscheck.Format {
	if k == kindHTML {
		return crosscheck.FormatHTML
	}
	return crosscheck.FormatText
}

// readStream reads one input's content, unwrapping gzip, and emits what it
// holds: the documents of a JSON-lines stream or a feed, or one document.
// readErr, when not nil, explains read errors the source knows more about,
// such as a fetch's deadline.
func (r *Reader) readStream(ctx context.Context, o origin, src io.Reader, contentType string, readErr func(error) error, send func(Item) error) error {
	explain := func(err error) error {
		if readErr != nil {
			err = readErr(err)
		}
		return gzipErr(err)
	}
	br := bufio.NewReaderSize(src, sniffLen)
	gzipped := false
	for depth := 0; ; depth++ {
		if head, _ := br.Peek(len(gzipMagic)); !bytes.Equal(head, gzipMagic) {
			break
		}
		if depth == maxGzipDepth {
			return send(failf(o.input, "%w (gzip nested in gzip)", ErrNotText))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return send(fail(o.input, explain(err)))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, sniffLen)
		gzipped = true
		// A charset in the header describes the compressed bytes, if
		// anything.
		contentType = ""
	}
	tooLarge := func() Item {
		if gzipped {
			return failf(o.input, "%w: larger than the %s limit once decompressed", ErrTooLarge, sizeString(r.opts.MaxBytes))
		}
		return failf(o.input, "%w: larger than the %s limit", ErrTooLarge, sizeString(r.opts.MaxBytes))
	}

	// A JSON-lines file may hold more than MaxBytes in all, so it is
	// streamed a line at a time rather than read whole.
	var first []byte
	if head, _ := br.Peek(sniffLen); firstByte(head) == '{' {
		line, err := readLine(br, r.opts.MaxBytes)
		switch {
		case errors.Is(err, errLineTooLong):
			return send(tooLarge())
		case err != nil && err != io.EOF:
			return send(fail(o.input, explain(err)))
		case isRecord(trimEOL(line)):
			return r.readJSONL(ctx, o, line, err == io.EOF, br, explain, send)
		}
		first = line
	}
	hint := o.size
	if gzipped {
		hint = 0
	}
	data, err := readAll(io.MultiReader(bytes.NewReader(first), br), r.opts.MaxBytes, hint)
	switch {
	case errors.Is(err, ErrTooLarge):
		return send(tooLarge())
	case err != nil:
		return send(fail(o.input, explain(err)))
	}
	p, err := prepare(data, contentType, true)
	switch {
	case err != nil:
		return send(fail(o.input, err))
	case p.skip != "":
		return send(Item{Input: o.input, Skip: p.skip})
	case p.kind == kindFeed:
		return r.readFeed(ctx, o, p.body, send)
	}
	return send(Item{Input: o.input, Doc: o.doc(p.kind.format(), p.body, p.warnings)})
}

// gzipErr words errors from a corrupt or truncated gzip stream for a user.
func gzipErr(err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum), errors.As(err, &ce):
		return fmt.Errorf("%w: corrupt gzip data", ErrMalformed)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: truncated data", ErrMalformed)
	}
	return err
}

// readAll reads src whole, failing with ErrTooLarge beyond max bytes, so that
// neither a large file nor a gzip bomb is held in memory. sizeHint, when
// positive, is the expected size.
func readAll(src io.Reader, max, sizeHint int64) ([]byte, error) {
	n := int64(512)
	if sizeHint > 0 {
		// One more byte to read EOF into without growing.
		n = min(sizeHint, max) + 1
	}
	data := make([]byte, 0, n)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		m, err := src.Read(data[len(data):min(int64(cap(data)), max+1)])
		data = data[:len(data)+m]
		if int64(len(data)) > max {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line, with its line ending. It returns io.EOF with the
// last line, and errLineTooLong, having skipped the rest of the line, for a
// line longer than max bytes.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	long := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if int64(len(line)+len(chunk)) > max+2 { // room for "\r\n"
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if long || int64(len(trimEOL(line))) > max {
			return nil, errLineTooLong
		}
		return line, err
	}
}

// trimEOL removes a trailing "\n" or "\r\n".
func trimEOL(line []byte) []byte {
	line, _ = bytes.CutSuffix(line, []byte("\n"))
	line, _ = bytes.CutSuffix(line, []byte("\r"))
	return line
}

// firstByte returns the first byte of b after a UTF-8 byte order mark and
// white space, or 0.
func firstByte(b []byte) byte {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, utf8BOM), " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// prepared is a document's content made ready: its kind and its body in
// UTF-8, or why it was skipped.
type prepared struct {
	kind     kind
	body     []byte // raw bytes for a feed, for the feed parser to decode
	warnings []string
	skip     string
}

// prepare recognises data by content and converts it to UTF-8. contentType
// is the HTTP Content-Type, if any. When feeds is false, a feed is taken as
// an HTML page.
func prepare(data []byte, contentType string, feeds bool) (prepared, error) {
	var p prepared
	declared := ""
	switch {
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		// UTF-16 is full of NUL bytes, so it is decoded before the binary
		// check would reject it.
		out, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return p, fmt.Errorf("%w: bad UTF-16", ErrNotText)
		}
		data, declared = out, "utf-8"
	case bytes.HasPrefix(data, utf8BOM):
		data, declared = data[len(utf8BOM):], "utf-8"
	}
	if len(bytes.TrimSpace(data)) == 0 {
		p.skip = SkipEmpty
		return p, nil
	}
	if what := binaryKind(data); what != "" {
		return p, fmt.Errorf("%w (%s)", ErrNotText, what)
	}
	p.kind = classify(data)
	if p.kind == kindFeed {
		if feeds {
			p.body = data
			return p, nil
		}
		p.kind = kindHTML
	}
	if declared == "" {
		declared = charsetParam(contentType)
	}
	var err error
	if p.kind == kindHTML {
		p.body, p.warnings, err = decodeHTML(data, declared)
	} else {
		p.body, p.warnings, err = decodeText(data, declared)
	}
	return p, err
}

// magics are the leading bytes of common binary formats that can reach a
// news reader by mistake.
var magics = []struct{ prefix, name string }{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "zip archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"},
	{"\x7fELF", "executable"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"\x28\xb5\x2f\xfd", "zstd archive"},
	{"OggS", "Ogg media"},
	{"\x1a\x45\xdf\xa3", "Matroska media"},
	{"SQLite format 3\x00", "SQLite database"},
}

// binaryKind says why data is not text, or returns "" when it may be.
func binaryKind(data []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "binary content: " + m.name
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "binary content: MP4 media"
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "binary content: WebP image"
	}
	sample := data[:min(len(data), 2*sniffLen)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return "binary content"
	}
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' || b == 0x7f {
			controls++
		}
	}
	// Text may carry the odd escape sequence; a twentieth is not text.
	if controls*20 > len(sample) {
		return "binary content"
	}
	return ""
}

// classify tells a feed, an HTML page and plain text apart by content.
func classify(data []byte) kind {
	head := data[:min(len(data), sniffLen)]
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if bytes.HasPrefix(trimmed, []byte("<")) {
		switch rootName(trimmed) {
		case "rss", "feed", "rdf":
			return kindFeed
		}
	}
	if bytes.HasPrefix(trimmed, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org/version")) {
		return kindFeed
	}
	if hasHTMLMarker(head) || len(htmlTag.FindAllIndex(head, 3)) == 3 {
		return kindHTML
	}
	// Other XML: the HTML parser still finds its text, which beats handing
	// the tags on as words.
	if bytes.HasPrefix(trimmed, []byte("<?xml")) {
		return kindHTML
	}
	return kindText
}

// htmlTag matches common HTML tags, enough of which make a fragment HTML.
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|article|section|table|tr|td|th|img|em|strong|b|i|blockquote|figure|main|header|footer|nav|script|style|meta|link|title)\b[^<>]*>`)

var htmlMarkers = [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body")}

// hasHTMLMarker reports whether b holds, in any case, a tag only a whole
// HTML page has.
func hasHTMLMarker(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return false
		}
		b = b[i:]
		for _, m := range htmlMarkers {
			if len(b) >= len(m) && bytes.EqualFold(b[:len(m)], m) {
				return true
			}
		}
		b = b[1:]
	}
}

// rootName returns the lower-case local name of the root element of the XML
// at the start of s, skipping the declaration, comments and doctype.
func rootName(s []byte) string {
	for range 32 {
		s = bytes.TrimLeft(s, " \t\r\n")
		var end string
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			end = "?>"
		case bytes.HasPrefix(s, []byte("<!--")):
			end = "-->"
		case bytes.HasPrefix(s, []byte("<!")):
			end = ">"
		case bytes.HasPrefix(s, []byte("<")):
			name := s[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			if i := bytes.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return strings.ToLower(string(name))
		default:
			return ""
		}
		i := bytes.Index(s, []byte(end))
		if i < 0 {
			return ""
		}
		s = s[i+len(end):]
	}
	return ""
}

// charsetParam returns the charset parameter of a Content-Type, or "".
func charsetParam(contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	return ""
}

// metaCharset finds the charset of a <meta charset> or of a <meta
// http-equiv="Content-Type"> tag.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decodeHTML converts an HTML page to UTF-8, following a declared charset
// (byte order mark, HTTP header, then <meta>) unless the bytes are plainly
// UTF-8 regardless.
func decodeHTML(data []byte, declared string) ([]byte, []string, error) {
	if declared == "" {
		if m := metaCharset.FindSubmatch(data[:min(len(data), sniffLen)]); m != nil {
			declared = string(m[1])
		}
	}
	out, warnings, ok := transcode(data, declared)
	if !ok {
		var fixed []string
		var err error
		out, fixed, err = fixUTF8(data)
		warnings = append(warnings, fixed...)
		if err != nil {
			if declared != "" {
				return nil, nil, err
			}
			// Undeclared and far from UTF-8: windows-1252 is what
			// browsers assume for such pages.
			out, _ = charmap.Windows1252.NewDecoder().Bytes(data)
			warnings = []string{"no charset declared and the content is not UTF-8: decoded as windows-1252"}
		}
	}
	return rewriteMeta(out), warnings, nil
}

// decodeText converts plain text to UTF-8, following a charset declared in
// an HTTP header. Text without one must be UTF-8.
func decodeText(data []byte, declared string) ([]byte, []string, error) {
	out, warnings, ok := transcode(data, declared)
	if ok {
		return out, warnings, nil
	}
	out, fixed, err := fixUTF8(data)
	return out, append(warnings, fixed...), err
}

// transcode decodes data from the declared charset when that is an
// ASCII-compatible charset other than UTF-8. It reports ok=false when data
// should be treated as UTF-8 instead.
func transcode(data []byte, declared string) (out []byte, warnings []string, ok bool) {
	if declared == "" {
		return nil, nil, false
	}
	enc, name := charset.Lookup(declared)
	switch {
	case enc == nil:
		return nil, []string{fmt.Sprintf("unknown charset %q: read as UTF-8", declared)}, false
	case name == "utf-8", strings.HasPrefix(name, "utf-16"), name == "replacement":
		// A UTF-16 label on ASCII-compatible bytes is wrong on its face,
		// and the "replacement" charsets would turn the page into one
		// U+FFFD; browsers read both as UTF-8.
		return nil, nil, false
	}
	if hasHighBit(data) && utf8.Valid(data) {
		// Legacy text that happens to be valid UTF-8 is rare; mislabelled
		// UTF-8 pages are not.
		return nil, []string{fmt.Sprintf("declared charset %s ignored: the content is valid UTF-8", declared)}, false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, false
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil, true
}

// rewriteMeta makes a page's <meta> charset say utf-8, as its bytes now are,
// so that nothing downstream decodes it a second time.
func rewriteMeta(page []byte) []byte {
	loc := metaCharset.FindSubmatchIndex(page[:min(len(page), sniffLen)])
	if loc == nil {
		return page
	}
	if _, name := charset.Lookup(string(page[loc[2]:loc[3]])); name == "utf-8" {
		return page
	}
	out := make([]byte, 0, len(page))
	out = append(out, page[:loc[2]]...)
	out = append(out, "utf-8"...)
	return append(out, page[loc[3]:]...)
}

func hasHighBit(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// fixUTF8 replaces each invalid byte of data with U+FFFD, with a warning
// naming the first, when invalid bytes are under 1% of data. More than that
// means the text is in some other encoding, and repair would garble it.
func fixUTF8(data []byte) ([]byte, []string, error) {
	if utf8.Valid(data) {
		return data, nil, nil
	}
	first, bad := -1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			bad++
		}
		i += size
	}
	if bad*100 >= len(data) {
		return nil, nil, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, first)
	}
	out := make([]byte, 0, len(data)+2*bad)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	what := "1 bad byte"
	if bad > 1 {
		what = fmt.Sprintf("%d bad bytes", bad)
	}
	return out, []string{fmt.Sprintf("invalid UTF-8 at byte %d: %s replaced with U+FFFD", first, what)}, nil
}
