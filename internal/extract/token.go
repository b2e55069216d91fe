package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	word  tokKind = iota // letters, possibly with digits, inner apostrophes and dots
	num                  // digits with inner separators, an exponent and a letter suffix
	punct                // one rune of anything else
)

// token is one unit of a sentence. Offsets are bytes into the sentence text;
// the pattern code walks tokens, never the raw text, so each sentence is
// scanned once.
type token struct {
	s, e  int
	kind  tokKind
	sp    bool   // preceded by white space or the start of the sentence
	upper bool   // a word that starts with an upper-case letter
	nd    uint16 // for num: the length of the numeric part
	lx    uint16 // for word: lexical flags
	text  string // as written
	low   string // lower case
}

// digits returns the numeric part of a num token.
func (t *token) digits() string { return t.text[:t.nd] }

// suffix returns the letters glued to the end of a num token, in lower case
// ("th", "s", "bn").
func (t *token) suffix() string { return t.low[t.nd:] }

// isQuoteMark reports whether r is a double quotation mark of any style.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// tokenize appends the tokens of s to toks. It never fails: any rune it does
// not know is a punct token of its own.
func tokenize(toks []token, s string) []token {
	base := len(toks)
	sp := true
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			sp = true
			i += n
			continue
		case unicode.IsLetter(r):
			j := scanWord(s, i)
			t := token{s: i, e: j, kind: word, sp: sp, text: s[i:j], upper: unicode.IsUpper(r)}
			t.low = strings.ToLower(t.text)
			t.lx = lexFlags[t.low]
			toks = append(toks, t)
			i = j
		case r >= '0' && r <= '9':
			j, k := scanNumber(s, i)
			if j-i > 1000 {
				j, k = i+1000, i+1000 // an absurd run of digits is cut, not counted
			}
			t := token{s: i, e: k, kind: num, sp: sp, text: s[i:k], nd: uint16(j - i)}
			t.low = strings.ToLower(t.text)
			toks = append(toks, t)
			i = k
		case (r == '\'' || r == '’') && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') &&
			(i+n+1 == len(s) || !isLetterAt(s, i+n+1)) && len(toks) > base && !sp:
			// The possessive 's stands alone so that names end before it.
			toks = append(toks, token{s: i, e: i + n + 1, kind: word, text: s[i : i+n+1], low: "'s"})
			i += n + 1
		default:
			t := token{s: i, e: i + n, kind: punct, sp: sp, text: s[i : i+n]}
			t.low = t.text
			toks = append(toks, t)
			i += n
		}
		sp = false
	}
	return toks
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// scanWord returns the end of the word that starts at i. Letters and digits
// run together ("Ok16"); an apostrophe or a dot continues the word only when
// a letter follows ("O'Brien", "Lenta.ru"), but never as a possessive 's.
func scanWord(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += n
		case (r == '\'' || r == '’' || r == '.') && i+n < len(s) && isLetterAt(s, i+n):
			if r != '.' && (s[i+n] == 's' || s[i+n] == 'S') && (i+n+1 == len(s) || !isLetterAt(s, i+n+1)) {
				return i
			}
			i += n
		default:
			return i
		}
	}
	return i
}

// scanNumber returns the end of the numeric part and the end of the token
// that starts at i: digits with inner ',' or '.' between digits, an optional
// exponent, then any letters glued to the end.
func scanNumber(s string, i int) (int, int) {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			j++
		case (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			j++
		case (c == 'e' || c == 'E') && j+1 < len(s):
			k := j + 1
			if s[k] == '+' || s[k] == '-' {
				k++
			}
			if k < len(s) && s[k] >= '0' && s[k] <= '9' {
				j = k
				continue
			}
			return j, scanSuffix(s, j)
		default:
			return j, scanSuffix(s, j)
		}
	}
	return j, j
}

func scanSuffix(s string, j int) int {
	k := j
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += n
	}
	return k
}

// attached reports whether toks[i] is glued to the token before it.
func attached(toks []token, i int) bool { return i > 0 && i < len(toks) && !toks[i].sp }

// is reports whether toks[i] exists and its lower-case text is one of ws.
func is(toks []token, i int, ws ...string) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	for _, w := range ws {
		if toks[i].low == w {
			return true
		}
	}
	return false
}

// isPunct reports whether toks[i] is a punct token with one of the given texts.
func isPunct(toks []token, i int, ps ...string) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != punct {
		return false
	}
	for _, p := range ps {
		if toks[i].text == p {
			return true
		}
	}
	return false
}

// isWord reports whether toks[i] exists and is a word.
func isWord(toks []token, i int) bool { return i >= 0 && i < len(toks) && toks[i].kind == word }

// isBoundary reports whether a punct token ends a clause for the purpose of
// walking from a verb to its subject.
func isBoundary(t token) bool {
	if t.kind != punct {
		return false
	}
	switch t.text {
	case ",", ";", ":", "(", ")", "[", "]", "—", "–", "!", "?":
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return isQuoteMark(r)
}
