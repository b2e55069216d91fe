// Package ingest turns what a user names on the command line (files,
// directories, glob patterns, standard input, web pages, RSS and Atom
// feeds, JSON-lines exports) into raw documents for cleaning.
//
// Formats are recognised by content rather than by file extension: gzip is
// unwrapped, feeds yield one document per item, JSON lines yield one per line,
// and everything else becomes a single HTML or plain-text document whose body
// is valid UTF-8. Every document is bounded in size, every fetch in time, and
// one bad input never stops the others: it is reported as an Item with Err
// set while the run goes on.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Defaults for the zero values of Options.
const (
	DefaultMaxBytes     = 10 << 20         // per document
	DefaultTimeout      = 20 * time.Second // per fetch
	DefaultMaxRedirects = 5                // per fetch
)

// SkipEmpty is the Item.Skip reason for an input with no text in it.
const SkipEmpty = "empty"

// Sentinel errors wrapped by Item.Err, for callers to classify failures with
// errors.Is. Every Item.Err is also of kind crosscheck.KindInvalid, and one
// for a missing path or a glob pattern matching nothing wraps fs.ErrNotExist.
var (
	ErrNotText          = errors.New("not text")                // binary content
	ErrInvalidUTF8      = errors.New("invalid UTF-8")           // too much of it to repair
	ErrTooLarge         = errors.New("too large")               // over Options.MaxBytes
	ErrMalformed        = errors.New("malformed")               // bad JSON line, feed or gzip data
	ErrStatus           = errors.New("http status")             // a status other than 2xx
	ErrTimeout          = errors.New("timed out")               // over Options.Timeout
	ErrTooManyRedirects = errors.New("too many redirects")      // over Options.MaxRedirects
	ErrPrivate          = errors.New("refused private address") // see Options.DenyPrivate
	ErrUnsupported      = errors.New("unsupported input")       // not a path or http(s) URL
)

// UserAgent returns the User-Agent header crosscheck sends, for the given
// program version.
func UserAgent(version string) string {
	return "crosscheck/" + version + " (+news cross-checking tool)"
}

// Options configures a Reader. The zero value is usable.
type Options struct {
	// MaxBytes bounds each document: a file, a fetched page, a decompressed
	// gzip stream, a feed, or one line of a JSON-lines file. Zero means
	// DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds each URL fetch, from dialling to the last byte of the
	// body. Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is how many redirects one fetch may follow. Zero means
	// DefaultMaxRedirects; a negative value follows none.
	MaxRedirects int
	// UserAgent is sent with every request. Empty means UserAgent("dev").
	UserAgent string
	// Client, when set, is used for fetching instead of the Reader's own.
	// The Reader copies it to install its redirect policy and, when the
	// transport is an *http.Transport (or nil), the DenyPrivate guard. With
	// any other RoundTripper, DenyPrivate can only refuse URLs that name a
	// private IP address literally.
	Client *http.Client
	// DenyPrivate refuses URLs that resolve to loopback, private, link-local
	// or otherwise non-public addresses. It is enforced when dialling, so
	// neither DNS answers nor redirects can route around it; environment
	// proxy settings are ignored while it is on, since the guard could
	// only check the proxy's address.
	DenyPrivate bool
	// Stdin is read for the input "-". Nil means os.Stdin.
	Stdin io.Reader
}

// Item is the outcome for one document or one failure. Exactly one of Doc,
// Skip and Err is set.
type Item struct {
	Input string          // the input as given, or path:line, or feed#item
	Doc   *crosscheck.Doc // nil when skipped or failed
	Skip  string          // why it was skipped on purpose, such as SkipEmpty
	Err   error           // why it failed, naming the input
}

// Reader reads inputs into documents. It is safe for concurrent use, though
// concurrent runs should not both read "-".
type Reader struct {
	opts   Options
	client *http.Client
}

// New returns a Reader with opts' zero values replaced by the defaults.
func New(opts Options) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	switch {
	case opts.MaxRedirects == 0:
		opts.MaxRedirects = DefaultMaxRedirects
	case opts.MaxRedirects < 0:
		opts.MaxRedirects = 0
	}
	if opts.UserAgent == "" {
		opts.UserAgent = UserAgent("dev")
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &Reader{opts: opts, client: newClient(opts)}
}

// Read reads each input in turn and calls emit once per document, skip or
// failure, in a deterministic order: inputs as given, directories and glob
// matches in lexical order, feed items and JSON lines in file order.
//
// A failing input is emitted as an Item with Err set and the run goes on.
// Read returns early only when ctx is done (returning ctx.Err()) or when
// emit returns an error (returning that error).
func (r *Reader) Read(ctx context.Context, inputs []string, emit func(Item) error) error {
	send := func(it Item) error {
		// An error caused by cancellation is not the input's fault, so it is
		// not reported as one.
		if err := ctx.Err(); err != nil {
			return err
		}
		return emit(it)
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = r.readStream(ctx, origin{input: "-", ref: "stdin", source: "stdin"}, r.opts.Stdin, "", nil, send)
		case isURL(in):
			err = r.readURL(ctx, in, send)
		case strings.Contains(in, "://"):
			err = send(failf(in, "%w: only http and https URLs are supported", ErrUnsupported))
		case strings.TrimSpace(in) == "":
			err = send(failf(in, "%w: empty input name", ErrUnsupported))
		default:
			err = r.readPath(ctx, in, send)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// origin is what is known about a document before its content is read.
type origin struct {
	input     string // Item.Input
	ref       string
	url       string
	source    string
	title     string
	published time.Time
	size      int64 // of the content, when known beforehand
}

func (o origin) doc(format crosscheck.Format, body []byte, warnings []string) *crosscheck.Doc {
	return &crosscheck.Doc{
		Ref:       o.ref,
		URL:       o.url,
		Source:    o.source,
		Title:     o.title,
		Published: o.published,
		Format:    format,
		Body:      body,
		Warnings:  warnings,
	}
}

// fail returns the Item for an input that failed with err.
func fail(input string, err error) Item {
	return Item{Input: input, Err: crosscheck.Errorf(crosscheck.KindInvalid, "ingest "+input, "%w", err)}
}

func failf(input, format string, args ...any) Item {
	return Item{Input: input, Err: crosscheck.Errorf(crosscheck.KindInvalid, "ingest "+input, format, args...)}
}

func (r *Reader) readPath(ctx context.Context, path string, send func(Item) error) error {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && hasGlobMeta(path) {
			return r.readGlob(ctx, path, send)
		}
		return send(fail(path, pathErr(err)))
	}
	if fi.IsDir() {
		return r.readDir(ctx, path, send)
	}
	return r.readFile(ctx, path, send)
}

// pathErr drops the path from a *fs.PathError, since the Item names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func hasGlobMeta(path string) bool {
	return strings.ContainsAny(path, "*?[")
}

// errNoMatch is a glob pattern that matched nothing, which is as good as a
// path that does not exist.
type errNoMatch struct{}

func (errNoMatch) Error() string        { return "no files match" }
func (errNoMatch) Is(target error) bool { return target == fs.ErrNotExist }

func (r *Reader) readGlob(ctx context.Context, pattern string, send func(Item) error) error {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return send(failf(pattern, "%w: bad glob pattern", ErrUnsupported))
	}
	// As in a shell, a wildcard does not match a leading dot unless the
	// pattern spells one out.
	dotOK := strings.HasPrefix(filepath.Base(pattern), ".")
	matches = slices.DeleteFunc(matches, func(m string) bool {
		return !dotOK && strings.HasPrefix(filepath.Base(m), ".")
	})
	if len(matches) == 0 {
		return send(fail(pattern, errNoMatch{}))
	}
	slices.Sort(matches)
	for _, m := range matches {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readPath(ctx, m, send); err != nil {
			return err
		}
	}
	return nil
}

// readDir walks root in lexical order, one file at a time, skipping dot-files
// and dot-directories. Symbolic links to files are followed; links to
// directories are not, so that a link cycle cannot trap the walk.
func (r *Reader) readDir(ctx context.Context, root string, send func(Item) error) error {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link even at the root, unless the
		// name ends in a separator.
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return send(fail(path, pathErr(err)))
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
			return nil
		case t.IsRegular():
			return r.readFile(ctx, path, send)
		case t&fs.ModeSymlink != 0:
			fi, err := os.Stat(path)
			switch {
			case err != nil:
				return send(fail(path, pathErr(err)))
			case fi.IsDir():
				return send(Item{Input: path, Skip: "symbolic link to a directory"})
			case fi.Mode().IsRegular():
				return r.readFile(ctx, path, send)
			}
		}
		// Devices, sockets and pipes could block or never end.
		return send(Item{Input: path, Skip: "not a regular file"})
	})
}

func (r *Reader) readFile(ctx context.Context, path string, send func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return send(fail(path, pathErr(err)))
	}
	defer f.Close()
	base := filepath.Base(path)
	o := origin{input: path, ref: base, source: nameSource(base)}
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		o.size = fi.Size()
	}
	return r.readStream(ctx, o, f, "", nil, send)
}

// nameSource is the Source fallback for a file: its base name without
// extensions, so "story.html.gz" gives "story".
func nameSource(base string) string {
	for _, ext := range []string{".gz", ".gzip"} {
		if s, ok := strings.CutSuffix(strings.ToLower(base), ext); ok {
			base = base[:len(s)]
			break
		}
	}
	if s := strings.TrimSuffix(base, filepath.Ext(base)); s != "" {
		return s
	}
	return base
}

// sizeString writes a byte count the way a user would set it.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
