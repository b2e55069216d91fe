package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// This file holds a tiny sentence splitter for tests only, so that the
// tests do not depend on the clean package. It splits lines at a sentence
// mark followed by space and a capital, a digit or an opening quote, and
// keeps code-point offsets as clean does.

var testAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "u.s": true, "vs": true,
}

func splitSentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	base := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := 0
		emit := func(end int) {
			seg := line[start:end]
			lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
			s := strings.TrimSpace(seg)
			if s != "" {
				st := base + utf8.RuneCountInString(line[:start+lead])
				out = append(out, crosscheck.Sentence{Text: s, Start: st, End: st + utf8.RuneCountInString(s)})
			}
			start = end
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < len(line) {
				r, n := utf8.DecodeRuneInString(line[j:])
				if r != '"' && r != '”' && r != '’' && r != ')' && r != '.' {
					break
				}
				j += n
			}
			if j >= len(line) || line[j] != ' ' {
				continue
			}
			k := j
			for k < len(line) && line[k] == ' ' {
				k++
			}
			if k >= len(line) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(line[k:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '“' && r != '«' && r != '„' {
				continue
			}
			if c == '.' {
				w := line[start:i]
				if p := strings.LastIndexAny(w, " (\"“"); p >= 0 {
					w = w[p+1:]
				}
				w = strings.ToLower(w)
				if testAbbrev[w] || utf8.RuneCountInString(w) == 1 {
					continue
				}
			}
			emit(j)
			i = j - 1
		}
		emit(len(line))
		base += utf8.RuneCountInString(line)
	}
	return out
}

// article builds a test article from text; pub may be zero.
func article(text string, pub time.Time) *crosscheck.Article {
	return &crosscheck.Article{ID: "t", Language: "en", Text: text, Sentences: splitSentences(text), Published: pub}
}

// straighten folds typographic quotes as the clean package does, to check
// that extraction works on cleaned text too.
func straighten(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "’", "'", "‘", "'", "–", "-", "—", "-").Replace(s)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
