package dedup

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// article builds an Article from text with a small sentence splitter, which
// stands in for the clean stage in these tests.
func article(id, text string) *crosscheck.Article {
	return &crosscheck.Article{ID: id, Source: id, Text: text, Sentences: splitSentences(text)}
}

// splitSentences ends a sentence at a line break, or at ".", "!" or "?"
// (and any closing quotes) followed by a space. Offsets count code points.
func splitSentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	emit := func(i, j int) {
		s := text[i:j]
		trimmed := strings.TrimLeftFunc(s, unicode.IsSpace)
		i += len(s) - len(trimmed)
		s = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		if s == "" {
			return
		}
		start := utf8.RuneCountInString(text[:i])
		out = append(out, crosscheck.Sentence{Text: s, Start: start, End: start + utf8.RuneCountInString(s)})
	}
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '\n':
			emit(start, i)
			start = i
		case r == '.' || r == '!' || r == '?':
			for i < len(text) {
				q, m := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune("\"'\u201D\u2019)", q) {
					break
				}
				i += m
			}
			if next, _ := utf8.DecodeRuneInString(text[i:]); i == len(text) || unicode.IsSpace(next) {
				emit(start, i)
				start = i
			}
		}
	}
	emit(start, len(text))
	return out
}

// babble returns n words of made-up text, different for every seed, so that
// tests can build articles that share nothing by chance.
func babble(seed int64, n int) string {
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(syllables[r.IntN(len(syllables))])
		b.WriteString(syllables[r.IntN(len(syllables))])
		if r.IntN(3) == 0 {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if i%12 == 11 {
			b.WriteByte('.')
		}
	}
	b.WriteByte('.')
	return b.String()
}

var syllables = strings.Fields("ka lo mi nu pe ra si to vu za be do fi gu ha je ki lu mo ne pi ro su ta ve wi xo yu zi bra tre pli sko dru")
