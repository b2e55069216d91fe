package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// summaryLen is the length of text, in characters, under which an item's
// description is taken for a teaser and the linked page is fetched instead.
const summaryLen = 600

// readFeed emits one Item per feed item, in feed order.
func (r *Reader) readFeed(ctx context.Context, o origin, data []byte, send func(Item) error) error {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return send(failf(o.input, "%w feed: %v", ErrMalformed, err))
	}
	// The site's own link names the outlet better than the host serving
	// the feed (feeds.example.com) or a file name.
	source := o.source
	if s := hostSource(f.Link); s != "" {
		source = s
	}
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := send(r.feedItem(ctx, o, source, i+1, it)); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) feedItem(ctx context.Context, feed origin, source string, n int, it *gofeed.Item) Item {
	o := origin{
		input:  fmt.Sprintf("%s#%d", feed.input, n),
		ref:    fmt.Sprintf("%s#%d", feed.ref, n),
		source: source,
		title:  strings.TrimSpace(it.Title),
	}
	switch {
	case it.PublishedParsed != nil:
		o.published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		o.published = *it.UpdatedParsed
	}
	link := itemLink(feed.url, it)
	if link != "" {
		o.ref, o.url = link, link
		if s := hostSource(link); s != "" {
			o.source = s
		}
	}
	content := strings.TrimSpace(it.Content)
	desc := strings.TrimSpace(it.Description)
	if content != "" {
		return Item{Input: o.input, Doc: feedDoc(o, content, nil)}
	}
	if link == "" || textLen(desc) >= summaryLen {
		if desc == "" {
			return Item{Input: o.input, Skip: SkipEmpty}
		}
		return Item{Input: o.input, Doc: feedDoc(o, desc, nil)}
	}

	// Only a teaser: the article is on the linked page.
	p, final, err := r.fetchPage(ctx, link)
	if err == nil && p.skip == "" {
		o.url = final
		if s := hostSource(final); s != "" {
			o.source = s
		}
		return Item{Input: o.input, Doc: o.doc(p.kind.format(), p.body, p.warnings)}
	}
	if err == nil {
		err = fmt.Errorf("the page is %s", p.skip)
	}
	if desc == "" {
		return failf(o.input, "fetching %s: %w", link, err)
	}
	// The summary is the outlet's own words, worth more than nothing;
	// the warning keeps the gap visible.
	warn := fmt.Sprintf("could not fetch the full article from %s (%v): using the feed's summary", link, err)
	return Item{Input: o.input, Doc: feedDoc(o, desc, []string{warn})}
}

// itemLink returns the item's absolute link, resolved against the feed's URL
// when relative.
func itemLink(feedURL string, it *gofeed.Item) string {
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		base, err := url.Parse(feedURL)
		if err != nil || feedURL == "" {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if !isURL(u.String()) {
		return ""
	}
	return u.String()
}

// feedDoc makes a document of an item's content or description, which
// feeds carry as HTML; one without a single tag is taken as text.
func feedDoc(o origin, s string, warnings []string) *crosscheck.Doc {
	format := crosscheck.FormatText
	if htmlTag.MatchString(s) {
		format = crosscheck.FormatHTML
	} else {
		s = html.UnescapeString(s)
	}
	body := bytes.ToValidUTF8([]byte(s), []byte("\uFFFD"))
	return o.doc(format, body, warnings)
}

// textLen counts the characters of text in an HTML fragment, not counting
// tags or runs of white space.
func textLen(fragment string) int {
	z := html.NewTokenizer(strings.NewReader(fragment))
	n := 0
	space := true
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.TextToken:
			for _, c := range string(z.Text()) {
				if unicode.IsSpace(c) {
					if !space {
						n++
					}
					space = true
					continue
				}
				n++
				space = false
			}
		}
	}
}
