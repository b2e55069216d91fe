package clean

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// page is what the HTML extractor found.
type page struct {
	title     string
	author    string
	published time.Time
	text      string
	headings  map[string]bool
}

// extractHTML finds the main text of a page. A page with no article, such
// as a login page, yields an empty text rather than an error.
func extractHTML(body []byte, rawURL string, o Options) page {
	opts := trafilatura.Options{
		EnableFallback:  o.Fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(body), opts)
	if err != nil || res == nil {
		return page{title: titleOf(body)}
	}
	p := page{
		title:     res.Metadata.Title,
		author:    res.Metadata.Author,
		published: res.Metadata.Date,
		text:      res.ContentText,
		headings:  map[string]bool{},
	}
	if p.title == "" {
		p.title = titleOf(body)
	}
	collectHeadings(res.ContentNode, p.headings)
	return p
}

// collectHeadings records the normalised text of heading elements, which
// trafilatura renames to "head".
func collectHeadings(n *html.Node, into map[string]bool) {
	if n == nil {
		return
	}
	if n.Type == html.ElementNode {
		switch n.Data {
		case "head", "h1", "h2", "h3", "h4", "h5", "h6":
			if t := strings.TrimSpace(Normalize(textOf(n))); t != "" {
				into[t] = true
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectHeadings(c, into)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// titleOf returns the <title> of a page, for pages the extractor gave up on.
func titleOf(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "title" {
				if z.Next() == html.TextToken {
					return strings.TrimSpace(string(z.Text()))
				}
				return ""
			}
		}
	}
}
