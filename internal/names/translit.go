package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lowTable maps a lower-case rune below lowLimit (Latin with diacritics,
// Greek, Cyrillic) to its Latin transcription; "" with lowKnown unset means
// the rune has no entry. Runes above the limit use highTable. Both are filled
// once at init and only read afterwards.
const lowLimit = 0x530

var (
	lowTable  [lowLimit]string
	lowKnown  [lowLimit]bool
	highTable = map[rune]string{}
)

// Latin letters that Unicode decomposition does not reduce to ASCII, or that
// news romanisations spell with a digraph (č is "ch" in English renderings of
// Slavic names, not "c").
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "dj", 'ð': "d",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŋ': "ng", 'ĸ': "k", 'ŀ': "l", 'ſ': "s",
	'č': "ch", 'š': "sh", 'ž': "zh", 'ć': "ch", 'ş': "sh", 'ș': "sh",
	'ţ': "ts", 'ț': "ts", 'ż': "zh", 'ř': "r", 'ə': "a", 'ǆ': "dzh", 'ǉ': "lj",
	'ǌ': "nj", 'ĳ': "ij",
}

// Cyrillic (Russian, Belarusian, Ukrainian, Serbian, Macedonian, Kazakh,
// Mongolian), after BGN/PCGN as the English-language press uses it. е, ё, г
// and и depend on the position and on the language; translitCyrillic handles
// them.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i",
	'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u", 'ђ': "dj", 'ј': "j", 'љ': "lj",
	'њ': "nj", 'ћ': "ch", 'џ': "dzh", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h",
}

var greek = map[rune]string{
	'α': "a", 'ά': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'έ': "e",
	'ζ': "z", 'η': "i", 'ή': "i", 'θ': "th", 'ι': "i", 'ί': "i", 'ϊ': "i",
	'ΐ': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o",
	'ό': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'ύ': "y", 'ϋ': "y", 'ΰ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	'ώ': "o",
}

var armenian = map[rune]string{
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e",
	'ը': "y", 'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts",
	'կ': "k", 'հ': "h", 'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y",
	'ն': "n", 'շ': "sh", 'ո': "o", 'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r",
	'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r", 'ց': "ts", 'ւ': "v", 'փ': "p",
	'ք': "k", 'օ': "o", 'ֆ': "f", 'և': "ev",
}

var georgian = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z",
	'თ': "t", 'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o",
	'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p",
	'ქ': "k", 'ღ': "gh", 'ყ': "q", 'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz",
	'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j", 'ჰ': "h",
}

// katakana in Hepburn, from ァ (U+30A1) to ヶ (U+30F6); hiragana is the same
// table shifted by 0x60. Small kana start with "_" and combine with the
// syllable before them.
var katakana = strings.Fields(`
_a a _i i _u u _e e _o o ka ga ki gi ku gu ke ge ko go sa za shi ji su zu se ze so zo
ta da chi ji _tsu tsu zu te de to do na ni nu ne no ha ba pa hi bi pi fu bu pu he be pe
ho bo po ma mi mu me mo _ya ya _yu yu _yo yo ra ri ru re ro _wa wa i e o n vu _ka _ke`)

// arabicFold unifies Arabic and Persian letter variants so that same-script
// names compare on their letters; the script itself is kept.
var arabicFold = map[rune]string{
	'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا", 'ى': "ي", 'ی': "ي", 'ة': "ه",
	'ک': "ك", 'ـ': "",
}

func init() {
	for r := rune(0x80); r < lowLimit; r++ {
		if s, ok := latinSpecial[r]; ok {
			setFold(r, s)
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			setFold(r, asciiFold(r))
		}
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		if unicode.IsLower(r) {
			highTable[r] = asciiFold(r)
		}
	}
	for _, script := range []map[rune]string{cyrillic, greek, armenian, georgian} {
		for r, s := range script {
			setFold(r, s)
		}
	}
	for i, s := range katakana {
		highTable[rune(0x30A1+i)] = s
		highTable[rune(0x30A1+i-0x60)] = s
	}
	for r, s := range arabicFold {
		highTable[r] = s
	}
}

func setFold(r rune, s string) {
	if r < lowLimit {
		lowTable[r], lowKnown[r] = s, true
		return
	}
	highTable[r] = s
}

// asciiFold reduces a Latin letter with diacritics to its ASCII base letters.
func asciiFold(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		if d < 0x80 && (d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z') {
			b.WriteByte(byte(unicode.ToLower(d)))
		}
	}
	return b.String()
}

// fold returns the transcription of the lower-case rune r and whether it has
// one.
func fold(r rune) (string, bool) {
	if r < lowLimit {
		return lowTable[r], lowKnown[r]
	}
	s, ok := highTable[r]
	return s, ok
}

// Cyrillic languages change how г, и and е are written.
const (
	cyrRussian = iota
	cyrUkrainian
	cyrBelarusian
)

// cyrLanguage guesses the East Slavic language of s from the letters only
// Ukrainian (ї є ґ) or Belarusian (ў, or і without и) use.
func cyrLanguage(s string) int {
	var hasI, hasIi, hasU bool
	for _, r := range s {
		switch unicode.ToLower(r) {
		case 'ї', 'є', 'ґ':
			return cyrUkrainian
		case 'ў':
			hasU = true
		case 'і':
			hasI = true
		case 'и':
			hasIi = true
		}
	}
	switch {
	case hasU:
		return cyrBelarusian
	case hasI && hasIi:
		return cyrUkrainian
	case hasI:
		return cyrBelarusian
	}
	return cyrRussian
}

func isCyrVowel(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїєўъь", r)
}

// translitCyrillic transcribes the lower-case Cyrillic rune r; prev is the
// rune before it, a letter only inside a word.
func translitCyrillic(r, prev rune, lang int) string {
	switch r {
	case 'г':
		if lang != cyrRussian {
			return "h"
		}
	case 'и':
		if lang == cyrUkrainian {
			return "y"
		}
	case 'е':
		if lang != cyrUkrainian && (!unicode.IsLetter(prev) || isCyrVowel(prev)) {
			return "ye"
		}
	case 'ё':
		if !unicode.IsLetter(prev) || isCyrVowel(prev) {
			return "yo"
		}
	}
	s, _ := fold(r)
	return s
}

// isSkippedMark reports whether the combining mark r is dropped: marks on
// Latin, Greek and Cyrillic letters are diacritics, and Arabic and Hebrew
// vowel points are optional in writing. Marks in Indic and other scripts are
// vowels and are kept.
func isSkippedMark(r, base rune) bool {
	switch {
	case r >= 0x300 && r < 0x370:
		return true
	case r >= 0x591 && r <= 0x5C7, r >= 0x64B && r <= 0x65F, r == 0x670:
		return true
	}
	return base < lowLimit
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// abjadConsonants maps Arabic, Persian and Hebrew letters to the consonant
// classes of crossKey; "" drops the letter (vowel carriers, glides, h-like
// letters, and ج, which Latin variant forms turn into the glide i).
var abjadConsonants = map[rune]string{
	'ب': "b", 'پ': "b", 'ت': "t", 'ث': "t", 'ج': "", 'چ': "k", 'ح': "", 'خ': "",
	'د': "d", 'ذ': "d", 'ر': "r", 'ز': "s", 'ژ': "s", 'س': "s", 'ش': "s", 'ص': "s",
	'ض': "d", 'ط': "t", 'ظ': "s", 'ع': "", 'غ': "g", 'ف': "b", 'ق': "k", 'ك': "k",
	'ک': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "", 'و': "", 'ي': "",
	'ی': "", 'ى': "", 'ة': "", 'ا': "", 'ء': "", 'ئ': "", 'ؤ': "",
	'א': "", 'ב': "b", 'ג': "g", 'ד': "d", 'ה': "", 'ו': "", 'ז': "s", 'ח': "",
	'ט': "t", 'י': "", 'כ': "k", 'ך': "k", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n",
	'ן': "n", 'ס': "s", 'ע': "", 'פ': "b", 'ף': "b", 'צ': "s", 'ץ': "s", 'ק': "k",
	'ר': "r", 'ש': "s", 'ת': "t",
}

// crossKey returns the consonant classes of a word, for comparing a word
// written in an abjad (Arabic, Hebrew), where short vowels are not written,
// with a Latin one: vowels, glides and h dropped, labials as b, sibilants as
// s, k, q and hard c as k, repeats collapsed. ok is false when the word is
// in neither Latin nor an abjad.
func crossKey(buf []byte, w string) ([]byte, bool) {
	start := len(buf)
	add := func(c byte) {
		if len(buf) > start && buf[len(buf)-1] == c {
			return
		}
		buf = append(buf, c)
	}
	if isASCII(w) {
		for i := 0; i < len(w); i++ {
			switch c := w[i]; c {
			case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h', 'j':
			case 'p', 'f', 'v':
				add('b')
			case 'z', 'c':
				if c == 'c' && (i+1 == len(w) || !strings.ContainsRune("eiy", rune(w[i+1]))) {
					add('k')
				} else {
					add('s')
				}
			case 'q':
				add('k')
			default:
				add(c)
			}
		}
		return buf, true
	}
	// The Arabic article is written joined to the word: السيسي, al-Sisi.
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
		w = w[len("ال"):]
	}
	for _, r := range w {
		s, ok := abjadConsonants[r]
		if !ok {
			return buf[:start], false
		}
		if s != "" {
			add(s[0])
		}
	}
	return buf, true
}
