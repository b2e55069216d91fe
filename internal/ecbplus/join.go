package ecbplus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Join rebuilds running text from tokens: no space before closing
// punctuation and clitics ("Reid 's" becomes "Reid's"), none after opening
// brackets and quotes, none inside times, dates and ratios ("4 : 59",
// "8 / 2 / 2013") or hyphenated words, and Penn Treebank quotes (two backquotes,
// two apostrophes) turned into typographic ones.
func Join(tokens []string) string {
	var b strings.Builder
	open := false // inside a straight double quote
	glue := true  // no space before the next token
	for i, t := range tokens {
		if t == "" {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = tokens[i-1]
		}
		if i+1 < len(tokens) {
			next = tokens[i+1]
		}
		before, after := !glue, true
		switch {
		case t == "``" || t == "“":
			t, after = "“", false
		case t == "''" || t == "”":
			t, before = "”", false
		case t == `"`:
			if open {
				before = false
			} else {
				after = false
			}
			open = !open
		case t == "‘" || t == "(" || t == "[" || t == "{" || t == "$":
			after = false
		case t == "'" || t == "’":
			before = false
			if isClitic(next) {
				after = false
			}
		case isClitic(t) && (strings.HasPrefix(t, "'") || strings.HasPrefix(t, "’")) || t == "n't" || t == "n’t":
			before = false
		case strings.Trim(t, ",.;:!?)]}%…") == "":
			before = false
			switch {
			case t == ":" && isDigits(prev) && len(prev) <= 2 && next != "" && next[0] >= '0' && next[0] <= '9',
				t == "." && isDigits(prev) && isDigits(next),
				t == "," && isDigits(prev) && len(next) == 3 && isDigits(next):
				after = false
			}
		case t == "/" && isDigits(prev) && isDigits(next):
			before, after = false, false
		case t == "-" && isWord(prev) && isWord(next) && !isFunctionWord(next):
			before, after = false, false
		}
		if before && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		glue = !after
	}
	return b.String()
}

// isClitic reports whether t is the tail of a contraction or possessive,
// with or without its apostrophe.
func isClitic(t string) bool {
	t = strings.TrimLeft(t, "'’")
	switch strings.ToLower(t) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

func isDigits(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return t != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isFunctionWord reports the words that follow a spaced dash rather than a
// hyphen: "California - the same facility".
func isFunctionWord(t string) bool {
	switch strings.ToLower(t) {
	case "the", "a", "an", "and", "but", "or", "which", "who", "he", "she", "it", "they",
		"we", "i", "as", "in", "on", "at", "of", "for", "to", "with", "not", "this", "that":
		return true
	}
	return false
}
