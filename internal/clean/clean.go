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
	if a.Title == "" && len(a.Headings) > 0 && a.Headings[0].Start == 0 {
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

// assemble lays the paragraphs and sub-headings out as the article text,
// moves sub-headings that lost their line break out of their sentence, and
// splits the body paragraphs into sentences.
func assemble(a *crosscheck.Article, l layout) {
	var b strings.Builder
	runes := 0
	var bodies [][2]int // code-point ranges of body paragraphs
	add := func(p string, heading bool) {
		if p = strings.TrimSpace(p); p == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
			runes += 2
		}
		n := utf8.RuneCountInString(p)
		if heading {
			a.Headings = append(a.Headings, crosscheck.Heading{Text: p, Start: runes, End: runes + n})
		} else {
			bodies = append(bodies, [2]int{runes, runes + n})
		}
		b.WriteString(p)
		runes += n
	}
	next := 0 // next heading of l.headings to place
	for i, p := range l.paras {
		for next < len(l.headings) && l.headings[next].para == i {
			add(l.headings[next].text, true)
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
			add(p[:cut], false)
			add(p[cut:cut+n], true)
			p = p[cut+n:]
		}
		add(p, false)
	}
	for ; next < len(l.headings); next++ {
		a.Removed = append(a.Removed, l.headings[next].text)
	}
	a.Text = b.String()
	a.Sentences = []crosscheck.Sentence{}
	if len(bodies) > 0 {
		// Sentences of the whole text, keeping only those inside body
		// paragraphs: headings are citable text but not sentences.
		k := 0
		for _, s := range Sentences(a.Text) {
			for k < len(bodies) && bodies[k][1] <= s.Start {
				k++
			}
			if k < len(bodies) && s.Start >= bodies[k][0] && s.End <= bodies[k][1] {
				a.Sentences = append(a.Sentences, s)
			}
		}
	}
	a.Removed = append(a.Removed, l.removed...)
	if a.Headings == nil {
		a.Headings = []crosscheck.Heading{}
	}
	if a.Removed == nil {
		a.Removed = []string{}
	}
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

// Body returns the text a reader of the page saw, sub-headings included.
func Body(a *crosscheck.Article) string { return a.Text }
