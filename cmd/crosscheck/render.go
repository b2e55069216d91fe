package main

import (
	"encoding/json"
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
	// Paragraphs that are sub-headings are marked as such.
	headings := map[int]bool{}
	for _, h := range a.Headings {
		headings[h.Start] = true
	}
	runes := 0
	for _, p := range strings.Split(a.Text, "\n\n") {
		switch {
		case headings[runes]:
			fmt.Fprintf(w, "### %s\n\n", mdEscape.Replace(p))
		case strings.TrimSpace(p) != "":
			fmt.Fprintf(w, "%s\n\n", mdEscape.Replace(p))
		}
		runes += utf8.RuneCountInString(p) + 2
	}
	if len(a.Removed) > 0 {
		fmt.Fprintf(w, "<details><summary>removed by cleaning (%d)</summary>\n\n", len(a.Removed))
		for _, r := range a.Removed {
			fmt.Fprintf(w, "- %s\n", mdEscape.Replace(r))
		}
		fmt.Fprint(w, "\n</details>\n\n")
	}
}

// writeJSON writes v as indented JSON: the one form every listing and
// document takes on stdout.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
