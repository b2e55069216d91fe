package clean

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	// Ingest hands over UTF-8, so the page is parsed directly rather than
	// through the extractor's own reader, whose charset sniffing costs a
	// third of the extraction.
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return page{title: titleOf(body)}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil {
		return page{title: titleOf(body)}
	}
	p := page{
		title:     res.Metadata.Title,
		author:    res.Metadata.Author,
		published: res.Metadata.Date,
		headings:  map[string]bool{},
	}
	if p.title == "" {
		p.title = titleOf(body)
	}
	var b strings.Builder
	blocks(res.ContentNode, &b, p.headings)
	p.text = b.String()
	if strings.TrimSpace(p.text) == "" {
		p.text = res.ContentText
	}
	// The headline usually opens the content too; it is the title, not
	// the body.
	if first, rest, _ := strings.Cut(strings.TrimLeft(p.text, "\n"), "\n"); p.title != "" && strings.TrimSpace(first) == strings.TrimSpace(Normalize(p.title)) {
		p.text = rest
	}
	return p
}

// blockTags start a new line of text; the rest flow inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "head": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "item": true, "li": true, "list": true, "ul": true, "ol": true,
	"quote": true, "blockquote": true, "pre": true, "code": true, "table": true, "row": true,
	"tr": true, "cell": true, "td": true, "th": true, "lb": true, "br": true, "section": true,
	"article": true, "figure": true, "figcaption": true, "dd": true, "dt": true, "hr": true,
	"graphic": true, "img": true,
}

// blocks writes the text of the extracted content one block to a line, so
// that paragraphs and headings keep their boundaries, and records the
// headings.
func blocks(n *html.Node, b *strings.Builder, headings map[string]bool) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		// The extractor trims text nodes, so words on either side of an
		// inline element would run together without a space.
		if t := n.Data; t != "" {
			if b.Len() > 0 && needsSpace(b.String()[b.Len()-1], t) {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		case "head", "h1", "h2", "h3", "h4", "h5", "h6":
			if t := strings.TrimSpace(Normalize(strings.ReplaceAll(textOf(n), "\n", " "))); t != "" {
				headings[t] = true
				b.WriteString("\n" + t + "\n")
			}
			return
		}
		if blockTags[n.Data] {
			b.WriteByte('\n')
			defer b.WriteByte('\n')
		}
		if n.Data == "cell" || n.Data == "td" || n.Data == "th" {
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		blocks(c, b, headings)
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

func needsSpace(last byte, next string) bool {
	if last == ' ' || last == '\n' || last == '(' || last == '[' || last == '"' || last == '\'' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '(' || r == '"'
}
