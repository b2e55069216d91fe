package names

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits that keep junk input cheap: longer names are cut, extra words are
// ignored.
const (
	maxInput = 512
	maxRaw   = 24
	maxTok   = 12
	maxRunes = 32
)

// rawTok is one word of a name after transcription into lower-case Latin.
type rawTok struct {
	s        string
	dotted   bool // followed by a full stop: an initial or an abbreviation
	caps     bool // written in capitals
	comma    bool // followed by a comma
	rules    uint32
	nonLatin bool // holds letters of a script without transcription
	paren    bool // inside parentheses: a qualifier such as "(Schweiz)"
	hyphen   bool // followed by a hyphen: "France-Presse", "Co-operation"
}

// tokenizer state for one name; spans index into buf.
type span struct {
	start, end int
	dotted     bool
	upper      int
	lower      int
	digits     int
	comma      bool
	rules      uint32
	nonLatin   bool
	paren      bool
	hyphen     bool
}

// tokenize splits s into words transcribed to lower-case Latin. org keeps
// "&" as the word "and" and digits as words.
func tokenize(s string, org bool, out []rawTok) []rawTok {
	if len(s) > maxInput {
		cut := maxInput
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	ascii := isASCII(s)
	lang := cyrRussian
	if !ascii {
		s = norm.NFC.String(s)
		lang = cyrLanguage(s)
	}
	var arr [256]byte
	buf := arr[:0]
	var spans [maxRaw]span
	ns := 0
	cur := span{start: 0}
	open := false
	var prev rune // previous lower-case source rune in the word
	var base rune // previous base (non-mark) rune
	pendingDouble := false
	depth := 0
	end := func() {
		if open {
			cur.end = len(buf)
			if cur.end > cur.start && ns < maxRaw {
				spans[ns] = cur
				ns++
			}
		}
		open = false
		prev = 0
		pendingDouble = false
	}
	begin := func() {
		if !open {
			cur = span{start: len(buf), paren: depth > 0}
			open = true
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case c >= 'a' && c <= 'z':
				begin()
				cur.lower++
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				begin()
				cur.upper++
				buf = append(buf, c+'a'-'A')
			case c >= '0' && c <= '9':
				begin()
				cur.digits++
				buf = append(buf, c)
			case c == '\'' || c == '`':
				// O'Brien, Mu'tassim, Cho'ng: one word.
			case c == '.':
				if open {
					cur.dotted = true
				}
				end()
			case c == ',':
				if open {
					cur.comma = true
					end()
				} else if ns > 0 {
					spans[ns-1].comma = true
				}
			case c == '(' || c == '[':
				end()
				depth++
			case c == ')' || c == ']':
				end()
				if depth > 0 {
					depth--
				}
			case c == '-':
				if open {
					cur.hyphen = true
				}
				end()
			case c == '&' && org:
				end()
				begin()
				cur.lower = 3
				buf = append(buf, "and"...)
				end()
			default:
				end()
			}
			prev, base = r, r
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			if isSkippedMark(r, base) {
				continue
			}
			begin()
			cur.nonLatin = true
			buf = utf8.AppendRune(buf, r)
			continue
		}
		switch r {
		case '\u2019', '\u2018', '\u02bc', '\u02bb', '\u00b4', '\u200c', '\u200d', '\u00ad', '\u200b':
			continue // apostrophes, joiners, soft hyphen
		}
		lr := r
		if unicode.IsUpper(r) {
			lr = unicode.ToLower(r)
		}
		base = lr
		var t string
		var ok bool
		switch {
		case lr >= 0x400 && lr < 0x530:
			if _, known := cyrillic[lr]; known {
				t, ok = translitCyrillic(lr, prev, lang), true
			}
		case lr == 'υ' && (prev == 'ο' || prev == 'α' || prev == 'ε'):
			t, ok = "u", true
			if prev != 'ο' {
				t = "v"
			}
		case lr == 'ւ' && prev == 'ո':
			// Armenian ու is u; drop the o written before it.
			if n := len(buf); open && n > cur.start && buf[n-1] == 'o' {
				buf = buf[:n-1]
			}
			t, ok = "u", true
		case lr == 'ッ' || lr == 'っ':
			pendingDouble = true
			prev = lr
			continue
		case lr == 'ー':
			continue
		default:
			t, ok = fold(lr)
		}
		if ok {
			begin()
			switch {
			case lr < 0x250 || lr >= 0x1E00 && lr < 0x1F00:
				cur.rules |= ruleFold
			case lr >= 0x30A0 && lr < 0x3100 || lr >= 0x3040 && lr < 0x30A0:
				cur.rules |= ruleTranslit
				buf = appendKana(buf, cur.start, t, pendingDouble)
				pendingDouble = false
				t = ""
			case lr >= 0x600 && lr < 0x700:
				cur.nonLatin = true
			default:
				cur.rules |= ruleTranslit
			}
			if r != lr {
				cur.upper++
			} else {
				cur.lower++
			}
			buf = append(buf, t...)
			prev = lr
			continue
		}
		if unicode.IsLetter(r) || unicode.Is(unicode.Mc, r) {
			begin()
			cur.nonLatin = true
			cur.lower++
			buf = utf8.AppendRune(buf, lr)
			prev = lr
			continue
		}
		end()
		prev = r
	}
	end()
	str := string(buf)
	for i := 0; i < ns; i++ {
		sp := spans[i]
		t := rawTok{
			s:        str[sp.start:sp.end],
			dotted:   sp.dotted,
			caps:     sp.upper > 0 && sp.lower == 0,
			comma:    sp.comma,
			rules:    sp.rules,
			nonLatin: sp.nonLatin,
			paren:    sp.paren,
			hyphen:   sp.hyphen,
		}
		if sp.digits > 0 {
			if sp.upper+sp.lower == 0 {
				if !org {
					continue // numbers are not part of a person's name
				}
			} else if !org {
				t.s = leet(t.s)
				t.rules |= ruleLeet
			}
		}
		out = append(out, t)
	}
	return out
}

// appendKana appends a kana syllable, combining small kana with the syllable
// before them (キャ kya, フィ fi) and doubling after a small tsu.
func appendKana(buf []byte, start int, syl string, double bool) []byte {
	if len(syl) > 1 && syl[0] == '_' {
		v := syl[1:]
		n := len(buf)
		if n > start && (v == "ya" || v == "yu" || v == "yo") && buf[n-1] == 'i' {
			// shi+ya → sha, ki+ya → kya
			if n-start >= 2 && (buf[n-2] == 'h' || buf[n-2] == 'j') {
				return append(buf[:n-1], v[1])
			}
			return append(buf[:n-1], v...)
		}
		if n > start && len(v) == 1 && isVowel(buf[n-1]) {
			return append(buf[:n-1], v...)
		}
		return append(buf, v...)
	}
	if double && syl != "" && !isVowel(syl[0]) {
		buf = append(buf, syl[0])
	}
	return append(buf, syl...)
}

// leet reads digits inside a word as the letters they stand for (Ig0r, S3rgei).
func leet(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch c {
		case '0':
			b[i] = 'o'
		case '1':
			b[i] = 'i'
		case '3':
			b[i] = 'e'
		case '4':
			b[i] = 'a'
		case '5':
			b[i] = 's'
		case '7':
			b[i] = 't'
		case '8':
			b[i] = 'b'
		case '9':
			b[i] = 'g'
		}
	}
	return string(b)
}
