package clean

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold maps typographic variants to one form, so that later stages compare
// "Lukashenko’s" and "Lukashenko's", or “quotes” and "quotes", as equal.
var fold = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': `"`, '\u201D': `"`, '\u201E': `"`, '\u201F': `"`, '\u2033': `"`,
	'\u00AB': `"`, '\u00BB': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-",
	'\u2015': "-", '\u2212': "-",
	'\u2026': "...",
	'\u00A0': " ", '\u2007': " ", '\u202F': " ", '\u2009': " ", '\u200A': " ",
	'\u2002': " ", '\u2003': " ", '\u2004': " ", '\u2005': " ", '\u2006': " ",
	'\u2008': " ", '\u205F': " ", '\u3000': " ", '\t': " ", '\v': " ", '\f': " ",
	'\u200B': "", '\u200C': "", '\u200D': "", '\u2060': "", '\uFEFF': "",
	'\u00AD': "", '\r': "",
}

// Normalize returns s in NFC with quotes, dashes, ellipses and spaces folded
// to plain forms, control characters dropped, runs of spaces collapsed and
// every line trimmed. Line breaks are kept: they carry paragraph structure.
func Normalize(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	lineStart := true
	for _, r := range s {
		if r > ' ' && r < 0x7f { // the common case: printable ASCII
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(byte(r))
			lineStart = false
			continue
		}
		if rep, ok := fold[r]; ok {
			if rep == " " {
				space = !lineStart
				continue
			}
			if rep == "" {
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(rep)
			lineStart = false
			continue
		}
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
			space, lineStart = false, true
		case r == ' ':
			space = !lineStart
		case unicode.IsControl(r):
			// dropped
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
			lineStart = false
		}
	}
	return b.String()
}
