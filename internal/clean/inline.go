package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceStarters are capitalised function words that begin sentences.
// Met in the middle of a sentence right after a plain word, they show that
// a sub-heading lost its line break and was glued to the next sentence:
// "People released from prison According to Pool, ...".
var sentenceStarters = setOf(`According The An In On At After Before He She They It We This That
These Those There His Her Their Its Our When While Since But However Meanwhile Earlier Later
Today Yesterday Last During Despite Although Following Under For From With`)

// interrogatives begin question-shaped headings: "Who is X and Y".
var interrogatives = setOf(`Who What Why How Where When Which`)

// connectors cannot end a heading, since a heading never stops mid-phrase.
var connectors = setOf(`of the a an and or in on at to for from by with as that which who whose
de van von der la le da di del is are was were`)

// inlineHeading finds a sub-heading glued to the start of sentence s and
// returns the byte length of the heading part, or 0 when there is none.
func inlineHeading(s string) int {
	type tok struct {
		text       string
		start, end int
	}
	var buf [18]tok // a heading is short: only the first words matter
	toks := buf[:0]
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			toks = append(toks, tok{s[i:j], i, j})
		}
		i = j
		if len(toks) > 16 {
			break
		}
	}
	if len(toks) < 6 || !startsUpperOrDigit(toks[0].text) || strings.ContainsAny(toks[0].text, ",;:\"()") {
		return 0
	}
	question := interrogatives[toks[0].text] && !strings.Contains(s, "?")
	for i := 2; i < len(toks)-3 && i <= 12; i++ {
		prev := toks[i-1].text
		if strings.ContainsAny(toks[i-1].text, ",;:\"()") || connectors[strings.ToLower(prev)] {
			if strings.ContainsAny(prev, ",;:\"()") {
				return 0 // a heading has no inner punctuation
			}
			continue
		}
		cur := toks[i].text
		switch {
		case sentenceStarters[cur] && endsInLetter(prev):
			return toks[i].start
		case question && i >= 3 && startsUpper(cur) && startsLower(toks[i+1].text):
			return toks[i].start
		}
	}
	return 0
}

func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsInLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
