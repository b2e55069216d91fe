package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// mdEscape keeps hostile article text from turning into markup when the
// Markdown is rendered: angle brackets become literal characters.
var mdEscape = strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "`", "\\`")

// writeArticleMarkdown prints a cleaned article with its sub-headings
// marked, followed by what cleaning removed.
func writeArticleMarkdown(w io.Writer, a *crosscheck.Article) {
	fmt.Fprintf(w, "## %s\n\n", mdEscape.Replace(a.Title))
	meta := []string{"id " + a.ID, "ref " + a.Ref, "source " + a.Source, "language " + a.Language}
	if !a.Published.IsZero() {
		meta = append(meta, "published "+a.Published.Format("2006-01-02"))
	}
	if a.Author != "" {
		meta = append(meta, "by "+a.Author)
	}
	meta = append(meta, fmt.Sprintf("%d sentences", len(a.Sentences)))
	fmt.Fprintf(w, "_%s_\n\n", mdEscape.Replace(strings.Join(meta, " · ")))
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "> warning: %s\n\n", mdEscape.Replace(warn))
	}
	// Place each heading before the paragraph that starts at its offset.
	byteAt := runeToByte(a.Text)
	prev := 0
	for _, h := range a.Headings {
		at := byteAt(h.Offset)
		if at < prev {
			at = prev
		}
		writeParas(w, a.Text[prev:at])
		fmt.Fprintf(w, "### %s\n\n", mdEscape.Replace(h.Text))
		prev = at
	}
	writeParas(w, a.Text[prev:])
	if len(a.Removed) > 0 {
		fmt.Fprintf(w, "<details><summary>removed by cleaning (%d)</summary>\n\n", len(a.Removed))
		for _, r := range a.Removed {
			fmt.Fprintf(w, "- %s\n", mdEscape.Replace(r))
		}
		fmt.Fprint(w, "\n</details>\n\n")
	}
}

func writeParas(w io.Writer, text string) {
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(w, "%s\n\n", mdEscape.Replace(p))
		}
	}
}

// runeToByte returns a function from code-point offsets in s to byte
// offsets, for offsets given in increasing order or not.
func runeToByte(s string) func(int) int {
	return func(n int) int {
		if n <= 0 {
			return 0
		}
		i := 0
		for k := 0; k < n && i < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		return i
	}
}
