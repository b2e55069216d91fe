package dedup

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one normalised word of an article's text.
type token struct {
	start, end int32 // byte offsets into the text
	h          uint32
}

// tokenizer holds scratch space so that tokenising many articles does not
// allocate per word.
type tokenizer struct {
	norm []byte
	nfd  []byte
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC' || r == '\u2018'
}

// tokens appends the words of text to dst. A word is a run of letters, digits
// and combining marks; an apostrophe inside a word ("don't", "Kyiv’s") and a
// comma or point between digits ("1,227", "2.5") belong to it, while hyphens,
// quotes and other punctuation separate words.
func (tz *tokenizer) tokens(text string, dst []token) []token {
	i := 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		prev := r
		for i < len(text) {
			r, n := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			if isWordRune(r) {
				i += n
				prev = r
				continue
			}
			if i+n < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				joins := isApostrophe(r) && isWordRune(next) ||
					(r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next)
				if joins {
					i += n + utf8.RuneLen(next)
					prev = next
					continue
				}
			}
			break
		}
		tz.norm = appendNorm(tz.norm[:0], text[start:i], &tz.nfd)
		dst = append(dst, token{start: int32(start), end: int32(i), h: hash32(tz.norm)})
	}
	return dst
}

// appendNorm appends the normalised form of the word w to dst: lower case,
// accents removed, apostrophes and digit-group commas dropped, and a final
// possessive "'s" cut off, so that "Lukashenko’s" and "Lukashenko" match.
func appendNorm(dst []byte, w string, nfd *[]byte) []byte {
	if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') {
		r, size := utf8.DecodeLastRuneInString(w[:n-1])
		if isApostrophe(r) {
			w = w[:n-1-size]
		}
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == ',':
			default:
				dst = append(dst, c)
			}
		}
		return dst
	}
	*nfd = norm.NFD.AppendString((*nfd)[:0], w)
	for _, r := range string(*nfd) {
		if unicode.Is(unicode.Mn, r) || isApostrophe(r) || r == ',' {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// normWords returns the normalised words of text; tests use it to show what
// the matcher compares.
func normWords(text string) []string {
	var tz tokenizer
	var out []string
	for _, t := range tz.tokens(text, nil) {
		out = append(out, string(appendNorm(nil, text[t.start:t.end], &tz.nfd)))
	}
	return out
}

const (
	fnv32Offset = 2166136261
	fnv32Prime  = 16777619
	fnv64Offset = 14695981039346656037
	fnv64Prime  = 1099511628211
)

func hash32(b []byte) uint32 {
	h := uint32(fnv32Offset)
	for _, c := range b {
		h ^= uint32(c)
		h *= fnv32Prime
	}
	return h
}

// shingle hashes the k word hashes starting at w[i].
func shingle(w []uint32, i, k int) uint64 {
	h := uint64(fnv64Offset)
	for _, x := range w[i : i+k] {
		h ^= uint64(x)
		h *= fnv64Prime
	}
	// The final mix spreads the low bits, which FNV leaves weak.
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}
