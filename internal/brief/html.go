package brief

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/crosscheck/crosscheck"
)

//go:embed brief.html.tmpl
var pageSource string

// page is parsed once; html/template escapes every value for where it
// lands, so article text cannot add markup, and the page's
// Content-Security-Policy forbids scripts and every external resource.
var page = template.Must(template.New("brief").Parse(pageSource))

// HTML writes b as one self-contained page: inline CSS, no scripts, no
// external resources.
func HTML(w io.Writer, b crosscheck.Brief) error {
	var buf bytes.Buffer
	if err := page.Execute(&buf, newPage(b)); err != nil {
		return fmt.Errorf("brief html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("brief html: %w", err)
	}
	return nil
}
