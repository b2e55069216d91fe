package cluster

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// kind is the family a feature belongs to; each family has its own weight
// and its own part of a story's centroid.
type kind uint8

const (
	kindWord    kind = iota // a content word, lower case and lightly stemmed
	kindEntity              // a name: given by the caller, or a capitalised word
	kindNumber              // a number other than a year, such as "81st" or "3,000"
	kindYear                // a year, such as "2013"
	kindDate                // a day of a month, such as "06-13"
	kindWeekday             // a day of the week, such as "saturday"
	numKinds
)

// prefix is the first byte of a feature key, so that all families share one
// vocabulary.
var prefix = [numKinds]byte{'w', 'e', 'n', 'y', 'd', 'k'}

// isShare reports whether a kind is compared by the share of its mentions
// that two sides have in common (years, dates, weekdays) rather than by
// cosine.
func isShare(k kind) bool { return k == kindYear || k == kindDate || k == kindWeekday }

func kindOf(key string) kind {
	switch key[0] {
	case 'e':
		return kindEntity
	case 'n':
		return kindNumber
	case 'y':
		return kindYear
	case 'd':
		return kindDate
	case 'k':
		return kindWeekday
	}
	return kindWord
}

// feature is one distinct feature of a document with how often it occurs.
type feature struct {
	key   string
	count float64 // occurrences, those in the lead counting more
}

// bag counts features in order of first occurrence, which keeps every
// later float sum in a fixed order.
type bag struct {
	index map[string]int
	list  []feature
}

func newBag() *bag { return &bag{index: make(map[string]int)} }

func (b *bag) add(k kind, s string, n float64) {
	if s == "" || n <= 0 {
		return
	}
	key := string(prefix[k]) + ":" + s
	if i, ok := b.index[key]; ok {
		b.list[i].count += n
		return
	}
	b.index[key] = len(b.list)
	b.list = append(b.list, feature{key, n})
}

// word is one token of running text.
type word struct {
	text    string // as written, without a trailing possessive
	initial bool   // first word of a sentence, a quotation or a headline
	stop    bool   // last word of a sentence that ends in punctuation
}

// extract returns the features of d: the words of its title and text, and
// either the entities, numbers and dates the caller gave or, for each family
// left empty, cheap ones read from the text. Features in the title and the
// first lead sentences count leadWeight times, since news puts the event
// there and the background further down.
func extract(d Doc, lead int, leadWeight float64) []feature {
	b := newBag()
	var sentences [][]word
	if d.Title != "" {
		sentences = append(sentences, splitWords(d.Title)...)
	}
	sentences = append(sentences, splitWords(d.Text)...)

	names := nameWords(sentences)
	for si, s := range sentences {
		one := 1.0
		if si < lead {
			one = leadWeight
		}
		for i, w := range s {
			lw := strings.ToLower(w.text)
			switch {
			case isNumberWord(w.text):
				if len(d.Numbers) == 0 && !isYear(w.text) {
					b.add(kindNumber, strings.ReplaceAll(lw, ",", ""), one)
				}
				if len(d.Dates) == 0 {
					if isYear(w.text) {
						b.add(kindYear, w.text, one)
					} else if i > 0 && monthOf(s[i-1].text) > 0 {
						b.add(kindDate, dayKey(monthOf(s[i-1].text), w.text), one)
					} else if i+1 < len(s) && monthOf(s[i+1].text) > 0 {
						b.add(kindDate, dayKey(monthOf(s[i+1].text), w.text), one)
					}
				}
			case weekdays[lw] && isCapitalised(w.text):
				if len(d.Dates) == 0 {
					b.add(kindWeekday, lw, one)
				}
			case stopword(lw):
			default:
				b.add(kindWord, stem(lw), one)
				if len(d.Entities) == 0 && names[lw] && isCapitalised(w.text) {
					b.add(kindEntity, lw, one)
				}
			}
		}
	}
	for _, e := range d.Entities {
		b.add(kindEntity, normalise(e), 1)
	}
	for _, n := range d.Numbers {
		b.add(kindNumber, strings.ReplaceAll(normalise(n), ",", ""), 1)
	}
	for _, s := range d.Dates {
		addDate(b, s)
	}
	return b.list
}

// nameWords returns the lower-case forms of the words that look like names:
// capitalised where capitals carry meaning, that is not at the start of a
// sentence and not in a headline (a line with no final stop where most
// words are capitalised). Their capitalised occurrences anywhere then
// count, sentence starts included.
func nameWords(sentences [][]word) map[string]bool {
	names := make(map[string]bool)
	for _, s := range sentences {
		caps, content := 0, 0
		for _, w := range s {
			lw := strings.ToLower(w.text)
			if stopword(lw) || isNumberWord(w.text) {
				continue
			}
			content++
			if isCapitalised(w.text) {
				caps++
			}
		}
		if content >= 4 && caps*10 > content*6 && !s[len(s)-1].stop {
			continue // a headline in title case
		}
		for _, w := range s {
			lw := strings.ToLower(w.text)
			if !w.initial && isCapitalised(w.text) && !stopword(lw) && !isNumberWord(w.text) &&
				monthOf(w.text) == 0 && !weekdays[lw] {
				names[lw] = true
			}
		}
	}
	return names
}

// splitWords cuts text into sentences of words. A sentence ends at a line
// break and at '.', '!' or '?' followed by a space, unless the word before
// is a common abbreviation. Hyphens split words; apostrophes, and commas and
// points inside numbers, do not.
func splitWords(text string) [][]word {
	var out [][]word
	var cur []word
	initial := true
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		initial = true
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch r {
			case '\n':
				flush()
			case '.', '!', '?':
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				end := i+size >= len(text) || unicode.IsSpace(next) || next == '"' || next == '”' || next == '’' || next == ')'
				if end && (r != '.' || len(cur) == 0 || !abbreviation(cur[len(cur)-1].text)) {
					if len(cur) > 0 {
						cur[len(cur)-1].stop = true
					}
					flush()
				}
			case '“', '"', '‘', '(', ':', ';':
				initial = true
			}
			i += size
			continue
		}
		j := scanWord(text, i)
		w := text[i:j]
		if t, ok := strings.CutSuffix(w, "'s"); ok {
			w = t
		} else if t, ok := strings.CutSuffix(w, "’s"); ok {
			w = t
		}
		if w != "" {
			cur = append(cur, word{text: w, initial: initial})
		}
		initial = false
		i = j
	}
	flush()
	return out
}

// scanWord returns the end of the word that starts at i: letters and
// digits, with apostrophes between letters, and points and commas between
// digits ("7.5", "3,000") or in initialisms ("U.S").
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += size
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[j+size:])
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		switch {
		case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next):
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case r == '.' && unicode.IsUpper(next) && isInitialism(text[i:j]):
		default:
			return j
		}
		j += size
	}
	return j
}

// isInitialism reports whether s is capitals separated by points, such as
// "U.S".
func isInitialism(s string) bool {
	for k, r := range s {
		if k%2 == 0 && !unicode.IsUpper(r) || k%2 == 1 && r != '.' {
			return false
		}
	}
	return s != ""
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gov": true, "sen": true,
	"rep": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "jr": true,
	"sr": true, "calif": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "no": true, "vs": true, "prof": true, "rev": true, "mt": true,
	"ft": true, "ave": true, "u.s": true, "u.k": true, "u.n": true,
}

func abbreviation(w string) bool {
	return abbreviations[strings.ToLower(w)] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isNumberWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1900 && n <= 2099
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthOf returns the month a capitalised month name stands for, or 0.
func monthOf(w string) int {
	if !isCapitalised(w) {
		return 0
	}
	return months[strings.ToLower(w)]
}

func dayKey(month int, day string) string {
	d, err := strconv.Atoi(strings.TrimRight(day, "stndrh"))
	if err != nil || d < 1 || d > 31 {
		return ""
	}
	return twoDigits(month) + "-" + twoDigits(d)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// addDate adds the year and the day of a date given by the caller, in one
// of the usual layouts; anything else is kept whole as a date feature.
func addDate(b *bag, s string) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02", "2006-01", "2006", "January 2, 2006", "2 January 2006", "January 2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		b.add(kindYear, strconv.Itoa(t.Year()), 1)
		if layout != "2006" && layout != "2006-01" && layout != "January 2006" {
			b.add(kindDate, twoDigits(int(t.Month()))+"-"+twoDigits(t.Day()), 1)
		}
		return
	}
	b.add(kindDate, normalise(s), 1)
}

// normalise lower-cases a name and collapses its spaces.
func normalise(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// stem strips the commonest English inflections, so that "quakes" and
// "quake" meet; it is deliberately light, as names go through it too.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at
		be because been before being below between both but by can can't cannot could couldn't did didn't do
		does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
		having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've
		if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off
		on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
		shouldn't so some such than that that's the their theirs them themselves then there there's these they
		they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll
		we're we've were weren't what what's when when's where where's which while who who's whom why why's
		with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say
		saying told tell according will may might must shall one two three four five six seven eight nine ten
		new also mr mrs ms s t re ve ll d m n't it’s don’t i’m can’t won’t didn’t doesn’t isn’t wasn’t
		yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday week weeks year years
		day days month months time times last first next ago since still even well back many much get got
		like made make including however another us	`) {
		m[w] = true
	}
	return m
}()

func stopword(w string) bool { return stopwords[w] || utf8.RuneCountInString(w) < 2 }
