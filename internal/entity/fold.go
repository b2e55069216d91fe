package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps non-ASCII letters to their lower-case, accent-free ASCII
// spelling: é→e, ł→l, ß→ss, and Cyrillic letters to a plain transliteration,
// so that "Počobut", "POCOBUT" and "Почобут" compare as spellings of one name.
// It is built once and only read afterwards.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	t := make(map[rune]string, 1200)
	special := map[rune]string{
		'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
		'þ': "th", 'ı': "i", 'ħ': "h", 'ŋ': "n", 'ŧ': "t", 'ſ': "s", 'ĸ': "k",
	}
	add := func(r rune) {
		if rep, ok := special[unicode.ToLower(r)]; ok {
			t[r] = rep
			return
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if d < utf8.RuneSelf && unicode.IsLetter(d) {
				b.WriteRune(d)
			}
		}
		if b.Len() > 0 {
			t[r] = b.String()
		}
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if unicode.IsLetter(r) {
			add(r)
		}
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		if unicode.IsLetter(r) {
			add(r)
		}
	}
	cyr := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
		'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i",
		'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u", 'ј': "j", 'љ': "lj", 'њ': "nj",
		'ћ': "c", 'ђ': "dj", 'џ': "dz", 'ѓ': "g", 'ќ': "k", 'ѕ': "dz",
	}
	for lo, rep := range cyr {
		t[lo] = rep
		t[unicode.ToUpper(lo)] = rep
	}
	return t
}

// appendFold appends the folded form of s to dst: lower case, accents
// removed, Cyrillic transliterated. Other characters are kept lower-cased.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '’' || r == 'ʼ' || r == '‘' {
			dst = append(dst, '\'')
			continue
		}
		if rep, ok := foldTable[r]; ok {
			dst = append(dst, rep...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Fold returns the folded form of s: lower case, accents removed, Cyrillic
// transliterated, so that spellings compare as the entities do.
func Fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)+4), s))
}

// appendNormKey appends the comparison key of a name: its folded form with
// every run of characters other than letters and digits turned into one
// space, and no leading or trailing space. "Agence France-Presse" and
// "agence france presse" share a key; so do "Lenta.ru" and "lenta ru".
func appendNormKey(dst []byte, s string) []byte {
	start := len(dst)
	dst = appendFold(dst, s)
	out := start
	space := false
	for i := start; i < len(dst); {
		c := dst[i]
		if c < utf8.RuneSelf {
			i++
			if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
				if space && out > start {
					dst[out] = ' '
					out++
				}
				space = false
				dst[out] = c
				out++
			} else if c != '\'' {
				// Apostrophes vanish ("O'Brien" = "OBrien"); other marks separate.
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRune(dst[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && out > start {
				dst[out] = ' '
				out++
			}
			space = false
			out += copy(dst[out:], dst[i:i+n])
		} else {
			space = true
		}
		i += n
	}
	return dst[:out]
}

// normKey returns the comparison key of s; see appendNormKey.
func normKey(s string) string {
	return string(appendNormKey(make([]byte, 0, len(s)+4), s))
}
