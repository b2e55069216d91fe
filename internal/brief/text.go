package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// words returns the lower-case word tokens of s: runs of letters and
// digits, keeping an inner apostrophe ("don't") and digit groups ("1,200",
// "4.5"). A possessive "'s" is dropped so that "Vesnia's" counts as
// "vesnia".
func words(s string) []string {
	var out []string
	scanWords(s, func(i, j int) {
		w := strings.ToLower(s[i:j])
		w = strings.ReplaceAll(w, "’", "'")
		w = strings.TrimSuffix(w, "'s")
		if strings.ContainsRune(w, ',') {
			w = strings.ReplaceAll(w, ",", "")
		}
		out = append(out, w)
	})
	return out
}

// scanWords calls fn with the byte range of each word token of s, as words
// finds them, in order.
func scanWords(s string, fn func(i, j int)) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			// Keep "1,200", "4.5" and "don't" whole.
			if r == ',' || r == '.' || r == '\'' || r == '’' {
				prev, _ := utf8.DecodeLastRuneInString(s[i:j])
				next, m := utf8.DecodeRuneInString(s[j+n:])
				if m > 0 && ((r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next) ||
					(r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next)) {
					j += n + m
					continue
				}
			}
			break
		}
		fn(i, j)
		i = j
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isNumeric reports whether the token w starts with a digit.
func isNumeric(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// stem strips the commonest English inflections so that "released",
// "releases" and "release" compare equal. It is deliberately light: the
// stems are only ever compared, never shown.
func stem(w string) string {
	if isNumeric(w) || len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = w[:len(w)-2]
	}
	if strings.HasSuffix(w, "e") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	return w
}

// stopWords are function words and the reporting verbs every article uses;
// they carry neither similarity nor framing.
var stopWords = setOf(`a about above after again against all almost also although am among an and
another any are aren't around as at be became because been before being below between both but by
can cannot could couldn't did didn't do does doesn't doing don't down during each either else
enough etc even ever every few for from further had hadn't has hasn't have haven't having he her
here hers herself him himself his how however i if in into is isn't it its itself just least less
let like many may me might more most much must my myself neither no nor not now of off often on
once only onto or other others otherwise our ours ourselves out over own per perhaps quite rather
same she should shouldn't since so some such than that the their theirs them themselves then there
these they this those though through thus to too toward towards under until up upon us very via
was wasn't we were weren't what whatever when whenever where whereas whether which while who whom
whose why will with within without won't would wouldn't yet you your yours yourself yourselves
said says say saying told tell tells according added adding asked stated noted reported reports
reporting mr mrs ms dr also including include includes included among whose new one
`)

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// calendarWords name months and days: dates are facts, not framing.
var calendarWords = setOf(`january february march april june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday today yesterday tomorrow week weeks month months year years day
days`)

// numberWords spell out quantities.
var numberWords = setOf(`two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
ninety hundred hundreds thousand thousands million millions billion billions dozen dozens half
percent`)

// creditPhrases mark lines about the article rather than the story.
var creditPhrases = []string{
	"reporting by", "editing by", "writing by", "additional reporting", "contributed to this report",
	"all rights reserved", "click here", "subscribe", "follow us", "sign up", "copyright",
	"read more", "newsletter", "this article", "this story",
}

// sentenceInfo holds what the selection rules need to know about one
// sentence's surface.
type sentenceInfo struct {
	words     int
	question  bool
	quoted    float64 // the share of letters inside quotation marks
	unbalance bool    // an opening or closing quotation mark is missing
	credit    bool    // a credit line or page furniture
	lower     bool    // starts in lower case: a fragment
	dangling  bool    // leans on the sentence before it (see dangling)
	number    bool
	date      bool
	names     int // capitalised words after the first
}

func describe(s string, ws []string) sentenceInfo {
	info := sentenceInfo{words: len(ws), dangling: dangling(s, ws)}
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	info.question = strings.HasSuffix(t, "?")
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})); unicode.IsLower(r) {
		info.lower = true
	}
	low := strings.ToLower(s)
	for _, p := range creditPhrases {
		if strings.Contains(low, p) {
			info.credit = true
			break
		}
	}
	if strings.HasPrefix(strings.TrimSpace(s), "(") && strings.HasSuffix(t, ")") {
		info.credit = true
	}

	// Quotation marks: straight double quotes toggle; curly and angle
	// quotes open and close.
	var in, total, inside, straight, open int
	for _, r := range s {
		switch r {
		case '"':
			straight++
			in = straight % 2
			continue
		case '“', '«', '„':
			open++
			in = 1
			continue
		case '”', '»':
			open--
			in = 0
			continue
		}
		if unicode.IsLetter(r) {
			total++
			if in == 1 {
				inside++
			}
		}
	}
	if total > 0 {
		info.quoted = float64(inside) / float64(total)
	}
	info.unbalance = straight%2 == 1 || open != 0

	for _, w := range ws {
		switch {
		case isNumeric(w):
			info.number = true
			if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
				info.date = true
			}
		case numberWords[w]:
			info.number = true
		case calendarWords[w]:
			info.date = true
		}
	}
	first := true
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		r, _ := utf8.DecodeRuneInString(f)
		if first {
			first = false
			continue
		}
		if unicode.IsUpper(r) && !stopWords[strings.ToLower(f)] && !calendarWords[strings.ToLower(f)] {
			info.names++
		}
	}
	return info
}

// summaryWorthy reports whether a sentence can stand alone in a summary:
// not a question, not mostly a quotation, not a fragment, not too short or
// too long, and not a credit line.
func (i sentenceInfo) summaryWorthy() bool {
	return i.words >= 7 && i.words <= 70 && !i.question && !i.unbalance && i.quoted < 0.5 &&
		!i.credit && !i.lower
}

// detailWorthy reports whether a sentence can be shown as a detail only one
// outlet gives. Quotations are welcome here.
func (i sentenceInfo) detailWorthy() bool {
	return i.words >= 6 && i.words <= 80 && !i.question && !i.unbalance && !i.credit && !i.lower
}

// notability scores how much checkable detail a sentence carries, at most
// 3: a number, a date, a quotation, names.
func (i sentenceInfo) notability() float64 {
	n := 0.0
	if i.number {
		n += 1
	}
	if i.date {
		n += 0.5
	}
	if i.quoted > 0.3 {
		n += 0.5
	}
	n += 0.25 * float64(min(i.names, 4))
	return n
}

// hasDateline reports whether s opens with a dateline, such as "TALLINN,
// April 2 (North Wire) -" or "LONDON (Wire) —": a place in capitals before
// a comma or a parenthesis.
func hasDateline(s string) bool {
	i := strings.IndexAny(s, ",(")
	if i < 3 || i > 40 {
		return false
	}
	upper := 0
	for _, r := range s[:i] {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 3
}

// withoutDateline returns s without its leading dateline ("TALLINN, April 2
// (North Wire) - "), so that a wire sentence and its copy that dropped the
// dateline read alike.
func withoutDateline(s string) string {
	if !hasDateline(s) {
		return s
	}
	head := s[:min(len(s), 80)]
	for _, sep := range []string{" - ", " – ", " — ", " -- "} {
		if i := strings.Index(head, sep); i >= 0 {
			return s[i+len(sep):]
		}
	}
	return s
}
