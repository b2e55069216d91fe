//go:build deps

package crosscheck

// This file is never built; it holds the module's third-party dependencies in
// go.mod until the packages that use them land.
import (
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/mmcdole/gofeed"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)
