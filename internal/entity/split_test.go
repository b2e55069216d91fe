package entity

import (
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// article builds an article from raw text with a tiny sentence splitter, for
// tests only, until the clean package supplies real sentences. It breaks at
// line ends and after . ! ? followed by a space and a capital, a digit or a
// quote, except after an initial or a short abbreviation.
func article(id, text string) *crosscheck.Article {
	a := &crosscheck.Article{ID: id, Text: text}
	rs := []rune(text)
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			a.Sentences = append(a.Sentences, crosscheck.Sentence{Text: string(rs[s:e]), Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			emit(i + 1)
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"”’')", rs[j]) {
			j++
		}
		if j >= len(rs) || rs[j] != ' ' {
			continue
		}
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k < len(rs) && !(unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k]) || strings.ContainsRune("\"“‘", rs[k])) {
			continue
		}
		if r == '.' {
			w := i
			for w > 0 && (unicode.IsLetter(rs[w-1]) || rs[w-1] == '.') {
				w--
			}
			word := string(rs[w:i])
			if len([]rune(word)) == 1 && unicode.IsUpper(rs[w]) {
				continue
			}
			switch word {
			case "Dec", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Mr", "Mrs", "Ms", "Dr", "St", "U.S", "Gen", "Sen":
				continue
			}
		}
		emit(j)
	}
	emit(len(rs))
	return a
}
