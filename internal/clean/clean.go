// Package clean turns a raw document into a clean article: the main text of
// an HTML page (through go-trafilatura), boilerplate lines stripped, inline
// sub-headings kept apart from the body, repeated lines dropped, Unicode
// normalised and sentences segmented with code-point offsets.
package clean

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/crosscheck/crosscheck"
)

// WarnNoMainText is the warning on a page where no article text was found,
// such as a login page.
const WarnNoMainText = "no main text"

// Options tune cleaning.
type Options struct {
	// Fallback lets the HTML extractor compare its result with readability
	// and distiller extractions: better recall, slower.
	Fallback bool
}

// Clean returns the clean article for d. It never fails on odd content: an
// article with no text is returned with a warning, so that the caller can
// store it and say so.
func Clean(d crosscheck.Doc, o Options) *crosscheck.Article {
	a := &crosscheck.Article{
		Ref:       d.Ref,
		URL:       d.URL,
		Source:    d.Source,
		Title:     Normalize(d.Title),
		Published: d.Published,
		Format:    d.Format,
		Raw:       string(d.Body),
		Warnings:  append([]string(nil), d.Warnings...),
	}
	var l layout
	switch d.Format {
	case crosscheck.FormatHTML:
		page := extractHTML(d.Body, d.URL, o)
		if a.Title == "" {
			a.Title = Normalize(page.title)
		}
		if a.Published.IsZero() {
			a.Published = page.published
		}
		a.Author = page.author
		l = structure(splitLines(Normalize(page.text)), lineOptions{html: true, headings: page.headings})
	default:
		l = structure(splitLines(Normalize(string(d.Body))), lineOptions{findTitle: a.Title == ""})
		if a.Title == "" {
			a.Title = l.title
		}
	}
	assemble(a, l)
	if a.Title == "" && len(a.Headings) > 0 && a.Headings[0].Offset == 0 {
		a.Title = a.Headings[0].Text
	}
	if a.Title == "" && len(a.Sentences) > 0 {
		a.Title = shorten(a.Sentences[0].Text, 120)
	}
	if strings.TrimSpace(a.Text) == "" || d.Format == crosscheck.FormatHTML && !hasProse(a.Sentences) {
		a.Warnings = append(a.Warnings, WarnNoMainText)
	}
	a.Language = Language(a.Text)
	sum := sha256.Sum256([]byte(a.Text))
	if a.Text == "" {
		sum = sha256.Sum256(d.Body)
	}
	a.ContentHash = hex.EncodeToString(sum[:])
	a.ID = a.ContentHash[:16]
	return a
}

// hasProse reports whether an extracted page has running text: at least one
// sentence of several words that ends like a sentence. Login forms and
// link lists do not.
func hasProse(ss []crosscheck.Sentence) bool {
	words := 0
	for _, s := range ss {
		n := len(strings.Fields(s.Text))
		words += n
		if n >= 6 && isParagraph(s.Text) && words >= 15 {
			return true
		}
	}
	return false
}

// splitLines splits normalised text into lines.
func splitLines(s string) []string {
	return strings.Split(s, "\n")
}

// assemble lays the paragraphs out as the article text, splits sentences,
// and moves sub-headings that lost their line break out of the body.
func assemble(a *crosscheck.Article, l layout) {
	var b strings.Builder
	runes := 0
	next := 0 // next heading of l.headings to place
	addHeading := func(text string) {
		a.Headings = append(a.Headings, crosscheck.Heading{Text: text, Offset: runes + sepRunes(b.Len())})
	}
	addPara := func(p string) {
		if p = strings.TrimSpace(p); p == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
			runes += 2
		}
		b.WriteString(p)
		runes += utf8.RuneCountInString(p)
	}
	for i, p := range l.paras {
		for next < len(l.headings) && l.headings[next].para == i {
			addHeading(l.headings[next].text)
			next++
		}
		// A sub-heading glued to a sentence inside the paragraph splits
		// the paragraph there.
		for {
			cut, n := -1, 0
			for _, r := range splitParagraph(p) {
				if n = inlineHeading(p[r[0]:r[1]]); n > 0 {
					cut = r[0]
					break
				}
			}
			if cut < 0 {
				break
			}
			addPara(p[:cut])
			addHeading(strings.TrimSpace(p[cut : cut+n]))
			p = p[cut+n:]
		}
		addPara(p)
	}
	for ; next < len(l.headings); next++ {
		a.Removed = append(a.Removed, l.headings[next].text)
	}
	a.Text = b.String()
	a.Sentences = Sentences(a.Text)
	a.Removed = append(a.Removed, l.removed...)
	if a.Headings == nil {
		a.Headings = []crosscheck.Heading{}
	}
	if a.Removed == nil {
		a.Removed = []string{}
	}
	if a.Sentences == nil {
		a.Sentences = []crosscheck.Sentence{}
	}
}

// sepRunes is the length of the paragraph break that will precede the next
// paragraph: a heading points at where that paragraph starts.
func sepRunes(written int) int {
	if written > 0 {
		return 2
	}
	return 0
}

// shorten cuts s to at most n runes at a word boundary.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > n {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		return s
	}
	return s[:cut] + "…"
}

// englishWords are frequent English function words. A text where they make
// up a large share of the words is English without asking the trigram
// model, which costs most of the time of cleaning a plain-text article.
var englishWords = setOf(`the of and to in a is was that for on with as by at from he she it
his her their they said has have had were be been are an which who will this not but after`)

// Language returns the ISO 639-1 code of the language of text, or "und"
// when the text is too short or the guess is unreliable.
func Language(text string) string {
	const sample = 1200 // bytes: plenty for a trigram guess
	if len(text) > sample {
		text = text[:sample]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	if utf8.RuneCountInString(text) < 20 {
		return "und"
	}
	words, common := 0, 0
	for _, w := range wordKeys(text) {
		words++
		if englishWords[w] {
			common++
		}
	}
	if words >= 8 && common*100 >= words*20 {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || info.Confidence < 0.1 {
		return "und"
	}
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	return "und"
}

// Body returns the article text with its sub-headings back in place, each
// on a line of its own: the text a reader of the page saw.
func Body(a *crosscheck.Article) string {
	if len(a.Headings) == 0 {
		return a.Text
	}
	var b strings.Builder
	runes, i := 0, 0
	for _, h := range a.Headings {
		for i < len(a.Text) && runes < h.Offset {
			_, size := utf8.DecodeRuneInString(a.Text[i:])
			b.WriteString(a.Text[i : i+size])
			i += size
			runes++
		}
		b.WriteString(h.Text)
		b.WriteString("\n\n")
	}
	b.WriteString(a.Text[i:])
	return b.String()
}
