package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns a quote reduced for matching: lower case, accents and
// punctuation removed, curly and straight apostrophes dropped, runs of
// space collapsed.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFKD.String(s)
	}
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == 'ʼ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

var stopwords = set(`a an the and or but nor of to in on at by for with from as is are was were be been
being am it its this that these those there here than then so such well also too very just not no
will would shall should can could may might must do does did has have had having i you he she we
they me him her us them my your his our their what which who whom whose when where why how all any
both each more most other some into over under about after before between through during again
further once only own same s t don now if while because until up down out off`)

// stem cuts common English endings so that "principles" meets "principle"
// and "lifted" meets "lift".
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "es"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// contentWords returns the distinct stems of the content words of a
// normalised quote.
func contentWords(norm string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, w := range strings.Fields(norm) {
		if stopwords[w] {
			continue
		}
		s := stem(w)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// near reports whether two stems are spelling or translation variants:
// equal, or sharing a prefix of five letters that covers most of the
// shorter ("normalise" and "normalize").
func near(a, b string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 5 {
		return false
	}
	p := 0
	for p < n && a[p] == b[p] {
		p++
	}
	return p >= 5 && p*4 >= n*3
}

// SameQuote reports whether a and b are the same quotation, allowing for a
// slightly different translation or one outlet quoting only part of it.
// The score in [0, 1] weighs how much of the shorter quote's content words
// the longer one holds (containment, 0.7) and their overlap over both
// (Jaccard, 0.3). Quotes with fewer than three content words must match
// after normalisation, as a whole or as a part, because a few common words
// prove nothing.
func SameQuote(a, b string) (same bool, score float64) {
	na, nb := Normalize(a), Normalize(b)
	if na == "" || nb == "" {
		return false, 0
	}
	if na == nb {
		return true, 1
	}
	wa, wb := contentWords(na), contentWords(nb)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
		na, nb = nb, na
	}
	if len(wa) == 0 {
		return false, 0
	}
	// Index the longer quote's stems by their first five letters.
	exact := make(map[string]bool, len(wb))
	byPrefix := make(map[string][]string)
	for _, w := range wb {
		exact[w] = true
		if len(w) >= 5 {
			byPrefix[w[:5]] = append(byPrefix[w[:5]], w)
		}
	}
	shared := 0
	for _, w := range wa {
		if exact[w] {
			shared++
			continue
		}
		if len(w) < 5 {
			continue
		}
		for _, c := range byPrefix[w[:5]] {
			if near(w, c) {
				shared++
				break
			}
		}
	}
	contain := float64(shared) / float64(len(wa))
	jaccard := float64(shared) / float64(len(wa)+len(wb)-shared)
	score = 0.7*contain + 0.3*jaccard
	if len(wa) < 3 {
		inside := strings.Contains(" "+nb+" ", " "+na+" ")
		if !inside {
			return false, score
		}
		return true, score
	}
	return score >= 0.6 && shared >= 2, score
}
