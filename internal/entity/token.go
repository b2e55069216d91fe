package entity

import (
	"unicode"
	"unicode/utf8"
)

// tokKind tells words from numbers and punctuation.
type tokKind uint8

const (
	tkWord tokKind = iota
	tkNum
	tkPunct
)

// tokFlag describes the shape of a word.
type tokFlag uint16

const (
	tfCap       tokFlag = 1 << iota // first letter upper case
	tfLower                         // first letter lower case
	tfUpper                         // two or more letters, none lower case
	tfInitial                       // one capital and a dot: "A."
	tfPoss                          // followed by a possessive: 's, ’s, ’
	tfLowerTail                     // capitalised, with a lower-case part after a hyphen: "Polish-born"
	tfAbbrev                        // kept its final dot: "Dec.", "U.S."
	tfDigit                         // holds a digit
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	s, e  int32 // byte range in the sentence, without any possessive ending
	kind  tokKind
	flags tokFlag
	r     rune // the mark, for punctuation
}

func (t token) has(f tokFlag) bool { return t.flags&f != 0 }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isJoiner(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '.' || isApostrophe(r)
}

// tokenize appends the tokens of text to dst. It never fails: any byte
// sequence yields some tokens, and invalid UTF-8 is treated as punctuation.
func tokenize(text string, dst []token) []token {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			dst = append(dst, token{s: int32(i), e: int32(i + n), kind: tkPunct, r: r})
			i += n
			continue
		}
		start := i
		j := i + n
		prev := r
		dots := 0
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				prev = r2
				continue
			}
			if !isJoiner(r2) || !isWordRune(prev) {
				break
			}
			r3, n3 := utf8.DecodeRuneInString(text[j+n2:])
			if !isWordRune(r3) {
				break
			}
			if isApostrophe(r2) && (r3 == 's' || r3 == 'S') {
				r4, _ := utf8.DecodeRuneInString(text[j+n2+n3:])
				if !isWordRune(r4) {
					break // possessive, handled below
				}
			}
			if r2 == '.' {
				// Dots join letters ("Lenta.ru", "U.S") or digits ("3.5"),
				// not a word and a number ("Dec.14").
				if unicode.IsDigit(prev) != unicode.IsDigit(r3) {
					break
				}
				dots++
			}
			j += n2 + n3
			prev = r3
		}
		t := token{s: int32(start), e: int32(j), kind: tkWord}
		word := text[start:j]
		shapeWord(&t, word)
		// A final dot belongs to initials, dotted acronyms and known
		// abbreviations; otherwise it ends the sentence.
		if j < len(text) && text[j] == '.' {
			single := utf8.RuneCountInString(word) == 1 && t.has(tfCap)
			if single || (dots > 0 && dottedLetters(word)) || isAbbrev(word) {
				t.e++
				j++
				t.flags |= tfAbbrev
				if single {
					t.flags |= tfInitial
				}
			}
		}
		// Possessives: "Lukashenko's", "Belarus’s", "Belarus’".
		next := j
		if j < len(text) && t.flags&tfAbbrev == 0 {
			ra, na := utf8.DecodeRuneInString(text[j:])
			if isApostrophe(ra) {
				rb, nb := utf8.DecodeRuneInString(text[j+na:])
				switch {
				case rb == 's' || rb == 'S':
					rc, _ := utf8.DecodeRuneInString(text[j+na+nb:])
					if !isWordRune(rc) {
						t.flags |= tfPoss
						next = j + na + nb
					}
				case (prev == 's' || prev == 'S') && !isWordRune(rb):
					t.flags |= tfPoss
					next = j + na
				}
			}
		}
		dst = append(dst, t)
		i = next
	}
	return dst
}

// shapeWord sets the case flags of a word token.
func shapeWord(t *token, word string) {
	first := true
	lower, upperN := false, 0
	afterHyphen := false
	for _, r := range word {
		if first {
			first = false
			switch {
			case unicode.IsDigit(r):
				t.kind = tkNum
			case unicode.IsUpper(r) || unicode.IsTitle(r):
				t.flags |= tfCap
			case unicode.IsLower(r):
				t.flags |= tfLower
			}
		}
		switch {
		case unicode.IsDigit(r):
			t.flags |= tfDigit
		case unicode.IsUpper(r):
			upperN++
		case unicode.IsLower(r):
			lower = true
			if afterHyphen {
				t.flags |= tfLowerTail
			}
		}
		afterHyphen = r == '-' || r == '‐' || r == '‑'
	}
	if t.flags&tfCap == 0 {
		t.flags &^= tfLowerTail
	}
	if !lower && upperN >= 2 {
		t.flags |= tfUpper
	}
}

// dottedLetters reports whether word is single letters joined by dots: U.S
func dottedLetters(word string) bool {
	n := 0
	for _, r := range word {
		if r == '.' {
			if n != 1 {
				return false
			}
			n = 0
			continue
		}
		n++
	}
	return n == 1
}

// isAbbrev reports whether word is a common abbreviation that keeps its dot.
func isAbbrev(word string) bool {
	if len(word) > 5 {
		return false
	}
	var b [5]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(word)]) {
	case "st", "dr", "mr", "mrs", "ms", "gen", "col", "lt", "sgt", "sen", "rep",
		"gov", "prof", "jr", "sr", "mt", "ft", "capt", "maj", "adm", "rev", "hon",
		"pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "vs", "inc", "corp", "ltd", "co", "no":
		return true
	}
	return false
}
