package names

import "strings"

// Rules that rewrite a name towards its variant form. Each bit names one rule
// so that a Result can say which ones made two spellings meet.
const (
	ruleTranslit uint32 = 1 << iota
	ruleFold
	ruleLeet
	ruleShch
	ruleSch
	rulePolish
	ruleKh
	rulePh
	ruleTh
	ruleCk
	ruleQ
	ruleX
	ruleW
	ruleYJ
	ruleTs
	ruleTsekanne
	ruleDzekanne
	ruleDj
	ruleGh
	ruleOu
	ruleOvU
	ruleAkanye
	ruleKoKa
	ruleDouble
	ruleSky
	ruleSkaya
	ruleBelAu
	ruleBaltic
	ruleYakanye
	ruleDh
)

var ruleNames = [...]string{
	"transliteration", "diacritics", "digits for letters", "shch→sh",
	"sch→sh", "Polish sz/cz/rz", "kh→h", "ph→f", "th→t", "ck→k", "q→k",
	"x→ks, sh", "w→v", "y/j→i", "ts→c", "tsekanne tsi→ti", "dzekanne dz→d",
	"dj/dzh→j", "gh→g", "ou→u", "ov→u (ў)", "akanye o→a", "-ko/-ka",
	"double letters", "-sky/-ski", "-skaya/-ska", "-au→-ov", "Baltic -s",
	"yakanye ia→e", "dh→d",
}

// ruleList names the rules in bits, comma-separated.
func ruleList(bits uint32) string {
	var b strings.Builder
	for i, n := range ruleNames {
		if bits&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !isVowel(c)
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// balticEndings are Latvian and Lithuanian nominative endings added to Slavic
// names ("Sergejs Lavrovs", "Zelenskis"), with what they come from.
var balticEndings = [...][2]string{
	{"ovas", "ov"}, {"evas", "ev"}, {"inas", "in"}, {"skis", "ski"},
	{"ovs", "ov"}, {"evs", "ev"}, {"ejs", "ej"}, {"ijs", "ij"},
}

// normToken appends the variant form of the lower-case token t to dst, and
// reports the rules that fired. The form is for comparison, not display:
// East Slavic romanisations (Russian, Belarusian, Ukrainian; BGN/PCGN,
// Polish and German conventions) of one name meet in it. Tokens in scripts
// without a transcription are returned as they are.
func normToken(dst []byte, t string) ([]byte, uint32) {
	if !isASCII(t) {
		return append(dst, t...), 0
	}
	var rules uint32
	if len(t) >= 6 && t[len(t)-1] == 's' {
		for _, e := range balticEndings {
			if strings.HasSuffix(t, e[0]) {
				t = t[:len(t)-len(e[0])] + e[1]
				rules |= ruleBaltic
				break
			}
		}
	}
	start := len(dst)
	emit := func(s string) {
		for k := 0; k < len(s); k++ {
			c := s[k]
			if len(dst) > start && dst[len(dst)-1] == c {
				rules |= ruleDouble
				continue
			}
			dst = append(dst, c)
		}
	}
	n := len(t)
	for i := 0; i < n; {
		c := t[i]
		switch c {
		case 's':
			switch {
			case hasPrefixAt(t, i, "shch"):
				emit("sh")
				i += 4
				rules |= ruleShch
				continue
			case hasPrefixAt(t, i, "schtsch"):
				// German щ: Chruschtschow, Khrushchev.
				emit("sh")
				i += 7
				rules |= ruleShch
				continue
			case hasPrefixAt(t, i, "sch"):
				emit("sh")
				i += 3
				rules |= ruleSch
				continue
			case hasPrefixAt(t, i, "sz"):
				emit("sh")
				i += 2
				rules |= rulePolish
				continue
			}
		case 'c':
			switch {
			case hasPrefixAt(t, i, "chtch"):
				// French щ: Khrouchtchev, Khrushchev.
				emit("sh")
				i += 5
				rules |= ruleShch
				continue
			case hasPrefixAt(t, i, "cz"):
				emit("ch")
				i += 2
				rules |= rulePolish
				continue
			case hasPrefixAt(t, i, "ck") && !(i+3 == n && (t[i+2] == 'i' || t[i+2] == 'a' || t[i+2] == 'y')):
				// English ck, not the Polish -cki, -cka (Potocki).
				emit("k")
				i += 2
				rules |= ruleCk
				continue
			}
		case 'r':
			// Polish rz between a consonant and a vowel (Andrzej, Krzysztof),
			// not German rz (Merz, Herzog).
			if hasPrefixAt(t, i, "rz") && i > 0 && isConsonant(t[i-1]) && i+2 < n && isVowel(t[i+2]) {
				emit("zh")
				i += 2
				rules |= rulePolish
				continue
			}
		case 't':
			switch {
			case hasPrefixAt(t, i, "tsch"):
				emit("ch")
				i += 4
				rules |= ruleSch
				continue
			case hasPrefixAt(t, i, "tch"):
				emit("ch")
				i += 3
				rules |= ruleTs
				continue
			case hasPrefixAt(t, i, "tsi"), hasPrefixAt(t, i, "tsy"):
				emit("ti")
				i += 3
				rules |= ruleTsekanne
				continue
			case hasPrefixAt(t, i, "ts"), hasPrefixAt(t, i, "tz"):
				emit("c")
				i += 2
				rules |= ruleTs
				continue
			case hasPrefixAt(t, i, "th"):
				emit("t")
				i += 2
				rules |= ruleTh
				continue
			}
		case 'd':
			switch {
			case hasPrefixAt(t, i, "dh"):
				// Arabic ذ and Greek δ: Qadhafi, Gaddafi.
				emit("d")
				i += 2
				rules |= ruleDh
				continue
			case hasPrefixAt(t, i, "dzh"):
				emit("j")
				i += 3
				rules |= ruleDj
				continue
			case hasPrefixAt(t, i, "dz"):
				emit("d")
				i += 2
				rules |= ruleDzekanne
				continue
			case hasPrefixAt(t, i, "dj"):
				emit("j")
				i += 2
				rules |= ruleDj
				continue
			}
		case 'k':
			if hasPrefixAt(t, i, "kh") {
				emit("h")
				i += 2
				rules |= ruleKh
				continue
			}
		case 'p':
			if hasPrefixAt(t, i, "ph") {
				emit("f")
				i += 2
				rules |= rulePh
				continue
			}
		case 'g':
			if hasPrefixAt(t, i, "gh") {
				emit("g")
				i += 2
				rules |= ruleGh
				continue
			}
		case 'q':
			emit("k")
			i++
			rules |= ruleQ
			continue
		case 'x':
			if i == 0 && n > 1 && isVowel(t[1]) {
				// Pinyin x (Xi, Shi), Portuguese and Catalan x (Xavier)
				// begin a word with a hush, not "ks".
				emit("sh")
				i++
				rules |= ruleX
				continue
			}
			emit("ks")
			i++
			rules |= ruleX
			continue
		case 'w':
			emit("v")
			i++
			rules |= ruleW
			continue
		case 'y', 'j', 'i':
			// Belarusian я for Russian е after a consonant: Bialiatski,
			// Belyatsky; Aliaksandr, Aleksandr.
			// Not before n: Chinese -ian, -iang (Chiang, Liang) are not this.
			if i > 0 && i+2 < n && t[i+1] == 'a' && isConsonant(t[i-1]) && t[i-1] != 'j' && t[i+2] != 'n' {
				emit("e")
				i += 2
				rules |= ruleYakanye
				continue
			}
			// Belarusian е after a consonant is romanised "ie" (BGN/PCGN:
			// Statkievich, Hrebnieu), Russian writes "e": Statkevich,
			// Grebnev. A final -ieu is Russian -ev.
			if c == 'i' && i > 0 && isConsonant(t[i-1]) && i+1 < n && t[i+1] == 'e' {
				if i+3 == n && t[i+2] == 'u' {
					emit("ev")
					i += 3
					rules |= ruleBelAu
					continue
				}
				if i+2 < n && isConsonant(t[i+2]) {
					emit("e")
					i += 2
					rules |= ruleYakanye
					continue
				}
			}
			if c != 'i' {
				emit("i")
				i++
				rules |= ruleYJ
				continue
			}
		case 'e':
			// Belarusian -еў is Russian -ев: Nyaklyaeu, Neklyaev.
			if i == n-2 && t[i+1] == 'u' && n >= 5 && isConsonant(t[i-1]) {
				emit("ev")
				i += 2
				rules |= ruleBelAu
				continue
			}
		case 'a':
			// Belarusian -аў is Russian -ов: Kalesnikau, Kolesnikov.
			if i == n-2 && t[i+1] == 'u' && n >= 5 {
				emit("av")
				i += 2
				rules |= ruleBelAu
				continue
			}
		case 'o':
			if i+1 < n {
				next := t[i+1]
				switch {
				case next == 'u' && i == n-2 && n >= 5:
					// Belarusian stressed -оў: Sakalou, Sokolov.
					emit("av")
					i += 2
					rules |= ruleBelAu
					continue
				case next == 'u':
					emit("u")
					i += 2
					rules |= ruleOu
					continue
				case (next == 'v' || next == 'w') && i+2 < n && isConsonant(t[i+2]):
					// Belarusian ў for в before a consonant:
					// Tsikhanouskaya, Tikhanovskaya.
					emit("u")
					i += 2
					rules |= ruleOvU
					continue
				}
			}
			if i == n-1 {
				// A final -o marks gender in Romance names (Mario, Maria)
				// and is kept, but Ukrainian -ko is Belarusian -ka.
				if i > 0 && t[i-1] == 'k' {
					emit("a")
					rules |= ruleKoKa
				} else {
					emit("o")
				}
				i++
				continue
			}
			emit("a")
			i++
			rules |= ruleAkanye
			continue
		}
		emit(t[i : i+1])
		i++
	}
	// Adjectival endings: -skiy, -skyi, -sky, -skij have become -ski by now;
	// -skaya, -skaja become -skaia, and feminine -aia is cut to -a.
	out := dst[start:]
	if m := len(out); m >= 5 && out[m-3] == 'a' && out[m-2] == 'i' && out[m-1] == 'a' {
		dst = dst[:len(dst)-2]
		rules |= ruleSkaya
	} else if m >= 5 && out[m-2] == 'k' && out[m-1] == 'i' && (out[m-3] == 's' || out[m-3] == 'c') &&
		!strings.HasSuffix(t, "ski") && !strings.HasSuffix(t, "cki") {
		rules |= ruleSky
	}
	return dst, rules
}

// skeleton appends the consonant key of the variant form v to dst: vowels,
// glides and h dropped, z as s, c as k, repeated letters collapsed. Variants
// of one name share it (Vučić and Vucic give "vk"); it is coarse on purpose,
// as it only picks candidates for Match.
func skeleton(dst []byte, v string) []byte {
	if !isASCII(v) {
		return append(dst, v...)
	}
	start := len(dst)
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'j', 'w':
			continue
		case 'z':
			c = 's'
		case 'c', 'q':
			c = 'k'
		}
		if len(dst) > start && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	if len(dst) == start {
		return append(dst, v...)
	}
	return dst
}

// strictSkeleton is like skeleton but keeps s and z apart; token matching
// uses it to allow vowel-only differences.
func strictSkeleton(dst []byte, v string) []byte {
	if !isASCII(v) {
		return append(dst, v...)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == 'h' || isVowel(c) {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// Surname endings that carry grammatical gender in East Slavic, Polish,
// Czech and Bulgarian names, checked longest first. -ko, -enko, -uk, -ich
// and the like are the same for both genders and carry none.
var (
	femaleEndings = []string{
		"skaya", "skaja", "skaia", "ckaya", "ckaja", "zkaya", "ska", "cka", "zka",
		"ovna", "evna", "ichna", "aya", "aja", "ova", "eva", "ava", "ina", "yna",
	}
	maleEndings = []string{
		"skiy", "skii", "skij", "skyi", "skyy", "skyj", "sky", "ski", "cki", "cky",
		"ovs", "evs", "ov", "ev", "ow", "ew", "in", "yn", "au", "iy", "yy", "yi",
		"ij", "yj", "oy", "oj",
	}
)

// endingsByLast groups maleEndings by their last letter, so that genderOf
// checks only the few that can apply.
var endingsByLast [256][]string

func init() {
	for _, e := range maleEndings {
		c := e[len(e)-1]
		endingsByLast[c] = append(endingsByLast[c], e)
	}
}

// genderOf returns the grammatical gender of a surname from its ending.
func genderOf(raw string) Gender {
	n := len(raw)
	if n < 4 || !isASCII(raw) {
		return Unknown
	}
	last := raw[n-1]
	if last == 'a' {
		for _, e := range femaleEndings {
			if n > len(e)+1 && raw[n-len(e):] == e {
				return Female
			}
		}
		return Unknown
	}
	for _, e := range endingsByLast[last] {
		if n > len(e)+1 && raw[n-len(e):] == e {
			return Male
		}
	}
	// English renderings drop the adjectival ending's second letter:
	// Navalny for Navalnyy, against Navalnaya.
	if n >= 5 && last == 'y' && isConsonant(raw[n-2]) && raw[n-2] != 'y' {
		return Male
	}
	return Unknown
}

// genderPairs are masculine and feminine endings of one surname that
// genderOf cannot tell apart on one word: Greek -os/-ou, -is/-i, -as/-a;
// Lithuanian -as, -is, -us/-iene, -aite, -yte; Latvian -s/-a.
var genderPairs = [...][2]string{
	{"os", "ou"}, {"is", "i"}, {"as", "a"},
	{"as", "iene"}, {"is", "iene"}, {"us", "iene"}, {"ys", "iene"},
	{"as", "aite"}, {"is", "yte"}, {"ys", "yte"}, {"us", "ute"},
	{"s", "a"}, {"s", "e"},
}

// genderedPair reports whether a and b are the masculine and feminine forms
// of one surname by one of genderPairs, and which is which.
func genderedPair(a, b string) (male, female string, ok bool) {
	for _, p := range genderPairs {
		for k := 0; k < 2; k++ {
			m, f := a, b
			if k == 1 {
				m, f = b, a
			}
			if len(m) > len(p[0])+2 && len(f) > len(p[1])+2 &&
				strings.HasSuffix(m, p[0]) && strings.HasSuffix(f, p[1]) &&
				m[:len(m)-len(p[0])] == f[:len(f)-len(p[1])] {
				return m, f, true
			}
		}
	}
	return "", "", false
}
